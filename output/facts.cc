#include "output/facts.h"

#include <algorithm>
#include <climits>
#include <cmath>
#include <cstdlib>
#include <map>
#include <set>

#include "normalizers/tsv.h"

namespace gigafact {

namespace {

using ClassSet = uint32_t;

constexpr ClassSet Bit(CueClass c) { return ClassSet{1} << static_cast<int>(c); }

constexpr ClassSet kDoneEvents =
    Bit(CueClass::kAgreement) | Bit(CueClass::kConstruction) | Bit(CueClass::kOperation);
constexpr ClassSet kEventTypes = kDoneEvents | Bit(CueClass::kPlan) |
                                 Bit(CueClass::kCapacity) | Bit(CueClass::kOther);
constexpr ClassSet kPlaceRefs =
    Bit(CueClass::kCountryRef) | Bit(CueClass::kProvinceRef) | Bit(CueClass::kCityRef);
constexpr ClassSet kPointers = Bit(CueClass::kFacilityRef) | Bit(CueClass::kCompanyRef) |
                               Bit(CueClass::kItRef) | Bit(CueClass::kEventRef);

struct NamedClass {
  const char* name;
  CueClass cls;
};
constexpr NamedClass kClassNames[] = {
    {"plan", CueClass::kPlan},
    {"agreement", CueClass::kAgreement},
    {"construction", CueClass::kConstruction},
    {"operation", CueClass::kOperation},
    {"capacity", CueClass::kCapacity},
    {"other", CueClass::kOther},
    {"future", CueClass::kFuture},
    {"done", CueClass::kDone},
    {"weak", CueClass::kWeak},
    {"same_day", CueClass::kSameDay},
    {"as_of", CueClass::kAsOf},
    {"deadline", CueClass::kDeadline},
    {"announce", CueClass::kAnnounce},
    {"facility_ref", CueClass::kFacilityRef},
    {"company_ref", CueClass::kCompanyRef},
    {"it_ref", CueClass::kItRef},
    {"event_ref", CueClass::kEventRef},
    {"country_ref", CueClass::kCountryRef},
    {"province_ref", CueClass::kProvinceRef},
    {"city_ref", CueClass::kCityRef},
    {"source", CueClass::kSource},
    {"domicile", CueClass::kDomicile},
    {"scope", CueClass::kScope},
    {"product", CueClass::kProduct},
    {"locative", CueClass::kLocative},
    {"respectively", CueClass::kRespectively},
};

const char* TypeName(CueClass c) {
  switch (c) {
    case CueClass::kPlan: return "plan";
    case CueClass::kAgreement: return "agreement";
    case CueClass::kConstruction: return "construction";
    case CueClass::kOperation: return "operation";
    case CueClass::kCapacity: return "capacity";
    default: return "other";
  }
}

int LangIndex(Lang lang) { return lang == Lang::kZh ? 1 : 0; }

// FoldAscii lower-cases ASCII letters, so English cues match in any case.
std::string FoldAscii(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

size_t Distance(Span a, size_t pos) {
  if (a.end <= pos) return pos - a.end;
  return a.begin > pos ? a.begin - pos : 0;
}

// Place levels of SPEC §2 types: lower is broader.
constexpr int kProvinceLevel = 1;
constexpr int kCityLevel = 2;

}  // namespace

// FactLinkerInternals: the work of one Link call. The article is cut into
// units (sentences, split again at ';' so "A 于9月并网；B 于10月并网" are two
// statements) with their clauses, cue words and mentions, all in
// original-text offsets.
struct FactLinkerInternals {
  struct CueHit {
    size_t begin, end;
    ClassSet classes;
  };
  struct Unit {
    Span norm, orig;
    Span evidence;  // the whole sentence
    Lang lang = Lang::kOther;
    bool body = false;
    bool headline = false;
    std::vector<size_t> bounds;  // clause boundaries (original offsets), sorted
    std::vector<CueHit> cues;
    std::vector<int> places, parties, dates, figures;
  };
  // A candidate fact from one figure mention (one end of a range).
  struct Candidate {
    std::string kind;
    double value = 0;
    std::vector<std::string> owners;
    std::string place;
    CueClass type = CueClass::kCapacity;
    bool typed = false;  // the type comes from a cue, not the default
    std::string date;
    int unit = -1;
    bool headline = false;
    int phase = 0;
    size_t pos = 0;
  };
  struct EventChoice {
    CueClass type = CueClass::kCapacity;
    bool typed = false;
    bool loose = false;  // from a loose word ("in operation", 已建成)
    std::string date;
  };

  const FactLinker& linker;
  const Document& doc;
  const Extraction& ex;
  std::vector<Unit> units;
  std::vector<Span> unit_orig;  // for lookup by original offset
  std::string main_company;
  std::set<std::string> mentioned_parties;

  FactLinkerInternals(const FactLinker& l, const Document& d, const Extraction& e)
      : linker(l), doc(d), ex(e) {}

  // ==== Setup ================================================================

  int UnitOf(size_t offset) const {
    auto it = std::upper_bound(unit_orig.begin(), unit_orig.end(), offset,
                               [](size_t off, const Span& s) { return off < s.end; });
    if (it == unit_orig.end() || offset < it->begin) return -1;
    return static_cast<int>(it - unit_orig.begin());
  }

  // Sentences: the document's sentences, with an exclamation that opens a
  // headline ("60GWh!山东时代…投产", "120亿元!…开工") joined to what follows,
  // and hard-wrapped English prose ("… battery product was\nofficially
  // launched …") joined across the line break.
  std::vector<Sentence> Sentences() const {
    std::vector<Sentence> out;
    for (const Sentence& s : doc.sentences) {
      if (!out.empty()) {
        Sentence& prev = out.back();
        std::string_view t = doc.NormText(prev.span);
        std::string_view gap = doc.NormText({prev.span.end, s.span.begin});
        std::string_view next = doc.NormText(s.span);
        bool exclamation = !t.empty() && t.back() == '!' && t.size() <= 24;
        bool same_line = gap.find('\n') == std::string_view::npos;
        bool wrapped = !t.empty() && prev.boilerplate == s.boilerplate &&
                       std::count(gap.begin(), gap.end(), '\n') == 1 &&
                       std::string_view(".!?\"”:").find(t.back()) == std::string_view::npos &&
                       !next.empty() && next[0] >= 'a' && next[0] <= 'z';
        if ((exclamation && same_line) || wrapped) {
          prev.span.end = s.span.end;
          prev.lang = s.lang;
          continue;
        }
      }
      out.push_back(s);
    }
    return out;
  }

  void BuildUnits() {
    size_t line = 0;
    for (const Sentence& s : Sentences()) {
      while (line < doc.lines.size() && doc.lines[line].span.end <= s.span.begin) ++line;
      bool body = !s.boilerplate && !(line < doc.lines.size() && doc.lines[line].boilerplate);
      bool headline = IsHeadline(s);
      Span evidence = doc.ToOriginal(s.span);
      std::string_view t = doc.NormText(s.span);
      size_t start = 0;
      for (size_t i = 0; i <= t.size(); ++i) {
        // ';' ends a statement; so does ". " before a bullet ("[4]. - The
        // first phase …"), which sentence breaking leaves joined.
        bool bullet = i + 3 < t.size() && t[i] == '.' && t[i + 1] == ' ' &&
                      (t[i + 2] == '-' || t.compare(i + 2, 3, "•") == 0 ||
                       t.compare(i + 2, 3, "–") == 0);
        if (i < t.size() && t[i] != ';' && !bullet) continue;
        size_t end = i < t.size() ? i + 1 : i;
        if (end > start) {
          Unit u;
          u.norm = {s.span.begin + start, s.span.begin + end};
          u.orig = doc.ToOriginal(u.norm);
          u.evidence = evidence;
          u.lang = s.lang;
          u.body = body;
          u.headline = headline;
          FindClauses(&u);
          FindCues(&u);
          units.push_back(std::move(u));
          unit_orig.push_back(units.back().orig);
        }
        start = end;
      }
    }
  }

