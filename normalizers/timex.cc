#include "normalizers/timex.h"


namespace gigafact {

Grain TimexDate::grain() const {
  if (day > 0) return Grain::kDay;
  if (month > 0) return Grain::kMonth;
  if (quarter > 0) return Grain::kQuarter;
  if (half > 0) return Grain::kHalf;
  return Grain::kYear;
}

namespace {
// AppendDigits appends value as exactly `width` digits.
void AppendDigits(int value, int width, std::string* out) {
  char digits[8];
  for (int i = width - 1; i >= 0; --i) {
    digits[i] = static_cast<char>('0' + value % 10);
    value /= 10;
  }
  out->append(digits, width);
}
}  // namespace

std::string TimexValue(const TimexDate& date) {
  std::string out;
  out.reserve(10);
  if (date.has_year() && date.year <= 9999) {
    AppendDigits(date.year, 4, &out);
  } else {
    out = "XXXX";
  }
  switch (date.grain()) {
    case Grain::kDay:
      out += '-';
      AppendDigits(date.month, 2, &out);
      out += '-';
      AppendDigits(date.day, 2, &out);
      break;
    case Grain::kMonth:
      out += '-';
      AppendDigits(date.month, 2, &out);
      break;
    case Grain::kQuarter:
      out += "-Q";
      AppendDigits(date.quarter, 1, &out);
      break;
    case Grain::kHalf:
      out += "-H";
      AppendDigits(date.half, 1, &out);
      break;
    case Grain::kYear:
      break;
  }
  return out;
}

std::string_view GrainName(Grain grain) {
  switch (grain) {
    case Grain::kDay: return "day";
    case Grain::kMonth: return "month";
    case Grain::kQuarter: return "quarter";
    case Grain::kHalf: return "half";
    case Grain::kYear: return "year";
  }
  return "year";
}

namespace {
bool IsLeapYear(int year) {
  return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}
}  // namespace

int DaysInMonth(int year, int month) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month < 1 || month > 12) return 0;
  if (month == 2 && (year <= 0 || IsLeapYear(year))) return 29;
  return kDays[month - 1];
}

bool IsValidTimex(const TimexDate& d) {
  if (d.year < 0 || d.year > 9999) return false;
  if (d.day != 0 && d.month == 0) return false;
  if (d.month != 0 && (d.month < 1 || d.month > 12 || d.quarter != 0 || d.half != 0)) return false;
  if (d.day != 0 && (d.day < 1 || d.day > DaysInMonth(d.year, d.month))) return false;
  if (d.quarter != 0 && (d.quarter < 1 || d.quarter > 4 || d.half != 0)) return false;
  if (d.half != 0 && (d.half < 1 || d.half > 2)) return false;
  return true;
}

int FirstMonth(const TimexDate& d) {
  if (d.month > 0) return d.month;
  if (d.quarter > 0) return d.quarter * 3 - 2;
  if (d.half > 0) return d.half * 6 - 5;
  return 1;
}

int AnchoredYear(const TimexDate& yearless, const TimexDate& published) {
  return FirstMonth(yearless) > published.month ? published.year - 1 : published.year;
}

int ExpandTwoDigitYear(int two_digits) {
  return two_digits < 40 ? 2000 + two_digits : 1900 + two_digits;
}

bool ParseIsoDay(std::string_view text, TimexDate* date) {
  if (text.size() < 10 || text[4] != '-' || text[7] != '-') return false;
  auto number = [&](size_t pos, size_t len, int* out) {
    int v = 0;
    for (size_t i = pos; i < pos + len; ++i) {
      if (text[i] < '0' || text[i] > '9') return false;
      v = v * 10 + (text[i] - '0');
    }
    *out = v;
    return true;
  };
  TimexDate d;
  if (!number(0, 4, &d.year) || !number(5, 2, &d.month) || !number(8, 2, &d.day)) return false;
  if (text.size() > 10 && text[10] >= '0' && text[10] <= '9') return false;
  if (d.year == 0 || !IsValidTimex(d)) return false;
  *date = d;
  return true;
}

}  // namespace gigafact
