#include "extractors/quantities.h"

namespace gigafact {

QuantityExtractor::QuantityExtractor() = default;

void QuantityExtractor::Extract(const Document& doc, Extraction* out) const {
  (void)doc;
  (void)out;
}

}  // namespace gigafact
