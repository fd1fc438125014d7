// Fact linking: ties each energy and power figure of the article body to what
// it measures — owners, place, event type and date (SPEC §2 facts).
//
// FactLinker reads the structure of the text, not one article's sentences:
//  1. Owners and place come from the figure's clause, then its sentence
//     ("CATL's 40 GWh base in Kenli", "在肇庆建设年产能25GWh的基地"); a figure
//     whose sentence names none but points back ("the project", 该项目, a
//     subject-less Chinese clause) takes them from the sentences before it,
//     then from the article's lead (its main company). Governments only host
//     or sign, sources are only cited ("according to"): neither owns.
//  2. The event type comes from cue words and modality in both languages
//     (normalizers/data/event_words.tsv): a done event (signed, broke ground,
//     started production) outranks a plan or a stated capacity; a future
//     marker before an event word ("will start production", 计划…投产) makes
//     it a plan. The date is the one stated with that event, not any date of
//     the sentence.
//  3. One fact per figure and thing: mentions of the same figure whose owners
//     and places agree (a headline and its body, the English and Chinese
//     halves of one page) merge; a range gives a fact per end, a paired
//     "200 MW/400 MWh" a power and an energy fact with shared attributes.
//     Boilerplate never yields a fact, vague figures (no value) neither.
#ifndef GIGAFACT_OUTPUT_FACTS_H_
#define GIGAFACT_OUTPUT_FACTS_H_

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include <re2/re2.h>

#include "core/document.h"
#include "core/extraction.h"
#include "normalizers/gazetteer.h"

namespace gigafact {

// CueClass: what a cue word says about the figure near it.
enum class CueClass {
  // Events and states, the fact types of SPEC §2.
  kPlan,           // plans, aims to, 规划, 拟, 预计
  kAgreement,      // signed, 签约
  kConstruction,   // broke ground, is building, 开工, 在建
  kOperation,      // started production, 投产, 并网
  kCapacity,       // existing, installed capacity, 现有, 累计
  kOther,          // shipments, orders, 出货, 装车量
  // Modality.
  kFuture,         // will, once completed, 将, 建成后: a later event is a plan
  kDone,           // already, has been, 已: keeps an event done
  kWeak,           // building, has, 建设: too loose to outrank a pointer back
  kSameDay,        // today, 当天, 此次: the event took place on a date told before
  kAsOf,           // as of, 截至: with a date, a stated capacity at that date
  kDeadline,       // by, 到, 前: the date next to it is a target, so a plan's
  kAnnounce,       // announced, unveiled, 宣布, 公告: the lead announces a plan
  // Pointers back to what an earlier sentence named.
  kFacilityRef,    // the project, the plant, 该项目, 基地, 一期
  kCompanyRef,     // the company, 该公司, 公司: a company-level figure
  kItRef,          // it, its: a plant or a company, as the sentence before says
  kEventRef,       // the agreement, 根据协议, 此次签约: the event told before
  kCountryRef,     // nationwide, 全国: a statistic of a country, no owner
  kProvinceRef,    // the province, 全省: of a province, no owner
  kCityRef,        // the city, 全市: of a city, no owner
  // What a nearby name or figure is not.
  kSource,         // according to, 据: the name that follows is cited, not an owner
  kDomicile,       // headquartered in, 总部位于: the place is not the figure's
  kScope,          // global, 全球: a market figure, no owner
  kProduct,        // per container, 单台: a product specification, no fact
  kLocative,       // in, near, 在, 位于: the place that follows locates the figure
  kRespectively,   // respectively, 分别: figures pair with names in order
};

class FactLinker {
 public:
  // gazetteer (may be null) resolves place containment beyond the places an
  // article mentions; it must outlive the linker.
  explicit FactLinker(const Gazetteer* gazetteer = nullptr);
  ~FactLinker();
  FactLinker(const FactLinker&) = delete;
  FactLinker& operator=(const FactLinker&) = delete;

  // LoadFile reads a cue table (lang, class, word per line, '#' comments)
  // and compiles its matchers; false with *err naming the file and line.
  // Must be called once before Link.
  bool LoadFile(const std::string& path, std::string* err);
  // AddCue adds one cue word (lang "en" or "zh"); Compile must follow.
  // For tests and for LoadFile.
  void AddCue(Lang lang, CueClass cls, std::string_view word);
  // Compile builds the matchers from the cues added so far; false with *err.
  bool Compile(std::string* err);

  // Link appends to ex->facts one fact per figure and thing measured, from
  // ex->quantities (energy and power), ex->dates, ex->places, ex->parties and
  // ex->entities. Thread-safe (const, no mutable state). When trace is not
  // null, one line per figure mention says what was chosen and why.
  void Link(const Document& doc, Extraction* ex, std::string* trace = nullptr) const;

  // ParseCueClass reads a class name of the table ("plan", "facility_ref"…).
  static bool ParseCueClass(std::string_view name, CueClass* out);

 private:
  const Gazetteer* gazetteer_;
  // Cue words by language (0 en, 1 zh), keyed by their folded (lower-case)
  // form, each with the set of its classes (bit i = CueClass i).
  std::unordered_map<std::string, uint32_t> cues_[2];
  std::unique_ptr<RE2> matcher_[2];

  friend struct FactLinkerInternals;
};

}  // namespace gigafact

#endif  // GIGAFACT_OUTPUT_FACTS_H_