  // IsHeadline: a sentence that is a whole line without a closing stop — a
  // title or a subheading, which repeats what the body says.
  bool IsHeadline(const Sentence& s) const {
    std::string_view t = doc.NormText(s.span);
    while (!t.empty() && (t.back() == ' ' || t.back() == '\t')) t.remove_suffix(1);
    if (t.empty() || t.size() > 160) return false;
    static constexpr std::string_view kStops[] = {".", "。", "!", "?", "\"", "”", ")", "）", "」"};
    for (std::string_view stop : kStops)
      if (t.size() >= stop.size() && t.substr(t.size() - stop.size()) == stop) return false;
    return true;
  }

  // FindClauses splits a unit at , : (not inside numbers such as "1,000")
  // and at dashes set off by spaces (an aside).
  void FindClauses(Unit* u) const {
    std::string_view t = doc.NormText(u->norm);
    for (size_t i = 0; i < t.size(); ++i) {
      size_t len = 0;
      char c = t[i];
      if (c == ',' || c == ':' || (c == '.' && i + 1 < t.size() && t[i + 1] == ' ' && i > 0 &&
                                   !IsDigit(t[i - 1]) && (i < 2 || t[i - 2] != ' '))) {
        // Not inside a number ("1,000") nor in a list of numbers ("339.3, 153.7 and 96.3 GWh").
        size_t next = i + 1;
        while (next < t.size() && t[next] == ' ') ++next;
        bool number_follows = c == ',' && i > 0 && IsDigit(t[i - 1]) && next < t.size() &&
                              IsDigit(t[next]);
        if (!number_follows) len = 1;
      } else if ((t.compare(i, 3, "—") == 0 || t.compare(i, 3, "–") == 0) && i > 0 &&
                 t[i - 1] == ' ') {
        len = 3;
      }
      if (!len) continue;
      size_t off = u->norm.begin + i;
      u->bounds.push_back(doc.ToOriginal({off, off + len}).begin);
      i += len - 1;
    }
  }

  void FindCues(Unit* u) const {
    int li = LangIndex(u->lang);
    const RE2* re = linker.matcher_[li].get();
    if (!re) return;
    std::string_view text = doc.NormText(u->norm);
    re2::StringPiece input(text.data(), text.size());
    re2::StringPiece match;
    size_t pos = 0;
    while (pos < text.size()) {
      if (!re->Match(input, pos, text.size(), RE2::UNANCHORED, &match, 1)) break;
      size_t b = static_cast<size_t>(match.data() - text.data());
      size_t e = b + match.size();
      if (e == b) { pos = b + 1; continue; }
      std::string key = li == 0 ? FoldAscii(match) : std::string(match);
      auto it = linker.cues_[li].find(key);
      if (it != linker.cues_[li].end()) {
        Span orig = doc.ToOriginal({u->norm.begin + b, u->norm.begin + e});
        u->cues.push_back({orig.begin, orig.end, it->second});
      }
      pos = e;
    }
  }

  void AssignMentions() {
    for (size_t i = 0; i < ex.places.size(); ++i) {
      int u = UnitOf(ex.places[i].span.begin);
      if (u >= 0) units[u].places.push_back(static_cast<int>(i));
    }
    for (size_t i = 0; i < ex.parties.size(); ++i) {
      int u = UnitOf(ex.parties[i].span.begin);
      if (u >= 0) units[u].parties.push_back(static_cast<int>(i));
    }
    for (size_t i = 0; i < ex.dates.size(); ++i) {
      if (ex.dates[i].role == "publication") continue;
      int u = UnitOf(ex.dates[i].span.begin);
      if (u >= 0) units[u].dates.push_back(static_cast<int>(i));
    }
    for (size_t i = 0; i < ex.quantities.size(); ++i) {
      const QuantityMention& q = ex.quantities[i];
      if (q.kind != "energy" && q.kind != "power") continue;
      int u = UnitOf(q.span.begin);
      if (u >= 0) units[u].figures.push_back(static_cast<int>(i));
    }
    for (Unit& u : units) {
      SortBySpan(&u.places, ex.places);
      SortBySpan(&u.parties, ex.parties);
      SortBySpan(&u.dates, ex.dates);
      SortBySpan(&u.figures, ex.quantities);
      DropCuesInsideNames(&u);
    }
  }

  template <typename T>
  static void SortBySpan(std::vector<int>* list, const std::vector<T>& items) {
    std::stable_sort(list->begin(), list->end(),
                     [&](int a, int b) { return items[a].span.begin < items[b].span.begin; });
  }

  // DropCuesInsideNames: "公司" in "…有限公司" or "Development" in a company
  // name is part of a name, not a cue.
  void DropCuesInsideNames(Unit* u) const {
    auto inside = [&](const CueHit& c) {
      for (int p : u->parties)
        if (ex.parties[p].span.Overlaps({c.begin, c.end})) return true;
      for (int p : u->places)
        if (ex.places[p].span.Overlaps({c.begin, c.end}) &&
            !(c.classes & (kEventTypes | kPlaceRefs)))
          return true;
      return false;
    };
    u->cues.erase(std::remove_if(u->cues.begin(), u->cues.end(), inside), u->cues.end());
  }

  // ==== Entities =============================================================

  const Entity* EntityOf(const std::string& id) const {
    auto it = ex.entities.find(id);
    return it == ex.entities.end() ? nullptr : &it->second;
  }

  std::string PartyType(int party) const {
    const Entity* e = EntityOf(ex.parties[party].id);
    return e ? e->type : "company";
  }
  bool IsCompany(int party) const { return PartyType(party) == "company"; }
  bool IsGovernment(int party) const { return PartyType(party) == "government"; }

  int LevelOf(const std::string& id) const {
    if (linker.gazetteer_) {
      int i = linker.gazetteer_->IndexOf(id);
      if (i >= 0) return linker.gazetteer_->place(i).level;
    }
    const Entity* e = EntityOf(id);
    return e ? PlaceLevel(e->type) : 0;
  }

  bool IsRegion(const std::string& id) const {
    const Entity* e = EntityOf(id);
    return e && e->type == "region";
  }

  // Within tells whether place a lies within place b (or is b).
  bool Within(const std::string& a, const std::string& b) const {
    if (a == b) return true;
    if (linker.gazetteer_) {
      int ia = linker.gazetteer_->IndexOf(a), ib = linker.gazetteer_->IndexOf(b);
      if (ia >= 0 && ib >= 0) return linker.gazetteer_->IsWithin(ia, ib);
    }
    std::string cur = a;
    for (int depth = 0; depth < 8; ++depth) {
      const Entity* e = EntityOf(cur);
      if (!e || e->parent.empty()) return false;
      if (e->parent == b) return true;
      cur = e->parent;
    }
    return false;
  }

  // CityOf: the city-level place a place lies in (itself if a city), or "".
  std::string CityOf(const std::string& id) const {
    if (!linker.gazetteer_) return "";
    int i = linker.gazetteer_->IndexOf(id);
    for (int depth = 0; i >= 0 && depth < 8; ++depth) {
      const gigafact::Place& p = linker.gazetteer_->place(i);
      if (p.level == kCityLevel) return p.entity.id;
      if (p.level < kCityLevel) return "";
      i = p.parent_index;
    }
    return "";
  }

  // ==== Clauses and cues =====================================================

  size_t ClauseOf(const Unit& u, size_t pos) const {
    return static_cast<size_t>(std::upper_bound(u.bounds.begin(), u.bounds.end(), pos) -
                               u.bounds.begin());
  }
  Span ClauseSpan(const Unit& u, size_t clause) const {
    size_t b = clause == 0 ? u.orig.begin : u.bounds[clause - 1];
    size_t e = clause < u.bounds.size() ? u.bounds[clause] : u.orig.end;
    return {b, e};
  }
  Span ClauseAt(const Unit& u, size_t pos) const { return ClauseSpan(u, ClauseOf(u, pos)); }

  const CueHit* FindCue(const Unit& u, ClassSet classes, Span within) const {
    for (const CueHit& c : u.cues)
      if ((c.classes & classes) && c.begin >= within.begin && c.end <= within.end) return &c;
    return nullptr;
  }
  bool HasCue(const Unit& u, ClassSet classes, Span within) const {
    return FindCue(u, classes, within) != nullptr;
  }
  bool HasCue(const Unit& u, ClassSet classes) const { return HasCue(u, classes, u.orig); }

