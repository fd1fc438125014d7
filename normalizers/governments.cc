#include "normalizers/governments.h"

#include <algorithm>
#include <cctype>

#include "normalizers/tsv.h"

namespace gigafact {

namespace {

constexpr std::string_view kEnLevelWords[] = {"Provincial", "provincial", "Municipal", "municipal",
                                              "City",       "city",       "State",     "state",
                                              "Regional",   "regional",   "County",    "county",
                                              "District",   "district",   "Prefectural"};

constexpr std::string_view kZhAdminSuffixes[] = {"市", "省", "县", "縣", "区", "區"};

bool StartsWith(std::string_view s, std::string_view prefix) {
  return s.substr(0, prefix.size()) == prefix;
}

std::string Lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return s;
}

// LevelWord: the English adjective of a government's level ("Shandong
// Provincial Government", "Jining Municipal Government").
std::string LevelWord(const Place& place) {
  const Entity& e = place.entity;
  if (e.country != "CN") return "";
  if (e.type == "province")
    return e.name_zh.size() >= 3 && e.name_zh.compare(e.name_zh.size() - 3, 3, "市") == 0
               ? "Municipal"
               : "Provincial";
  if (e.type == "city") return "Municipal";
  return "";  // districts and counties carry their generic word in the name
}

std::string ZhShortName(const Place& place) {
  return place.entity.name_zh;  // official names keep their suffix: 济宁市人民政府
}

}  // namespace

bool Governments::LoadFile(const std::string& path, std::string* err) {
  std::vector<TsvRow> rows;
  if (!ReadTsv(path, &rows, err)) return false;
  for (TsvRow& row : rows) {
    GovernmentBody b;
    b.slug = row["id"];
    b.zh_forms = SplitList(row["zh"]);
    b.en = row["en"];
    b.en_forms = SplitList(row["en_forms"]);
    // Longest forms first, so "人民政府" is tried before "政府".
    auto longer = [](const std::string& a, const std::string& c) { return a.size() > c.size(); };
    std::stable_sort(b.zh_forms.begin(), b.zh_forms.end(), longer);
    std::stable_sort(b.en_forms.begin(), b.en_forms.end(), longer);
    bodies_.push_back(std::move(b));
  }
  return true;
}

const GovernmentBody* Governments::MatchZhAfter(std::string_view text, size_t* length) const {
  size_t skip = 0;
  for (std::string_view suf : kZhAdminSuffixes)
    if (StartsWith(text, suf)) skip = suf.size();
  const GovernmentBody* best = nullptr;
  size_t best_len = 0;
  for (size_t s : {skip, size_t{0}}) {
    std::string_view rest = text.substr(s);
    for (const GovernmentBody& b : bodies_)
      for (const std::string& f : b.zh_forms)
        if (StartsWith(rest, f) && s + f.size() > best_len) {
          best = &b;
          best_len = s + f.size();
        }
  }
  *length = best_len;
  return best;
}

const GovernmentBody* Governments::MatchEnAfter(std::string_view text, size_t* length) const {
  if (text.empty() || text[0] != ' ') return nullptr;
  // An optional level word may stand between the place and the body:
  // "Shandong Provincial Transportation Department".
  size_t lead = 1;
  for (std::string_view level : kEnLevelWords) {
    if (StartsWith(text.substr(1), level) && text.size() > 1 + level.size() &&
        text[1 + level.size()] == ' ') {
      lead = 2 + level.size();
      break;
    }
  }
  const GovernmentBody* best = nullptr;
  size_t best_len = 0;
  for (size_t start : {lead, size_t{1}}) {
    std::string_view rest = text.substr(start);
    for (const GovernmentBody& b : bodies_) {
      for (const std::string& f : b.en_forms) {
        if (!StartsWith(rest, f) || start + f.size() <= best_len) continue;
        // The form must end at a word boundary.
        if (rest.size() > f.size() && std::isalnum(static_cast<unsigned char>(rest[f.size()])))
          continue;
        best = &b;
        best_len = start + f.size();
      }
    }
  }
  *length = best_len;
  return best;
}

Entity Governments::EntityFor(const Place& place, const GovernmentBody& body) const {
  const Entity& p = place.entity;
  Entity e;
  e.id = "gov-" + Lower(p.id) + (body.slug == "government" ? "" : "-" + body.slug);
  e.type = "government";
  std::string level = LevelWord(place);
  std::string zh_full = body.zh_forms.empty() ? "" : body.zh_forms.front();
  e.name_zh = ZhShortName(place) + zh_full;
  if (body.slug == "government") {
    if (p.type == "country") {
      e.name = "Government of " + p.name;
    } else {
      e.name = p.name + (level.empty() ? "" : " " + level) + " Government";
    }
    e.aliases = {p.name + " Government", p.name + " People's Government",
                 p.name + (level.empty() ? "" : " " + level) + " People's Government",
                 "Government of " + p.name, p.name + " City Council"};
    for (const std::string& f : body.zh_forms)
      if (ZhShortName(place) + f != e.name_zh) e.aliases.push_back(ZhShortName(place) + f);
  } else {
    e.name = p.name + (level.empty() ? "" : " " + level) + " " + body.en;
    e.aliases = {p.name + " " + body.en};
    for (const std::string& f : body.zh_forms)
      if (ZhShortName(place) + f != e.name_zh) e.aliases.push_back(ZhShortName(place) + f);
  }
  e.aliases.erase(std::remove(e.aliases.begin(), e.aliases.end(), e.name), e.aliases.end());
  e.parent = "";
  return e;
}

}  // namespace gigafact
