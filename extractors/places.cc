#include "extractors/places.h"

#include <algorithm>
#include <cctype>
#include <fstream>
#include <set>

namespace gigafact {

struct PlaceExtractor::Found {
  Span norm;
  const std::vector<int>* places;
  bool dateline = false;
};

namespace {

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

// TitleCase: "NEW YORK" → "New York", "SAN JOSÉ" stays as is past ASCII.
std::string TitleCase(std::string_view upper) {
  std::string out(upper);
  bool word_start = true;
  for (char& ch : out) {
    unsigned char c = static_cast<unsigned char>(ch);
    if (std::isalpha(c)) {
      if (!word_start) ch = static_cast<char>(std::tolower(c));
      word_start = false;
    } else {
      word_start = c == ' ' || c == '-' || c == '.';
    }
  }
  return out;
}

// DatelineNames: the places of a wire-story dateline that opens a line in
// capitals ("MADRID/PARIS, Dec 10 (Reuters) -", "YONGIN, South Korea, Aug. 28,
// 2024 /PRNewswire/ --"), as spans of text. The gazetteer matches names as
// written, so capitals need their own look-up.
std::vector<Span> DatelineNames(std::string_view text) {
  std::vector<Span> names;
  size_t end = 0;
  while (end < text.size()) {
    unsigned char c = static_cast<unsigned char>(text[end]);
    if (!(std::isupper(c) || c == ' ' || c == '/' || c == '-' || c == '.' || c == '\'')) break;
    ++end;
  }
  while (end > 0 && text[end - 1] == ' ') --end;
  if (end < 3 || end >= text.size()) return names;
  std::string_view rest = text.substr(end);
  if (!(rest[0] == ',' || rest.substr(0, 2) == " (" || rest.substr(0, 2) == " -")) return names;
  size_t begin = 0;
  for (size_t i = 0; i <= end; ++i) {
    if (i < end && text[i] != '/') continue;
    size_t b = begin, e = i;
    while (b < e && text[b] == ' ') ++b;
    while (e > b && text[e - 1] == ' ') --e;
    if (e - b >= 3) names.push_back({b, e});
    begin = i + 1;
  }
  return names;
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

// AddFound adds a gazetteer match at span of text (a line starting at
// line_begin). A name qualified by the place around it ("Big Rapids,
// Michigan", "Fremont, California") names both places: the two parts become
// two mentions.
void PlaceExtractor::AddFound(std::string_view text, size_t line_begin, Span span,
                              const std::vector<int>* places, std::vector<Found>* found) const {
  std::string_view name = text.substr(span.begin, span.size());
  size_t comma = name.rfind(", ");
  if (comma != std::string_view::npos && comma > 0) {
    const std::vector<int>* outer = gazetteer_.ResolveName(name.substr(comma + 2));
    if (outer != nullptr && gazetteer_.IsWithin((*places)[0], (*outer)[0]) &&
        (*places)[0] != (*outer)[0]) {
      found->push_back({{line_begin + span.begin, line_begin + span.begin + comma}, places});
      found->push_back({{line_begin + span.begin + comma + 2, line_begin + span.end}, outer});
      return;
    }
  }
  found->push_back({{line_begin + span.begin, line_begin + span.end}, places});
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
      AddFound(text, line.span.begin, c.span, c.places, &found);
    }
    if (candidates.empty() || candidates[0].span.begin > 0) {
      for (Span name : DatelineNames(text)) {
        const std::vector<int>* places = gazetteer_.ResolveName(TitleCase(text.substr(name.begin, name.size())));
        if (places)
          found.push_back({{line.span.begin + name.begin, line.span.begin + name.end}, places, true});
      }
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
    m.dateline = f.dateline;
    out->places.push_back(std::move(m));
    if (!out->entities.count(p.entity.id)) out->entities.emplace(p.entity.id, EntityOf(p));
  }
}

}  // namespace gigafact