  // CueBefore: a cue of the classes ends at most `window` bytes before pos
  // in the same clause.
  bool CueBefore(const Unit& u, ClassSet classes, size_t pos, size_t window) const {
    size_t clause = ClauseOf(u, pos);
    for (const CueHit& c : u.cues) {
      if (!(c.classes & classes) || c.end > pos || pos - c.end > window) continue;
      if (ClauseOf(u, c.begin) == clause) return true;
    }
    return false;
  }

  // PointerBefore: the pointer classes of the nearest pointer cue before pos
  // in the unit, else of the first one after it (0: none).
  ClassSet PointerBefore(const Unit& u, size_t pos) const {
    ClassSet found = 0;
    for (const CueHit& c : u.cues)
      if ((c.classes & kPointers) && c.begin < pos) found = c.classes & kPointers;
    if (found) return found;
    for (const CueHit& c : u.cues)
      if (c.classes & kPointers) return c.classes & kPointers;
    return 0;
  }

  // PreviousBody: the body units before ui, nearest first, at most n.
  std::vector<int> PreviousBody(int ui, int n) const {
    std::vector<int> out;
    for (int j = ui - 1; j >= 0 && static_cast<int>(out.size()) < n; --j)
      if (units[j].body && !units[j].headline) out.push_back(j);
    return out;
  }

  // IsPaired: a power and an energy figure written together ("200MW/400MWh",
  // "20万千瓦/40万千瓦时", "1.2GW/4.8GWh"): one thing, two facts.
  bool IsPaired(const QuantityMention& a, const QuantityMention& b) const {
    const Span& first = a.span.begin < b.span.begin ? a.span : b.span;
    const Span& second = a.span.begin < b.span.begin ? b.span : a.span;
    if (second.begin < first.end || second.begin - first.end > 5) return false;
    std::string_view gap = doc.OriginalText({first.end, second.begin});
    return a.kind != b.kind || gap.find('/') != std::string_view::npos ||
           gap.find("／") != std::string_view::npos;
  }

  // FigureGroup: the unit's figures, one per group of figures written
  // together ("200MW/400MWh" counts once), in order.
  std::vector<int> FigureGroups(const Unit& u) const {
    std::vector<int> out;
    for (int f : u.figures)
      if (out.empty() || !IsPaired(ex.quantities[out.back()], ex.quantities[f])) out.push_back(f);
    return out;
  }

  // GroupIndex: which group of FigureGroups a figure belongs to.
  int GroupIndex(const Unit& u, const QuantityMention& fig) const {
    int group = -1;
    const QuantityMention* prev = nullptr;
    for (int f : u.figures) {
      const QuantityMention& q = ex.quantities[f];
      if (!prev || !IsPaired(*prev, q)) ++group;
      if (&q == &fig) return group;
      prev = &q;
    }
    return -1;
  }

  // ==== Owners ===============================================================

  // InSourceClause: a name right after "according to" / 据 is the source of
  // a figure, not its owner or place.
  bool InSourceClause(const Unit& u, size_t pos) const {
    return CueBefore(u, Bit(CueClass::kSource), pos, 48);
  }

  static void AddId(const std::string& id, std::vector<std::string>* ids) {
    if (std::find(ids->begin(), ids->end(), id) == ids->end()) ids->push_back(id);
  }

  bool OwnerMention(const Unit& u, int p) const {
    return IsCompany(p) && !InSourceClause(u, ex.parties[p].span.begin);
  }

  // CompaniesIn: the owners a span of a unit names.
  std::vector<std::string> CompaniesIn(const Unit& u, Span within) const {
    std::vector<std::string> out;
    for (int p : u.parties) {
      const EntityMention& m = ex.parties[p];
      if (m.span.begin >= within.begin && m.span.end <= within.end && OwnerMention(u, p))
        AddId(m.id, &out);
    }
    return out;
  }

  // WithParents adds each owner's parent company when the article names the
  // parent too (a subsidiary's plant is also its parent's).
  std::vector<std::string> WithParents(std::vector<std::string> owners) const {
    for (size_t i = 0; i < owners.size(); ++i) {
      const Entity* e = EntityOf(owners[i]);
      if (e && !e->parent.empty() && mentioned_parties.count(e->parent)) AddId(e->parent, &owners);
    }
    return owners;
  }

  // Respective: the name paired with the figure by order when the unit says
  // "respectively" / 分别 and names as many as it has figures.
  std::string Respective(const Unit& u, const QuantityMention& fig,
                         const std::vector<std::string>& names) const {
    if (!HasCue(u, Bit(CueClass::kRespectively))) return "";
    std::vector<int> groups = FigureGroups(u);
    int index = GroupIndex(u, fig);
    if (names.size() < 2 || index < 0) return "";
    if (groups.size() == names.size()) return names[index];
    // A total after the list ("…分别为8GWh、12GWh和20GWh，三地合计40GWh").
    if (groups.size() == names.size() + 1 && index < static_cast<int>(names.size()))
      return names[index];
    return "";
  }

  std::vector<std::string> OwnerNamesBefore(const Unit& u, size_t pos) const {
    std::vector<std::string> names;
    for (int p : u.parties)
      if (ex.parties[p].span.end <= pos && OwnerMention(u, p)) AddId(ex.parties[p].id, &names);
    return names;
  }

  // NearestCompanyBefore: with several figures and several companies in one
  // clause ("SK On (44 GWh), CALB (40.6 GWh)"), each figure is its nearest
  // company's.
  std::string NearestCompanyBefore(const Unit& u, Span clause, const QuantityMention& fig) const {
    int groups = 0;
    for (int f : FigureGroups(u))
      if (clause.Contains(ex.quantities[f].span.begin)) ++groups;
    if (groups < 2) return "";
    std::vector<std::string> all = CompaniesIn(u, clause);
    if (all.size() < 2) return "";
    std::string nearest;
    for (int p : u.parties) {
      const EntityMention& m = ex.parties[p];
      if (m.span.begin >= clause.begin && m.span.end <= fig.span.begin && OwnerMention(u, p))
        nearest = m.id;
    }
    return nearest;
  }

  // NoOwnerContext: the figure is a statistic or a target of a place or a
  // government — nothing in its unit points to a company.
  bool NoOwnerContext(const Unit& u, size_t pos) const {
    Span clause = ClauseAt(u, pos);
    if (HasCue(u, Bit(CueClass::kScope) | kPlaceRefs, clause)) return true;
    if (HasCue(u, kPlaceRefs, {u.orig.begin, pos})) return true;
    for (int p : u.parties)
      if (IsGovernment(p) && !InSourceClause(u, ex.parties[p].span.begin)) return true;
    bool place_before = false;
    for (int p : u.places)
      if (ex.places[p].span.end <= pos && !IsRegion(ex.places[p].id)) place_before = true;
    return place_before && !HasCue(u, kPointers);
  }

  std::vector<std::string> Owners(int ui, const QuantityMention& fig, bool* from_context) const {
    const Unit& u = units[ui];
    size_t pos = fig.span.begin;
    *from_context = false;
    std::string respective = Respective(u, fig, OwnerNamesBefore(u, pos));
    if (!respective.empty()) return WithParents({respective});
    Span clause = ClauseAt(u, pos);
    std::string nearest = NearestCompanyBefore(u, clause, fig);
    if (!nearest.empty()) return WithParents({nearest});
    std::vector<std::string> owners = CompaniesIn(u, clause);
    if (owners.empty()) owners = CompaniesIn(u, u.orig);
    if (!owners.empty()) return WithParents(owners);
    if (NoOwnerContext(u, pos)) return owners;
    *from_context = true;
    for (int j : PreviousBody(ui, 4)) {
      owners = CompaniesIn(units[j], units[j].orig);
      if (!owners.empty()) return WithParents(owners);
    }
    if (!main_company.empty()) owners.push_back(main_company);
    return WithParents(owners);
  }

