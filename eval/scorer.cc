#include "eval/scorer.h"

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <functional>
#include <set>
#include <sstream>

#include "eval/fold.h"

namespace gigafact {

using nlohmann::json;

const char* const kScoredFields[7] = {"published", "dates",   "energy_gwh", "power_gw",
                                      "places",    "parties", "facts"};

namespace {

bool SameNumber(double a, double b) {
  double scale = std::max(std::fabs(a), std::fabs(b));
  return std::fabs(a - b) <= 1e-6 * scale || a == b;
}

std::string NumberText(double v) {
  std::ostringstream os;
  os << v;
  return os.str();
}

const json& Member(const json& obj, const char* key) {
  static const json kNull;
  if (!obj.is_object()) return kNull;
  auto it = obj.find(key);
  return it == obj.end() ? kNull : *it;
}

std::vector<std::string> Strings(const json& arr) {
  std::vector<std::string> out;
  if (!arr.is_array()) return out;
  for (const auto& v : arr)
    if (v.is_string()) out.push_back(v.get<std::string>());
  return out;
}

std::vector<double> Numbers(const json& arr) {
  std::vector<double> out;
  if (!arr.is_array()) return out;
  for (const auto& v : arr)
    if (v.is_number()) out.push_back(v.get<double>());
  return out;
}

// A named entity under folding: the set of its folded names.
struct NamedEntity {
  std::string display;
  std::set<std::string> folded;
  bool Matches(const NamedEntity& o) const {
    for (const auto& n : folded)
      if (o.folded.count(n)) return true;
    return false;
  }
};

NamedEntity FromNames(const std::string& display, const std::vector<std::string>& names) {
  NamedEntity e{display, {}};
  for (const auto& n : names) {
    std::string f = FoldName(n);
    if (!f.empty()) e.folded.insert(f);
  }
  return e;
}

// A predicted entity's names: name, name_zh, id and any aliases (SPEC §4).
NamedEntity PredictedEntity(const json& e) {
  std::vector<std::string> names;
  for (const char* key : {"name", "name_zh", "id"}) {
    const json& v = Member(e, key);
    if (v.is_string()) names.push_back(v.get<std::string>());
  }
  for (const auto& a : Strings(Member(e, "aliases"))) names.push_back(a);
  std::string display = Member(e, "name").is_string() ? Member(e, "name").get<std::string>()
                                                      : (names.empty() ? "?" : names[0]);
  return FromNames(display, names);
}

NamedEntity GoldEntity(const json& g) {
  std::vector<std::string> names;
  std::string display;
  if (g.is_string()) {
    display = g.get<std::string>();
    names.push_back(display);
  } else {
    if (Member(g, "name").is_string()) display = Member(g, "name").get<std::string>();
    names.push_back(display);
    for (const auto& a : Strings(Member(g, "aliases"))) names.push_back(a);
  }
  return FromNames(display, names);
}

// MaxMatching: maximum bipartite matching (augmenting paths); returns for
// each left item the matched right index or -1. Lists are small.
std::vector<int> MaxMatching(size_t left, size_t right,
                             const std::function<bool(size_t, size_t)>& edge) {
  std::vector<int> match_right(right, -1), match_left(left, -1);
  std::function<bool(size_t, std::vector<char>&)> augment = [&](size_t l, std::vector<char>& seen) {
    for (size_t r = 0; r < right; ++r) {
      if (seen[r] || !edge(l, r)) continue;
      seen[r] = 1;
      if (match_right[r] < 0 || augment(static_cast<size_t>(match_right[r]), seen)) {
        match_right[r] = static_cast<int>(l);
        match_left[l] = static_cast<int>(r);
        return true;
      }
    }
    return false;
  };
  for (size_t l = 0; l < left; ++l) {
    std::vector<char> seen(right, 0);
    augment(l, seen);
  }
  return match_left;
}

void ScoreEntities(const char* field, const json& gold, const json* record, DocScore* ds) {
  std::vector<NamedEntity> golds, ignores, preds;
  for (const auto& g : Member(gold, field)) golds.push_back(GoldEntity(g));
  for (const auto& g : Member(Member(gold, "ignore"), field)) ignores.push_back(GoldEntity(g));
  if (record)
    for (const auto& p : Member(*record, field)) preds.push_back(PredictedEntity(p));
  std::vector<int> m = MaxMatching(preds.size(), golds.size(),
                                   [&](size_t p, size_t g) { return preds[p].Matches(golds[g]); });
  FieldCounts& c = ds->fields[field];
  std::vector<char> gold_hit(golds.size(), 0);
  for (size_t p = 0; p < preds.size(); ++p) {
    if (m[p] >= 0) {
      ++c.tp;
      gold_hit[m[p]] = 1;
      continue;
    }
    bool ignored = std::any_of(ignores.begin(), ignores.end(),
                               [&](const NamedEntity& i) { return preds[p].Matches(i); });
    if (ignored) continue;
    ++c.fp;
    bool duplicate = std::any_of(golds.begin(), golds.end(),
                                 [&](const NamedEntity& g) { return preds[p].Matches(g); });
    ds->false_positives[field].push_back(preds[p].display + (duplicate ? " (duplicate)" : ""));
  }
  for (size_t g = 0; g < golds.size(); ++g) {
    if (gold_hit[g]) continue;
    ++c.fn;
    ds->misses[field].push_back(golds[g].display);
  }
}

void ScoreNumbers(const char* field, const char* kind, const json& gold, const json* record,
                  DocScore* ds) {
  std::vector<double> golds = Numbers(Member(gold, field));
  std::vector<double> ignores = Numbers(Member(Member(gold, "ignore"), field));
  std::vector<double> preds;
  if (record) {
    for (const auto& q : Member(*record, "quantities")) {
      if (Member(q, "kind") != kind) continue;
      for (const char* key : {"value", "min", "max"}) {
        const json& v = Member(q, key);
        if (!v.is_number()) continue;
        double x = v.get<double>();
        if (std::none_of(preds.begin(), preds.end(), [&](double y) { return SameNumber(x, y); }))
          preds.push_back(x);
      }
    }
  }
  FieldCounts& c = ds->fields[field];
  std::vector<char> gold_hit(golds.size(), 0);
  for (double p : preds) {
    bool hit = false;
    for (size_t g = 0; g < golds.size() && !hit; ++g) {
      if (!gold_hit[g] && SameNumber(p, golds[g])) {
        gold_hit[g] = 1;
        hit = true;
      }
    }
    if (hit) { ++c.tp; continue; }
    if (std::any_of(ignores.begin(), ignores.end(), [&](double i) { return SameNumber(p, i); }))
      continue;
    ++c.fp;
    ds->false_positives[field].push_back(NumberText(p));
  }
  for (size_t g = 0; g < golds.size(); ++g) {
    if (gold_hit[g]) continue;
    ++c.fn;
    ds->misses[field].push_back(NumberText(golds[g]));
  }
}

std::string GoldPublished(const json& gold) {
  const json& p = Member(gold, "published");
  return p.is_string() ? p.get<std::string>() : "";
}

void ScorePublished(const json& gold, const json* record, DocScore* ds) {
  std::string g = GoldPublished(gold);
  std::string p;
  if (record) {
    const json& v = Member(Member(*record, "published"), "value");
    if (v.is_string()) p = v.get<std::string>();
  }
  FieldCounts& c = ds->fields["published"];
  if (!p.empty() && p == g) { ++c.tp; return; }
  if (!p.empty()) { ++c.fp; ds->false_positives["published"].push_back(p); }
  if (!g.empty()) { ++c.fn; ds->misses["published"].push_back(g); }
}

void ScoreDates(const json& gold, const json* record, DocScore* ds) {
  std::set<std::string> golds;
  for (const auto& d : Strings(Member(gold, "dates"))) golds.insert(d);
  std::set<std::string> ignores;
  for (const auto& d : Strings(Member(Member(gold, "ignore"), "dates"))) ignores.insert(d);
  std::string published = GoldPublished(gold);
  if (!published.empty()) ignores.insert(published);  // SPEC §4: implicitly ignored
  std::set<std::string> preds;
  if (record)
    for (const auto& d : Member(*record, "dates"))
      if (Member(d, "value").is_string()) preds.insert(Member(d, "value").get<std::string>());
  FieldCounts& c = ds->fields["dates"];
  for (const auto& p : preds) {
    if (golds.count(p)) { ++c.tp; continue; }
    if (ignores.count(p)) continue;
    ++c.fp;
    ds->false_positives["dates"].push_back(p);
  }
  for (const auto& g : golds) {
    if (preds.count(g)) continue;
    ++c.fn;
    ds->misses["dates"].push_back(g);
  }
}

// Facts (SPEC §4): figure equal (same kind), one party matching one gold
// owner (or both none), the place matching one gold place (or both none).
struct PredFact {
  std::string kind;
  double value = 0;
  std::vector<NamedEntity> parties;
  bool has_place = false;
  NamedEntity place;
  std::string type, date;
};
struct GoldFact {
  std::string kind;
  double value = 0;
  std::vector<NamedEntity> owners, places;
  std::string type, date;
};

// ExpandGoldName: a gold owner or place name stands for the gold entity of
// that name with all its aliases.
NamedEntity ExpandGoldName(const std::string& name, const std::vector<NamedEntity>& entities) {
  NamedEntity bare = FromNames(name, {name});
  for (const auto& e : entities)
    if (e.Matches(bare)) return e;
  return bare;
}

std::string FactText(const std::string& kind, double v) {
  return NumberText(v) + (kind == "energy" ? " GWh" : " GW");
}

void ScoreFacts(const json& gold, const json* record, DocScore* ds) {
  if (!gold.contains("facts")) return;  // annotated before facts existed
  std::vector<NamedEntity> gold_parties, gold_places;
  for (const auto& g : Member(gold, "parties")) gold_parties.push_back(GoldEntity(g));
  for (const auto& g : Member(gold, "places")) gold_places.push_back(GoldEntity(g));
  std::vector<GoldFact> golds;
  for (const auto& f : Member(gold, "facts")) {
    GoldFact g;
    if (Member(f, "energy_gwh").is_number()) { g.kind = "energy"; g.value = Member(f, "energy_gwh").get<double>(); }
    else if (Member(f, "power_gw").is_number()) { g.kind = "power"; g.value = Member(f, "power_gw").get<double>(); }
    else continue;
    for (const auto& o : Strings(Member(f, "owners"))) g.owners.push_back(ExpandGoldName(o, gold_parties));
    for (const auto& p : Strings(Member(f, "place"))) g.places.push_back(ExpandGoldName(p, gold_places));
    if (Member(f, "type").is_string()) g.type = Member(f, "type").get<std::string>();
    if (Member(f, "date").is_string()) g.date = Member(f, "date").get<std::string>();
    golds.push_back(std::move(g));
  }
  std::vector<double> ignores = Numbers(Member(Member(gold, "ignore"), "facts"));

  std::vector<PredFact> preds;
  if (record) {
    std::map<std::string, NamedEntity> parties, places;
    for (const auto& e : Member(*record, "parties"))
      if (Member(e, "id").is_string()) parties[Member(e, "id").get<std::string>()] = PredictedEntity(e);
    for (const auto& e : Member(*record, "places"))
      if (Member(e, "id").is_string()) places[Member(e, "id").get<std::string>()] = PredictedEntity(e);
    for (const auto& f : Member(*record, "facts")) {
      PredFact p;
      if (Member(f, "energy_gwh").is_number()) { p.kind = "energy"; p.value = Member(f, "energy_gwh").get<double>(); }
      else if (Member(f, "power_gw").is_number()) { p.kind = "power"; p.value = Member(f, "power_gw").get<double>(); }
      else continue;
      for (const auto& id : Strings(Member(f, "parties"))) {
        auto it = parties.find(id);
        p.parties.push_back(it != parties.end() ? it->second : FromNames(id, {id}));
      }
      if (Member(f, "place").is_string()) {
        std::string id = Member(f, "place").get<std::string>();
        auto it = places.find(id);
        p.has_place = true;
        p.place = it != places.end() ? it->second : FromNames(id, {id});
      }
      if (Member(f, "type").is_string()) p.type = Member(f, "type").get<std::string>();
      if (Member(f, "date").is_string()) p.date = Member(f, "date").get<std::string>();
      preds.push_back(std::move(p));
    }
  }
  auto matches = [&](size_t pi, size_t gi) {
    const PredFact& p = preds[pi];
    const GoldFact& g = golds[gi];
    if (p.kind != g.kind || !SameNumber(p.value, g.value)) return false;
    bool owners_ok = p.parties.empty() && g.owners.empty();
    for (const auto& pp : p.parties)
      for (const auto& o : g.owners) owners_ok = owners_ok || pp.Matches(o);
    if (!owners_ok) return false;
    if (!p.has_place) return g.places.empty();
    for (const auto& gp : g.places)
      if (p.place.Matches(gp)) return true;
    return false;
  };
  std::vector<int> m = MaxMatching(preds.size(), golds.size(), matches);
  FieldCounts& c = ds->fields["facts"];
  std::vector<char> gold_hit(golds.size(), 0);
  for (size_t p = 0; p < preds.size(); ++p) {
    if (m[p] >= 0) {
      ++c.tp;
      gold_hit[m[p]] = 1;
      ++ds->facts_matched;
      const GoldFact& g = golds[m[p]];
      bool type_right = preds[p].type == g.type, date_right = preds[p].date == g.date;
      ds->facts_type_right += type_right;
      ds->facts_date_right += date_right;
      if (!type_right || !date_right) {
        auto shown = [](const std::string& v) { return v.empty() ? std::string("null") : v; };
        std::string what = FactText(preds[p].kind, preds[p].value) + " " +
                           (preds[p].parties.empty() ? "-" : preds[p].parties[0].display) + ":";
        if (!type_right) what += " type " + shown(preds[p].type) + " (gold " + shown(g.type) + ")";
        if (!date_right) what += " date " + shown(preds[p].date) + " (gold " + shown(g.date) + ")";
        ds->fact_attribute_errors.push_back(std::move(what));
      }
      continue;
    }
    if (std::any_of(ignores.begin(), ignores.end(), [&](double i) { return SameNumber(preds[p].value, i); }))
      continue;
    ++c.fp;
    std::string who = preds[p].parties.empty() ? "-" : preds[p].parties[0].display;
    ds->false_positives["facts"].push_back(FactText(preds[p].kind, preds[p].value) + " " + who + " @ " +
                                           (preds[p].has_place ? preds[p].place.display : "-"));
  }
  for (size_t g = 0; g < golds.size(); ++g) {
    if (gold_hit[g]) continue;
    ++c.fn;
    std::string who = golds[g].owners.empty() ? "-" : golds[g].owners[0].display;
    ds->misses["facts"].push_back(FactText(golds[g].kind, golds[g].value) + " " + who + " @ " +
                                  (golds[g].places.empty() ? "-" : golds[g].places[0].display));
  }
}

}  // namespace

std::string RecordKey(const std::string& doc_id) {
  size_t slash = doc_id.find_last_of('/');
  return slash == std::string::npos ? doc_id : doc_id.substr(slash + 1);
}

DocScore ScoreDoc(const json& gold, const json* record) {
  DocScore ds;
  ds.doc_id = Member(gold, "doc_id").is_string() ? Member(gold, "doc_id").get<std::string>() : "";
  ds.has_record = record != nullptr;
  for (const char* f : kScoredFields) ds.fields[f];
  ScorePublished(gold, record, &ds);
  ScoreDates(gold, record, &ds);
  ScoreNumbers("energy_gwh", "energy", gold, record, &ds);
  ScoreNumbers("power_gw", "power", gold, record, &ds);
  ScoreEntities("places", gold, record, &ds);
  ScoreEntities("parties", gold, record, &ds);
  ScoreFacts(gold, record, &ds);
  return ds;
}

bool Scorer::AddGoldDir(const std::string& dir, std::string* err) {
  namespace fs = std::filesystem;
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) {
    *err = "gold directory not found: " + dir;
    return false;
  }
  std::vector<fs::path> files;
  for (fs::recursive_directory_iterator it(dir, ec), end; it != end; it.increment(ec)) {
    if (ec) break;
    std::string name = it->path().filename().string();
    if (name.size() > 10 && name.compare(name.size() - 10, 10, ".gold.json") == 0)
      files.push_back(it->path());
  }
  std::sort(files.begin(), files.end());
  for (const auto& f : files) {
    std::ifstream in(f);
    json g = json::parse(in, nullptr, false);
    if (g.is_discarded() || !g.is_object()) {
      *err = "malformed gold file: " + f.string();
      return false;
    }
    if (!g.contains("doc_id")) {
      std::string stem = f.filename().string();
      g["doc_id"] = stem.substr(0, stem.size() - 10);
    }
    AddGold(g);
  }
  return true;
}

void Scorer::AddGold(const json& gold) {
  if (Member(gold, "doc_id").is_string()) gold_[Member(gold, "doc_id").get<std::string>()] = gold;
}

void Scorer::AddRecord(const json& record) {
  if (Member(record, "doc_id").is_string())
    records_[RecordKey(Member(record, "doc_id").get<std::string>())] = record;
}

Score Scorer::Compute() const {
  Score s;
  for (const char* f : kScoredFields) s.fields[f];
  for (const auto& [id, gold] : gold_) {
    auto it = records_.find(id);
    DocScore ds = ScoreDoc(gold, it == records_.end() ? nullptr : &it->second);
    for (const auto& [field, counts] : ds.fields) {
      s.fields[field].Add(counts);
      s.overall.Add(counts);
    }
    s.facts_matched += ds.facts_matched;
    s.facts_type_right += ds.facts_type_right;
    s.facts_date_right += ds.facts_date_right;
    s.docs.push_back(std::move(ds));
  }
  for (const auto& [key, record] : records_)
    if (!gold_.count(key)) s.unmatched_records.push_back(key);
  return s;
}

}  // namespace gigafact
