// Publication date: finds an article's own date, the anchor of its year-less
// and relative dates (SPEC §2 published).
#ifndef GIGAFACT_EXTRACTORS_PUBLICATION_H_
#define GIGAFACT_EXTRACTORS_PUBLICATION_H_

#include <vector>

#include "core/document.h"
#include "extractors/date_parser.h"
#include "normalizers/timex.h"

namespace gigafact {

// PublicationDate: the article's date and where the page states it.
struct PublicationDate {
  TimexDate date;              // a day with its year
  bool from_text = false;      // false: read from the JSONL `published` field
  Span source;                 // normalized span it was read from (from_text)
  std::vector<Span> mentions;  // normalized spans of every line stating it as
                               // the page's date (source included)
};

// FindPublicationDate looks for the article's date and returns true with
// *out set when it finds one. line_dates[i] holds the dates ParseDates read
// in doc.lines[i], boilerplate lines included (the date line of a page is
// often header or footer furniture). In order of trust:
//   1. the JSONL `published` field (Document::published_hint);
//   2. a labelled date anywhere: "发布时间:2025-03-27", "Published: …",
//      " date 2018-06-28", "日期：…";
//   3. a date line among the first lines: the date with little else around
//      it ("2025-03-26", "© SVOLT | November 19, 2020", "數字建材網 · 2022-09-21
//      09:19:24"), or a wire dateline ("GOTTINGEN, Sept. 18, 2023 /PRNewswire/");
//   4. an update label ("更新时间:", "Updated:");
//   5. a lone date line among the last lines.
// Only a full day with its year counts.
bool FindPublicationDate(const Document& doc,
                         const std::vector<std::vector<ParsedDate>>& line_dates,
                         PublicationDate* out);

}  // namespace gigafact

#endif  // GIGAFACT_EXTRACTORS_PUBLICATION_H_