  // ==== Place ================================================================

  // UsablePlace: a place mention that can locate a figure — not a region,
  // not a source, not a company's domicile ("headquartered in", "X-based"),
  // not a nationality tag ("China's CATL").
  bool UsablePlace(const Unit& u, int p) const {
    const EntityMention& m = ex.places[p];
    if (IsRegion(m.id) || InSourceClause(u, m.span.begin)) return false;
    if (CueBefore(u, Bit(CueClass::kDomicile), m.span.begin, 6)) return false;
    for (const CueHit& c : u.cues)
      if ((c.classes & Bit(CueClass::kDomicile)) && c.begin >= m.span.end && c.begin - m.span.end <= 6)
        return false;  // "美国本土以外": outside the place
    std::string_view after = std::string_view(doc.text).substr(m.span.end, 24);
    if (after.rfind("-based", 0) == 0 || after.rfind("-headquartered", 0) == 0) return false;
    for (std::string_view poss : {std::string_view("'s "), std::string_view("’s ")}) {
      if (after.rfind(poss, 0) != 0) continue;
      size_t next = m.span.end + poss.size();
      for (int q : u.parties)
        if (ex.parties[q].span.begin == next && IsCompany(q)) return false;
    }
    return true;
  }

  // MostSpecificWithin: the most specific place the unit names inside place
  // ("Huadu district, Guangzhou, Guangdong province" → Huadu District).
  std::string MostSpecificWithin(const Unit& u, const std::string& place) const {
    std::string chosen = place;
    int level = LevelOf(place);
    for (int p : u.places) {
      const std::string& id = ex.places[p].id;
      if (id == chosen || !UsablePlace(u, p) || !Within(id, chosen)) continue;
      int l = LevelOf(id);
      if (l > level) { level = l; chosen = id; }
    }
    return chosen;
  }

  // BestPlace: among the usable places of a span accepted by `keep`, the one
  // nearest to pos — a place after a locative ("in", 在, 位于) first —
  // refined to the most specific place inside it.
  template <typename Keep>
  std::string BestPlace(const Unit& u, Span within, size_t pos, Keep keep) const {
    int nearest = -1;
    size_t best = SIZE_MAX;
    for (int p : u.places) {
      const EntityMention& m = ex.places[p];
      if (m.span.begin < within.begin || m.span.end > within.end) continue;
      if (!UsablePlace(u, p) || !keep(m)) continue;
      size_t d = Distance(m.span, pos);
      if (!CueBefore(u, Bit(CueClass::kLocative), m.span.begin, 4)) d += 400;
      if (d < best) { best = d; nearest = p; }
    }
    return nearest < 0 ? "" : MostSpecificWithin(u, ex.places[nearest].id);
  }
  std::string BestPlace(const Unit& u, Span within, size_t pos) const {
    return BestPlace(u, within, pos, [](const EntityMention&) { return true; });
  }

  bool HasFacilityNoun(const Unit& u) const { return HasCue(u, Bit(CueClass::kFacilityRef)); }

  // PlaceRefLevel: the level of the place a unit's "the province" / 全市
  // points to before pos, or -1.
  int PlaceRefLevel(const Unit& u, size_t pos) const {
    const CueHit* c = FindCue(u, kPlaceRefs, {u.orig.begin, ClauseAt(u, pos).end});
    if (!c) return -1;
    if (c->classes & Bit(CueClass::kCityRef)) return kCityLevel;
    if (c->classes & Bit(CueClass::kProvinceRef)) return kProvinceLevel;
    return 0;
  }

  // PlaceOfLevel: the nearest place of a level named in the units before ui
  // (a statistic of "the province" is the province's the article is about).
  std::string PlaceOfLevel(int ui, int level) const {
    auto of_level = [&](const EntityMention& m) { return LevelOf(m.id) == level; };
    for (int j = ui; j >= 0; --j) {
      const Unit& u = units[j];
      if (!u.body) continue;
      std::string p = BestPlace(u, u.orig, u.orig.end, of_level);
      if (!p.empty()) return p;
    }
    return "";
  }

  // FallbackAllowed: a figure whose unit names no place takes one from the
  // sentences before when it measures a facility: the unit points to one
  // (the project, 该项目), or "it" / nothing points and the sentence before
  // speaks of one. A company-level figure (the company, 公司) has no place.
  bool FallbackAllowed(int ui, size_t pos) const {
    ClassSet pointer = PointerBefore(units[ui], pos);
    if (pointer & (Bit(CueClass::kFacilityRef) | Bit(CueClass::kEventRef))) return true;
    if (pointer & Bit(CueClass::kCompanyRef)) return false;
    for (int j : PreviousBody(ui, 1)) return HasFacilityNoun(units[j]);
    return false;
  }

  std::string Place(int ui, const QuantityMention& fig, CueClass type,
                    const std::vector<std::string>& owners,
                    const std::vector<Candidate>& earlier) const {
    const Unit& u = units[ui];
    size_t pos = fig.span.begin;
    std::vector<std::string> listed;
    for (int p : u.places)
      if (ex.places[p].span.end <= pos && UsablePlace(u, p)) AddId(ex.places[p].id, &listed);
    std::string respective = Respective(u, fig, MostSpecificOnly(listed));
    if (!respective.empty()) return respective;
    // Places after the figure in its clause locate it when they follow it
    // closely ("a 9 GWh plant in the UK"), not at the end of a long clause
    // ("… for projects such as Neoen's Western Downs Battery").
    auto close_after = [pos](const EntityMention& m) {
      return m.span.end <= pos || m.span.begin - pos <= 80;
    };
    Span clause = ClauseAt(u, pos);
    std::string place = BestPlace(u, clause, pos, close_after);
    if (place.empty()) place = BestPlace(u, {u.orig.begin, pos}, pos);
    if (!place.empty()) return RefineForward(ui, place);
    int ref_level = PlaceRefLevel(u, pos);
    if (ref_level >= 0) return PlaceOfLevel(ui, ref_level);
    bool supply = HasCue(u, Bit(CueClass::kOther), clause);  // a delivery has no site
    if (type != CueClass::kOther && !supply && !u.headline &&
        !HasCue(u, Bit(CueClass::kScope), clause) && FallbackAllowed(ui, pos)) {
      // The place the sentences before locate something in ("在菏泽市开工",
      // "a plant in Arizona"), else any place they name.
      auto located = [&](const Unit& v) {
        return [&v, this](const EntityMention& m) {
          return CueBefore(v, Bit(CueClass::kLocative), m.span.begin, 4);
        };
      };
      for (int j : PreviousBody(ui, 6)) {
        place = BestPlace(units[j], units[j].orig, units[j].orig.end, located(units[j]));
        if (!place.empty()) return place;
      }
      // The site the lead locates the article's event in ("…在山东省菏泽市正式开工").
      int lead_seen = 0;
      for (int j = 0; j < ui && lead_seen < 3; ++j) {
        if (!units[j].body) continue;
        ++lead_seen;
        place = BestPlace(units[j], units[j].orig, units[j].orig.end, located(units[j]));
        if (!place.empty()) return place;
      }
      for (int j : PreviousBody(ui, 3)) {
        place = BestPlace(units[j], units[j].orig, units[j].orig.end);
        if (!place.empty()) return place;
      }
      // A lead that names the plant before its site ("A plant … is expected
      // to … The battery plant will be built in West Java").
      int seen = 0;
      for (size_t j = ui + 1; j < units.size() && seen < 6; ++j) {
        const Unit& next = units[j];
        if (!next.body || next.headline) continue;
        ++seen;
        if (!next.figures.empty() || !HasFacilityNoun(next)) continue;
        place = BestPlace(next, next.orig, next.orig.begin, located(next));
        if (!place.empty()) return place;
      }
      for (auto it = earlier.rbegin(); it != earlier.rend(); ++it)
        if (!it->place.empty() && !it->headline && OwnersOverlap(it->owners, owners))
          return it->place;
    }
    return BestPlace(u, u.orig, pos);
  }

