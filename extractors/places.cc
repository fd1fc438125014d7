#include "extractors/places.h"

#include <algorithm>
#include <cctype>
#include <fstream>
#include <set>

namespace gigafact {

namespace {

struct Found {
  Span norm;
  const std::vector<int>* places;
};

// Words that, right after a Chinese place name, make it part of a street,
// building or other named thing rather than the place itself ("新蚌埠路").
constexpr std::string_view kNotAPlaceAfter[] = {"路", "街", "大道", "大街", "巷", "号", "號",
                                                "站", "港口", "机场", "機場", "大桥", "大橋"};

bool StartsWithAny(std::string_view text, size_t pos) {
  std::string_view rest = text.substr(pos);
  for (std::string_view w : kNotAPlaceAfter)
    if (rest.substr(0, w.size()) == w) return true;
  return false;
}

bool IsHanLead(unsigned char c) { return c >= 0xE3 && c <= 0xE9; }

// ChoosePlace picks the reading of an ambiguous name that fits the places the
// article names without ambiguity: one inside or around a sure place wins,
// otherwise the broadest reading (the group's first).
int ChoosePlace(const Gazetteer& gaz, const std::vector<int>& readings,
                const std::set<int>& sure) {
  if (readings.size() == 1) return readings[0];
  for (int r : readings)
    for (int s : sure)
      if (s != r && (gaz.IsWithin(r, s) || gaz.IsWithin(s, r))) return r;
  return readings[0];
}

// EntityOf: the record's view of a gazetteer place, with its other names.
Entity EntityOf(const Place& p) {
  Entity e = p.entity;
  if (!p.name_zh_hant.empty() && p.name_zh_hant != e.name_zh) e.aliases.push_back(p.name_zh_hant);
  e.aliases.insert(e.aliases.end(), p.aliases.begin(), p.aliases.end());
  return e;
}

}  // namespace

bool LoadWordList(const std::string& path, std::vector<std::string>* words, std::string* err) {
  std::ifstream in(path);
  if (!in) {
    *err = "cannot open data file " + path;
    return false;
  }
  std::string line;
  while (std::getline(in, line)) {
    while (!line.empty() && (line.back() == '\r' || line.back() == ' ')) line.pop_back();
    if (!line.empty() && line[0] != '#') words->push_back(line);
  }
  return true;
}

PlaceExtractor::PlaceExtractor(const Gazetteer& gazetteer, std::vector<std::string> surnames)
    : gazetteer_(gazetteer), surnames_(std::move(surnames)) {
  std::sort(surnames_.begin(), surnames_.end());
}

bool PlaceExtractor::FollowsSurname(std::string_view line, size_t pos) const {
  if (pos < 2 || line[pos - 1] != ' ') return false;
  size_t start = pos - 1;
  while (start > 0 && std::isalpha(static_cast<unsigned char>(line[start - 1]))) --start;
  std::string word(line.substr(start, pos - 1 - start));
  return std::binary_search(surnames_.begin(), surnames_.end(), word);
}

void PlaceExtractor::Extract(const Document& doc, Extraction* out) const {
  std::vector<Found> found;
  std::vector<Gazetteer::Candidate> candidates;
  for (const Line& line : doc.lines) {
    if (line.boilerplate) continue;
    std::string_view text = doc.NormText(line.span);
    candidates.clear();
    gazetteer_.Find(text, &candidates);
    for (const auto& c : candidates) {
      bool han_name = IsHanLead(static_cast<unsigned char>(text[c.span.begin]));
      if (han_name && StartsWithAny(text, c.span.end)) continue;
      if (!han_name && FollowsSurname(text, c.span.begin)) continue;  // "Liu Jincheng"
      found.push_back({{line.span.begin + c.span.begin, line.span.begin + c.span.end}, c.places});
    }
  }
  std::set<int> sure;
  for (const Found& f : found)
    if (f.places->size() == 1) sure.insert((*f.places)[0]);
  for (const Found& f : found) {
    const Place& p = gazetteer_.place(ChoosePlace(gazetteer_, *f.places, sure));
    EntityMention m;
    m.span = doc.ToOriginal(f.norm);
    m.norm = f.norm;
    m.lang = doc.LangAt(f.norm.begin);
    m.id = p.entity.id;
    out->places.push_back(std::move(m));
    if (!out->entities.count(p.entity.id)) out->entities.emplace(p.entity.id, EntityOf(p));
  }
}

}  // namespace gigafact
