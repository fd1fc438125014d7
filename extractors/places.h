// PlaceExtractor: finds place names in both scripts and resolves each to a
// gazetteer entity (SPEC §2 places).
#ifndef GIGAFACT_EXTRACTORS_PLACES_H_
#define GIGAFACT_EXTRACTORS_PLACES_H_

#include <string>
#include <string_view>
#include <vector>

#include "extractors/extractor.h"
#include "normalizers/gazetteer.h"

namespace gigafact {

class PlaceExtractor : public Extractor {
 public:
  // gazetteer must outlive the extractor. surnames: pinyin surnames that,
  // right before a pinyin place name, make it a person's name.
  PlaceExtractor(const Gazetteer& gazetteer, std::vector<std::string> surnames);
  const char* Name() const override { return "places"; }
  void Extract(const Document& doc, Extraction* out) const override;

 private:
  struct Found;
  bool FollowsSurname(std::string_view line, size_t pos) const;
  void AddFound(std::string_view text, size_t line_begin, Span span,
                const std::vector<int>* places, std::vector<Found>* found) const;

  const Gazetteer& gazetteer_;
  std::vector<std::string> surnames_;  // sorted
};

// LoadWordList reads a one-word-per-line file ('#' comments); false with *err.
bool LoadWordList(const std::string& path, std::vector<std::string>* words, std::string* err);

}  // namespace gigafact

#endif  // GIGAFACT_EXTRACTORS_PLACES_H_