  // RefineForward: a plant placed only in a country or a province ("a 9 GWh
  // plant in the UK") is often sited in the next sentences that speak of a
  // facility ("the gigafactory on the International Advanced Manufacturing
  // Park … in Sunderland"); take the most specific place named there within it.
  std::string RefineForward(int ui, const std::string& place) const {
    if (LevelOf(place) > kProvinceLevel || !HasFacilityNoun(units[ui])) return place;
    int seen = 0;
    for (size_t j = ui + 1; j < units.size() && seen < 2; ++j) {
      const Unit& next = units[j];
      if (!next.body || next.headline) continue;
      ++seen;
      if (!HasFacilityNoun(next) || !next.figures.empty()) continue;
      std::string best = place;
      int level = LevelOf(place);
      for (int p : next.places) {
        const std::string& id = ex.places[p].id;
        if (!UsablePlace(next, p) || !Within(id, place) || LevelOf(id) <= level) continue;
        best = id;
        level = LevelOf(id);
      }
      if (best != place) return best;
    }
    return place;
  }

  // MostSpecificOnly drops the places of a list that others lie within
  // ("河南驻马店、浙江衢州" → 驻马店, 衢州).
  std::vector<std::string> MostSpecificOnly(const std::vector<std::string>& places) const {
    std::vector<std::string> out;
    for (const auto& p : places) {
      bool contains_other = false;
      for (const auto& q : places)
        if (q != p && Within(q, p)) contains_other = true;
      if (!contains_other) out.push_back(p);
    }
    return out;
  }

  static bool OwnersOverlap(const std::vector<std::string>& a, const std::vector<std::string>& b) {
    if (a.empty() || b.empty()) return a.empty() && b.empty();
    for (const auto& x : a)
      if (std::find(b.begin(), b.end(), x) != b.end()) return true;
    return false;
  }

  // ==== Event type and date ==================================================

  // CueOwnsFigure: an event cue speaks of the figure unless another figure
  // of the unit (not written together with it) sits in a nearer clause.
  bool CueOwnsFigure(const Unit& u, const CueHit& c, const QuantityMention& fig) const {
    auto dist = [](size_t a, size_t b) { return a > b ? a - b : b - a; };
    size_t cue_clause = ClauseOf(u, c.begin);
    size_t mine = dist(cue_clause, ClauseOf(u, fig.span.begin));
    if (mine == 0) return true;
    for (int f : u.figures) {
      const QuantityMention& other = ex.quantities[f];
      if (&other == &fig || IsPaired(other, fig)) continue;
      if (dist(ClauseOf(u, other.span.begin), cue_clause) < mine) return false;
    }
    return true;
  }

  static CueClass FirstType(ClassSet classes) {
    static constexpr CueClass kOrder[] = {CueClass::kAgreement, CueClass::kConstruction,
                                          CueClass::kOperation, CueClass::kPlan,
                                          CueClass::kOther, CueClass::kCapacity};
    for (CueClass k : kOrder)
      if (classes & Bit(k)) return k;
    return CueClass::kCapacity;
  }

  // FutureBefore: a future marker governs the event word — in its clause,
  // or, for a chain of events, in the clause before whose last event it
  // governs ("计划今年三季度开工，2024年二季度开始生产").
  bool FutureBefore(const Unit& u, const CueHit& c, int depth = 0) const {
    bool zh = u.lang == Lang::kZh;
    if (CueBefore(u, Bit(CueClass::kDone), c.begin, zh ? 6 : 12)) return false;
    if (CueBefore(u, Bit(CueClass::kFuture), c.begin, zh ? 30 : 40)) return true;
    size_t clause = ClauseOf(u, c.begin);
    if (depth > 3 || clause == 0) return false;
    for (const CueHit& d : u.cues)
      if ((d.classes & (kDoneEvents | Bit(CueClass::kFuture))) && d.begin >= c.begin &&
          d.begin < c.end && &d != &c)
        return false;
    Span own = ClauseSpan(u, clause);
    if (CueBetween(u, kEventTypes, own.begin, c.begin)) return false;
    const CueHit* last = nullptr;
    for (const CueHit& d : u.cues)
      if (ClauseOf(u, d.begin) == clause - 1 && (d.classes & kDoneEvents)) last = &d;
    return last && FutureBefore(u, *last, depth + 1);
  }

  // EffectiveClass: the fact type a cue gives; a done event under a future
  // marker ("will start production", 计划…投产) is a plan.
  CueClass EffectiveClass(const Unit& u, const CueHit& c) const {
    CueClass cls = FirstType(c.classes);
    if ((Bit(cls) & kDoneEvents) && (FutureBefore(u, c) || IsTargetDate(u, DateFor(u, c))))
      return CueClass::kPlan;
    return cls;
  }

  // CueBetween: a cue of the classes lies within [begin, end).
  bool CueBetween(const Unit& u, ClassSet classes, size_t begin, size_t end) const {
    for (const CueHit& c : u.cues)
      if ((c.classes & classes) && c.begin >= begin && c.end <= end) return true;
    return false;
  }

  // DateFor: the date stated with the cue — in its clause, not across
  // another event or a future marker ("is building what would become … next
  // year": next year is not the building's), or a date that opens the unit
  // ("On January 25, CALB signed …", "3月1日上午，…"). -1 when none.
  int DateFor(const Unit& u, const CueHit& c) const {
    Span span = ClauseAt(u, c.begin);
    constexpr ClassSet kBarrier = kDoneEvents | Bit(CueClass::kFuture);
    int best = -1;
    size_t best_d = SIZE_MAX;
    for (int d : u.dates) {
      const DateMention& m = ex.dates[d];
      bool same = m.span.begin >= span.begin && m.span.end <= span.end;
      // A clause that is only a date before the cue ("On January 25, …",
      // "到2025年底，全省…将达到…").
      bool opening = !same && m.span.end <= c.begin &&
                     ClauseAt(u, m.span.begin).size() <= m.span.size() + 16;
      if (!same && !opening) continue;
      if (m.span.begin >= c.end &&
          CueBetween(u, kBarrier, c.end, m.span.begin >= 16 ? m.span.begin - 16 : 0))
        continue;
      if (same && m.span.end <= c.begin && CueBetween(u, kDoneEvents, m.span.end, c.begin))
        continue;
      size_t dist = Distance(m.span, c.begin);
      if (opening) dist += 1000;
      if (dist < best_d) { best_d = dist; best = d; }
    }
    return best;
  }
  std::string DateValueFor(const Unit& u, const CueHit& c) const {
    int d = DateFor(u, c);
    return d < 0 ? "" : ex.dates[d].value;
  }

  // IsTargetDate: a date written as a deadline ("by 2030", "到2028年",
  // "2026年底前") is what a plan aims at, never the date of a done event.
  bool IsTargetDate(const Unit& u, int d) const {
    if (d < 0) return false;
    const Span& m = ex.dates[d].span;
    for (const CueHit& c : u.cues) {
      if (!(c.classes & Bit(CueClass::kDeadline))) continue;
      if (c.end <= m.begin && m.begin - c.end <= 2) return true;
      if (c.begin >= m.end && c.begin - m.end <= 1) return true;
    }
    return false;
  }

  // Ranks of the cues that may type a figure, best first. A done event
  // beats a plan anywhere in the unit (the article reports it as done); a
  // stated capacity counts in the figure's clause; loose words ("建设",
  // "has", "will have") count last, after the event a pointer back leads to.
  enum Rank {
    kDoneHere, kDoneThere, kPlanHere, kStateHere, kPlanThere,
    kLooseHere, kStateThere, kLooseThere, kNoCue
  };
  static constexpr Rank kInheritFrom = kLooseHere;

  struct EventCue {
    const CueHit* cue = nullptr;
    CueClass type = CueClass::kCapacity;
    Rank rank = kNoCue;
  };

  static Rank RankOf(CueClass type, bool here, bool loose) {
    if (loose) return here ? kLooseHere : kLooseThere;
    if (Bit(type) & kDoneEvents) return here ? kDoneHere : kDoneThere;
    if (type == CueClass::kPlan) return here ? kPlanHere : kPlanThere;
    return here ? kStateHere : kStateThere;
  }

