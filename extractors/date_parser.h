// Date grammar: finds the calendar dates one line of text states, in English
// and Chinese (Simplified and Traditional), and reads each to a TimexDate at
// the grain the text gives. It works on the NFKC view (full-width digits are
// ASCII there) and knows nothing of the document: a date without a year, or
// with a relative one (今年, last year), comes back with its year source so
// the caller can anchor it to the publication date or to the text's own
// previous year.
//
// Forms read (each with its range forms, "2022年-2025年", "Nov 18-19"):
//   English  February 24, 2025 · 24 February 2025 · Feb. 24 · Feb 24th ·
//            March 2025 · Q3 2026 · the third quarter of 2026 · H1 2026 ·
//            first half of 2026 · in 2027 · mid-2026 · in May · this year
//   numeric  2025-02-24 · 2025/2/24 · 2025.2.24 · 20250224 · 02/24/2025 ·
//            24.2.2025 · 2025-02 · 2/2025 · 2014-2018
//   Chinese  2025年2月24日 · 2025年2月 · 2月24日 · 2027年 · 二〇二五年 ·
//            2026年二季度 / 第二季度 / 下半年 / 首季 · 今年 / 明年 / 去年 ·
//            同年 · 民國113年 · 本月18日 · 12日 (a day alone, month from the
//            publication date)
// and leaves out what only looks like a date: amounts ("2000 pieces",
// "2025 MW"), phone numbers and other digit chains ("138-2010-2015"),
// event names ("SNEC 2025"), copyright years ("©2009-2020"), report periods
// ("2021三季报"), version numbers ("V2025").
#ifndef GIGAFACT_EXTRACTORS_DATE_PARSER_H_
#define GIGAFACT_EXTRACTORS_DATE_PARSER_H_

#include <string>
#include <string_view>
#include <vector>

#include "core/span.h"
#include "extractors/date_tokens.h"
#include "normalizers/timex.h"

namespace gigafact {

// YearSource: where a parsed date's year comes from.
enum class YearSource {
  kStated,    // the text writes it: date.year is set
  kMissing,   // none is written ("August 18", "3月"): anchor to publication
  kRelative,  // relative to publication: 今年 / this year (+year_offset)
  kContext,   // relative to the text's previous stated year: 同年, 次年
};

// MonthSource: where a parsed date's month comes from.
enum class MonthSource {
  kStated,       // written, or none needed (a year, quarter or half)
  kPublication,  // a day alone ("12日", "昨（18）日"): the publication month,
                 // or the month before when the day lies after the
                 // publication day
  kRelative,     // 本月 / 上月 / 下月: the publication month + month_offset
};

// ParsedDate: one date as a line states it.
struct ParsedDate {
  Span span;                  // offsets into the parsed text, plus base
  TimexDate date;             // date.year is 0 unless year_source is kStated;
                              // date.month is 0 unless month_source is kStated
  YearSource year_source = YearSource::kStated;
  int year_offset = 0;        // kRelative / kContext: years to add
  MonthSource month_source = MonthSource::kStated;
  int month_offset = 0;       // MonthSource::kRelative: months to add
  bool chinese = false;       // written in a Chinese form (年/月/日)
};

// DateParser reads the dates of one line after another, reusing its
// buffers. One parser per thread (it is cheap to make one per document).
class DateParser {
 public:
  // Parse appends the dates stated in text (one line of the normalized
  // view) to *out in text order; their spans are offsets into text plus
  // base. Ranges give one ParsedDate per end. Dates that do not exist
  // (Feb 30) are left out.
  void Parse(std::string_view text, size_t base, std::vector<ParsedDate>* out);

 private:
  std::vector<DateToken> tokens_;
  std::string lower_;
};

// ParseDates is DateParser::Parse with a parser of its own.
void ParseDates(std::string_view text, size_t base, std::vector<ParsedDate>* out);

}  // namespace gigafact

#endif  // GIGAFACT_EXTRACTORS_DATE_PARSER_H_
