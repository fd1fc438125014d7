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

bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

// FieldSlug: the id part of a ministry's field: ASCII letters and digits
// lowercased, every other run a single '-' ("Economy, Trade and Industry" →
// "economy-trade-and-industry").
std::string FieldSlug(std::string_view field) {
  std::string slug;
  for (unsigned char c : field) {
    if (std::isalnum(c)) {
      slug += static_cast<char>(std::tolower(c));
    } else if (!slug.empty() && slug.back() != '-') {
      slug += '-';
    }
  }
  while (!slug.empty() && slug.back() == '-') slug.pop_back();
  return slug;
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

const GovernmentBody* Governments::MatchEnBefore(std::string_view text, size_t* length) const {
  for (std::string_view of : {" of the ", " of "}) {
    if (!EndsWith(text, of)) continue;
    std::string_view head = text.substr(0, text.size() - of.size());
    const GovernmentBody* best = nullptr;
    size_t best_len = 0;
    for (const GovernmentBody& b : bodies_) {
      auto try_form = [&](std::string_view f) {
        if (f.find(' ') == std::string_view::npos && f != "Government" && f != "government")
          return;  // "Council of …", "SASAC of …": too generic in front of a place
        if (!EndsWith(head, f) || f.size() <= best_len) return;
        size_t start = head.size() - f.size();
        if (start > 0 && std::isalnum(static_cast<unsigned char>(head[start - 1]))) return;
        best = &b;
        best_len = f.size();
      };
      try_form(b.en);
      for (const std::string& f : b.en_forms) try_form(f);
    }
    if (best != nullptr) {
      *length = best_len + of.size();
      return best;
    }
  }
  *length = 0;
  return nullptr;
}

const GovernmentBody* Governments::Body(std::string_view slug) const {
  for (const GovernmentBody& b : bodies_)
    if (b.slug == slug) return &b;
  return nullptr;
}

bool Governments::LoadDemonyms(const std::string& path, std::string* err) {
  std::vector<TsvRow> rows;
  if (!ReadTsv(path, &rows, err)) return false;
  for (TsvRow& row : rows) {
    const std::string& id = row["id"];
    std::vector<std::string> forms = SplitList(row["forms"]);
    if (id.empty() || forms.empty()) {
      *err = path + ": row '" + id + "' needs an id and at least one form";
      return false;
    }
    demonym_of_country_.emplace(id, forms.front());
    for (const std::string& f : forms) country_of_demonym_.emplace(f, id);
  }
  return true;
}

bool Governments::LoadMinistries(const std::string& path, std::string* err) {
  std::vector<TsvRow> rows;
  if (!ReadTsv(path, &rows, err)) return false;
  for (TsvRow& row : rows) {
    const std::string& field = row["field"];
    std::vector<std::string> forms = SplitList(row["zh"]);
    if (field.empty() || forms.empty()) {
      *err = path + ": row '" + field + "' needs a field and at least one Chinese form";
      return false;
    }
    zh_of_field_.emplace(field, forms.front());
    for (std::string& f : forms) ministry_forms_.push_back({std::move(f), field});
  }
  std::stable_sort(ministry_forms_.begin(), ministry_forms_.end(),
                   [](const MinistryForm& a, const MinistryForm& b) { return a.zh.size() > b.zh.size(); });
  return true;
}

std::string_view Governments::MatchMinistryZhAfter(std::string_view text, size_t* length) const {
  for (const MinistryForm& f : ministry_forms_) {
    if (StartsWith(text, f.zh)) {
      *length = f.zh.size();
      return f.field;
    }
  }
  *length = 0;
  return {};
}

std::string_view Governments::CountryOfDemonym(std::string_view form) const {
  auto it = country_of_demonym_.find(std::string(form));
  return it == country_of_demonym_.end() ? std::string_view() : std::string_view(it->second);
}

std::string_view Governments::DemonymOf(std::string_view place_id) const {
  auto it = demonym_of_country_.find(std::string(place_id));
  return it == demonym_of_country_.end() ? std::string_view() : std::string_view(it->second);
}

Entity Governments::MinistryEntity(const Place& country, std::string_view field) const {
  const Entity& c = country.entity;
  std::string ministry = "Ministry of " + std::string(field);
  std::string demonym(DemonymOf(c.id));
  Entity e;
  e.id = "gov-" + Lower(c.id) + "-ministry-" + FieldSlug(field);
  e.type = "government";
  e.parent = "gov-" + Lower(c.id);
  e.name = demonym.empty() ? ministry + " of " + c.name : demonym + " " + ministry;
  auto zh = zh_of_field_.find(std::string(field));
  if (zh != zh_of_field_.end() && !c.name_zh.empty()) e.name_zh = c.name_zh + zh->second;
  e.aliases = {ministry + " of " + c.name, c.name + "'s " + ministry, c.name + " " + ministry,
               ministry, std::string(field) + " Ministry"};
  if (!demonym.empty()) e.aliases.push_back(demonym + " " + std::string(field) + " Ministry");
  e.aliases.erase(std::remove(e.aliases.begin(), e.aliases.end(), e.name), e.aliases.end());
  return e;
}

Entity Governments::EntityFor(const Place& place, const GovernmentBody& body) const {
  const Entity& p = place.entity;
  Entity e;
  e.id = "gov-" + Lower(p.id) + (body.slug == "government" ? "" : "-" + body.slug);
  e.type = "government";
  std::string level = LevelWord(place);
  std::string zh_full = body.zh_forms.empty() ? "" : body.zh_forms.front();
  // "人民政府" is the style of Chinese governments only: the press writes
  // "匈牙利政府", "密歇根州政府".
  if (body.slug == "government" && p.country != "CN") zh_full = "政府";
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
    // A first-level division abroad (a US state) is "the State of Kansas".
    if (p.type == "province" && p.country != "CN") e.aliases.push_back("State of " + p.name);
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