  // PlanPreference: among plans of one rank, the one whose date is the
  // planned production ("计划今年三季度开工、明年底前投产" → 明年底).
  static int PlanPreference(const CueHit& c) {
    if (c.classes & Bit(CueClass::kOperation)) return 0;
    if (c.classes & Bit(CueClass::kConstruction)) return 1;
    return 2;
  }

  EventCue BestEventCue(const Unit& u, const QuantityMention& fig) const {
    size_t pos = fig.span.begin;
    size_t fig_clause = ClauseOf(u, pos);
    EventCue best;
    size_t best_d = SIZE_MAX;
    int best_pref = INT_MAX;
    for (const CueHit& c : u.cues) {
      if (!(c.classes & kEventTypes) || !CueOwnsFigure(u, c, fig)) continue;
      CueClass type = EffectiveClass(u, c);
      bool here = ClauseOf(u, c.begin) == fig_clause;
      bool loose = (c.classes & Bit(CueClass::kWeak)) && type != CueClass::kPlan;
      Rank rank = RankOf(type, here, loose);
      size_t d = Distance({c.begin, c.end}, pos);
      int pref = type == CueClass::kPlan ? PlanPreference(c) : 0;
      if (rank < best.rank || (rank == best.rank && (pref < best_pref ||
                                                     (pref == best_pref && d < best_d)))) {
        best = {&c, type, rank};
        best_d = d;
        best_pref = pref;
      }
    }
    return best;
  }

  int PhaseIn(std::string_view t) const {
    static constexpr std::pair<std::string_view, int> kPhases[] = {
        {"一期", 1}, {"首期", 1}, {"二期", 2}, {"三期", 3}, {"四期", 4},
        {"phase one", 1}, {"phase two", 2}, {"phase three", 3}, {"first phase", 1},
        {"second phase", 2}, {"third phase", 3}, {"phase I ", 1}, {"phase II", 2},
        {"Phase I ", 1}, {"Phase II", 2}, {"phase 1", 1}, {"phase 2", 2}, {"phase 3", 3},
        {"Phase 1", 1}, {"Phase 2", 2}, {"Phase 3", 3}, {"first block", 1},
        {"final block", 9}};
    size_t best_pos = std::string_view::npos;
    int phase = 0;
    for (const auto& [word, n] : kPhases) {
      size_t at = t.rfind(word);
      if (at != std::string_view::npos && (best_pos == std::string_view::npos || at > best_pos)) {
        best_pos = at;
        phase = n;
      }
    }
    return phase;
  }

  // PhaseOf: the phase a figure belongs to: named in its clause, else the
  // last one named before it in its unit.
  int PhaseOf(const Unit& u, size_t pos) const {
    Span clause = ClauseAt(u, pos);
    int phase = PhaseIn(doc.OriginalText(clause));
    if (phase) return phase;
    return PhaseIn(doc.OriginalText({u.orig.begin, pos}));
  }

  // AntecedentEvent: a figure that only points back ("the plant will have
  // 30 GWh", 该项目…) takes the done event of the units before it, unless
  // that event is another phase's.
  bool AntecedentEvent(int ui, int phase, EventChoice* out, std::string* why) const {
    for (int j : PreviousBody(ui, 3)) {
      const Unit& prev = units[j];
      for (const CueHit& c : prev.cues) {
        if (!(c.classes & kDoneEvents) || (c.classes & Bit(CueClass::kWeak))) continue;
        CueClass type = EffectiveClass(prev, c);
        if (!(Bit(type) & kDoneEvents)) continue;
        int their = PhaseOf(prev, c.begin);
        if (phase && their && their != phase) continue;
        out->type = type;
        out->typed = true;
        out->date = DateValueFor(prev, c);
        if (out->date.empty()) out->date = SameDayDate(j, c);
        if (AfterPublication(out->date)) continue;
        if (why) *why = "antecedent u" + std::to_string(j) + " '" + CueText(c) + "'";
        return true;
      }
    }
    return false;
  }

  // LeadEvent: the done event the article's lead reports (its first body
  // units), which a project's figures further down share.
  bool LeadEvent(int ui, EventChoice* out, std::string* why) const {
    int seen = 0;
    for (int j = 0; j < ui && seen < 3; ++j) {
      const Unit& lead = units[j];
      if (!lead.body) continue;
      ++seen;
      for (const CueHit& c : lead.cues) {
        if (!(c.classes & kDoneEvents) || (c.classes & Bit(CueClass::kWeak))) continue;
        CueClass type = EffectiveClass(lead, c);
        if (!(Bit(type) & kDoneEvents)) continue;
        std::string date = DateValueFor(lead, c);
        if (AfterPublication(date)) continue;
        out->type = type;
        out->typed = true;
        out->date = date.empty() ? SameDayDate(j, c) : date;
        if (why) *why = "lead u" + std::to_string(j) + " '" + CueText(c) + "'";
        return true;
      }
    }
    return false;
  }

  // SameDayDate: an event told as "today" / 当天 / 此次 takes the date of
  // the nearest dated done event before it.
  std::string SameDayDate(int ui, const CueHit& cue) const {
    const Unit& u = units[ui];
    if (!HasCue(u, Bit(CueClass::kSameDay), {u.orig.begin, ClauseAt(u, cue.begin).end})) return "";
    std::string text = CueText(cue);
    // The same event word first ("本次封顶" → "11月14日…封顶"), then any.
    for (int pass = 0; pass < 2; ++pass) {
      for (int j = ui; j >= 0; --j) {
        const Unit& prev = units[j];
        if (!prev.body) continue;
        for (auto it = prev.cues.rbegin(); it != prev.cues.rend(); ++it) {
          if (j == ui && it->begin >= cue.begin) continue;
          if (!(it->classes & kDoneEvents)) continue;
          if (pass == 0 && CueText(*it) != text) continue;
          if (!(Bit(EffectiveClass(prev, *it)) & kDoneEvents)) continue;
          std::string d = DateValueFor(prev, *it);
          if (IsDayDate(d) && !AfterPublication(d)) return d;
        }
      }
    }
    return "";
  }

  // AsOfDate: "as of October", 截至5月底: a figure stated at a date is a
  // capacity at that date, whatever verb reports it — unless it is a plan.
  bool AsOf(const Unit& u, size_t pos, EventChoice* out) const {
    Span clause = ClauseAt(u, pos);
    if (HasCue(u, Bit(CueClass::kFuture), clause)) return false;
    for (const CueHit& c : u.cues) {
      if (!(c.classes & Bit(CueClass::kAsOf))) continue;
      size_t cl = ClauseOf(u, c.begin);
      if (cl != ClauseOf(u, pos) && !(cl == 0 && c.begin < pos)) continue;
      std::string date = DateValueFor(u, c);
      if (date.empty()) continue;
      out->type = CueClass::kCapacity;
      out->typed = true;
      out->date = date;
      return true;
    }
    return false;
  }

  // IsDayDate: a TIMEX value of day granularity ("2025-03-26", "XXXX-06-18").
  static bool IsDayDate(const std::string& t) {
    return t.size() == 10 && t[4] == '-' && t[7] == '-';
  }

  // TimexStart: the year and first month a TIMEX value covers (0, 0 when
  // the year is unknown): "2026-Q3" → 2026, 7.
  static std::pair<int, int> TimexStart(const std::string& t) {
    if (t.size() < 4 || !IsDigit(t[0])) return {0, 0};
    int year = std::atoi(t.substr(0, 4).c_str());
    int month = 1;
    if (t.size() >= 7 && t[4] == '-') {
      if (t[5] == 'Q') month = 3 * (t[6] - '1') + 1;
      else if (t[5] == 'H') month = t[6] == '2' ? 7 : 1;
      else month = std::atoi(t.substr(5, 2).c_str());
    }
    return {year, month};
  }

  // AfterPublication: an event dated after the article's publication has
  // not happened yet ("到2028年实现全部投产"): it is a plan.
  bool AfterPublication(const std::string& date) const {
    if (!ex.published || date.empty()) return false;
    auto [y, m] = TimexStart(date);
    auto [py, pm] = TimexStart(ex.published->value);
    if (!y || !py) return false;
    return y > py || (y == py && m > pm);
  }

