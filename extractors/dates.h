// DateExtractor: dates, publication date and roles (SPEC §2 dates, published).
#ifndef GIGAFACT_EXTRACTORS_DATES_H_
#define GIGAFACT_EXTRACTORS_DATES_H_

#include "extractors/extractor.h"

namespace gigafact {

class DateExtractor : public Extractor {
 public:
  DateExtractor();
  const char* Name() const override { return "dates"; }
  void Extract(const Document& doc, Extraction* out) const override;
};

}  // namespace gigafact

#endif  // GIGAFACT_EXTRACTORS_DATES_H_
