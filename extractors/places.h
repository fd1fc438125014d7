// PlaceExtractor: finds place names in both scripts and resolves each to a
// gazetteer entity (SPEC §2 places).
#ifndef GIGAFACT_EXTRACTORS_PLACES_H_
#define GIGAFACT_EXTRACTORS_PLACES_H_

#include "extractors/extractor.h"
#include "normalizers/gazetteer.h"

namespace gigafact {

class PlaceExtractor : public Extractor {
 public:
  // gazetteer must outlive the extractor.
  explicit PlaceExtractor(const Gazetteer& gazetteer);
  const char* Name() const override { return "places"; }
  void Extract(const Document& doc, Extraction* out) const override;

 private:
  const Gazetteer& gazetteer_;
};

}  // namespace gigafact

#endif  // GIGAFACT_EXTRACTORS_PLACES_H_