  std::string CueText(const CueHit& c) const {
    return std::string(doc.OriginalText({c.begin, c.end}));
  }

  // Event: the event type and date of a figure. A figure with no cue of
  // its own shares those of the figure nearest to it in its unit ("would
  // exceed 500 GWh by 2025, an upward revision from the 300 GWh"); a plan
  // with no date of its own takes the planned date the sentence before
  // gives, else the date of the announcement the article leads with.
  EventChoice Event(int ui, const QuantityMention& fig, std::string* why) const {
    EventChoice out = OwnEvent(ui, fig, why);
    if (!out.typed) {
      const QuantityMention* nearest = nullptr;
      for (int f : units[ui].figures) {
        const QuantityMention& other = ex.quantities[f];
        if (&other == &fig) continue;
        if (!nearest || Distance(other.span, fig.span.begin) < Distance(nearest->span, fig.span.begin))
          nearest = &other;
      }
      if (nearest) {
        EventChoice shared = OwnEvent(ui, *nearest, nullptr);
        if (shared.typed) {
          out = shared;
          if (why) *why += ", shared with its neighbour";
        }
      }
    }
    if (out.type == CueClass::kPlan && out.date.empty()) out.date = PlanDate(ui);
    return out;
  }

  // PlanDate: the planned date the unit before states when it speaks of no
  // figure of its own ("该工厂计划今年三季度开工，2024年二季度开始生产"), else
  // the lead's announcement date.
  std::string PlanDate(int ui) const {
    for (int j : PreviousBody(ui, 1)) {
      const Unit& prev = units[j];
      if (!prev.figures.empty()) break;
      const CueHit* best = nullptr;
      std::string date;
      for (const CueHit& c : prev.cues) {
        if (!(c.classes & kEventTypes) || EffectiveClass(prev, c) != CueClass::kPlan) continue;
        std::string d = DateValueFor(prev, c);
        if (d.empty()) continue;
        if (!best || PlanPreference(c) < PlanPreference(*best)) {
          best = &c;
          date = d;
        }
      }
      if (best) return date;
    }
    return LeadAnnouncementDate();
  }

  // LeadAnnouncementDate: the date of the first dated unit of the body when
  // that unit announces (no done event: "On August 5, … design programme
  // publicity", "9月20日晚间，欣旺达公告…拟…") — what a plan is dated by.
  std::string LeadAnnouncementDate() const {
    int seen = 0;
    for (size_t j = 0; j < units.size() && seen < 5; ++j) {
      const Unit& u = units[j];
      if (!u.body || u.headline) continue;
      ++seen;
      if (u.dates.empty()) continue;
      const CueHit* announce = nullptr;
      for (const CueHit& c : u.cues) {
        if ((c.classes & kDoneEvents) && !(c.classes & Bit(CueClass::kWeak)) &&
            (Bit(EffectiveClass(u, c)) & kDoneEvents))
          return "";
        if (!announce && (c.classes & Bit(CueClass::kAnnounce))) announce = &c;
      }
      if (!announce) return "";
      int nearest = u.dates.front();
      for (int d : u.dates)
        if (Distance(ex.dates[d].span, announce->begin) <
            Distance(ex.dates[nearest].span, announce->begin))
          nearest = d;
      return ex.dates[nearest].value;
    }
    return "";
  }

  EventChoice OwnEvent(int ui, const QuantityMention& fig, std::string* why) const {
    const Unit& u = units[ui];
    EventChoice out;
    if (AsOf(u, fig.span.begin, &out)) {
      if (why) *why = "as of";
      return out;
    }
    EventCue best = BestEventCue(u, fig);
    ClassSet pointer = PointerBefore(u, fig.span.begin);
    bool points_back = pointer & (Bit(CueClass::kFacilityRef) | Bit(CueClass::kEventRef) |
                                  Bit(CueClass::kItRef));
    bool event_ref = HasCue(u, Bit(CueClass::kEventRef));
    bool facility = pointer & (Bit(CueClass::kFacilityRef) | Bit(CueClass::kEventRef));
    if (points_back && (best.rank >= kInheritFrom || (event_ref && best.rank >= kPlanHere)) &&
        (AntecedentEvent(ui, PhaseOf(u, fig.span.begin), &out, why) ||
         (facility && LeadEvent(ui, &out, why))))
      return out;
    if (!best.cue) {
      if (why) *why = "no cue";
      return out;
    }
    out.type = best.type;
    out.typed = true;
    out.loose = best.rank >= kLooseHere;
    out.date = DateValueFor(u, *best.cue);
    if (out.date.empty() && (Bit(best.type) & kDoneEvents)) out.date = SameDayDate(ui, *best.cue);
    if ((Bit(out.type) & kDoneEvents) && AfterPublication(out.date)) out.type = CueClass::kPlan;
    if (why) *why = "'" + CueText(*best.cue) + "' rank " + std::to_string(best.rank);
    return out;
  }

  // StatisticType: a place's total that no company owns, stated as it
  // stands ("全市已建成…15GWh", "each had 5 GW in operation"), is a capacity,
  // not the operation of one plant.
  CueClass StatisticType(const Unit& u, const QuantityMention& fig, const EventChoice& ev,
                         const std::vector<std::string>& owners, bool from_context) const {
    if (!owners.empty() || from_context || !(Bit(ev.type) & kDoneEvents)) return ev.type;
    if (ev.loose || HasCue(u, Bit(CueClass::kAsOf), ClauseAt(u, fig.span.begin)) ||
        HasCue(u, Bit(CueClass::kAsOf), {u.orig.begin, fig.span.begin}))
      return CueClass::kCapacity;
    return ev.type;
  }

  // ==== Main company =========================================================

  void FindMainCompany() {
    std::map<std::string, int> score;
    std::map<std::string, size_t> first;
    for (size_t i = 0; i < ex.parties.size(); ++i) {
      const EntityMention& m = ex.parties[i];
      int ui = UnitOf(m.span.begin);
      if (ui < 0 || !units[ui].body) continue;
      mentioned_parties.insert(m.id);
      if (!IsCompany(static_cast<int>(i))) continue;
      score[m.id] += units[ui].headline ? 2 : 1;
      if (!first.count(m.id) || m.span.begin < first[m.id]) first[m.id] = m.span.begin;
    }
    int best = 0;
    for (const auto& [id, n] : score) {
      if (n > best || (n == best && first[id] < first[main_company])) {
        best = n;
        main_company = id;
      }
    }
  }

  // ==== Candidates and merging ===============================================

  bool IsProductSpec(const Unit& u, const QuantityMention& q) const {
    for (const CueHit& c : u.cues) {
      if (!(c.classes & Bit(CueClass::kProduct))) continue;
      size_t gap = Distance({c.begin, c.end}, q.span.begin);
      if (c.begin >= q.span.end) gap = c.begin - q.span.end;
      if (gap <= 12 && ClauseOf(u, c.begin) == ClauseOf(u, q.span.begin)) return true;
    }
    return false;
  }

  static std::string Join(const std::vector<std::string>& items) {
    std::string out;
    for (const auto& i : items) out += (out.empty() ? "" : ",") + i;
    return out;
  }

  std::vector<Candidate> Candidates(std::string* trace) const {
    std::vector<Candidate> out;
    for (size_t ui = 0; ui < units.size(); ++ui) {
      const Unit& u = units[ui];
      if (!u.body) continue;
      int i = static_cast<int>(ui);
      for (int f : u.figures) {
        const QuantityMention& q = ex.quantities[f];
        std::vector<double> values;
        if (q.value) values.push_back(*q.value);
        else {
          if (q.min) values.push_back(*q.min);
          if (q.max) values.push_back(*q.max);
        }
        if (values.empty() || IsProductSpec(u, q)) continue;
        Candidate c;
        c.kind = q.kind;
        bool from_context = false;
        c.owners = Owners(i, q, &from_context);
        std::string why;
        EventChoice ev = Event(i, q, trace ? &why : nullptr);
        c.type = StatisticType(u, q, ev, c.owners, from_context);
        c.typed = ev.typed;
        c.date = ev.date;
        c.place = Place(i, q, c.type, c.owners, out);
        c.unit = i;
        c.headline = u.headline;
        c.phase = PhaseOf(u, q.span.begin);
        c.pos = q.span.begin;
        if (trace) {
          *trace += "u" + std::to_string(ui) + " '" + std::string(doc.OriginalText(q.span)) +
                    "' owners[" + Join(c.owners) + "]" + (from_context ? " (context)" : "") +
                    " place " + (c.place.empty() ? "-" : c.place) + " " + TypeName(c.type) +
                    (c.typed ? "" : " (default)") + " " + (c.date.empty() ? "-" : c.date) +
                    " phase " + std::to_string(c.phase) + " by " + why + "\n";
        }
        for (double v : values) {
          c.value = v;
          out.push_back(c);
        }
      }
    }
    return out;
  }

