// TIMEX values for dates (SPEC §2 dates.value): a calendar date to the grain
// the text states it, and the anchoring of a year-less date to the
// publication date. Pure functions, thread-safe.
#ifndef GIGAFACT_NORMALIZERS_TIMEX_H_
#define GIGAFACT_NORMALIZERS_TIMEX_H_

#include <string>
#include <string_view>

namespace gigafact {

// Grain: how much of a date the text states (SPEC §2 granularity).
enum class Grain { kDay, kMonth, kQuarter, kHalf, kYear };

// TimexDate: a date as stated. Exactly one of day (with month), month,
// quarter, half or none of them (a year) is set; year 0 means the year is
// not known (written XXXX).
struct TimexDate {
  int year = 0;     // 1..9999, 0 = unknown
  int month = 0;    // 1..12, 0 = not stated
  int day = 0;      // 1..31, only with month
  int quarter = 0;  // 1..4, only without month
  int half = 0;     // 1..2, only without month and quarter

  bool has_year() const { return year > 0; }
  Grain grain() const;
  bool operator==(const TimexDate& o) const {
    return year == o.year && month == o.month && day == o.day && quarter == o.quarter &&
           half == o.half;
  }
  bool operator!=(const TimexDate& o) const { return !(*this == o); }
};

// TimexValue returns the SPEC §2 value: "2025-02-24", "2025-02", "2025",
// "2026-Q3", "2026-H1", with "XXXX" for an unknown year ("XXXX-08-18") and
// four digits for early years ("0789").
std::string TimexValue(const TimexDate& date);

// GrainName returns the SPEC §2 granularity word: day, month, quarter, half,
// year.
std::string_view GrainName(Grain grain);

// DaysInMonth returns the length of a month; for an unknown year (0) February
// has 29 days, so "2月29日" stays possible until a year is known.
int DaysInMonth(int year, int month);

// IsValidTimex tells whether the stated parts make a real date: month 1..12,
// a day that exists in that month (and year, when known), quarter 1..4,
// half 1..2, year 0..9999, and only one sub-year part.
bool IsValidTimex(const TimexDate& date);

// FirstMonth returns the first month the date covers: its month, the first
// month of its quarter or half, or 1 for a year.
int FirstMonth(const TimexDate& date);

// AnchoredYear returns the year a year-less date takes from the publication
// date: the publication year, one less when the date's first month lies
// after the publication month ("10月12日" published 2017-03-22 is
// 2016-10-12). Requires published.has_year() and published.month.
int AnchoredYear(const TimexDate& yearless, const TimexDate& published);

// ExpandTwoDigitYear maps a two-digit year to a full one: 00–39 are 2000s,
// 40–99 are 1900s ("07年" 2007, "05/05/71" 1971).
int ExpandTwoDigitYear(int two_digits);

// ParseIsoDay reads "YYYY-MM-DD" at the start of text (what JSONL
// `published` fields hold, with or without a time after it) into *date and
// returns true, or returns false when text does not start with a valid day.
bool ParseIsoDay(std::string_view text, TimexDate* date);

}  // namespace gigafact

#endif  // GIGAFACT_NORMALIZERS_TIMEX_H_
