// CueTable: the cue words fact linking reads around a capacity figure, by
// language — the event a sentence reports, its modality, and the words that
// point back to an owner, a facility or a place named before
// (normalizers/data/event_words.tsv). Built once, then shared read-only.
#ifndef GIGAFACT_OUTPUT_CUE_TABLE_H_
#define GIGAFACT_OUTPUT_CUE_TABLE_H_

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/lang.h"

namespace gigafact {

// CueClass: what a cue word says about the figure near it. A word may stand
// in several classes (计划 is a plan and a future marker).
enum class CueClass {
  // Events and states: the fact types of SPEC §2.
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
  kAsOf,           // as of, 截至, 目前: a total as it stands
  kDeadline,       // by, 到, 前: the date next to it is a target, so a plan's
  kAnnounce,       // announced, unveiled, 宣布, 公告: the lead announces a plan
  // Pointers back to what an earlier sentence named.
  kFacilityRef,    // the project, the plant, 该项目, 基地, 一期
  kCompanyRef,     // the company, 该公司, 公司: a company-level figure
  kItRef,          // it, its: a plant or a company, as the sentence before says
  kEventRef,       // the agreement, 根据协议, 本次合作: the event told before
  kCountryRef,     // nationwide, 全国: a statistic of a country, no owner
  kProvinceRef,    // the province, 全省: of a province, no owner
  kCityRef,        // the city, 全市: of a city, no owner
  // What a nearby name or figure is not.
  kSource,         // according to, 据: the name that follows is cited, not an owner
  kDomicile,       // headquartered in, 总部位于, 以外: the place is not the figure's
  kScope,          // global, 全球: a market figure, no owner
  kProduct,        // per container, 单台: a product specification, no fact
  kLocative,       // in, near, 在, 位于: the place that follows locates the figure
  kRespectively,   // respectively, 分别: figures pair with names in order
  kClassCount
};

// ClassSet: a set of CueClass, bit i for class i.
using ClassSet = uint32_t;
static_assert(static_cast<int>(CueClass::kClassCount) <= 32, "ClassSet holds 32 classes");

constexpr ClassSet Bit(CueClass c) { return ClassSet{1} << static_cast<int>(c); }

class CueTable {
 public:
  CueTable();
  ~CueTable();
  CueTable(const CueTable&) = delete;
  CueTable& operator=(const CueTable&) = delete;

  // LoadFile reads a table with the columns lang (en, zh), class (a name of
  // ParseClass) and words ('|'-separated), then compiles it; false with
  // *err naming the file and row.
  bool LoadFile(const std::string& path, std::string* err);
  // Add adds a word to a class; Compile must follow before Find.
  void Add(Lang lang, CueClass cls, std::string_view word);
  // Compile indexes the words for Find: English ones by their first word,
  // Chinese ones by their first character. It cannot fail today; the
  // signature keeps room for checks on the table.
  bool Compile(std::string* err);

  // Find calls hit(begin, end, classes) for each cue word of text in text
  // order, offsets relative to text. English words match whole words in any
  // case (ASCII), Chinese ones as substrings; at each position the longest
  // word wins and matches do not overlap. One pass: a hash look-up per
  // English word or Chinese character. Text in a language other than en or
  // zh has no cues.
  void Find(std::string_view text, Lang lang,
            const std::function<void(size_t, size_t, ClassSet)>& hit) const;

  // ParseClass reads a class name of the table ("plan", "facility_ref"…).
  static bool ParseClass(std::string_view name, CueClass* out);

 private:
  struct Phrase {
    std::string text;  // English words lower-cased
    ClassSet classes;
  };
  void FindEnglish(std::string_view text,
                   const std::function<void(size_t, size_t, ClassSet)>& hit) const;
  void FindChinese(std::string_view text,
                   const std::function<void(size_t, size_t, ClassSet)>& hit) const;

  // Words by language (0 en, 1 zh) with their classes, as added.
  std::unordered_map<std::string, ClassSet> words_[2];
  // Compiled: the phrases, and by first English word (its hash) or first
  // Chinese character (its bytes) the phrases that begin with it, longest
  // first.
  std::vector<Phrase> phrases_[2];
  std::unordered_map<uint64_t, std::vector<uint32_t>> by_first_[2];
  bool compiled_ = false;
};

}  // namespace gigafact

#endif  // GIGAFACT_OUTPUT_CUE_TABLE_H_
