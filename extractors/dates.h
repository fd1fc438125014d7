// DateExtractor: the dates an article states, its publication date, and the
// role of each date (SPEC §2 dates, published).
//
// - Dates come from the body lines only (Line::boilerplate unset), read by
//   the date grammar (extractors/date_parser.h) and normalized to TIMEX
//   values at the grain the text gives.
// - The publication date is looked for in every line, boilerplate included:
//   a labelled line ("发布时间:", "更新时间:", "Published:", " date "), a date
//   line at the head of the page ("2025-03-26", "Source · 2022-09-21 09:19"),
//   a wire dateline ("GOTTINGEN, Germany, Sept. 18, 2023 /PRNewswire/ --"),
//   or a lone date line at the tail. A JSONL `published` field wins over all
//   of them. It goes to Extraction::published, and its mentions in the text
//   are dates with role "publication".
// - A year-less date takes the publication year (one less when its month
//   lies after the publication month), else XXXX; a date with a relative
//   year (今年, last year) is resolved against the publication date or left
//   out; 同年/次年 follow the text's previous stated year; the ends of a
//   range lend each other their year ("Nov 18 - Dec 19, 2015").
// - Roles: planned (expected, slated, 预计, 计划, 将于…), event (signed,
//   broke ground, 签约, 开工, 投产…), publication, other.
#ifndef GIGAFACT_EXTRACTORS_DATES_H_
#define GIGAFACT_EXTRACTORS_DATES_H_

#include <memory>

#include "extractors/extractor.h"

namespace gigafact {

class DateExtractor : public Extractor {
 public:
  DateExtractor();
  ~DateExtractor() override;
  const char* Name() const override { return "dates"; }
  void Extract(const Document& doc, Extraction* out) const override;

 private:
  class RoleReader;  // the roles' trigger words, compiled once
  std::unique_ptr<RoleReader> roles_;
};

}  // namespace gigafact

#endif  // GIGAFACT_EXTRACTORS_DATES_H_
