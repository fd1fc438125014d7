#include "output/facts.h"

#include <algorithm>
#include <climits>
#include <cmath>
#include <cstdlib>
#include <map>
#include <set>
#include <unordered_map>

#include "output/fact_text.h"

namespace gigafact {

namespace {

constexpr ClassSet kDoneEvents =
    Bit(CueClass::kAgreement) | Bit(CueClass::kConstruction) | Bit(CueClass::kOperation);
constexpr ClassSet kEventTypes = kDoneEvents | Bit(CueClass::kPlan) |
                                 Bit(CueClass::kCapacity) | Bit(CueClass::kOther);
constexpr ClassSet kPlaceRefs =
    Bit(CueClass::kCountryRef) | Bit(CueClass::kProvinceRef) | Bit(CueClass::kCityRef);
constexpr ClassSet kPointers = Bit(CueClass::kFacilityRef) | Bit(CueClass::kCompanyRef) |
                               Bit(CueClass::kItRef) | Bit(CueClass::kEventRef);
constexpr ClassSet kFacilityPointers = Bit(CueClass::kFacilityRef) | Bit(CueClass::kEventRef);

// Bounds that keep linking linear: how far back or ahead a figure looks.
constexpr int kMaxUnitsScanned = 40;   // units walked past (boilerplate included)
constexpr size_t kNearbyMentions = 16; // place mentions looked at on each side
constexpr size_t kMaxPlanEarlier = 20; // earlier facts looked at for a place
constexpr size_t kPhaseLookBack = 240; // bytes before a figure read for its phase
constexpr size_t kMaxSteps = 64;       // cues or mentions read in one look-up

// Place levels of SPEC §2 types: lower is broader.
constexpr int kProvinceLevel = 1;
constexpr int kCityLevel = 2;

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

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// Distance from a span to an offset (0 when it holds the offset).
size_t Distance(Span a, size_t pos) {
  if (a.end <= pos) return pos - a.end;
  return a.begin > pos ? a.begin - pos : 0;
}

// IsDayDate: a TIMEX value of day granularity ("2025-03-26", "XXXX-06-18").
bool IsDayDate(const std::string& t) { return t.size() == 10 && t[4] == '-' && t[7] == '-'; }

// TimexStart: the year and first month a TIMEX value covers ({0, 0} when
// the year is unknown): "2026-Q3" → {2026, 7}.
std::pair<int, int> TimexStart(const std::string& t) {
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

void AddId(const std::string& id, std::vector<std::string>* ids) {
  if (std::find(ids->begin(), ids->end(), id) == ids->end()) ids->push_back(id);
}

std::string Join(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& i : items) out += (out.empty() ? "" : ",") + i;
  return out;
}

// Linking: the rules, applied to one article. Holds no state beyond the
// call; caches what every figure of the article shares.
class Linking {
 public:
  Linking(const Gazetteer* gazetteer, const Document& doc, const Extraction& ex,
          const FactText& text)
      : gazetteer_(gazetteer), doc_(doc), ex_(ex), text_(text) {
    FindMainCompany();
    lead_announcement_date_ = FindLeadAnnouncementDate(&lead_announcement_unit_);
  }

  std::vector<Fact> Run(std::string* trace);

 private:
  // A candidate fact from one figure mention (one end of a range).
  struct Candidate {
    std::string kind;
    double value = 0;
    std::vector<std::string> owners;
    std::string place;
    CueClass type = CueClass::kCapacity;
    bool typed = false;  // the type comes from a cue, not the default
    bool loose = false;  // from a loose word ("has", 建设), not an event
    std::string date;
    int unit = -1;
    bool headline = false;
    int phase = 0;
    size_t pos = 0;
  };
  struct EventChoice {
    CueClass type = CueClass::kCapacity;
    bool typed = false;
    bool loose = false;  // from a loose word ("in operation", 建成, "has")
    std::string date;
  };

  // ---- Entities ------------------------------------------------------------

  const Entity* EntityOf(const std::string& id) const {
    auto it = ex_.entities.find(id);
    return it == ex_.entities.end() ? nullptr : &it->second;
  }
  // PartyType: a party's type; a party without an entity counts as a company.
  std::string_view PartyType(int party) const {
    const Entity* e = EntityOf(ex_.parties[party].id);
    return e ? std::string_view(e->type) : std::string_view("company");
  }
  bool IsCompany(int party) const { return PartyType(party) == "company"; }
  bool IsGovernment(int party) const { return PartyType(party) == "government"; }

