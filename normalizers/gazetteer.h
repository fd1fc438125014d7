// Gazetteer: the canonical places (countries, Chinese divisions by GB/T 2260
// code, development zones, battery-industry sites abroad, regions) with their
// names in English, Simplified and Traditional Chinese, and a matcher that
// finds those names in text. Loaded once from normalizers/data/*.tsv.
#ifndef GIGAFACT_NORMALIZERS_GAZETTEER_H_
#define GIGAFACT_NORMALIZERS_GAZETTEER_H_

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/extraction.h"
#include "normalizers/name_matcher.h"

namespace gigafact {

struct Place {
  Entity entity;                     // id, name, name_zh, type, country, parent
  std::string name_zh_hant;
  std::vector<std::string> aliases;  // every other name from the data
  int parent_index = -1;
  int level = 0;                     // 0 country/region … 4 zone: lower is broader
};

class Gazetteer {
 public:
  // Candidate: a name found in text and every place it may stand for.
  struct Candidate {
    Span span;
    const std::vector<int>* places;  // indexes, best default first
  };

  // LoadDir reads the place tables of a data directory (countries.tsv,
  // places_cn.tsv, zones_cn.tsv, places_tw.tsv, places_world.tsv; missing
  // ones are skipped)
  // and builds the matcher. False with *err on malformed data.
  bool LoadDir(const std::string& dir, std::string* err);

  // Find appends every place name in text to *out (leftmost-longest).
  void Find(std::string_view text, std::vector<Candidate>* out) const;

  // ResolveName returns the places an exact name may stand for (empty if none).
  const std::vector<int>* ResolveName(std::string_view name) const;

  const Place& place(int index) const { return places_[index]; }
  int IndexOf(std::string_view id) const;
  size_t size() const { return places_.size(); }
  // IsWithin tells whether place a lies within place b (or is b).
  bool IsWithin(int a, int b) const;

 private:
  void AddName(const std::string& name, int place);
  void AddNamesOf(int place);

  std::vector<Place> places_;
  std::unordered_map<std::string, int> by_id_;
  std::vector<std::vector<int>> name_groups_;
  std::unordered_map<std::string, int> group_of_name_;
  NameMatcher matcher_;
};

// PlaceLevel orders place types from broad to specific.
int PlaceLevel(std::string_view type);

}  // namespace gigafact

#endif  // GIGAFACT_NORMALIZERS_GAZETTEER_H_
