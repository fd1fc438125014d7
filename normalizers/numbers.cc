#include "normalizers/numbers.h"

#include <cmath>
#include <cstdlib>
#include <string>

namespace gigafact {

// ---------------------------------------------------------------------------
// Implementation details.

namespace {

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// DigitRun returns the length of the run of ASCII digits starting at pos.
size_t DigitRun(std::string_view s, size_t pos) {
  size_t n = 0;
  while (pos + n < s.size() && IsDigit(s[pos + n])) ++n;
  return n;
}

// ParseDigitsAndDot converts a plain "123" / "123.45" / ".5" string (already
// stripped of separators) with strtod; false on anything else.
bool ParseDigitsAndDot(const std::string& s, double* out) {
  if (s.empty()) return false;
  int digits = 0, dots = 0;
  for (char c : s) {
    if (IsDigit(c)) {
      ++digits;
    } else if (c == '.') {
      ++dots;
    } else {
      return false;
    }
  }
  if (digits == 0 || dots > 1 || s.back() == '.') return false;
  *out = std::strtod(s.c_str(), nullptr);
  return true;
}

// GroupedInteger checks "d{1,3}(SEP d{3})+" starting at 0 and returns the
// byte length it covers (0 when there is no such grouped integer covering at
// least one separator). `groups` receives the number of separators.
size_t GroupedInteger(std::string_view s, char sep, int* groups) {
  size_t first = DigitRun(s, 0);
  *groups = 0;
  if (first == 0 || first > 3) return 0;
  size_t pos = first;
  while (pos < s.size() && s[pos] == sep && DigitRun(s, pos + 1) == 3 &&
         (pos + 4 == s.size() || !IsDigit(s[pos + 4]))) {
    pos += 4;
    ++*groups;
  }
  return *groups > 0 ? pos : 0;
}

// StripChar returns s without any occurrence of c.
std::string StripChar(std::string_view s, char c) {
  std::string r;
  r.reserve(s.size());
  for (char ch : s) {
    if (ch != c) r.push_back(ch);
  }
  return r;
}

// ChineseChar: what one Chinese numeral character stands for.
struct ChineseChar {
  const char* utf8;
  enum Type { kDigit, kSmallUnit, kBigUnit, kPoint } type;
  double value;
};

// kChineseChars: digits (with 〇/零, 两/兩, financial forms), the small units
// 十百千 (and 拾佰仟), the big units 万亿 (and 萬億), and the decimal point 点.
constexpr ChineseChar kChineseChars[] = {
    {"〇", ChineseChar::kDigit, 0}, {"零", ChineseChar::kDigit, 0},
    {"一", ChineseChar::kDigit, 1}, {"壹", ChineseChar::kDigit, 1},
    {"二", ChineseChar::kDigit, 2}, {"贰", ChineseChar::kDigit, 2},
    {"貳", ChineseChar::kDigit, 2}, {"两", ChineseChar::kDigit, 2},
    {"兩", ChineseChar::kDigit, 2}, {"三", ChineseChar::kDigit, 3},
    {"叁", ChineseChar::kDigit, 3}, {"參", ChineseChar::kDigit, 3},
    {"四", ChineseChar::kDigit, 4}, {"肆", ChineseChar::kDigit, 4},
    {"五", ChineseChar::kDigit, 5}, {"伍", ChineseChar::kDigit, 5},
    {"六", ChineseChar::kDigit, 6}, {"陆", ChineseChar::kDigit, 6},
    {"陸", ChineseChar::kDigit, 6}, {"七", ChineseChar::kDigit, 7},
    {"柒", ChineseChar::kDigit, 7}, {"八", ChineseChar::kDigit, 8},
    {"捌", ChineseChar::kDigit, 8}, {"九", ChineseChar::kDigit, 9},
    {"玖", ChineseChar::kDigit, 9}, {"十", ChineseChar::kSmallUnit, 10},
    {"拾", ChineseChar::kSmallUnit, 10}, {"百", ChineseChar::kSmallUnit, 100},
    {"佰", ChineseChar::kSmallUnit, 100}, {"千", ChineseChar::kSmallUnit, 1000},
    {"仟", ChineseChar::kSmallUnit, 1000}, {"万", ChineseChar::kBigUnit, 1e4},
    {"萬", ChineseChar::kBigUnit, 1e4}, {"亿", ChineseChar::kBigUnit, 1e8},
    {"億", ChineseChar::kBigUnit, 1e8}, {"点", ChineseChar::kPoint, 0},
    {"點", ChineseChar::kPoint, 0},
};

// LookupChineseChar finds the numeral character at the start of text.
const ChineseChar* LookupChineseChar(std::string_view text, size_t* len) {
  // Every numeral character is a 3-byte UTF-8 sequence.
  if (text.size() < 3 || static_cast<unsigned char>(text[0]) < 0xE0) return nullptr;
  std::string_view head = text.substr(0, 3);
  for (const ChineseChar& c : kChineseChars) {
    if (head == c.utf8) {
      *len = 3;
      return &c;
    }
  }
  return nullptr;
}

// ArabicRunLength returns the length of a run of digits, '.' and ',' at pos
// (the Arabic part of a mixed "1.2万").
size_t ArabicRunLength(std::string_view s, size_t pos) {
  size_t n = 0;
  while (pos + n < s.size() &&
         (IsDigit(s[pos + n]) || s[pos + n] == '.' || s[pos + n] == ',')) {
    ++n;
  }
  return n;
}

// ChineseNumberParser: the positional reading of 一亿二千三百万零五 and its
// mixed forms. `section` holds the value below the current big unit,
// `pending` the digit (or Arabic number) not yet multiplied by a unit.
class ChineseNumberParser {
 public:
  bool Parse(std::string_view text, double* out) {
    size_t pos = 0;
    while (pos < text.size()) {
      size_t len = 0;
      if (IsDigit(text[pos]) || text[pos] == '.') {
        len = ArabicRunLength(text, pos);
        double v;
        if (!ParseArabicNumber(text.substr(pos, len), &v) || !TakeValue(v, true)) {
          return false;
        }
      } else {
        const ChineseChar* c = LookupChineseChar(text.substr(pos), &len);
        if (c == nullptr || !Take(*c)) return false;
      }
      pos += len;
    }
    return Finish(out);
  }

