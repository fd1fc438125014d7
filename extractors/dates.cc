#include "extractors/dates.h"

namespace gigafact {

DateExtractor::DateExtractor() = default;

void DateExtractor::Extract(const Document& doc, Extraction* out) const {
  (void)doc;
  (void)out;
}

}  // namespace gigafact
