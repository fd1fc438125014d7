// FactText: one article as fact linking reads it — units (sentences, split
// again at ';' and at run-in bullets, so "A 于9月并网；B 于10月并网" are two
// statements), their clauses, the cue words of each unit, and the mentions an
// Extraction holds, indexed by unit. Every offset is into the original text.
//
// Queries look only at the part of a unit they are asked about (binary
// search over the cues and mentions, which are kept in text order), so
// linking stays linear on hostile input: a megabyte "sentence" of figures
// costs no more per figure than a short one.
#ifndef GIGAFACT_OUTPUT_FACT_TEXT_H_
#define GIGAFACT_OUTPUT_FACT_TEXT_H_

#include <algorithm>
#include <string_view>
#include <utility>
#include <vector>

#include "core/document.h"
#include "core/extraction.h"
#include "output/cue_table.h"

namespace gigafact {

// CueHit: one cue word in a unit.
struct CueHit {
  size_t begin = 0, end = 0;
  ClassSet classes = 0;
  size_t clause = 0;  // the clause of the unit it begins in
};

struct TextUnit {
  Span norm;       // the unit in the normalized view
  Span orig;       // the unit
  Span evidence;   // the whole sentence it belongs to
  Lang lang = Lang::kOther;
  bool body = false;      // not boilerplate
  bool headline = false;  // a whole line without a closing stop (a title)
  std::vector<size_t> bounds;  // clause boundaries, ascending
  // Cue words, in text order, not overlapping. Read only where linking
  // looks: around the units with figures and in the lead (kCueReach).
  std::vector<CueHit> cues;
  ClassSet classes = 0;        // every class of the unit's cues
  // Indexes into the Extraction's lists, in text order. Dates exclude the
  // publication date; figures are the energy and power quantities.
  std::vector<int> places, parties, dates, figures;
  std::vector<int> figure_group;     // per figure: its group of figures written together
  std::vector<size_t> figure_clause; // per figure: its clause
  // by_class[class_begin[k] .. class_begin[k + 1]): the indexes of the cues
  // of class k, ascending.
  std::vector<uint32_t> by_class;
  uint32_t class_begin[static_cast<int>(CueClass::kClassCount) + 1] = {};
};

class FactText {
 public:
  // Cue words are read in the units up to kCueReachBack before and
  // kCueReachAhead after a unit with a figure, and in the first kLeadUnits.
  static constexpr int kCueReachBack = 8;
  static constexpr int kCueReachAhead = 6;
  static constexpr int kLeadUnits = 8;

  // FactText cuts doc into units and indexes ex's mentions; both must
  // outlive it.
  FactText(const Document& doc, const Extraction& ex, const CueTable& cues);

  const std::vector<TextUnit>& units() const { return units_; }
  const TextUnit& unit(int i) const { return units_[static_cast<size_t>(i)]; }
  int size() const { return static_cast<int>(units_.size()); }
  // UnitOf returns the unit holding an original offset, or -1.
  int UnitOf(size_t offset) const;
  std::string_view Text(Span s) const { return doc_.OriginalText(s); }

  size_t ClauseOf(const TextUnit& u, size_t pos) const;
  Span ClauseSpan(const TextUnit& u, size_t clause) const;
  Span ClauseAt(const TextUnit& u, size_t pos) const { return ClauseSpan(u, ClauseOf(u, pos)); }

  // CuesIn returns the index range [first, last) of u.cues that begin in span.
  std::pair<size_t, size_t> CuesIn(const TextUnit& u, Span span) const;
  // FindCue returns the first cue of the classes wholly within span, or null.
  // It looks only at cues of those classes: O(classes · log cues).
  const CueHit* FindCue(const TextUnit& u, ClassSet classes, Span within) const;
  bool HasCue(const TextUnit& u, ClassSet classes, Span within) const {
    return (u.classes & classes) && FindCue(u, classes, within) != nullptr;
  }
  bool HasCue(const TextUnit& u, ClassSet classes) const { return (u.classes & classes) != 0; }
  // CueBefore: a cue of the classes ends at most window bytes before pos, in
  // pos's clause.
  bool CueBefore(const TextUnit& u, ClassSet classes, size_t pos, size_t window) const;
  // CueAfter: a cue of the classes begins at most window bytes after pos.
  bool CueAfter(const TextUnit& u, ClassSet classes, size_t pos, size_t window) const;
  // NearestCueBefore returns the last cue of the classes that begins before
  // pos, else the first one after it, else null.
  const CueHit* NearestCueBefore(const TextUnit& u, ClassSet classes, size_t pos) const;

  // In returns the range [first, last) of a mention list of u (u.places,
  // u.parties, u.dates, u.figures) whose mentions begin in span.
  template <typename T>
  static std::pair<size_t, size_t> In(const std::vector<int>& list, const std::vector<T>& items,
                                      Span span) {
    auto begin_of = [&](int i) { return items[static_cast<size_t>(i)].span.begin; };
    auto lo = std::lower_bound(list.begin(), list.end(), span.begin,
                               [&](int i, size_t off) { return begin_of(i) < off; });
    auto hi = std::lower_bound(lo, list.end(), span.end,
                               [&](int i, size_t off) { return begin_of(i) < off; });
    return {static_cast<size_t>(lo - list.begin()), static_cast<size_t>(hi - list.begin())};
  }

 private:
  std::vector<Sentence> JoinedSentences() const;
  bool IsHeadline(Span norm) const;
  void AddUnits(const Sentence& s, bool body, bool headline);
  void FindAllCues(const CueTable& cues);
  void FindClauses(Span norm, TextUnit* u) const;
  void FindCues(Span norm, TextUnit* u, const CueTable& cues) const;
  void IndexMentions();
  void IndexCues(TextUnit* u) const;
  void DropCuesInsideNames(TextUnit* u) const;
  void GroupFigures(TextUnit* u) const;
  void IndexClasses(TextUnit* u) const;
  // ClassRange: the part of u.by_class that lists class k.
  static std::pair<const uint32_t*, const uint32_t*> ClassRange(const TextUnit& u, int k) {
    return {u.by_class.data() + u.class_begin[k], u.by_class.data() + u.class_begin[k + 1]};
  }

  const Document& doc_;
  const Extraction& ex_;
  std::vector<TextUnit> units_;
};

}  // namespace gigafact

#endif  // GIGAFACT_OUTPUT_FACT_TEXT_H_
