#include "output/fact_text.h"

#include <algorithm>

namespace gigafact {

namespace {

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

bool EndsWith(std::string_view t, std::string_view end) {
  return t.size() >= end.size() && t.substr(t.size() - end.size()) == end;
}

// A power and an energy figure written together ("200MW/400MWh",
// "20万千瓦／40万千瓦时", "1.2GW/4.8GWh") measure one thing.
bool WrittenTogether(const Document& doc, const QuantityMention& a, const QuantityMention& b) {
  if (b.span.begin < a.span.end || b.span.begin - a.span.end > 5) return false;
  std::string_view gap = doc.OriginalText({a.span.end, b.span.begin});
  return a.kind != b.kind || gap.find('/') != std::string_view::npos ||
         gap.find("／") != std::string_view::npos;
}

}  // namespace

FactText::FactText(const Document& doc, const Extraction& ex, const CueTable& cues)
    : doc_(doc), ex_(ex) {
  size_t line = 0;
  units_.reserve(doc.sentences.size() + 8);
  for (const Sentence& s : JoinedSentences()) {
    while (line < doc.lines.size() && doc.lines[line].span.end <= s.span.begin) ++line;
    bool body = !s.boilerplate && !(line < doc.lines.size() && doc.lines[line].boilerplate);
    AddUnits(s, body, IsHeadline(s.span));
  }
  IndexMentions();
  FindAllCues(cues);
}

// JoinedSentences: the document's sentences, with an exclamation that opens
// a headline ("60GWh!山东时代…投产") joined to what follows, and hard-wrapped
// English prose ("… battery product was\nofficially launched …") joined
// across the line break.
std::vector<Sentence> FactText::JoinedSentences() const {
  std::vector<Sentence> out;
  for (const Sentence& s : doc_.sentences) {
    if (!out.empty()) {
      Sentence& prev = out.back();
      std::string_view t = doc_.NormText(prev.span);
      std::string_view gap = doc_.NormText({prev.span.end, s.span.begin});
      std::string_view next = doc_.NormText(s.span);
      size_t breaks = static_cast<size_t>(std::count(gap.begin(), gap.end(), '\n'));
      bool exclamation = !t.empty() && t.back() == '!' && t.size() <= 24 && breaks == 0;
      bool wrapped = !t.empty() && breaks == 1 && prev.boilerplate == s.boilerplate &&
                     std::string_view(".!?\"”:").find(t.back()) == std::string_view::npos &&
                     !next.empty() && next[0] >= 'a' && next[0] <= 'z';
      if (exclamation || wrapped) {
        prev.span.end = s.span.end;
        prev.lang = s.lang;
        continue;
      }
    }
    out.push_back(s);
  }
  return out;
}

// IsHeadline: a short sentence without a closing stop — a title or a
// subheading, which repeats what the body says.
bool FactText::IsHeadline(Span norm) const {
  std::string_view t = doc_.NormText(norm);
  while (!t.empty() && (t.back() == ' ' || t.back() == '\t')) t.remove_suffix(1);
  if (t.empty() || t.size() > 160) return false;
  static constexpr std::string_view kStops[] = {".", "。", "!", "?", "\"", "”", ")", "）", "」"};
  for (std::string_view stop : kStops)
    if (EndsWith(t, stop)) return false;
  return true;
}

void FactText::AddUnits(const Sentence& s, bool body, bool headline) {
  Span evidence = doc_.ToOriginal(s.span);
  std::string_view t = doc_.NormText(s.span);
  size_t start = 0;
  for (size_t i = t.find_first_of(";."); ; i = t.find_first_of(";.", i + 1)) {
    if (i == std::string_view::npos) i = t.size();
    // ';' ends a statement; so does ". " before a bullet ("[4]. - The first
    // phase …"), which sentence breaking leaves joined.
    bool bullet = i + 3 < t.size() && t[i] == '.' && t[i + 1] == ' ' &&
                  (t[i + 2] == '-' || t.compare(i + 2, 3, "•") == 0 || t.compare(i + 2, 3, "–") == 0);
    if (i < t.size() && t[i] != ';' && !bullet) continue;
    size_t end = i < t.size() ? i + 1 : i;
    if (end > start) {
      Span norm{s.span.begin + start, s.span.begin + end};
      TextUnit u;
      u.norm = norm;
      u.orig = doc_.ToOriginal(norm);
      u.evidence = evidence;
      u.lang = s.lang;
      u.body = body;
      u.headline = headline;
      FindClauses(norm, &u);
      units_.push_back(std::move(u));
    }
    start = end;
    if (i >= t.size()) break;
  }
}

// FindClauses splits a unit at , : and ". " (not inside a number, "1,000",
// nor after an abbreviation before a number, "Dec. 26",
// nor in a list of numbers, "339.3, 153.7 and 96.3 GWh") and at dashes set
// off by spaces (an aside).
void FactText::FindClauses(Span norm, TextUnit* u) const {
  std::string_view t = doc_.NormText(norm);
  for (size_t i = 0; i < t.size(); ++i) {
    char c = t[i];
    size_t len = 0;
    if (c == ',' || c == ':' || c == '.') {
      size_t next = i + 1;
      if (c == '.') {
        // A full stop inside a unit ("U.S.", "Co. Ltd" aside): after a word,
        // and not an abbreviation before a number ("Dec. 26", "No. 3").
        bool stop = i > 0 && next + 1 < t.size() && t[next] == ' ' && !IsDigit(t[i - 1]) &&
                    (i < 2 || t[i - 2] != ' ') && !IsDigit(t[next + 1]);
        if (!stop) continue;
      }
      while (next < t.size() && t[next] == ' ') ++next;
      bool number_follows = c == ',' && i > 0 && IsDigit(t[i - 1]) && next < t.size() &&
                            IsDigit(t[next]);
      if (number_follows) continue;
      len = 1;
    } else if (c == '\xE2' && i > 0 && t[i - 1] == ' ' &&
               (t.compare(i, 3, "—") == 0 || t.compare(i, 3, "–") == 0)) {
      len = 3;
    } else {
      continue;
    }
    size_t off = norm.begin + i;
    u->bounds.push_back(doc_.ToOriginal({off, off + len}).begin);
    i += len - 1;
  }
}

}  // namespace gigafact

