// QuantityExtractor: energy, power and other figures, normalized (SPEC §2 quantities).
#ifndef GIGAFACT_EXTRACTORS_QUANTITIES_H_
#define GIGAFACT_EXTRACTORS_QUANTITIES_H_

#include "extractors/extractor.h"

namespace gigafact {

class QuantityExtractor : public Extractor {
 public:
  QuantityExtractor();
  const char* Name() const override { return "quantities"; }
  void Extract(const Document& doc, Extraction* out) const override;
};

}  // namespace gigafact

#endif  // GIGAFACT_EXTRACTORS_QUANTITIES_H_