  int LevelOf(const std::string& id) const {
    if (gazetteer_) {
      int i = gazetteer_->IndexOf(id);
      if (i >= 0) return gazetteer_->place(i).level;
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
    if (gazetteer_) {
      int ia = gazetteer_->IndexOf(a), ib = gazetteer_->IndexOf(b);
      if (ia >= 0 && ib >= 0) return gazetteer_->IsWithin(ia, ib);
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
    if (!gazetteer_) return "";
    int i = gazetteer_->IndexOf(id);
    for (int depth = 0; i >= 0 && depth < 8; ++depth) {
      const gigafact::Place& p = gazetteer_->place(i);
      if (p.level == kCityLevel) return p.entity.id;
      if (p.level < kCityLevel) return "";
      i = p.parent_index;
    }
    return "";
  }

  // ---- Units ---------------------------------------------------------------

  // PreviousBody: the body units before ui (headlines excepted), nearest
  // first, at most n, walking past at most kMaxUnitsScanned units.
  std::vector<int> PreviousBody(int ui, int n) const {
    std::vector<int> out;
    for (int j = ui - 1; j >= 0 && ui - j <= kMaxUnitsScanned &&
                         static_cast<int>(out.size()) < n; --j)
      if (text_.unit(j).body && !text_.unit(j).headline) out.push_back(j);
    return out;
  }

  // LeadUnits: the first n body units of the article.
  std::vector<int> LeadUnits(int n, bool headlines) const {
    std::vector<int> out;
    for (int j = 0; j < text_.size() && j < kMaxUnitsScanned && static_cast<int>(out.size()) < n; ++j)
      if (text_.unit(j).body && (headlines || !text_.unit(j).headline)) out.push_back(j);
    return out;
  }

  std::string CueText(const CueHit& c) const { return std::string(text_.Text({c.begin, c.end})); }

  // ---- Owners --------------------------------------------------------------

  // InSource: a name right after "according to" / 据 is the source of a
  // figure, not its owner or its place.
  bool InSource(const TextUnit& u, size_t pos) const {
    return text_.CueBefore(u, Bit(CueClass::kSource), pos, 48);
  }

  bool OwnerMention(const TextUnit& u, int p) const {
    return IsCompany(p) && !InSource(u, ex_.parties[p].span.begin);
  }

  // CompaniesIn: the owners a span of a unit names (around pos, in a span
  // that names very many).
  std::vector<std::string> CompaniesIn(const TextUnit& u, Span within, size_t pos) const {
    std::vector<std::string> out;
    auto [first, last] = FactText::In(u.parties, ex_.parties, within);
    auto [unused, split] = FactText::In(u.parties, ex_.parties, {within.begin, pos});
    (void)unused;
    size_t from = split > first + kMaxSteps / 2 ? split - kMaxSteps / 2 : first;
    size_t to = std::min(last, from + kMaxSteps);
    for (size_t i = from; i < to && out.size() < 8; ++i) {
      int p = u.parties[i];
      if (ex_.parties[p].span.end <= within.end && OwnerMention(u, p)) AddId(ex_.parties[p].id, &out);
    }
    return out;
  }

  // WithParents adds each owner's parent company when the article names the
  // parent too (a subsidiary's plant is also its parent's).
  std::vector<std::string> WithParents(std::vector<std::string> owners) const {
    for (size_t i = 0; i < owners.size(); ++i) {
      const Entity* e = EntityOf(owners[i]);
      if (e && !e->parent.empty() && mentioned_parties_.count(e->parent)) AddId(e->parent, &owners);
    }
    return owners;
  }

  // Respective: the name paired with the figure by order when the unit says
  // "respectively" / 分别 and names as many as it has figures (a total may
  // follow the list: "分别为8GWh、12GWh和20GWh，三地合计40GWh").
  std::string Respective(const TextUnit& u, size_t figure_index,
                         const std::vector<std::string>& names) const {
    if (!text_.HasCue(u, Bit(CueClass::kRespectively)) || names.size() < 2 ||
        u.figures.size() > 32)
      return "";
    size_t groups = static_cast<size_t>(u.figure_group.back() + 1);
    size_t index = static_cast<size_t>(u.figure_group[figure_index]);
    if ((groups == names.size() || groups == names.size() + 1) && index < names.size())
      return names[index];
    return "";
  }

  std::vector<std::string> OwnerNamesBefore(const TextUnit& u, size_t pos) const {
    std::vector<std::string> names;
    auto [first, last] = FactText::In(u.parties, ex_.parties, {u.orig.begin, pos});
    first = std::max(first, last > kMaxSteps ? last - kMaxSteps : 0);
    for (size_t i = first; i < last && names.size() < 33; ++i)
      if (OwnerMention(u, u.parties[i])) AddId(ex_.parties[u.parties[i]].id, &names);
    return names;
  }

  // NearestCompanyBefore: with several figures and several companies in one
  // clause ("SK On (44 GWh), CALB (40.6 GWh) and Panasonic (35 GWh)"), each
  // figure is its nearest company's.
  std::string NearestCompanyBefore(const TextUnit& u, Span clause, const QuantityMention& fig) const {
    auto [ff, fl] = FactText::In(u.figures, ex_.quantities, clause);
    if (fl - ff < 2 || u.figure_group[ff] == u.figure_group[fl - 1]) return "";
    std::vector<std::string> all = CompaniesIn(u, clause, fig.span.begin);
    if (all.size() < 2) return "";
    auto [first, last] = FactText::In(u.parties, ex_.parties, {clause.begin, fig.span.begin});
    for (size_t i = last; i > first && last - i < kMaxSteps; --i)
      if (OwnerMention(u, u.parties[i - 1])) return ex_.parties[u.parties[i - 1]].id;
    return "";
  }

  // FirstPlaceEnd: where the unit's first usable, non-regional place ends.
  size_t FirstPlaceEnd(const TextUnit& u) const {
    for (size_t i = 0; i < u.places.size() && i < kNearbyMentions; ++i)
      if (!IsRegion(ex_.places[u.places[i]].id)) return ex_.places[u.places[i]].span.end;
    return SIZE_MAX;
  }

  // NoOwnerContext: the figure is a statistic or a target of a place or a
  // government — nothing in its unit points to a company.
  bool NoOwnerContext(const TextUnit& u, size_t pos) const {
    Span clause = text_.ClauseAt(u, pos);
    if (text_.HasCue(u, Bit(CueClass::kScope) | kPlaceRefs, clause)) return true;
    if (text_.HasCue(u, kPlaceRefs, {u.orig.begin, pos})) return true;
    for (size_t i = 0; i < u.parties.size() && i < kNearbyMentions; ++i) {
      int p = u.parties[i];
      if (IsGovernment(p) && !InSource(u, ex_.parties[p].span.begin) && !IsCounterparty(p))
        return true;
    }
    return FirstPlaceEnd(u) <= pos && !text_.HasCue(u, kPointers);
  }

  // IsCounterparty: a party named as the other side of a deal ("an agreement
  // with the Administrative Committee of …", "与东营市人民政府签约"): a
  // government there hosts the project, it does not make the figure its own.
  bool IsCounterparty(int party) const {
    size_t begin = ex_.parties[party].span.begin;
    std::string_view before(doc_.text.data(), begin);
    before = before.substr(before.size() - std::min<size_t>(before.size(), 10));
    for (std::string_view w : {"with ", "with the ", "With the ", "与", "與", "同", "跟", "和"})
      if (before.size() >= w.size() && before.substr(before.size() - w.size()) == w) return true;
    return false;
  }

  // CitedMarketFigure: a market figure (shipments, sales, demand) whose unit
  // names no company and cites a source ("Shipments of storage cells rose
  // to 314.7 GWh, according to InfoLink", 据统计…出货量) is the market's,
  // not the article's main company's.
  bool CitedMarketFigure(const TextUnit& u, size_t pos) const {
    return text_.HasCue(u, Bit(CueClass::kSource)) &&
           text_.HasCue(u, Bit(CueClass::kOther), text_.ClauseAt(u, pos));
  }

  std::vector<std::string> Owners(int ui, size_t fi, bool* from_context) const {
    const TextUnit& u = text_.unit(ui);
    const QuantityMention& fig = ex_.quantities[u.figures[fi]];
    size_t pos = fig.span.begin;
    *from_context = false;
    std::string respective = Respective(u, fi, OwnerNamesBefore(u, pos));
    if (!respective.empty()) return WithParents({respective});
    Span clause = text_.ClauseAt(u, pos);
    std::string nearest = NearestCompanyBefore(u, clause, fig);
    if (!nearest.empty()) return WithParents({nearest});
    std::vector<std::string> owners = CompaniesIn(u, clause, pos);
    if (owners.empty()) owners = CompaniesIn(u, u.orig, pos);
    if (!owners.empty()) return WithParents(owners);
    if (NoOwnerContext(u, pos) || CitedMarketFigure(u, pos)) return owners;
    *from_context = true;
    for (int j : PreviousBody(ui, 4)) {
      owners = CompaniesIn(text_.unit(j), text_.unit(j).orig, text_.unit(j).orig.end);
      if (!owners.empty()) return WithParents(owners);
    }
    if (!main_company_.empty()) owners.push_back(main_company_);
    return WithParents(owners);
  }

  // ---- Place ---------------------------------------------------------------

  // UsablePlace: a place mention that can locate a figure — not a region,
  // not a dateline (where the story was filed), not a source, not a company's domicile ("headquartered in", "X-based",
  // "美国本土以外"), not a nationality tag ("China's CATL").
  bool UsablePlace(const TextUnit& u, int p) const {
    const EntityMention& m = ex_.places[p];
    if (IsRegion(m.id) || m.dateline || InSource(u, m.span.begin)) return false;
    if (text_.CueBefore(u, Bit(CueClass::kDomicile), m.span.begin, 6) ||
        text_.CueAfter(u, Bit(CueClass::kDomicile), m.span.end, 6))
      return false;
    std::string_view after = doc_.text;
    after = after.substr(std::min(m.span.end, after.size()), 24);
    if (after.rfind("-based", 0) == 0 || after.rfind("-headquartered", 0) == 0) return false;
    for (std::string_view poss : {std::string_view("'s "), std::string_view("’s ")}) {
      if (after.rfind(poss, 0) != 0) continue;
      size_t next = m.span.end + poss.size();
      auto [first, last] = FactText::In(u.parties, ex_.parties, {next, next + 1});
      if (first < last && IsCompany(u.parties[first])) return false;
    }
    return true;
  }

  // MostSpecificAround: the most specific place the unit names near the
  // mention at index i of u.places inside its place ("Huadu district,
  // Guangzhou, Guangdong province" → Huadu District).
  std::string MostSpecificAround(const TextUnit& u, size_t i) const {
    std::string chosen = ex_.places[u.places[i]].id;
    int level = LevelOf(chosen);
    size_t from = i > kNearbyMentions ? i - kNearbyMentions : 0;
    size_t to = std::min(u.places.size(), i + kNearbyMentions + 1);
    for (size_t j = from; j < to; ++j) {
      const std::string& id = ex_.places[u.places[j]].id;
      if (id == chosen || !Within(id, chosen) || !UsablePlace(u, u.places[j])) continue;
      int l = LevelOf(id);
      if (l > level) {
        level = l;
        chosen = id;
      }
    }
    return chosen;
  }

  // BestPlace: among the usable places of a span accepted by keep, the one
  // nearest to pos — a place after a locative ("in", 在, 位于) first —
  // refined to the most specific place named inside it. Looks at the
  // kNearbyMentions places on each side of pos.
  template <typename Keep>
  std::string BestPlace(const TextUnit& u, Span within, size_t pos, Keep keep) const {
    auto [first, last] = FactText::In(u.places, ex_.places, within);
    auto [unused, split] = FactText::In(u.places, ex_.places, {within.begin, pos});
    (void)unused;
    size_t from = split > first + kNearbyMentions ? split - kNearbyMentions : first;
    size_t to = std::min(last, split + kNearbyMentions);
    size_t best_i = SIZE_MAX, best = SIZE_MAX;
    for (size_t i = from; i < to; ++i) {
      const EntityMention& m = ex_.places[u.places[i]];
      if (m.span.end > within.end || !UsablePlace(u, u.places[i]) || !keep(m)) continue;
      size_t d = Distance(m.span, pos);
      if (!text_.CueBefore(u, Bit(CueClass::kLocative), m.span.begin, 4)) d += 400;
      if (d < best) {
        best = d;
        best_i = i;
      }
    }
    return best_i == SIZE_MAX ? "" : MostSpecificAround(u, best_i);
  }
  std::string BestPlace(const TextUnit& u, Span within, size_t pos) const {
    return BestPlace(u, within, pos, [](const EntityMention&) { return true; });
  }
  // LocatedPlace: the best place a unit locates something in (after "in", 在).
  std::string LocatedPlace(const TextUnit& u, size_t pos) const {
    return BestPlace(u, u.orig, pos, [&](const EntityMention& m) {
      return text_.CueBefore(u, Bit(CueClass::kLocative), m.span.begin, 4);
    });
  }

  bool HasFacilityNoun(const TextUnit& u) const {
    return text_.HasCue(u, Bit(CueClass::kFacilityRef));
  }

  // PlaceRefLevel: the level of the place "the province" / 全市 points to
  // before the figure, or -1.
  int PlaceRefLevel(const TextUnit& u, size_t pos) const {
    const CueHit* c = text_.FindCue(u, kPlaceRefs, {u.orig.begin, text_.ClauseAt(u, pos).end});
    if (!c) return -1;
    if (c->classes & Bit(CueClass::kCityRef)) return kCityLevel;
    if (c->classes & Bit(CueClass::kProvinceRef)) return kProvinceLevel;
    return 0;
  }

  // PlaceOfLevel: the nearest place of a level named up to unit ui (a
  // statistic of "the province" is the province's the article is about).
  std::string PlaceOfLevel(int ui, int level) const {
    auto of_level = [&](const EntityMention& m) { return LevelOf(m.id) == level; };
    for (int j = ui; j >= 0 && ui - j <= kMaxUnitsScanned; --j) {
      const TextUnit& u = text_.unit(j);
      if (!u.body) continue;
      std::string p = BestPlace(u, u.orig, u.orig.end, of_level);
      if (!p.empty()) return p;
    }
    return "";
  }

  // FallbackAllowed: a figure whose unit names no place takes one from other
  // units when it measures a facility: its unit points to one (the project,
  // 该项目), or "it" / nothing points and the unit before speaks of one. A
  // company-level figure (the company, 公司) has no place.
  bool FallbackAllowed(int ui, size_t pos) const {
    const CueHit* pointer = text_.NearestCueBefore(text_.unit(ui), kPointers, pos);
    ClassSet classes = pointer ? pointer->classes : 0;
    if (classes & kFacilityPointers) return true;
    if (classes & Bit(CueClass::kCompanyRef)) return false;
    for (int j : PreviousBody(ui, 1)) return HasFacilityNoun(text_.unit(j));
    return false;
  }

  // RefineForward: a plant placed only in a country or a province ("a 9 GWh
  // plant in the UK") is often sited by the next units that speak of a
  // facility without a figure of their own ("the gigafactory on the
  // International Advanced Manufacturing Park … in Sunderland").
  std::string RefineForward(int ui, const std::string& place) const {
    if (LevelOf(place) > kProvinceLevel || !HasFacilityNoun(text_.unit(ui))) return place;
    int seen = 0;
    for (int j = ui + 1; j < text_.size() && j - ui <= kMaxUnitsScanned && seen < 2; ++j) {
      const TextUnit& next = text_.unit(j);
      if (!next.body || next.headline) continue;
      ++seen;
      if (!HasFacilityNoun(next) || !next.figures.empty()) continue;
      std::string best = place;
      int level = LevelOf(place);
      for (size_t i = 0; i < next.places.size() && i < 2 * kNearbyMentions; ++i) {
        const std::string& id = ex_.places[next.places[i]].id;
        if (LevelOf(id) <= level || !Within(id, place) || !UsablePlace(next, next.places[i])) continue;
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
      for (const auto& q : places) contains_other = contains_other || (q != p && Within(q, p));
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

  std::string Place(int ui, size_t fi, CueClass type, const std::vector<std::string>& owners,
                    const std::vector<Candidate>& earlier) const {
    const TextUnit& u = text_.unit(ui);
    size_t pos = ex_.quantities[u.figures[fi]].span.begin;
    if (text_.HasCue(u, Bit(CueClass::kRespectively)) && u.figures.size() <= 32) {
      std::vector<std::string> listed;
      auto [first, last] = FactText::In(u.places, ex_.places, {u.orig.begin, pos});
      first = std::max(first, last > kMaxSteps ? last - kMaxSteps : 0);
      for (size_t i = first; i < last && listed.size() < 33; ++i)
        if (UsablePlace(u, u.places[i])) AddId(ex_.places[u.places[i]].id, &listed);
      std::string respective = Respective(u, fi, MostSpecificOnly(listed));
      if (!respective.empty()) return respective;
    }
    // Places after the figure in its clause locate it when they follow it
    // closely ("a 9 GWh plant in the UK"), not at the end of a long clause
    // ("… for projects such as Neoen's Western Downs Battery").
    auto close_after = [pos](const EntityMention& m) {
      return m.span.end <= pos || m.span.begin - pos <= 80;
    };
    Span clause = text_.ClauseAt(u, pos);
    std::string place = BestPlace(u, clause, pos, close_after);
    if (place.empty()) place = BestPlace(u, {u.orig.begin, pos}, pos);
    if (!place.empty()) return RefineForward(ui, place);
    int ref_level = PlaceRefLevel(u, pos);
    if (ref_level >= 0) return PlaceOfLevel(ui, ref_level);
    bool delivery = text_.HasCue(u, Bit(CueClass::kOther), clause);  // a delivery has no site
    if (type != CueClass::kOther && !delivery && !u.headline &&
        !text_.HasCue(u, Bit(CueClass::kScope), clause) && FallbackAllowed(ui, pos)) {
      place = PlaceFromContext(ui, owners, earlier);
      if (!place.empty()) return place;
    }
    return BestPlace(u, u.orig, pos);
  }

  // PlaceFromContext: the site the units before locate something in ("在菏泽市
  // 开工", "a plant in Arizona"), the site the lead locates, any place named
  // just before, a plant named before its site ("A plant … is expected to …
  // The battery plant will be built in West Java"), else the place of the
  // last fact of the same owners.
  std::string PlaceFromContext(int ui, const std::vector<std::string>& owners,
                               const std::vector<Candidate>& earlier) const {
    std::string place;
    for (int j : PreviousBody(ui, 6)) {
      place = LocatedPlace(text_.unit(j), text_.unit(j).orig.end);
      if (!place.empty()) return place;
    }
    for (int j : LeadUnits(3, true)) {
      if (j >= ui) break;
      place = LocatedPlace(text_.unit(j), text_.unit(j).orig.end);
      if (!place.empty()) return place;
    }
    for (int j : PreviousBody(ui, 3)) {
      place = BestPlace(text_.unit(j), text_.unit(j).orig, text_.unit(j).orig.end);
      if (!place.empty()) return place;
    }
    int seen = 0;
    for (int j = ui + 1; j < text_.size() && j - ui <= kMaxUnitsScanned && seen < 6; ++j) {
      const TextUnit& next = text_.unit(j);
      if (!next.body || next.headline) continue;
      ++seen;
      if (!next.figures.empty() || !HasFacilityNoun(next)) continue;
      place = LocatedPlace(next, next.orig.begin);
      if (!place.empty()) return place;
    }
    size_t looked = 0;
    for (auto it = earlier.rbegin(); it != earlier.rend() && looked < kMaxPlanEarlier; ++it, ++looked)
      if (!it->place.empty() && !it->headline && OwnersOverlap(it->owners, owners)) return it->place;
    return "";
  }

  // ---- Event type and date -------------------------------------------------

  static CueClass FirstType(ClassSet classes) {
    static constexpr CueClass kOrder[] = {CueClass::kAgreement, CueClass::kConstruction,
                                          CueClass::kOperation, CueClass::kPlan,
                                          CueClass::kOther, CueClass::kCapacity};
    for (CueClass k : kOrder)
      if (classes & Bit(k)) return k;
    return CueClass::kCapacity;
  }

  bool CueBetween(const TextUnit& u, ClassSet classes, size_t begin, size_t end) const {
    return begin < end && text_.HasCue(u, classes, {begin, end});
  }

  // FutureBefore: a future marker governs the event word — in its clause,
  // or, along a chain of events, in the clause before whose last event it
  // governs ("计划今年三季度开工，2024年二季度开始生产").
  bool FutureBefore(const TextUnit& u, const CueHit& c, int depth = 0) const {
    bool zh = u.lang == Lang::kZh;
    if (text_.CueBefore(u, Bit(CueClass::kDone), c.begin, zh ? 6 : 12)) return false;
    if (text_.CueBefore(u, Bit(CueClass::kFuture), c.begin, zh ? 30 : 40)) return true;
    if (depth >= 3 || c.clause == 0) return false;
    Span own = text_.ClauseSpan(u, c.clause);
    if (CueBetween(u, kEventTypes, own.begin, c.begin)) return false;
    auto [first, last] = text_.CuesIn(u, text_.ClauseSpan(u, c.clause - 1));
    for (size_t i = last; i > first && last - i < kMaxSteps; --i)
      if (u.cues[i - 1].classes & kDoneEvents) return FutureBefore(u, u.cues[i - 1], depth + 1);
    return false;
  }

  // DateFor: the date stated with the cue — in its clause, not across
  // another event or a future marker ("is building what would become … next
  // year": next year is not the building's), or in a clause that is only a
  // date before it ("On January 25, CALB signed …", "到2025年底，全省…") or,
  // failing that, one of the two after it ("began producing modules at its
  // plant in Mesquite, Texas, on April 7"). -1 when none.
  int DateFor(const TextUnit& u, const CueHit& c) const {
    constexpr ClassSet kBarrier = kDoneEvents | Bit(CueClass::kFuture);
    Span clause = text_.ClauseSpan(u, c.clause);
    size_t from_clause = c.clause >= 3 ? c.clause - 3 : 0;
    size_t to_clause = std::min(c.clause + 2, u.bounds.size());
    Span look{text_.ClauseSpan(u, from_clause).begin, text_.ClauseSpan(u, to_clause).end};
    auto [first, last] = FactText::In(u.dates, ex_.dates, look);
    auto [unused, split] = FactText::In(u.dates, ex_.dates, {look.begin, c.begin});
    (void)unused;
    first = std::max(first, split > kNearbyMentions ? split - kNearbyMentions : 0);
    last = std::min(last, split + kNearbyMentions);
    // The unit's opening clause too ("3月1日上午，… 同步举行…签约仪式").
    auto [open_first, open_last] = FactText::In(u.dates, ex_.dates, text_.ClauseSpan(u, 0));
    std::vector<int> candidates(u.dates.begin() + static_cast<long>(first),
                                u.dates.begin() + static_cast<long>(last));
    if (from_clause > 0)
      candidates.insert(candidates.end(), u.dates.begin() + static_cast<long>(open_first),
                        u.dates.begin() + static_cast<long>(std::min(open_last, open_first + 2)));
    int best = -1;
    size_t best_d = SIZE_MAX;
    for (int d : candidates) {
      const Span& m = ex_.dates[d].span;
      bool same = m.begin >= clause.begin && m.end <= clause.end;
      bool date_clause = !same && text_.ClauseAt(u, m.begin).size() <= m.size() + 16;
      bool after = m.begin >= clause.end;  // "…at its plant in Mesquite, Texas, on April 7"
      if (!same && !date_clause) continue;
      // Words of the cue's own event do not part it from its date ("signed
      // an investment agreement … on March 6").
      if (m.begin >= c.end &&
          CueBetween(u, kBarrier & ~(c.classes & kDoneEvents), c.end, m.begin >= 16 ? m.begin - 16 : 0))
        continue;
      if (same && m.end <= c.begin && CueBetween(u, kDoneEvents, m.end, c.begin)) continue;
      size_t dist = Distance(m, c.begin) + (date_clause ? (after ? 2000 : 1000) : 0);
      if (dist < best_d) {
        best_d = dist;
        best = d;
      }
    }
    return best;
  }
  std::string DateValueFor(const TextUnit& u, const CueHit& c) const {
    int d = DateFor(u, c);
    return d < 0 ? "" : ex_.dates[d].value;
  }

  // IsTargetDate: a date written as a deadline ("by 2030", "到2028年",
  // "2026年底前") is what a plan aims at, never the date of a done event.
  bool IsTargetDate(const TextUnit& u, int d) const {
    if (d < 0) return false;
    const Span& m = ex_.dates[d].span;
    if (!text_.HasCue(u, Bit(CueClass::kDeadline))) return false;
    auto [first, last] = text_.CuesIn(u, {m.begin >= 24 ? m.begin - 24 : 0, m.end + 2});
    for (size_t i = first; i < last; ++i) {
      const CueHit& c = u.cues[i];
      if (!(c.classes & Bit(CueClass::kDeadline))) continue;
      if (c.end <= m.begin && m.begin - c.end <= 2) return true;
      if (c.begin >= m.end && c.begin - m.end <= 1) return true;
    }
    return false;
  }

  // AfterPublication: an event dated after the article's publication has
  // not happened yet ("到2028年实现全部投产"): it is a plan.
  bool AfterPublication(const std::string& date) const {
    if (!ex_.published || date.empty()) return false;
    auto [y, m] = TimexStart(date);
    auto [py, pm] = TimexStart(ex_.published->value);
    if (!y || !py) return false;
    return y > py || (y == py && m > pm);
  }

  // EffectiveClass: the fact type a cue gives; a done event under a future
  // marker or with a deadline date ("will start production", "到2028年实现
  // 全部投产") is a plan.
  CueClass EffectiveClass(const TextUnit& u, const CueHit& c) const {
    CueClass cls = FirstType(c.classes);
    if ((Bit(cls) & kDoneEvents) && (FutureBefore(u, c) || IsTargetDate(u, DateFor(u, c)) ||
                                     InCondition(u, c)))
      return CueClass::kPlan;
    return cls;
  }

  // InCondition: the event is the condition of what the next clause says
  // will be ("After the first phase is put into operation, it will form …",
  // "Once production starts, the plant will …"): its clause opens with a
  // conditional word and a future marker follows in the next clause. The
  // event has not happened: it is planned.
  bool InCondition(const TextUnit& u, const CueHit& c) const {
    if (u.lang != Lang::kEn || c.clause >= u.bounds.size()) return false;
    Span clause = text_.ClauseSpan(u, c.clause);
    std::string_view t = text_.Text({clause.begin, std::min(clause.end, clause.begin + 12)});
    while (!t.empty() && (t.front() == ' ' || t.front() == ',')) t.remove_prefix(1);
    auto opens_with = [&](std::string_view w) {
      if (t.size() <= w.size() || t[w.size()] != ' ') return false;
      for (size_t i = 0; i < w.size(); ++i)
        if ((t[i] | 0x20) != w[i]) return false;
      return true;
    };
    if (!opens_with("after") && !opens_with("once") && !opens_with("when") &&
        !opens_with("upon") && !opens_with("if"))
      return false;
    return text_.HasCue(u, Bit(CueClass::kFuture), text_.ClauseSpan(u, c.clause + 1));
  }

  bool IsDoneEvent(const TextUnit& u, const CueHit& c) const {
    return (c.classes & kDoneEvents) && !(c.classes & Bit(CueClass::kWeak)) &&
           (Bit(EffectiveClass(u, c)) & kDoneEvents);
  }

  // Ranks of the cues that may type a figure, best first. A done event
  // beats a plan anywhere in the unit (the article reports it as done); a
  // stated capacity or a plan counts in the figure's own clause first;
  // loose words ("建设", "has", "will have") count last, after the event a
  // pointer back leads to.
  enum Rank {
    kDoneHere, kDoneThere, kPlanHere, kStateHere, kPlanThere,
    kLooseHere, kStateThere, kLooseThere, kNoCue
  };
  static constexpr Rank kInheritFrom = kLooseHere;

  static Rank RankOf(CueClass type, bool here, bool loose) {
    if (loose) return here ? kLooseHere : kLooseThere;
    if (Bit(type) & kDoneEvents) return here ? kDoneHere : kDoneThere;
    if (type == CueClass::kPlan) return here ? kPlanHere : kPlanThere;
    return here ? kStateHere : kStateThere;
  }

  // PlanPreference: among plans of one rank, the one dated by the planned
  // production ("计划今年三季度开工、明年底前投产" → 明年底).
  static int PlanPreference(const CueHit& c) {
    if (c.classes & Bit(CueClass::kOperation)) return 0;
    if (c.classes & Bit(CueClass::kConstruction)) return 1;
    return 2;
  }

  struct EventCue {
    const CueHit* cue = nullptr;
    CueClass type = CueClass::kCapacity;
    Rank rank = kNoCue;
  };

  // OwnedClauses: the clauses whose cues speak of figure fi — those nearer
  // to its clause than to the clause of any other figure of the unit.
  std::pair<size_t, size_t> OwnedClauses(const TextUnit& u, size_t fi) const {
    const std::vector<size_t>& clauses = u.figure_clause;
    size_t mine = clauses[fi];
    size_t lo = 0, hi = u.bounds.size();
    auto before = std::lower_bound(clauses.begin(), clauses.end(), mine);
    if (before != clauses.begin()) lo = (*(before - 1) + mine + 1) / 2;
    auto after = std::upper_bound(clauses.begin(), clauses.end(), mine);
    if (after != clauses.end()) hi = (mine + *after) / 2;
    return {lo, hi};
  }

  // DoneBefore: a done marker right before a loose event word makes it an
  // event ("already operates", 已运营, "is now running").
  bool DoneBefore(const TextUnit& u, const CueHit& c) const {
    return text_.CueBefore(u, Bit(CueClass::kDone), c.begin, u.lang == Lang::kZh ? 6 : 12);
  }

  EventCue BestEventCue(const TextUnit& u, size_t fi) const {
    size_t pos = ex_.quantities[u.figures[fi]].span.begin;
    size_t fig_clause = text_.ClauseOf(u, pos);
    auto [lo, hi] = OwnedClauses(u, fi);
    auto [first, last] = text_.CuesIn(u, {text_.ClauseSpan(u, lo).begin, text_.ClauseSpan(u, hi).end});
    auto [unused, split] = text_.CuesIn(u, {text_.ClauseSpan(u, lo).begin, pos});
    (void)unused;
    first = std::max(first, split > kMaxSteps ? split - kMaxSteps : 0);
    last = std::min(last, split + kMaxSteps);
    EventCue best;
    size_t best_d = SIZE_MAX;
    int best_pref = INT_MAX;
    for (size_t i = first; i < last; ++i) {
      const CueHit& c = u.cues[i];
      if (!(c.classes & kEventTypes)) continue;
      CueClass type = EffectiveClass(u, c);
      bool here = c.clause == fig_clause;
      bool loose = (c.classes & Bit(CueClass::kWeak)) && type != CueClass::kPlan &&
                   !DoneBefore(u, c);
      Rank rank = RankOf(type, here, loose);
      size_t d = Distance({c.begin, c.end}, pos);
      int pref = type == CueClass::kPlan ? PlanPreference(c) : 0;
      if (rank < best.rank ||
          (rank == best.rank && (pref < best_pref || (pref == best_pref && d < best_d)))) {
        best = {&c, type, rank};
        best_d = d;
        best_pref = pref;
      }
    }
    return best;
  }

  // PhaseIn: the phase the last phase word of t names (一期, 二期, "phase
  // two", "second phase", "Phase II"), 0 when none. One pass per anchor.
  static int PhaseIn(std::string_view t) {
    int phase = 0;
    size_t best = 0;
    auto note = [&](size_t at, int n) {
      if (n && (phase == 0 || at >= best)) {
        phase = n;
        best = at;
      }
    };
    static constexpr std::pair<std::string_view, int> kZh[] = {
        {"一", 1}, {"首", 1}, {"二", 2}, {"三", 3}, {"四", 4}};
    for (size_t at = t.find("期"); at != std::string_view::npos; at = t.find("期", at + 3)) {
      if (at < 3) continue;
      for (const auto& [digit, n] : kZh)
        if (t.compare(at - 3, 3, digit) == 0) note(at, n);
    }
    static constexpr std::pair<std::string_view, int> kAfter[] = {
        {" one", 1}, {" two", 2}, {" three", 3}, {" 1", 1}, {" 2", 2}, {" 3", 3},
        {" III", 3}, {" II", 2}, {" I ", 1}, {" I,", 1}};
    static constexpr std::pair<std::string_view, int> kBefore[] = {
        {"first ", 1}, {"initial ", 1}, {"second ", 2}, {"third ", 3}};
    for (size_t at = t.find("hase"); at != std::string_view::npos; at = t.find("hase", at + 4)) {
      if (at == 0 || (t[at - 1] != 'p' && t[at - 1] != 'P')) continue;
      std::string_view rest = t.substr(at + 4);
      for (const auto& [word, n] : kAfter)
        if (rest.substr(0, word.size()) == word) { note(at, n); break; }
      std::string_view head = t.substr(0, at - 1);
      for (const auto& [word, n] : kBefore)
        if (head.size() >= word.size() && head.substr(head.size() - word.size()) == word) note(at, n);
    }
    for (size_t at = t.find(" block"); at != std::string_view::npos; at = t.find(" block", at + 6)) {
      std::string_view head = t.substr(0, at);
      if (head.size() >= 5 && head.substr(head.size() - 5) == "first") note(at, 1);
      if (head.size() >= 5 && head.substr(head.size() - 5) == "final") note(at, 9);
    }
    return phase;
  }

  // PhaseOf: the phase a figure belongs to: named in its clause, else the
  // last one named shortly before it in its unit.
  int PhaseOf(const TextUnit& u, size_t pos) const {
    Span clause = text_.ClauseAt(u, pos);
    if (clause.size() <= 4 * kPhaseLookBack) {
      int phase = PhaseIn(text_.Text(clause));
      if (phase) return phase;
    }
    size_t from = std::max(u.orig.begin, pos > kPhaseLookBack ? pos - kPhaseLookBack : 0);
    return PhaseIn(text_.Text({from, pos}));
  }

  // DoneEventOf: the first done event of a unit that is not another
  // phase's, with its date.
  bool DoneEventOf(int j, int phase, EventChoice* out, const CueHit** cue) const {
    const TextUnit& u = text_.unit(j);
    if (!(u.classes & kDoneEvents)) return false;
    size_t looked = 0;
    for (const CueHit& c : u.cues) {
      if (++looked > kMaxSteps) break;
      if (!IsDoneEvent(u, c)) continue;
      int theirs = PhaseOf(u, c.begin);
      if (phase && theirs && theirs != phase) continue;
      std::string date = DateValueFor(u, c);
      if (date.empty()) date = SameDayDate(j, c);
      if (AfterPublication(date)) continue;
      // An agreement is the one told before; other events a unit before
      // reports may be another plant's.
      if (date.empty() && EffectiveClass(u, c) == CueClass::kAgreement)
        date = SameEventDate(j, c, CueClass::kAgreement);
      out->type = EffectiveClass(u, c);
      out->typed = true;
      out->date = date;
      *cue = &c;
      return true;
    }
    return false;
  }

  // AntecedentEvent: a figure that only points back ("the plant will have
  // 30 GWh", 该项目…) takes the done event of the units before it.
  bool AntecedentEvent(int ui, int phase, EventChoice* out, std::string* why) const {
    for (int j : PreviousBody(ui, 3)) {
      const CueHit* cue = nullptr;
      if (!DoneEventOf(j, phase, out, &cue)) continue;
      if (why) *why = "antecedent u" + std::to_string(j) + " '" + CueText(*cue) + "'";
      return true;
    }
    return false;
  }

  // LeadEvent: the done event the article's lead reports (its first body
  // units), which a project's figures further down share.
  bool LeadEvent(int ui, EventChoice* out, std::string* why) const {
    for (int j : LeadUnits(3, true)) {
      if (j >= ui) break;
      const CueHit* cue = nullptr;
      if (!DoneEventOf(j, 0, out, &cue)) continue;
      if (why) *why = "lead u" + std::to_string(j) + " '" + CueText(*cue) + "'";
      return true;
    }
    return false;
  }

  // SameDayDate: an event told as "today" / 当天 / 此次 takes the day of the
  // nearest done event told before — of the same word first ("本次封顶" →
  // "11月14日…封顶").
  std::string SameDayDate(int ui, const CueHit& cue) const {
    const TextUnit& u = text_.unit(ui);
    if (!text_.HasCue(u, Bit(CueClass::kSameDay), {u.orig.begin, text_.ClauseSpan(u, cue.clause).end}))
      return "";
    std::string word = CueText(cue);
    for (int pass = 0; pass < 2; ++pass) {
      for (int j = ui; j >= 0 && ui - j <= kMaxUnitsScanned; --j) {
        const TextUnit& prev = text_.unit(j);
        if (!prev.body || !(prev.classes & kDoneEvents)) continue;
        size_t looked = 0;
        for (auto it = prev.cues.rbegin(); it != prev.cues.rend() && looked < kMaxSteps; ++it) {
          ++looked;
          if (j == ui && it->begin >= cue.begin) continue;
          if (!(it->classes & kDoneEvents)) continue;
          if (pass == 0 && CueText(*it) != word) continue;
          if (!(Bit(EffectiveClass(prev, *it)) & kDoneEvents)) continue;
          std::string d = DateValueFor(prev, *it);
          if (IsDayDate(d) && !AfterPublication(d)) return d;
        }
      }
    }
    return "";
  }

  // SameEventDate: a done event told without a date ("根据协议，项目…20GWh",
  // "under the agreement, the plant will make 20 GWh") is the event of its
  // kind the article dated before ("3月6日…签约", "signed on March 6"): the
  // date of the nearest earlier cue of the same type, in this unit before
  // the cue or in the units before. Reads kMaxSteps cues and dates the
  // kSameEventTries nearest events of the type at most.
  std::string SameEventDate(int ui, const CueHit& cue, CueClass type) const {
    constexpr int kSameEventTries = 4;  // the nearest events of the type told before
    size_t looked = 0;
    int tried = 0;
    for (int j = ui; j >= 0 && ui - j <= kMaxUnitsScanned && looked < kMaxSteps; --j) {
      const TextUnit& prev = text_.unit(j);
      if (!prev.body || !(prev.classes & Bit(type))) continue;
      // In the figure's own unit, only the cues before the event's.
      size_t end = j == ui ? text_.CuesIn(prev, {prev.orig.begin, cue.begin}).second : prev.cues.size();
      for (auto it = prev.cues.rbegin() + static_cast<long>(prev.cues.size() - end);
           it != prev.cues.rend() && looked < kMaxSteps; ++it) {
        ++looked;
        if (!(it->classes & Bit(type))) continue;
        if (++tried > kSameEventTries) return "";
        if (EffectiveClass(prev, *it) != type) continue;
        std::string d = DateValueFor(prev, *it);
        if (!d.empty() && !AfterPublication(d)) return d;
      }
    }
    return "";
  }

  // AsOf: "as of October", 截至5月底: a figure stated at a date is a
  // capacity at that date, whatever verb reports it — unless it is a plan.
  bool AsOf(const TextUnit& u, size_t pos, EventChoice* out) const {
    if (!text_.HasCue(u, Bit(CueClass::kAsOf))) return false;
    size_t clause = text_.ClauseOf(u, pos);
    if (text_.HasCue(u, Bit(CueClass::kFuture), text_.ClauseSpan(u, clause))) return false;
    for (size_t cl : {clause, size_t{0}}) {
      auto [first, last] = text_.CuesIn(u, text_.ClauseSpan(u, cl));
      for (size_t i = first; i < last && i - first < kMaxSteps; ++i) {
        const CueHit& c = u.cues[i];
        if (!(c.classes & Bit(CueClass::kAsOf)) || (cl != clause && c.begin >= pos)) continue;
        std::string date = DateValueFor(u, c);
        if (date.empty()) continue;
        out->type = CueClass::kCapacity;
        out->typed = true;
        out->date = date;
        return true;
      }
    }
    return false;
  }

  // FutureCapacity: the figure's best cue is a capacity told in the future
  // ("will produce", "will have", 将形成) — what a plant is to have.
  bool FutureCapacity(const TextUnit& u, const EventCue& best) const {
    if (!best.cue || best.type != CueClass::kCapacity) return false;
    return (best.cue->classes & Bit(CueClass::kFuture)) ||
           text_.CueBefore(u, Bit(CueClass::kFuture), best.cue->begin, u.lang == Lang::kZh ? 6 : 12);
  }

  EventChoice OwnEvent(int ui, size_t fi, std::string* why) const {
    const TextUnit& u = text_.unit(ui);
    size_t pos = ex_.quantities[u.figures[fi]].span.begin;
    EventChoice out;
    if (AsOf(u, pos, &out)) {
      if (why) *why = "as of";
      return out;
    }
    EventCue best = BestEventCue(u, fi);
    const CueHit* pointer = text_.NearestCueBefore(u, kPointers, pos);
    ClassSet classes = pointer ? pointer->classes : 0;
    bool points_back = classes & (kFacilityPointers | Bit(CueClass::kItRef));
    bool facility = classes & kFacilityPointers;
    bool event_ref = text_.HasCue(u, Bit(CueClass::kEventRef));
    if (points_back && (best.rank >= kInheritFrom || (event_ref && best.rank >= kPlanHere)) &&
        (AntecedentEvent(ui, PhaseOf(u, pos), &out, why) || (facility && LeadEvent(ui, &out, why))))
      return out;
    if (!best.cue) {
      if (why) *why = "no cue";
      return out;
    }
    out.type = best.type;
    out.typed = true;
    out.loose = best.rank >= kLooseHere;
    if (FutureCapacity(u, best)) {
      // "The plant will produce 10 GWh" with no event told for it: planned.
      out.type = CueClass::kPlan;
      out.loose = false;
    }
    out.date = DateValueFor(u, *best.cue);
    if (out.date.empty() && (Bit(best.type) & kDoneEvents)) out.date = SameDayDate(ui, *best.cue);
    // A total as it stands (截至目前…已建成, "so far") is no one event.
    constexpr ClassSet kStatistic = Bit(CueClass::kAsOf);
    if (out.date.empty() && (Bit(best.type) & kDoneEvents) && !out.loose &&
        !text_.HasCue(u, kStatistic))
      out.date = SameEventDate(ui, *best.cue, best.type);
    if ((Bit(out.type) & kDoneEvents) && AfterPublication(out.date)) out.type = CueClass::kPlan;
    if (why) *why = "'" + CueText(*best.cue) + "' rank " + std::to_string(best.rank);
    return out;
  }

  // Event: the event type and date of a figure. A figure with no cue of
  // its own shares those of its neighbour in the unit ("would exceed 500 GWh
  // by 2025, an upward revision from the 300 GWh"); a plan without a date
  // of its own takes the one PlanDate finds.
  EventChoice Event(int ui, size_t fi, std::string* why) const {
    EventChoice out = OwnEvent(ui, fi, why);
    const TextUnit& u = text_.unit(ui);
    if (!out.typed) {
      size_t pos = ex_.quantities[u.figures[fi]].span.begin;
      size_t neighbour = SIZE_MAX;
      for (size_t n : {fi - 1, fi + 1}) {
        if (n >= u.figures.size()) continue;
        if (neighbour == SIZE_MAX || Distance(ex_.quantities[u.figures[n]].span, pos) <
                                         Distance(ex_.quantities[u.figures[neighbour]].span, pos))
          neighbour = n;
      }
      if (neighbour != SIZE_MAX) {
        EventChoice shared = OwnEvent(ui, neighbour, nullptr);
        if (shared.typed) {
          out = shared;
          std::string own = DateRightAfter(u, ex_.quantities[u.figures[fi]]);
          if (!own.empty()) out.date = own;
          if (why) *why += ", shared with its neighbour";
        }
      }
    }
    if (out.date.empty() && (out.type == CueClass::kCapacity || out.type == CueClass::kOther)) {
      out.date = DateClauseAfter(u, ex_.quantities[u.figures[fi]]);
      if (why && !out.date.empty()) *why += ", dated by the clause after";
    }
    if (!out.typed && ui == lead_announcement_unit_) {
      // What the lead announces with no event of its own ("On August 5, the
      // 3GWh project's design was made public") is planned.
      out.type = CueClass::kPlan;
      out.typed = true;
      if (why) *why += ", announced in the lead";
    }
    if (out.type == CueClass::kPlan && out.date.empty()) out.date = PlanDate(ui);
    return out;
  }

  // PlanDate: the planned date the unit before states when it speaks of no
  // figure of its own ("该工厂计划今年三季度开工，2024年二季度开始生产"),
  // else the date of the announcement the article leads with.
  std::string PlanDate(int ui) const {
    for (int j : PreviousBody(ui, 1)) {
      const TextUnit& prev = text_.unit(j);
      if (!prev.figures.empty()) break;
      const CueHit* best = nullptr;
      std::string date;
      size_t looked = 0;
      for (const CueHit& c : prev.cues) {
        if (++looked > kMaxSteps) break;
        if (!(c.classes & kEventTypes)) continue;
        if (EffectiveClass(prev, c) != CueClass::kPlan) continue;
        std::string d = DateValueFor(prev, c);
        if (d.empty()) continue;
        if (!best || PlanPreference(c) < PlanPreference(*best)) {
          best = &c;
          date = d;
        }
      }
      if (best) return date;
    }
    return lead_announcement_date_;
  }

  // FindLeadAnnouncementDate: the date of the first dated unit of the body
  // when that unit announces and reports no done event ("On August 5, …
  // design programme publicity", "9月20日晚间，欣旺达公告…拟…") — what the
  // plans of the article are dated by; *unit gets the unit it is in.
  std::string FindLeadAnnouncementDate(int* unit) const {
    for (int j : LeadUnits(5, false)) {
      const TextUnit& u = text_.unit(j);
      if (u.dates.empty()) continue;
      const CueHit* announce = nullptr;
      size_t looked = 0;
      for (const CueHit& c : u.cues) {
        if (++looked > 4 * kNearbyMentions) break;
        if (IsDoneEvent(u, c)) return "";
        if (!announce && (c.classes & Bit(CueClass::kAnnounce))) announce = &c;
      }
      if (!announce) return "";
      int nearest = u.dates.front();
      for (size_t i = 0; i < u.dates.size() && i < kNearbyMentions; ++i)
        if (Distance(ex_.dates[u.dates[i]].span, announce->begin) <
            Distance(ex_.dates[nearest].span, announce->begin))
          nearest = u.dates[i];
      *unit = j;
      return ex_.dates[nearest].value;
    }
    return "";
  }

  // StatisticType: a place's total that no company owns, stated as it
  // stands ("全市已建成…15GWh", "each had 5 GW in operation"), is a
  // capacity, not the operation of one plant.
  CueClass StatisticType(const TextUnit& u, size_t pos, const EventChoice& ev,
                         const std::vector<std::string>& owners, bool from_context) const {
    if (!owners.empty() || from_context || !(Bit(ev.type) & kDoneEvents)) return ev.type;
    if (ev.loose || text_.HasCue(u, Bit(CueClass::kAsOf), text_.ClauseAt(u, pos)) ||
        text_.HasCue(u, Bit(CueClass::kAsOf), {u.orig.begin, pos}))
      return CueClass::kCapacity;
    return ev.type;
  }

  // PointsBack: the figure's clause points back, before the figure, to a
  // facility, a company or an event told before ("the plant", 该公司, "it").
  bool PointsBack(const TextUnit& u, size_t pos) const {
    return text_.CueBefore(u, kPointers, pos, pos - u.orig.begin);
  }

  // EarlierStatistic: the last statistic (type other, not a headline) told in
  // unit ui before the figure or in the body units just before it, or null.
  // Looks at kMaxPlanEarlier candidates at most.
  static const Candidate* EarlierStatistic(const std::vector<Candidate>& earlier,
                                           const std::vector<int>& units, bool dated) {
    size_t looked = 0;
    for (auto it = earlier.rbegin(); it != earlier.rend() && looked < kMaxPlanEarlier; ++it, ++looked) {
      if (std::find(units.begin(), units.end(), it->unit) == units.end()) {
        if (it->unit < units.back()) break;
        continue;
      }
      if (it->headline || it->type != CueClass::kOther || (dated && it->date.empty())) continue;
      return &*it;
    }
    return nullptr;
  }

  // ListContinuation: a unit that only goes on with the statistics of the
  // unit before ("CATL and BYD installed 339 and 154 GWh. SK On (44 GWh)
  // and CALB (41 GWh) followed.") reports no event of its own: its figures
  // are statistics of the same period, when it has no stronger cue and
  // points back to no facility or company.
  bool ListContinuation(int ui, size_t pos, const std::vector<Candidate>& earlier,
                        EventChoice* ev) const {
    if ((ev->typed && !ev->loose) || ev->type == CueClass::kOther) return false;
    const TextUnit& u = text_.unit(ui);
    if (PointsBack(u, pos)) return false;
    std::vector<int> prev = PreviousBody(ui, 1);
    if (prev.empty()) return false;
    const Candidate* stat = EarlierStatistic(earlier, prev, false);
    if (!stat) return false;
    ev->type = CueClass::kOther;
    ev->typed = true;
    ev->loose = false;
    ev->date = stat->date;
    return true;
  }

  // StatisticPeriod: a statistic stated without a date ("其中储能电池销量约
  // 93GWh", "CATL installed 339 GWh") counts over the period the statistic
  // before it in the unit or in the two body units before states ("In 2024,
  // global installations reached 894 GWh").
  std::string StatisticPeriod(int ui, const std::vector<Candidate>& earlier) const {
    std::vector<int> units = {ui};
    for (int j : PreviousBody(ui, 2)) units.push_back(j);
    const Candidate* stat = EarlierStatistic(earlier, units, true);
    return stat ? stat->date : "";
  }

  // DateClauseAfter: a total stated with its date set off after it
  // ("reached 73.76 GW, or 168 GWh, by the end of last year, …"): the
  // first clause after the figure's that is only a date, past clauses that
  // only give the figure in another unit. "" when none.
  std::string DateClauseAfter(const TextUnit& u, const QuantityMention& fig) const {
    constexpr size_t kDateClauseSlack = 16;  // ", by the end of", "，截至"
    size_t clause = text_.ClauseOf(u, fig.span.begin);
    for (size_t k = clause + 1; k <= u.bounds.size() && k <= clause + 2; ++k) {
      Span span = text_.ClauseSpan(u, k);
      auto [df, dl] = FactText::In(u.dates, ex_.dates, span);
      if (df < dl) {
        const Span& m = ex_.dates[u.dates[df]].span;
        return span.size() <= m.size() + kDateClauseSlack ? ex_.dates[u.dates[df]].value : "";
      }
      auto [ff, fl] = FactText::In(u.figures, ex_.quantities, span);
      if (ff == fl || span.size() > ex_.quantities[u.figures[ff]].span.size() + kDateClauseSlack)
        return "";
    }
    return "";
  }

  // DateRightAfter: a date written right after the figure in its clause
  // ("up from 86 GWh in 2023"), which dates that figure alone; "" when
  // none or when it is a deadline ("30 GWh by 2030").
  std::string DateRightAfter(const TextUnit& u, const QuantityMention& fig) const {
    constexpr size_t kGap = 8;  // " in ", " for ", "（"
    Span clause = text_.ClauseAt(u, fig.span.begin);
    auto [first, last] = FactText::In(u.dates, ex_.dates, {fig.span.end, fig.span.end + kGap + 1});
    if (first == last) return "";
    int d = u.dates[first];
    if (ex_.dates[d].span.end > clause.end || IsTargetDate(u, d)) return "";
    return ex_.dates[d].value;
  }

  // ---- Main company --------------------------------------------------------

  void FindMainCompany() {
    std::map<std::string, int> score;
    std::map<std::string, size_t> first;
    for (size_t i = 0; i < ex_.parties.size(); ++i) {
      const EntityMention& m = ex_.parties[i];
      int ui = text_.UnitOf(m.span.begin);
      if (ui < 0 || !text_.unit(ui).body) continue;
      mentioned_parties_.insert(m.id);
      if (!IsCompany(static_cast<int>(i))) continue;
      score[m.id] += text_.unit(ui).headline ? 2 : 1;
      if (!first.count(m.id) || m.span.begin < first[m.id]) first[m.id] = m.span.begin;
    }
    int best = 0;
    for (const auto& [id, n] : score) {
      if (n > best || (n == best && first[id] < first[main_company_])) {
        best = n;
        main_company_ = id;
      }
    }
  }

  // ---- Candidates and merging ----------------------------------------------

  // IsProductSpec: a figure next to a product word ("单台容量5MWh", "a 5 MWh
  // container") describes a product, not a facility.
  bool IsProductSpec(const TextUnit& u, const QuantityMention& q) const {
    if (!text_.HasCue(u, Bit(CueClass::kProduct))) return false;
    size_t clause = text_.ClauseOf(u, q.span.begin);
    auto [first, last] = text_.CuesIn(u, {q.span.begin >= 48 ? q.span.begin - 48 : 0, q.span.end + 13});
    for (size_t i = first; i < last; ++i) {
      const CueHit& c = u.cues[i];
      if (!(c.classes & Bit(CueClass::kProduct)) || c.clause != clause) continue;
      size_t gap = c.end <= q.span.begin ? q.span.begin - c.end
                                         : (c.begin >= q.span.end ? c.begin - q.span.end : 0);
      if (gap <= 12) return true;
    }
    return false;
  }

  std::vector<Candidate> Candidates(std::string* trace) const;

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
    if (text_.unit(a.unit).evidence == text_.unit(b.unit).evidence) return true;
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

  // TakeHeadlineEvent: a body figure typed by no event, or only by a loose
  // word ("the first phase has 60 GWh", 年产能; not a stated total such as
  // 两期合计), takes the done event the headline
  // repeating it reports ("60GWh！…基地正式投产"): the headline says what
  // the article is about.
  static void TakeHeadlineEvent(const Candidate& headline, Candidate* body) {
    if ((body->typed && !body->loose) || !headline.typed || headline.loose ||
        !(Bit(headline.type) & kDoneEvents))
      return;
    body->type = headline.type;
    body->typed = true;
    body->loose = false;
    if (!headline.date.empty()) body->date = headline.date;
  }

  std::vector<Candidate> Merge(const std::vector<Candidate>& cands) const;

  const Gazetteer* gazetteer_;
  const Document& doc_;
  const Extraction& ex_;
  const FactText& text_;
  std::string main_company_;
  std::set<std::string> mentioned_parties_;
  std::string lead_announcement_date_;
  int lead_announcement_unit_ = -1;  // the unit that date comes from
};

std::vector<Linking::Candidate> Linking::Candidates(std::string* trace) const {
  std::vector<Candidate> out;
  for (int ui = 0; ui < text_.size(); ++ui) {
    const TextUnit& u = text_.unit(ui);
    if (!u.body) continue;
    for (size_t fi = 0; fi < u.figures.size(); ++fi) {
      const QuantityMention& q = ex_.quantities[u.figures[fi]];
      std::vector<double> values;
      if (q.value) {
        values.push_back(*q.value);
      } else {
        if (q.min) values.push_back(*q.min);
        if (q.max) values.push_back(*q.max);
      }
      values.erase(std::remove_if(values.begin(), values.end(),
                                  [](double v) { return !std::isfinite(v); }),
                   values.end());
      if (values.empty() || IsProductSpec(u, q)) continue;
      Candidate c;
      c.kind = q.kind;
      bool from_context = false;
      c.owners = Owners(ui, fi, &from_context);
      std::string why;
      EventChoice ev = Event(ui, fi, trace ? &why : nullptr);
      if (ListContinuation(ui, q.span.begin, out, &ev) && trace) why += ", continues a list";
      c.type = StatisticType(u, q.span.begin, ev, c.owners, from_context);
      c.typed = ev.typed;
      c.loose = ev.loose;
      c.date = ev.date;
      if (c.type == CueClass::kOther && c.date.empty()) {
        c.date = StatisticPeriod(ui, out);
        if (trace && !c.date.empty()) why += ", period of the statistic before";
      }
      c.place = Place(ui, fi, c.type, c.owners, out);
      c.unit = ui;
      c.headline = u.headline;
      c.phase = PhaseOf(u, q.span.begin);
      c.pos = q.span.begin;
      if (trace) {
        *trace += "u" + std::to_string(ui) + " '" + std::string(text_.Text(q.span)) + "' owners[" +
                  Join(c.owners) + "]" + (from_context ? " (context)" : "") + " place " +
                  (c.place.empty() ? "-" : c.place) + " " + TypeName(c.type) +
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

std::vector<Linking::Candidate> Linking::Merge(const std::vector<Candidate>& cands) const {
  // Facts kept, by figure: only those of one value are compared.
  std::vector<Candidate> kept;
  std::unordered_map<std::string, std::vector<size_t>> by_figure;
  auto key = [](const Candidate& c) {
    return c.kind + ":" + std::to_string(std::llround(c.value * 1e6));
  };
  auto find = [&](const Candidate& c, bool any_body) -> Candidate* {
    auto it = by_figure.find(key(c));
    if (it == by_figure.end()) return nullptr;
    const std::vector<size_t>& same_figure = it->second;
    size_t from = same_figure.size() > kMaxSteps ? same_figure.size() - kMaxSteps : 0;
    for (size_t n = from; n < same_figure.size(); ++n) {
      Candidate& other = kept[same_figure[n]];
      if ((any_body && !other.headline && SameValue(other.value, c.value)) || SameThing(other, c))
        return &other;
    }
    return nullptr;
  };
  auto keep = [&](const Candidate& c) {
    by_figure[key(c)].push_back(kept.size());
    kept.push_back(c);
  };
  // Body mentions first: they carry the context. A headline repeats the
  // body, so it folds into any body fact of its figure.
  for (const Candidate& c : cands) {
    if (c.headline) continue;
    if (Candidate* same = find(c, false)) Absorb(c, same);
    else keep(c);
  }
  for (const Candidate& c : cands) {
    if (!c.headline) continue;
    Candidate* same = find(c, true);
    if (!same) keep(c);
    else if (same->headline) Absorb(c, same);
    else TakeHeadlineEvent(c, same);
  }
  std::stable_sort(kept.begin(), kept.end(),
                   [](const Candidate& a, const Candidate& b) { return a.pos < b.pos; });
  return kept;
}

std::vector<Fact> Linking::Run(std::string* trace) {
  if (trace) {
    *trace += "main company: " + main_company_ + "\n";
    for (int i = 0; i < text_.size(); ++i) {
      const TextUnit& u = text_.unit(i);
      *trace += "  u" + std::to_string(i) + (u.body ? "" : " [boilerplate]") +
                (u.headline ? " [headline]" : "") + " " + std::string(LangCode(u.lang)) + " \"" +
                std::string(text_.Text(u.orig).substr(0, 48)) + "\" cues:";
      for (const CueHit& c : u.cues) *trace += " " + CueText(c);
      *trace += "\n";
    }
  }
  std::vector<Fact> facts;
  for (const Candidate& c : Merge(Candidates(trace))) {
    Fact f;
    f.type = TypeName(c.type);
    f.parties = c.owners;
    f.place = c.place;
    f.kind = c.kind;
    f.value = c.value;
    f.date = c.date;
    f.evidence = text_.unit(c.unit).evidence;
    facts.push_back(std::move(f));
  }
  return facts;
}

}  // namespace

void FactLinker::Link(const Document& doc, Extraction* ex, std::string* trace) const {
  bool any_figure = std::any_of(ex->quantities.begin(), ex->quantities.end(), [](const QuantityMention& q) {
    return q.kind == "energy" || q.kind == "power";
  });
  if (!any_figure && !trace) return;  // most pages: nothing to link, nothing to read
  FactText text(doc, *ex, cues_);
  Linking linking(gazetteer_, doc, *ex, text);
  for (Fact& f : linking.Run(trace)) ex->facts.push_back(std::move(f));
}

}  // namespace gigafact