namespace gigafact {

void FactText::FindCues(Span norm, TextUnit* u, const CueTable& cues) const {
  cues.Find(doc_.NormText(norm), u->lang, [&](size_t b, size_t e, ClassSet classes) {
    Span orig = doc_.ToOriginal({norm.begin + b, norm.begin + e});
    CueHit hit;
    hit.begin = orig.begin;
    hit.end = orig.end;
    hit.classes = classes;
    hit.clause = ClauseOf(*u, orig.begin);
    u->cues.push_back(hit);
  });
}

void FactText::IndexMentions() {
  auto add = [&](size_t offset, std::vector<int> TextUnit::*list, int index) {
    int u = UnitOf(offset);
    if (u >= 0) (units_[static_cast<size_t>(u)].*list).push_back(index);
  };
  // The extractors append in text order; sort anyway, the queries rely on it.
  for (size_t i = 0; i < ex_.places.size(); ++i)
    add(ex_.places[i].span.begin, &TextUnit::places, static_cast<int>(i));
  for (size_t i = 0; i < ex_.parties.size(); ++i)
    add(ex_.parties[i].span.begin, &TextUnit::parties, static_cast<int>(i));
  for (size_t i = 0; i < ex_.dates.size(); ++i)
    if (ex_.dates[i].role != "publication")
      add(ex_.dates[i].span.begin, &TextUnit::dates, static_cast<int>(i));
  for (size_t i = 0; i < ex_.quantities.size(); ++i) {
    const QuantityMention& q = ex_.quantities[i];
    if (q.kind == "energy" || q.kind == "power")
      add(q.span.begin, &TextUnit::figures, static_cast<int>(i));
  }
  auto sort = [](std::vector<int>* list, const auto& items) {
    std::stable_sort(list->begin(), list->end(), [&](int a, int b) {
      return items[static_cast<size_t>(a)].span.begin < items[static_cast<size_t>(b)].span.begin;
    });
  };
  for (TextUnit& u : units_) {
    sort(&u.places, ex_.places);
    sort(&u.parties, ex_.parties);
    sort(&u.dates, ex_.dates);
    sort(&u.figures, ex_.quantities);
    GroupFigures(&u);
  }
}

// FindAllCues reads the cue words of the body units linking may look at.
void FactText::FindAllCues(const CueTable& cues) {
  int n = size();
  std::vector<char> wanted(static_cast<size_t>(n), 0);
  int lead = 0;
  for (int i = 0; i < n && lead < kLeadUnits; ++i)
    if (units_[i].body) wanted[i] = 1, ++lead;
  int covered = -1;  // wanted up to here already
  for (int i = 0; i < n; ++i) {
    if (units_[i].figures.empty()) continue;
    for (int j = std::max({0, i - kCueReachBack, covered + 1}); j <= std::min(n - 1, i + kCueReachAhead); ++j)
      wanted[j] = 1;
    covered = std::min(n - 1, i + kCueReachAhead);
  }
  for (int i = 0; i < n; ++i) {
    TextUnit& u = units_[i];
    if (!wanted[i] || !u.body) continue;  // boilerplate yields no fact and locates none
    FindCues(u.norm, &u, cues);
    IndexCues(&u);
  }
}

void FactText::IndexCues(TextUnit* u) const {
  DropCuesInsideNames(u);
  for (const CueHit& c : u->cues) u->classes |= c.classes;
  IndexClasses(u);
}

// DropCuesInsideNames: "公司" in "…有限公司" or "Development" in a company's
// name is part of the name, not a cue; so is a pointer word inside a place
// name. One sweep over the cues and the (sorted) names.
void FactText::DropCuesInsideNames(TextUnit* u) const {
  constexpr ClassSet kKeepInPlaces = Bit(CueClass::kPlan) | Bit(CueClass::kAgreement) |
      Bit(CueClass::kConstruction) | Bit(CueClass::kOperation) | Bit(CueClass::kCapacity) |
      Bit(CueClass::kOther) | Bit(CueClass::kCountryRef) | Bit(CueClass::kProvinceRef) |
      Bit(CueClass::kCityRef);
  size_t party = 0, place = 0;
  std::vector<CueHit> kept;
  kept.reserve(u->cues.size());
  for (const CueHit& c : u->cues) {
    Span span{c.begin, c.end};
    while (party < u->parties.size() && ex_.parties[u->parties[party]].span.end <= c.begin) ++party;
    while (place < u->places.size() && ex_.places[u->places[place]].span.end <= c.begin) ++place;
    bool in_party = false, in_place = false;
    for (size_t i = party; i < u->parties.size(); ++i) {
      const Span& m = ex_.parties[u->parties[i]].span;
      if (m.begin >= c.end) break;
      in_party = in_party || m.Overlaps(span);
    }
    for (size_t i = place; i < u->places.size(); ++i) {
      const Span& m = ex_.places[u->places[i]].span;
      if (m.begin >= c.end) break;
      in_place = in_place || m.Overlaps(span);
    }
    if (in_party || (in_place && !(c.classes & kKeepInPlaces))) continue;
    kept.push_back(c);
  }
  u->cues = std::move(kept);
}

// GroupFigures numbers the groups of figures written together and notes
// each figure's clause.
void FactText::GroupFigures(TextUnit* u) const {
  int group = -1;
  const QuantityMention* prev = nullptr;
  for (int f : u->figures) {
    const QuantityMention& q = ex_.quantities[static_cast<size_t>(f)];
    if (!prev || !WrittenTogether(doc_, *prev, q)) ++group;
    u->figure_group.push_back(group);
    u->figure_clause.push_back(ClauseOf(*u, q.span.begin));
    prev = &q;
  }
}

// IndexClasses lists the cues of each class (a counting sort).
void FactText::IndexClasses(TextUnit* u) const {
  constexpr int kCount = static_cast<int>(CueClass::kClassCount);
  uint32_t count[kCount + 1] = {};
  for (const CueHit& c : u->cues)
    for (int k = 0; k < kCount; ++k)
      if (c.classes & (ClassSet{1} << k)) ++count[k + 1];
  for (int k = 0; k < kCount; ++k) count[k + 1] += count[k];
  for (int k = 0; k <= kCount; ++k) u->class_begin[k] = count[k];
  u->by_class.assign(count[kCount], 0);
  for (uint32_t i = 0; i < u->cues.size(); ++i)
    for (int k = 0; k < kCount; ++k)
      if (u->cues[i].classes & (ClassSet{1} << k)) u->by_class[count[k]++] = i;
}

int FactText::UnitOf(size_t offset) const {
  auto it = std::upper_bound(units_.begin(), units_.end(), offset,
                             [](size_t off, const TextUnit& u) { return off < u.orig.end; });
  if (it == units_.end() || offset < it->orig.begin) return -1;
  return static_cast<int>(it - units_.begin());
}

size_t FactText::ClauseOf(const TextUnit& u, size_t pos) const {
  return static_cast<size_t>(std::upper_bound(u.bounds.begin(), u.bounds.end(), pos) -
                             u.bounds.begin());
}

Span FactText::ClauseSpan(const TextUnit& u, size_t clause) const {
  size_t b = clause == 0 ? u.orig.begin : u.bounds[clause - 1];
  size_t e = clause < u.bounds.size() ? u.bounds[clause] : u.orig.end;
  return {b, e};
}

std::pair<size_t, size_t> FactText::CuesIn(const TextUnit& u, Span span) const {
  auto lo = std::lower_bound(u.cues.begin(), u.cues.end(), span.begin,
                             [](const CueHit& c, size_t off) { return c.begin < off; });
  auto hi = std::lower_bound(lo, u.cues.end(), span.end,
                             [](const CueHit& c, size_t off) { return c.begin < off; });
  return {static_cast<size_t>(lo - u.cues.begin()), static_cast<size_t>(hi - u.cues.begin())};
}

const CueHit* FactText::FindCue(const TextUnit& u, ClassSet classes, Span within) const {
  if (!(u.classes & classes)) return nullptr;
  const CueHit* best = nullptr;
  for (int k = 0; k < static_cast<int>(CueClass::kClassCount); ++k) {
    if (!(classes & (ClassSet{1} << k))) continue;
    auto [lo, hi] = ClassRange(u, k);
    // The first cue of the class that begins in the span ends first too.
    const uint32_t* it = std::lower_bound(lo, hi, within.begin, [&](uint32_t i, size_t off) {
      return u.cues[i].begin < off;
    });
    if (it == hi) continue;
    const CueHit& c = u.cues[*it];
    if (c.end <= within.end && (!best || c.begin < best->begin)) best = &c;
  }
  return best;
}

bool FactText::CueBefore(const TextUnit& u, ClassSet classes, size_t pos, size_t window) const {
  if (!(u.classes & classes)) return false;
  size_t clause = ClauseOf(u, pos);
  for (int k = 0; k < static_cast<int>(CueClass::kClassCount); ++k) {
    if (!(classes & (ClassSet{1} << k))) continue;
    auto [lo, hi] = ClassRange(u, k);
    // The last cue of the class that ends by pos (cues do not overlap, so
    // their ends ascend like their begins): the nearest before it.
    const uint32_t* it = std::upper_bound(lo, hi, pos, [&](size_t off, uint32_t i) {
      return off < u.cues[i].end;
    });
    if (it == lo) continue;
    const CueHit& c = u.cues[*(it - 1)];
    if (pos - c.end <= window && c.clause == clause) return true;
  }
  return false;
}

bool FactText::CueAfter(const TextUnit& u, ClassSet classes, size_t pos, size_t window) const {
  const CueHit* c = FindCue(u, classes, {pos, SIZE_MAX});
  return c && c->begin - pos <= window;
}

const CueHit* FactText::NearestCueBefore(const TextUnit& u, ClassSet classes, size_t pos) const {
  if (!(u.classes & classes)) return nullptr;
  const CueHit* before = nullptr;
  const CueHit* after = nullptr;
  for (int k = 0; k < static_cast<int>(CueClass::kClassCount); ++k) {
    if (!(classes & (ClassSet{1} << k))) continue;
    auto [lo, hi] = ClassRange(u, k);
    const uint32_t* it = std::lower_bound(lo, hi, pos, [&](uint32_t i, size_t off) {
      return u.cues[i].begin < off;
    });
    if (it != lo && (!before || u.cues[*(it - 1)].begin > before->begin)) before = &u.cues[*(it - 1)];
    if (it != hi && (!after || u.cues[*it].begin < after->begin)) after = &u.cues[*it];
  }
  return before ? before : after;
}

}  // namespace gigafact
