#include "normalizers/numbers.h"

#include <cmath>
#include <cstdlib>
#include <string>

namespace gigafact {

// ---------------------------------------------------------------------------
// Implementation details.

namespace {

bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsUtf8Continuation(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

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

// IsDotDecimal tells whether s is ".ddd" (at least one digit).
bool IsDotDecimal(std::string_view s) {
  return s.size() > 1 && s[0] == '.' && DigitRun(s, 1) == s.size() - 1;
}

std::string ReplaceAll(std::string_view s, std::string_view from, std::string_view to) {
  std::string r;
  size_t pos = 0;
  for (size_t hit; (hit = s.find(from, pos)) != std::string_view::npos; pos = hit + from.size()) {
    r.append(s.substr(pos, hit - pos));
    r.append(to);
  }
  r.append(s.substr(pos));
  return r;
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
  std::string_view utf8;
  enum Type { kDigit, kSmallUnit, kBigUnit, kPoint } type;
  double value;
};

// kChineseChars: digits (with 〇/零, 两/兩, financial forms), the small units
// 十百千 (and 拾佰仟), the big units 万亿 (and 萬億), and the decimal point 点.
constexpr ChineseChar kChineseChars[] = {
    {"〇", ChineseChar::kDigit, 0}, {"零", ChineseChar::kDigit, 0},
    {"○", ChineseChar::kDigit, 0},  // U+25CB, a common stand-in for 〇
    {"一", ChineseChar::kDigit, 1}, {"壹", ChineseChar::kDigit, 1},
    {"二", ChineseChar::kDigit, 2}, {"贰", ChineseChar::kDigit, 2},
    {"貳", ChineseChar::kDigit, 2}, {"两", ChineseChar::kDigit, 2},
    {"兩", ChineseChar::kDigit, 2}, {"倆", ChineseChar::kDigit, 2},
    {"俩", ChineseChar::kDigit, 2}, {"三", ChineseChar::kDigit, 3},
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

bool IsZeroChar(const ChineseChar* c) { return c->type == ChineseChar::kDigit && c->value == 0; }

// IsRunDigit: a digit that may stand in a digit-by-digit run. 两 is left out:
// "两三" is "two or three", never 23.
bool IsRunDigit(const ChineseChar* c, std::string_view utf8) {
  return c != nullptr && c->type == ChineseChar::kDigit && utf8 != "两" && utf8 != "兩" &&
         utf8 != "倆" && utf8 != "俩";
}

// FoldDigitRuns rewrites runs of Chinese digits written digit by digit as
// ASCII digits: "二〇二五" → "2025", "一六○億" → "160億", "二.一" → "2.1". A run
// is two or more digits (a leading zero stays Chinese: the 零 of "一百零五"
// marks a gap) or digits around a '.'. Returns false for a run followed by
// 十/百/千 ("二三十" is "twenty or thirty", no number).
bool FoldDigitRuns(std::string_view text, std::string* out) {
  out->clear();
  size_t pos = 0;
  while (pos < text.size()) {
    // Collect the run starting at pos.
    std::string digits;
    size_t end = pos, count = 0;
    bool dot = false;
    while (end < text.size()) {
      size_t len = 0;
      const ChineseChar* c = LookupChineseChar(text.substr(end), &len);
      if (IsRunDigit(c, text.substr(end, len))) {
        if (count == 0 && IsZeroChar(c)) break;
        digits.push_back(static_cast<char>('0' + static_cast<int>(c->value)));
        ++count;
        end += len;
      } else if (text[end] == '.' && count > 0 && !dot && end + 1 < text.size()) {
        size_t next_len = 0;
        const ChineseChar* next = LookupChineseChar(text.substr(end + 1), &next_len);
        if (!IsRunDigit(next, text.substr(end + 1, next_len))) break;
        digits.push_back('.');
        dot = true;
        ++end;
      } else {
        break;
      }
    }
    if (count >= 2 || dot) {
      size_t len = 0;
      const ChineseChar* after = end < text.size() ? LookupChineseChar(text.substr(end), &len) : nullptr;
      if (after != nullptr && after->type == ChineseChar::kSmallUnit) return false;
      *out += digits;
      pos = end;
      continue;
    }
    // Not a run: copy one character (a whole UTF-8 sequence).
    size_t len = 1;
    while (pos + len < text.size() && IsUtf8Continuation(text[pos + len])) ++len;
    out->append(text.substr(pos, len));
    pos += len;
  }
  return true;
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
      if (text[pos] == ' ') {  // "一百 五 十 二", "7 万5 千"
        ++pos;
        continue;
      }
      if (in_fraction_ && IsDigit(text[pos])) {  // 三点"二五" folded to ASCII
        if (!TakeDigit(text[pos] - '0')) return false;
        ++pos;
        continue;
      }
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
      // A bare 十 at the start of a section reads as 一十 (十二 = 12); a bare
      // 百 or 千 only leading a big unit (百万 = 1e6, 千亿 = 1e11), so that the
      // 千 of a lone "千瓦" is never a number.
      if (u != 10) {
        if (has_unit_ || digit_count_ > 0 || arabic_) return false;
        bare_lead_ = true;
      }
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
    if (section_ == 0 && u <= last_big_) {
      total_ *= u;  // 万万 = 亿 (四万万 = 4e8), an old but living form
    } else if (last_big_ != 0 && u > last_big_) {
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
    if (in_fraction_) return false;
    if (!has_pending_) {
      pending_ = 0;
      has_pending_ = true;
    }
    in_fraction_ = true;
    return true;
  }

  bool Finish(double* out) {
    if (digit_count_ == 0 && !arabic_ && !has_unit_) return false;
    // Digits side by side that FoldDigitRuns left alone ("两三", "零五") are
    // no number.
    if (adjacent_digits_) return false;
    if (in_fraction_ && fraction_scale_ == 1) return false;  // trailing 点
    if (bare_lead_ && last_big_ == 0) return false;           // 千, 百五十
    if (has_pending_) {
      // Tail elision: 一万五 = 15000, 三千五 = 3500 (a single digit right
      // after a unit counts in the next lower unit; "3万4000" is literal).
      if (!in_fraction_ && !zero_seen_ && last_unit_ >= 100 && pending_ >= 1 &&
          pending_ <= 9 && pending_ == std::floor(pending_)) {
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
  bool adjacent_digits_ = false, arabic_ = false, bare_lead_ = false;
  bool zero_seen_ = false;
  int digit_count_ = 0;
};

// EnglishWord: one English number word.
struct EnglishWord {
  const char* text;
  enum Type { kUnit, kTeen, kTen, kHundred, kScale } type;
  double value;
};

constexpr EnglishWord kEnglishWords[] = {
    {"zero", EnglishWord::kUnit, 0},       {"naught", EnglishWord::kUnit, 0},
    {"nought", EnglishWord::kUnit, 0},     {"one", EnglishWord::kUnit, 1},
    {"two", EnglishWord::kUnit, 2},        {"three", EnglishWord::kUnit, 3},
    {"four", EnglishWord::kUnit, 4},       {"five", EnglishWord::kUnit, 5},
    {"six", EnglishWord::kUnit, 6},        {"seven", EnglishWord::kUnit, 7},
    {"eight", EnglishWord::kUnit, 8},      {"nine", EnglishWord::kUnit, 9},
    {"ten", EnglishWord::kTeen, 10},       {"eleven", EnglishWord::kTeen, 11},
    {"twelve", EnglishWord::kTeen, 12},    {"thirteen", EnglishWord::kTeen, 13},
    {"fourteen", EnglishWord::kTeen, 14},  {"fifteen", EnglishWord::kTeen, 15},
    {"sixteen", EnglishWord::kTeen, 16},   {"seventeen", EnglishWord::kTeen, 17},
    {"eighteen", EnglishWord::kTeen, 18},  {"nineteen", EnglishWord::kTeen, 19},
    {"twenty", EnglishWord::kTen, 20},     {"thirty", EnglishWord::kTen, 30},
    {"forty", EnglishWord::kTen, 40},      {"fifty", EnglishWord::kTen, 50},
    {"sixty", EnglishWord::kTen, 60},      {"seventy", EnglishWord::kTen, 70},
    {"eighty", EnglishWord::kTen, 80},     {"ninety", EnglishWord::kTen, 90},
    {"hundred", EnglishWord::kHundred, 100}, {"thousand", EnglishWord::kScale, 1e3},
    {"million", EnglishWord::kScale, 1e6}, {"billion", EnglishWord::kScale, 1e9},
    {"trillion", EnglishWord::kScale, 1e12}, {"mn", EnglishWord::kScale, 1e6},
    {"bn", EnglishWord::kScale, 1e9},
};

std::string AsciiLower(std::string_view s) {
  std::string lower(s);
  for (char& c : lower) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return lower;
}

const EnglishWord* LookupEnglishWord(std::string_view word) {
  std::string lower = AsciiLower(word);
  for (const EnglishWord& w : kEnglishWords) {
    if (lower == w.text) return &w;
  }
  return nullptr;
}

// EnglishNumberParser: reads word by word. `current` is the group below the
// last scale word, `total` what the scale words have fixed.
class EnglishNumberParser {
 public:
  bool Parse(std::string_view text) {
    size_t pos = 0;
    while (pos < text.size()) {
      if (text[pos] == ' ' || text[pos] == '-') {
        ++pos;
        continue;
      }
      size_t end = pos;
      while (end < text.size() && text[end] != ' ' && text[end] != '-') ++end;
      if (!TakeWord(text.substr(pos, end - pos))) return false;
      pos = end;
    }
    return words_ > 0 && last_ != kAnd && last_ != kPoint && last_ != kA;
  }

  double value() const {
    return total_ + current_ + (fraction_.empty() ? 0 : std::strtod(("0." + fraction_).c_str(), nullptr));
  }

 private:
  enum Last { kNone, kA, kArabic, kUnit, kTeen, kTen, kHundred, kScale, kAnd, kPoint };

  bool TakeWord(std::string_view word) {
    ++words_;
    if (in_fraction_) return TakeFractionWord(word);
    if (IsDigit(word[0])) {
      double v;
      if (last_ != kNone || !ParseArabicNumber(word, &v)) return false;
      current_ = v;
      last_ = kArabic;
      return true;
    }
    std::string lower = AsciiLower(word);
    if (lower == "and") {
      if (last_ != kHundred && last_ != kScale) return false;
      last_ = kAnd;
      return true;
    }
    if (lower == "point") {
      if (last_ == kNone || last_ == kAnd || last_ == kA) return false;
      in_fraction_ = true;
      last_ = kPoint;
      return true;
    }
    if (lower == "a") {
      if (last_ != kNone) return false;
      current_ = 1;
      last_ = kA;
      return true;
    }
    const EnglishWord* w = LookupEnglishWord(word);
    if (w == nullptr) return false;
    switch (w->type) {
      case EnglishWord::kUnit:
        if (last_ == kUnit || last_ == kTeen || last_ == kArabic || last_ == kA) return false;
        current_ += w->value;
        last_ = kUnit;
        return true;
      case EnglishWord::kTeen:
      case EnglishWord::kTen:
        if (last_ == kUnit || last_ == kTeen || last_ == kTen || last_ == kArabic ||
            last_ == kA) {
          return false;
        }
        current_ += w->value;
        last_ = w->type == EnglishWord::kTeen ? kTeen : kTen;
        return true;
      case EnglishWord::kHundred:
        if (last_ == kNone || last_ == kHundred || last_ == kAnd) return false;
        current_ *= 100;
        last_ = kHundred;
        return true;
      case EnglishWord::kScale:
        if (last_ == kNone || last_ == kAnd) return false;
        if (last_scale_ != 0 && w->value > last_scale_) {
          total_ = (total_ + current_) * w->value;  // "thousand million"
        } else {
          total_ += current_ * w->value;
        }
        current_ = 0;
        last_scale_ = w->value;
        last_ = kScale;
        return true;
    }
    return false;
  }

  // TakeFractionWord: after "point" every word is digits ("seventy-one" is
  // "7" then "1"; "zero", "naught", "nought" and "oh" are 0).
  bool TakeFractionWord(std::string_view word) {
    std::string lower = AsciiLower(word);
    if (lower == "oh") {
      fraction_ += '0';
      last_ = kUnit;
      return true;
    }
    const EnglishWord* w = LookupEnglishWord(word);
    if (w == nullptr) return false;
    if (w->type == EnglishWord::kUnit) {
      fraction_ += static_cast<char>('0' + static_cast<int>(w->value));
    } else if (w->type == EnglishWord::kTen) {
      fraction_ += static_cast<char>('0' + static_cast<int>(w->value / 10));
    } else if (w->type == EnglishWord::kTeen) {
      fraction_ += std::to_string(static_cast<int>(w->value));
    } else {
      return false;
    }
    last_ = kUnit;
    return true;
  }

  double total_ = 0, current_ = 0, last_scale_ = 0;
  std::string fraction_;
  bool in_fraction_ = false;
  Last last_ = kNone;
  int words_ = 0;
};

}  // namespace

// ---------------------------------------------------------------------------
// Public API.

bool ParseEnglishNumber(std::string_view text, double* out) {
  EnglishNumberParser parser;
  if (!parser.Parse(text)) return false;
  double v = parser.value();
  if (!std::isfinite(v)) return false;
  *out = v;
  return true;
}

bool ParseArabicNumber(std::string_view text, double* out) {
  if (text.empty()) return false;
  // Swiss "2’000": the typographic apostrophe reads as the ASCII one.
  std::string folded;
  if (text.find("\xE2\x80\x99") != std::string_view::npos) {
    folded = ReplaceAll(text, "\xE2\x80\x99", "'");
    text = folded;
  }
  // "1,000", "12,345.67", "12 345", "2'000": thousands groups, dot decimal.
  for (char sep : {',', ' ', '\''}) {
    int groups = 0;
    size_t n = GroupedInteger(text, sep, &groups);
    if (n == 0) continue;
    std::string_view rest = text.substr(n);
    if (rest.empty() || IsDotDecimal(rest)) return ParseDigitsAndDot(StripChar(text, sep), out);
    if (sep != ',') return false;  // "1,000,5" may still be a dot-grouped number
  }
  // "1.000.000" / "1.000,5": dot thousands, unambiguous forms only.
  int groups = 0;
  size_t n = GroupedInteger(text, '.', &groups);
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
  // "1,5": a comma decimal (1-3 digits before, 1-2 after; 3 after would be
  // thousands, and "2020,30" is a year and a number).
  size_t head = DigitRun(text, 0);
  if (head > 0 && head < text.size() && text[head] == ',') {
    size_t tail = DigitRun(text, head + 1);
    if (head <= 3 && head + 1 + tail == text.size() && tail >= 1 && tail <= 2) {
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
  std::string folded;
  if (!FoldDigitRuns(text, &folded)) return false;
  ChineseNumberParser parser;
  double v;
  if (!parser.Parse(folded, &v) || !std::isfinite(v)) return false;
  *out = v;
  return true;
}

double ScaleWordFactor(std::string_view word) {
  std::string lower;
  lower.reserve(word.size());
  for (char c : word) {
    lower.push_back((c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c);
  }
  if (lower == "hundred") return 1e2;
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