 private:
  bool Take(const ChineseChar& c) {
    switch (c.type) {
      case ChineseChar::kDigit: return TakeDigit(c.value);
      case ChineseChar::kSmallUnit: return TakeSmallUnit(c.value);
      case ChineseChar::kBigUnit: return TakeBigUnit(c.value);
      case ChineseChar::kPoint: return TakePoint();
    }
    return false;
  }

  bool TakeDigit(double d) {
    ++digit_count_;
    digits_.push_back(static_cast<char>('0' + static_cast<int>(d)));
    if (in_fraction_) {
      fraction_scale_ /= 10;
      pending_ += d * fraction_scale_;
      has_pending_ = true;
      return true;
    }
    if (d == 0) {  // 零 only marks a gap ("一百零五"); it ends tail elision.
      zero_seen_ = true;
      last_unit_ = 0;
      return true;
    }
    return TakeValue(d, false);
  }

  bool TakeValue(double v, bool arabic) {
    if (has_pending_ || in_fraction_) {
      // Two digits without a unit between them: only the digit-by-digit
      // reading (二〇二五) allows it, decided in Finish.
      if (arabic) return false;
      adjacent_digits_ = true;
    }
    if (arabic) arabic_ = true;
    pending_ = v;
    has_pending_ = true;
    return true;
  }

  bool TakeSmallUnit(double u) {
    if (in_fraction_) return false;
    if (last_small_ != 0 && u >= last_small_) return false;  // 十十, 十百
    if (!has_pending_) {
      // A bare 十 at the start of a section reads as 一十 (十二 = 12).
      if (u != 10) return false;
      pending_ = 1;
    }
    section_ += pending_ * u;
    has_pending_ = false;
    last_small_ = u;
    last_unit_ = u;
    has_unit_ = true;
    zero_seen_ = false;
    return true;
  }

  bool TakeBigUnit(double u) {
    in_fraction_ = false;
    if (has_pending_) section_ += pending_;
    has_pending_ = false;
    if (section_ == 0 && total_ == 0) return false;  // 万 or 亿万 alone
    if (section_ == 0 && u <= last_big_) return false;
    if (last_big_ != 0 && u > last_big_) {
      total_ = (total_ + section_) * u;  // 万亿: the larger unit scales all
    } else {
      total_ += section_ * u;
    }
    section_ = 0;
    last_small_ = 0;
    last_big_ = u;
    last_unit_ = u;
    has_unit_ = true;
    zero_seen_ = false;
    return true;
  }

  bool TakePoint() {
    if (in_fraction_ || arabic_) return false;
    if (!has_pending_) {
      pending_ = 0;
      has_pending_ = true;
    }
    in_fraction_ = true;
    has_point_ = true;
    return true;
  }