  static bool SameValue(double a, double b) {
    return std::fabs(a - b) <= 1e-9 * std::max(std::fabs(a), std::fabs(b)) || a == b;
  }

  // PlacesAgree: one place within the other, or both in one city.
  bool PlacesAgree(const std::string& a, const std::string& b) const {
    if (a.empty() || b.empty() || Within(a, b) || Within(b, a)) return true;
    std::string city = CityOf(a);
    return !city.empty() && city == CityOf(b);
  }

  static bool OwnersAgree(const std::vector<std::string>& a, const std::vector<std::string>& b) {
    if (a.empty() || b.empty()) return true;
    for (const auto& x : a)
      if (std::find(b.begin(), b.end(), x) != b.end()) return true;
    return false;
  }

  bool SameThing(const Candidate& a, const Candidate& b) const {
    if (a.kind != b.kind || !SameValue(a.value, b.value)) return false;
    if (units[a.unit].evidence == units[b.unit].evidence) return true;
    if (a.phase && b.phase && a.phase != b.phase) return false;
    return PlacesAgree(a.place, b.place) && OwnersAgree(a.owners, b.owners);
  }

  // Absorb folds a repeat of the same figure into the fact kept: it fills
  // what the kept one lacks and takes the more specific place.
  void Absorb(const Candidate& from, Candidate* into) const {
    if (into->owners.empty()) into->owners = from.owners;
    else
      for (const auto& o : from.owners) AddId(o, &into->owners);
    if (into->place.empty() ||
        (!from.place.empty() && from.place != into->place && Within(from.place, into->place)))
      into->place = from.place;
    if (!into->typed && from.typed) {
      into->type = from.type;
      into->typed = true;
      into->date = from.date;
    }
    if (into->date.empty() && !from.date.empty() && into->type == from.type) into->date = from.date;
  }

  std::vector<Candidate> Merge(const std::vector<Candidate>& cands) const {
    std::vector<Candidate> kept;
    // Body mentions first: they carry the context. A headline repeats the
    // body, so it folds into any body fact of its figure.
    for (const Candidate& c : cands) {
      if (c.headline) continue;
      auto it = std::find_if(kept.begin(), kept.end(),
                             [&](const Candidate& k) { return SameThing(k, c); });
      if (it == kept.end()) kept.push_back(c);
      else Absorb(c, &*it);
    }
    for (const Candidate& c : cands) {
      if (!c.headline) continue;
      auto it = std::find_if(kept.begin(), kept.end(), [&](const Candidate& k) {
        return (!k.headline && k.kind == c.kind && SameValue(k.value, c.value)) ||
               SameThing(k, c);
      });
      if (it == kept.end()) kept.push_back(c);
      else if (it->headline) Absorb(c, &*it);
    }
    std::stable_sort(kept.begin(), kept.end(),
                     [](const Candidate& a, const Candidate& b) { return a.pos < b.pos; });
    return kept;
  }

  // TraceUnits lists the units with their flags and cue words.
  void TraceUnits(std::string* trace) const {
    *trace += "main company: " + main_company + "\n";
    for (size_t i = 0; i < units.size(); ++i) {
      const Unit& u = units[i];
      std::string_view t = doc.OriginalText(u.orig);
      *trace += "  u" + std::to_string(i) + (u.body ? "" : " [boilerplate]") +
                (u.headline ? " [headline]" : "") + " " + std::string(LangCode(u.lang)) + " \"" +
                std::string(t.substr(0, 48)) + "\" cues:";
      for (const CueHit& c : u.cues) *trace += " " + CueText(c);
      *trace += "\n";
    }
  }

  void Run(std::vector<Fact>* facts, std::string* trace) {
    BuildUnits();
    AssignMentions();
    FindMainCompany();
    if (trace) TraceUnits(trace);
    for (const Candidate& c : Merge(Candidates(trace))) {
      Fact f;
      f.type = TypeName(c.type);
      f.parties = c.owners;
      f.place = c.place;
      f.kind = c.kind;
      f.value = c.value;
      f.date = c.date;
      f.evidence = units[c.unit].evidence;
      facts->push_back(std::move(f));
    }
  }
};

FactLinker::FactLinker(const Gazetteer* gazetteer) : gazetteer_(gazetteer) {}
FactLinker::~FactLinker() = default;

bool FactLinker::ParseCueClass(std::string_view name, CueClass* out) {
  for (const NamedClass& n : kClassNames) {
    if (name == n.name) {
      *out = n.cls;
      return true;
    }
  }
  return false;
}

void FactLinker::AddCue(Lang lang, CueClass cls, std::string_view word) {
  int li = LangIndex(lang);
  std::string key = li == 0 ? FoldAscii(word) : std::string(word);
  if (key.empty()) return;
  cues_[li][key] |= Bit(cls);
}

bool FactLinker::Compile(std::string* err) {
  for (int li = 0; li < 2; ++li) {
    matcher_[li].reset();
    if (cues_[li].empty()) continue;
    std::vector<std::string> words;
    for (const auto& entry : cues_[li]) words.push_back(entry.first);
    std::sort(words.begin(), words.end());
    // English cues are whole words; Chinese ones are substrings.
    std::string pattern = li == 0 ? "(?i)\\b(?:" : "(?:";
    for (size_t i = 0; i < words.size(); ++i) {
      if (i) pattern += '|';
      pattern += RE2::QuoteMeta(words[i]);
    }
    pattern += li == 0 ? ")\\b" : ")";
    RE2::Options opt;
    opt.set_longest_match(true);  // "broke ground" over "broke", 建成投产 over 建成
    opt.set_log_errors(false);
    opt.set_max_mem(64 << 20);
    auto re = std::make_unique<RE2>(pattern, opt);
    if (!re->ok()) {
      *err = "cue patterns do not compile: " + re->error();
      return false;
    }
    matcher_[li] = std::move(re);
  }
  return true;
}

bool FactLinker::LoadFile(const std::string& path, std::string* err) {
  std::vector<TsvRow> rows;
  if (!ReadTsv(path, &rows, err)) return false;
  size_t row_number = 0;
  for (const TsvRow& row : rows) {
    ++row_number;
    auto lang = row.find("lang"), cls = row.find("class"), words = row.find("words");
    if (lang == row.end() || cls == row.end() || words == row.end()) {
      *err = path + ": the header must name the columns lang, class and words";
      return false;
    }
    std::string where = path + ": row " + std::to_string(row_number) + ": ";
    CueClass c;
    if (!ParseCueClass(cls->second, &c)) {
      *err = where + "unknown class '" + cls->second + "'";
      return false;
    }
    if (lang->second != "en" && lang->second != "zh") {
      *err = where + "lang must be en or zh, not '" + lang->second + "'";
      return false;
    }
    Lang l = lang->second == "zh" ? Lang::kZh : Lang::kEn;
    for (const std::string& w : SplitList(words->second)) AddCue(l, c, w);
  }
  return Compile(err);
}

void FactLinker::Link(const Document& doc, Extraction* ex, std::string* trace) const {
  FactLinkerInternals run(*this, doc, *ex);
  std::vector<Fact> facts;
  run.Run(&facts, trace);
  for (Fact& f : facts) ex->facts.push_back(std::move(f));
}

}  // namespace gigafact
