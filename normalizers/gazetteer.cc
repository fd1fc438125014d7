#include "normalizers/gazetteer.h"

#include <algorithm>
#include <filesystem>

#include "normalizers/tsv.h"

namespace gigafact {

namespace {

constexpr const char* kTables[] = {"countries.tsv", "places_cn.tsv", "zones_cn.tsv",
                                   "places_tw.tsv", "places_world.tsv"};

// Chinese administrative suffixes, longest first. Stripping one gives the
// short form news uses (东营市 → 东营), for divisions broad enough that the
// short form is not an everyday word.
constexpr std::string_view kZhSuffixes[] = {"特别行政区", "特別行政區", "自治区", "自治區",
                                            "省", "市", "地区", "地區", "盟"};

size_t Utf8Chars(std::string_view s) {
  size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

std::string StripZhSuffix(const std::string& name) {
  for (std::string_view suf : kZhSuffixes) {
    if (name.size() > suf.size() && name.compare(name.size() - suf.size(), suf.size(), suf) == 0) {
      std::string shorter = name.substr(0, name.size() - suf.size());
      if (Utf8Chars(shorter) >= 2) return shorter;
    }
  }
  return "";
}

}  // namespace

int PlaceLevel(std::string_view type) {
  if (type == "country" || type == "region") return 0;
  if (type == "province") return 1;
  if (type == "city") return 2;
  if (type == "district") return 3;
  return 4;  // zone
}

void Gazetteer::AddName(const std::string& name, int place) {
  if (name.empty()) return;
  auto [it, inserted] = group_of_name_.emplace(name, static_cast<int>(name_groups_.size()));
  if (inserted) name_groups_.emplace_back();
  std::vector<int>& group = name_groups_[it->second];
  if (std::find(group.begin(), group.end(), place) == group.end()) group.push_back(place);
}

void Gazetteer::AddNamesOf(int index) {
  const Place& p = places_[index];
  const Entity& e = p.entity;
  AddName(e.name, index);
  AddName(e.name_zh, index);
  AddName(p.name_zh_hant, index);
  for (const std::string& a : p.aliases) AddName(a, index);
  // Chinese short forms for provinces and cities (东营市 → 东营); county-level
  // short forms are too often ordinary words (和平, 新华, 长安, 吉利).
  if (p.level <= 2 && e.type != "region") {
    AddName(StripZhSuffix(e.name_zh), index);
    AddName(StripZhSuffix(p.name_zh_hant), index);
  }
  // English generic words: "Dongying City", "Shandong province",
  // "Kenli district" (capitalised or not).
  auto add_generic = [&](const std::string& base, const char* word_cap, const char* word) {
    AddName(base + " " + word_cap, index);
    AddName(base + " " + word, index);
  };
  if (e.country == "CN") {
    if (e.type == "province") add_generic(e.name, "Province", "province");
    if (e.type == "province" || e.type == "city") {
      add_generic(e.name, "City", "city");
      add_generic(e.name, "Municipality", "municipality");
    }
    for (const char* generic : {" District", " County"}) {
      size_t g = e.name.rfind(generic);
      if (g != std::string::npos && g + std::string_view(generic).size() == e.name.size()) {
        std::string lower(generic);
        lower[1] = static_cast<char>(tolower(lower[1]));
        AddName(e.name.substr(0, g) + lower, index);
      }
    }
  }
}

bool Gazetteer::LoadDir(const std::string& dir, std::string* err) {
  for (const char* table : kTables) {
    std::string path = (std::filesystem::path(dir) / table).string();
    if (!std::filesystem::exists(path)) continue;
    std::vector<TsvRow> rows;
    if (!ReadTsv(path, &rows, err)) return false;
    for (TsvRow& row : rows) {
      Place p;
      p.entity.id = row["id"];
      p.entity.type = row["type"];
      p.entity.country = row["country"];
      p.entity.parent = row["parent"];
      p.entity.name = row["name_en"];
      p.entity.name_zh = row["name_zh"];
      p.name_zh_hant = row["name_zh_hant"];
      p.aliases = SplitList(row["aliases"]);
      p.level = PlaceLevel(p.entity.type);
      if (p.entity.id.empty() || by_id_.count(p.entity.id)) continue;  // first wins
      by_id_[p.entity.id] = static_cast<int>(places_.size());
      places_.push_back(std::move(p));
    }
  }
  for (Place& p : places_) {
    auto it = by_id_.find(p.entity.parent);
    if (it != by_id_.end()) p.parent_index = it->second;
  }
  for (int i = 0; i < static_cast<int>(places_.size()); ++i) AddNamesOf(i);
  // Within a group, broader places come first: the default reading of "吉林"
  // is the province, of "Jilin City" the city.
  for (auto& group : name_groups_) {
    std::stable_sort(group.begin(), group.end(),
                     [&](int a, int b) { return places_[a].level < places_[b].level; });
  }
  for (const auto& [name, group] : group_of_name_) matcher_.Add(name, group);
  matcher_.Build();
  return true;
}

void Gazetteer::Find(std::string_view text, std::vector<Candidate>* out) const {
  std::vector<NameMatcher::Match> matches;
  matcher_.FindAll(text, &matches);
  for (const auto& m : matches) out->push_back({m.span, &name_groups_[m.payload]});
}

const std::vector<int>* Gazetteer::ResolveName(std::string_view name) const {
  int32_t g = matcher_.Lookup(name);
  return g < 0 ? nullptr : &name_groups_[g];
}

int Gazetteer::IndexOf(std::string_view id) const {
  auto it = by_id_.find(std::string(id));
  return it == by_id_.end() ? -1 : it->second;
}

bool Gazetteer::IsWithin(int a, int b) const {
  for (int depth = 0; a >= 0 && depth < 8; ++depth) {
    if (a == b) return true;
    a = places_[a].parent_index;
  }
  return false;
}

}  // namespace gigafact