  bool Finish(double* out) {
    if (digit_count_ == 0 && !arabic_ && !has_unit_) return false;
    if (adjacent_digits_) {
      // 二〇二五: digit by digit, only when no unit or point is involved.
      if (has_unit_ || has_point_ || arabic_) return false;
      *out = std::strtod(digits_.c_str(), nullptr);
      return true;
    }
    if (in_fraction_ && fraction_scale_ == 1) return false;  // trailing 点
    if (has_pending_) {
      // Tail elision: 一万五 = 15000, 三千五 = 3500 (the digit right after a
      // unit counts in the next lower unit).
      if (!in_fraction_ && !zero_seen_ && last_unit_ >= 100) {
        pending_ *= last_unit_ / 10;
      }
      section_ += pending_;
    }
    *out = total_ + section_;
    return true;
  }

  double total_ = 0, section_ = 0, pending_ = 0;
  double last_small_ = 0, last_big_ = 0, last_unit_ = 0;
  double fraction_scale_ = 1;
  bool has_pending_ = false, in_fraction_ = false, has_unit_ = false;
  bool has_point_ = false, adjacent_digits_ = false, arabic_ = false;
  bool zero_seen_ = false;
  int digit_count_ = 0;
  std::string digits_;
};

}  // namespace

// ---------------------------------------------------------------------------
// Public API.

bool ParseArabicNumber(std::string_view text, double* out) {
  if (text.empty()) return false;
  int groups = 0;
  // "1,000" / "12,345.67": comma thousands with an optional dot decimal.
  size_t n = GroupedInteger(text, ',', &groups);
  if (n > 0) {
    std::string_view rest = text.substr(n);
    if (rest.empty() || (rest[0] == '.' && rest.size() > 1 &&
                         DigitRun(rest, 1) == rest.size() - 1)) {
      return ParseDigitsAndDot(StripChar(text, ','), out);
    }
  }
  // "1.000.000" / "1.000,5": dot thousands, unambiguous forms only.
  n = GroupedInteger(text, '.', &groups);
  if (n > 0) {
    std::string_view rest = text.substr(n);
    bool comma_decimal = rest.size() > 1 && rest[0] == ',' &&
                         DigitRun(rest, 1) == rest.size() - 1;
    if ((rest.empty() && groups >= 2) || comma_decimal) {
      std::string s = StripChar(text.substr(0, n), '.');
      if (comma_decimal) s += "." + std::string(rest.substr(1));
      return ParseDigitsAndDot(s, out);
    }
  }
  // "12 345": thousands split by single spaces.
  n = GroupedInteger(text, ' ', &groups);
  if (n > 0) {
    std::string_view rest = text.substr(n);
    if (rest.empty() || (rest[0] == '.' && rest.size() > 1 &&
                         DigitRun(rest, 1) == rest.size() - 1)) {
      return ParseDigitsAndDot(StripChar(text, ' '), out);
    }
    return false;
  }
  // "1,5": a comma decimal (1-2 digits after it; 3 would be thousands).
  size_t head = DigitRun(text, 0);
  if (head > 0 && head + 1 < text.size() && text[head] == ',') {
    size_t tail = DigitRun(text, head + 1);
    if (head + 1 + tail == text.size() && tail <= 2) {
      std::string s(text);
      s[head] = '.';
      return ParseDigitsAndDot(s, out);
    }
    return false;
  }
  return ParseDigitsAndDot(std::string(text), out);
}

bool ParseChineseNumber(std::string_view text, double* out) {
  if (text.empty()) return false;
  ChineseNumberParser parser;
  double v;
  if (!parser.Parse(text, &v) || !std::isfinite(v)) return false;
  *out = v;
  return true;
}

double ScaleWordFactor(std::string_view word) {
  std::string lower;
  lower.reserve(word.size());
  for (char c : word) {
    lower.push_back((c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c);
  }
  if (lower == "thousand") return 1e3;
  if (lower == "million" || lower == "mn") return 1e6;
  if (lower == "billion" || lower == "bn") return 1e9;
  if (lower == "trillion") return 1e12;
  // Chinese: a run of unit characters multiplies (千万 1e7, 万亿 1e12).
  double factor = 1;
  size_t pos = 0;
  while (pos < word.size()) {
    size_t len = 0;
    const ChineseChar* c = LookupChineseChar(word.substr(pos), &len);
    if (c == nullptr ||
        (c->type != ChineseChar::kSmallUnit && c->type != ChineseChar::kBigUnit)) {
      return 0;
    }
    factor *= c->value;
    pos += len;
  }
  return pos > 0 ? factor : 0;
}

bool IsChineseNumeralChar(std::string_view text, size_t* len) {
  return LookupChineseChar(text, len) != nullptr;
}

}  // namespace gigafact
