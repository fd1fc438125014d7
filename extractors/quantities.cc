#include "extractors/quantities.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <re2/re2.h>

#include "normalizers/numbers.h"
#include "normalizers/units.h"

namespace gigafact {

// ---------------------------------------------------------------------------
// The pattern. One RE2 finds where each figure is; its parts (currency,
// number, scale word, unit) are then split off by hand, because asking RE2
// for submatches costs tens of thousands of instructions per match with a
// unit alternation this size. Everything is matched on the NFKC view, where
// full-width digits, letters and punctuation are ASCII and U+3000 / NBSP are
// plain spaces; a figure never spans a line, so separators are spaces.

namespace {

// A Chinese numeral character, the decimal point 点, the U+25CB "○" some
// sites write for 〇, and '.' between Chinese digits ("二.一").
constexpr char kChineseNumeral[] =
    "[〇零一二两兩倆俩三四五六七八九十百千万亿壹贰貳叁參肆伍陆陸柒捌玖拾佰仟萬億点點○.]";

// NumberPattern: a run of number tokens (Arabic with separators, Chinese
// numeral characters) that may be split by spaces ("1 300", "一百 五 十").
// The main pattern takes the shortest run that reaches a unit, so "30万千瓦"
// reads "30万" + "千瓦" and never "30万千" + "瓦".
std::string NumberPattern(bool lazy) {
  std::string token = std::string("(?:\\d[\\d.,'’]*|\\.\\d+|") + kChineseNumeral + ")";
  return token + "(?: *" + token + ")*" + (lazy ? "?" : "");
}

constexpr char kEnglishNumberWord[] =
    "(?:zero|naught|nought|one|two|three|four|five|six|seven|eight|nine|ten|eleven|"
    "twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|"
    "thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|million|"
    "billion|trillion)";

// EnglishNumberPattern: number words joined by spaces, hyphens, "and" and
// "point" ("one hundred and sixty-one", "fifty - two", "nine point nought four").
std::string EnglishNumberPattern() {
  std::string w = kEnglishNumberWord;
  return "(?i:\\b" + w + "(?:(?: *- *| +)(?:(?:and|point) +)?" + w + ")*\\b)";
}

// kGap: what may stand between a number, its scale word and its unit:
// spaces, and the "Â " that a no-break space becomes when UTF-8 was read as
// Windows-1252 ("10Â GWh"), a damage common on scraped pages.
constexpr char kGap[] = "(?:Â? )*";

constexpr char kScaleWordPattern[] = "(?i:hundred|thousand|million|billion|trillion|mn|bn)\\b";

// Vague amounts: "several GWh", "a few hundred megawatts", "数十GWh", "几万千瓦".
constexpr char kSeveralPattern[] =
    "(?i:\\bseveral(?: +more)?|\\ba +few(?: +more)?|\\ba +couple +of|\\btens +of|"
    "\\bhundreds +of|\\bthousands +of|\\bdozens +of)|"
    "[数數几幾](?:十万|十萬|百万|百萬|千万|千萬|十|百|千|万|萬)?";

// MainPattern: money after a currency ("RMB 15.5 billion"), or an amount and
// its unit: <number | number words | vague amount> [scale] [余 多 +] [-] <unit>
// (余 and 多 may come before a Chinese scale: 500余万千瓦).
std::string MainPattern() {
  std::string scales = std::string("(?:") + kGap + kScaleWordPattern + ")*";
  return CurrencyPrefixPattern() + kGap + NumberPattern(false) + scales + "(?:" + kGap +
         "(?:元|(?i:yuan)\\b))?" + "|(?:" + NumberPattern(true) + "|" + EnglishNumberPattern() +
         "|" + kSeveralPattern + ")" + scales + kGap + "(?:(?:余|餘|多)(?:万|萬|亿|億)?|\\+)?" + kGap + "-?" +
         UnitPattern();
}

}  // namespace

struct QuantityExtractor::Patterns {
  RE2 main;
  Patterns() : main(MainPattern(), Options()) {}
  static RE2::Options Options() {
    RE2::Options o;
    o.set_max_mem(64 << 20);
    return o;
  }
};

// ---------------------------------------------------------------------------
// Implementation details: text.

namespace {

constexpr size_t kLookBehind = 96;  // bytes of context read before a figure

bool IsAsciiLetter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool IsAsciiDigit(char c) { return c >= '0' && c <= '9'; }
bool IsUtf8Continuation(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }
bool IsAsciiWord(std::string_view s) { return !s.empty() && static_cast<unsigned char>(s[0]) < 0x80; }

bool SameValue(double a, double b) {
  return std::fabs(a - b) <= 1e-6 * std::max(std::fabs(a), std::fabs(b));
}

bool StartsWith(std::string_view s, std::string_view prefix) {
  return s.size() >= prefix.size() && s.compare(0, prefix.size(), prefix) == 0;
}

bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

char AsciiLower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

bool EqualsIgnoreCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (AsciiLower(a[i]) != AsciiLower(b[i])) return false;
  }
  return true;
}

bool EndsWithIgnoreCase(std::string_view s, std::string_view suffix) {
  // The last byte first: most candidates fail there.
  return s.size() >= suffix.size() && !suffix.empty() &&
         AsciiLower(s.back()) == AsciiLower(suffix.back()) &&
         EqualsIgnoreCase(s.substr(s.size() - suffix.size()), suffix);
}

bool StartsWithIgnoreCase(std::string_view s, std::string_view prefix) {
  return s.size() >= prefix.size() && EqualsIgnoreCase(s.substr(0, prefix.size()), prefix);
}

// EndsWithWord: s ends with `word`, and an ASCII word does not continue a
// longer one ("to", not "into").
bool EndsWithWord(std::string_view s, std::string_view word) {
  if (!IsAsciiWord(word)) return EndsWith(s, word);
  if (!EndsWithIgnoreCase(s, word)) return false;
  size_t b = s.size() - word.size();
  return b == 0 || !IsAsciiLetter(word[0]) || !IsAsciiLetter(s[b - 1]);
}

// TrimGapRight drops trailing spaces, with the "Â" of a damaged no-break
// space (see kGap).
std::string_view TrimGapRight(std::string_view s) {
  while (!s.empty() && s.back() == ' ') {
    s.remove_suffix(1);
    if (EndsWith(s, "Â")) s.remove_suffix(2);
  }
  return s;
}

std::string_view TrimGapLeft(std::string_view s) {
  while (!s.empty()) {
    if (s.front() == ' ') {
      s.remove_prefix(1);
    } else if (StartsWith(s, "Â ")) {
      s.remove_prefix(3);
    } else {
      break;
    }
  }
  return s;
}

size_t SkipSpaces(std::string_view s, size_t pos) {
  while (pos < s.size() && s[pos] == ' ') ++pos;
  return pos;
}

// LastCharStart returns where the UTF-8 character ending s begins.
size_t LastCharStart(std::string_view s) {
  size_t i = s.size() - 1;
  while (i > 0 && IsUtf8Continuation(s[i])) --i;
  return i;
}

// WindowStart returns where the context before `pos` starts: the start of
// its line, at most kLookBehind bytes back, on a UTF-8 boundary.
size_t WindowStart(std::string_view norm, size_t pos) {
  size_t floor = pos > kLookBehind ? pos - kLookBehind : 0;
  // Bounded: a search for the line start must not run back over a page
  // without line breaks (that would make the stage quadratic).
  size_t start = pos;
  while (start > floor && norm[start - 1] != '\n') --start;
  while (start < pos && IsUtf8Continuation(norm[start])) ++start;
  return start;
}

// ---------------------------------------------------------------------------
// Implementation details: numbers.

// ParseNumberWhole reads one number, Arabic ("2’000") or Chinese and mixed
// ("1.2万"); ParseChineseNumber takes plain Arabic too.
bool ParseNumberWhole(std::string_view text, double* value) {
  if (ParseArabicNumber(text, value)) return true;
  bool ascii = std::all_of(text.begin(), text.end(),
                           [](char c) { return static_cast<unsigned char>(c) < 0x80; });
  return !ascii && ParseChineseNumber(text, value);
}

// ParseNumberTail reads a number text; when the whole does not parse, the
// longest tail that does, because a run of number tokens may have swept in a
// neighbour ("in 2020 30 GWh", "三24GWh"). *begin is where the number read
// starts within text. Trailing separators are dropped.
bool ParseNumberTail(std::string_view text, double* value, size_t* begin) {
  while (!text.empty() && (text.back() == '.' || text.back() == ',' || text.back() == ' '))
    text.remove_suffix(1);
  // No number is longer than this; a run of thousands of tokens ("1 1 1 …")
  // must not make the search quadratic.
  constexpr size_t kLongestNumber = 64;
  size_t from = text.size() > kLongestNumber ? text.size() - kLongestNumber : 0;
  for (size_t p = from; p < text.size(); ++p) {
    if (IsUtf8Continuation(text[p])) continue;
    if (p > 0) {
      char prev = text[p - 1];
      // Never split inside an Arabic number ("2020" → "020", "1.5" → "5",
      // "2’000" → "000").
      if ((IsAsciiDigit(text[p]) || text[p] == '.' || text[p] == ',') &&
          (IsAsciiDigit(prev) || prev == '.' || prev == '\'' || EndsWith(text.substr(0, p), "’"))) {
        continue;
      }
      if (text[p] == ' ' || text[p] == ',') continue;
    }
    if (ParseNumberWhole(text.substr(p), value)) {
      *begin = p;
      return true;
    }
  }
  return false;
}

// IsNumberChar tells whether the character starting at s belongs to a
// number token.
bool IsNumberChar(std::string_view s) {
  char c = s[0];
  if (IsAsciiDigit(c) || c == '.' || c == ',' || c == '\'') return true;
  size_t len = 0;
  return StartsWith(s, "’") || StartsWith(s, "○") || IsChineseNumeralChar(s, &len);
}

// NumberRunStart returns where the run of number tokens that ends s starts
// (tokens may be split by single spaces, as in NumberPattern).
size_t NumberRunStart(std::string_view s) {
  size_t start = s.size();
  while (start > 0) {
    size_t c = LastCharStart(s.substr(0, start));
    if (s[c] == ' ') {
      if (c == 0 || start == s.size() || !IsNumberChar(s.substr(LastCharStart(s.substr(0, c)))))
        break;
    } else if (!IsNumberChar(s.substr(c))) {
      break;
    }
    start = c;
  }
  while (start < s.size() && s[start] == ' ') ++start;
  return start;
}

// ReadDotThousands reads "1.800" as 1800 (a dot-grouped integer).
void ReadDotThousands(std::string_view text, double* value) {
  size_t head = 0;
  while (head < text.size() && IsAsciiDigit(text[head])) ++head;
  if (head == 0 || head > 3 || head == text.size()) return;
  std::string digits(text.substr(0, head));
  for (size_t p = head; p < text.size(); p += 4) {
    if (text[p] != '.' || p + 4 > text.size()) return;
    for (size_t k = p + 1; k < p + 4; ++k) {
      if (!IsAsciiDigit(text[k])) return;
      digits.push_back(text[k]);
    }
  }
  *value = std::strtod(digits.c_str(), nullptr);
}

// IsSingleChineseDigit: one numeral character standing alone ("三").
bool IsSingleChineseDigit(std::string_view text) {
  size_t len = 0;
  return IsChineseNumeralChar(text, &len) && len == text.size();
}

// RoundForRecord keeps 12 significant digits, so that 72.6 × 1e8 is written
// 7260000000 and not 7259999999.999999 (the scorer's tolerance is 1e-6).
std::optional<double> RoundForRecord(const std::optional<double>& v) {
  if (!v || *v == 0 || !std::isfinite(*v)) return v;
  double scale = std::pow(10.0, 11 - std::floor(std::log10(std::fabs(*v))));
  double rounded = std::round(*v * scale) / scale;
  return std::isfinite(rounded) ? rounded : *v;
}

constexpr std::string_view kScaleWords[] = {"hundred",  "thousand", "million", "billion",
                                            "trillion", "mn",       "bn"};

// StripScaleWords removes the scale words that end text ("8.42 million",
// "322 hundred") and returns their product in *factor (1 when none).
std::string_view StripScaleWords(std::string_view text, double* factor) {
  *factor = 1;
  for (;;) {
    text = TrimGapRight(text);
    bool found = false;
    for (std::string_view word : kScaleWords) {
      if (!EndsWithIgnoreCase(text, word)) continue;
      size_t b = text.size() - word.size();
      if (b > 0 && IsAsciiLetter(text[b - 1])) continue;
      *factor *= ScaleWordFactor(word);
      text.remove_suffix(word.size());
      found = true;
      break;
    }
    if (!found) return text;
  }
}

// TrailingChineseScale returns the factor of the 万/亿 that end a Chinese
// number ("3万" 1e4, "1.5万亿" 1e12), 1 when none: the upper end of a range
// lends it to a bare lower end ("2-3万千瓦").
double TrailingChineseScale(std::string_view number) {
  double factor = 1;
  while (number.size() >= 3) {
    std::string_view last = number.substr(number.size() - 3);
    double f = (last == "万" || last == "萬") ? 1e4 : (last == "亿" || last == "億") ? 1e8 : 0;
    if (f == 0) break;
    factor *= f;
    number.remove_suffix(3);
  }
  return factor;
}

bool HasChineseBigUnit(std::string_view number) {
  for (std::string_view u : {"万", "萬", "亿", "億"}) {
    if (number.find(u) != std::string_view::npos) return true;
  }
  return false;
}

// LooksLikeYear: a bare four-digit integer in 1900..2100 is a year, not a
// figure in a list or a range ("in 2020 and 30 GWh").
bool LooksLikeYear(std::string_view text, double value) {
  return value >= 1900 && value <= 2100 && value == std::floor(value) &&
         text.find_first_of(".,") == std::string_view::npos;
}

// UnitSuffix finds the longest unit that ends text (it starts on a character
// boundary, not on a separator) and sets *begin to where it starts.
const UnitInfo* UnitSuffix(std::string_view text, size_t* begin) {
  constexpr size_t kLongestUnit = 20;  // bytes: "square kilometres", "個就業崗位"
  size_t from = text.size() > kLongestUnit ? text.size() - kLongestUnit : 0;
  for (size_t p = from; p < text.size(); ++p) {
    char c = text[p];
    // No unit starts with a digit, a separator, inside a character or inside
    // a word ("Wh" of "kWh" is never the longest).
    if (IsUtf8Continuation(c) || c == ' ' || c == '-' || IsAsciiDigit(c) || c == '.' || c == ',')
      continue;
    if (p > 0 && IsAsciiLetter(c) && IsAsciiLetter(text[p - 1])) continue;
    if (const UnitInfo* u = FindUnit(text.substr(p))) {
      *begin = p;
      return u;
    }
  }
  return nullptr;
}

// ---------------------------------------------------------------------------
// Implementation details: what stands around a figure.

// Qualifier words before a figure, longest first within each language.
// `not_after` lists characters that make a Chinese word part of another
// word (签约 "sign", 最近 "recent"), where it qualifies nothing.
struct QualifierWord {
  std::string_view text;
  const char* qualifier;
  std::string_view not_after;
};

constexpr QualifierWord kQualifiersBefore[] = {
    {"in excess of", "over", ""},   {"no less than", "over", ""},
    {"not less than", "over", ""},  {"no more than", "under", ""},
    {"not more than", "under", ""}, {"a maximum of", "under", ""},
    {"approximately", "approx", ""}, {"an estimated", "approx", ""},
    {"upwards of", "over", ""},     {"as much as", "under", ""},
    {"more than", "over", ""},      {"less than", "under", ""},
    {"exceeding", "over", ""},      {"close to", "approx", ""},
    {"at least", "over", ""},       {"at most", "under", ""},
    {"estimated", "approx", ""},    {"roughly", "approx", ""},
    {"approx.", "approx", ""},      {"around", "approx", ""},
    {"nearly", "approx", ""},       {"almost", "approx", ""},
    {"about", "approx", ""},        {"above", "over", ""},
    {"under", "under", ""},         {"below", "under", ""},
    {"up to", "under", ""},         {"over", "over", ""},
    {"some", "approx", ""},         {"~", "approx", ""},
    {"最高达", "under", ""},        {"最高達", "under", ""},
    {"不低于", "over", ""},         {"不低於", "over", ""},
    {"不少于", "over", ""},         {"不少於", "over", ""},
    {"不超过", "under", ""},        {"不超過", "under", ""},
    {"大约", "approx", ""},         {"大約", "approx", ""},
    {"约为", "approx", "签簽合协協契预預节節公条條制相邀违違履缔締特"},
    {"約為", "approx", "签簽合协協契预預节節公条條制相邀违違履缔締特"},
    {"将近", "approx", ""},         {"將近", "approx", ""},
    {"接近", "approx", ""},         {"超过", "over", ""},
    {"超過", "over", ""},           {"突破", "over", ""},
    {"至少", "over", ""},           {"最高", "under", ""},
    {"最多", "under", ""},          {"不到", "under", ""},
    {"约", "approx", "签簽合协協契预預节節公条條制相邀违違履缔締特"},
    {"約", "approx", "签簽合协協契预預节節公条條制相邀违違履缔締特"},
    {"近", "approx", "最附临臨接将將亲親贴貼"},
    {"逾", "over", ""},             {"超", "over", ""},
};

// Qualifier words right after a figure.
constexpr QualifierWord kQualifiersAfter[] = {
    {"or more", "over", ""},  {"or above", "over", ""}, {"and above", "over", ""},
    {"+", "over", ""},
    {"以上", "over", ""},     {"左右", "approx", ""},  {"上下", "approx", ""},
    {"以下", "under", ""},    {"以内", "under", ""},   {"以內", "under", ""},
};

// NotAfterHit tells whether the UTF-8 character ending `before` is one of
// `chars`.
bool NotAfterHit(std::string_view before, std::string_view chars) {
  if (chars.empty() || before.empty()) return false;
  return chars.find(before.substr(LastCharStart(before))) != std::string_view::npos;
}

// QualifierBefore looks at the text just before a figure; on a hit it
// returns the qualifier and sets *length to the bytes the word (and the
// spaces after it) take.
const char* QualifierBefore(std::string_view before, size_t* length) {
  std::string_view trimmed = TrimGapRight(before);
  if (trimmed.empty()) return nullptr;
  char last = AsciiLower(trimmed.back());
  for (const QualifierWord& w : kQualifiersBefore) {
    std::string_view word = w.text;
    if (AsciiLower(word.back()) != last || !EndsWithWord(trimmed, word)) continue;
    std::string_view rest = trimmed.substr(0, trimmed.size() - word.size());
    if (NotAfterHit(rest, w.not_after)) continue;
    *length = before.size() - rest.size();
    return w.qualifier;
  }
  return nullptr;
}

// QualifierAfter reads a qualifier word right after a figure.
const char* QualifierAfter(std::string_view after, size_t* length) {
  size_t start = SkipSpaces(after, 0);
  std::string_view rest = after.substr(start);
  for (const QualifierWord& w : kQualifiersAfter) {
    std::string_view word = w.text;
    bool ascii = IsAsciiWord(word);
    if (ascii ? !StartsWithIgnoreCase(rest, word) : !StartsWith(rest, word)) continue;
    if (ascii && rest.size() > word.size() && IsAsciiLetter(rest[word.size()])) continue;
    *length = start + word.size();
    return w.qualifier;
  }
  return nullptr;
}

// IsRate tells whether what follows a unit makes it a rate or a density
// rather than an amount: "Wh/kg", "kWh/100km", "kWh per kilogram", "$0.04/kWh".
// Per year stays an amount ("GWh/year", "GWh per annum"), and so does a
// paired figure ("200MW/400MWh").
bool IsRate(std::string_view after) {
  std::string_view rest = after.substr(SkipSpaces(after, 0));
  std::string_view per;
  if (StartsWith(rest, "/")) {
    per = rest.substr(SkipSpaces(rest, 1));
    if (per.empty()) return false;
    size_t numeral_len = 0;
    if (IsAsciiDigit(per[0]) && !StartsWith(per, "100km") && !StartsWith(per, "100 km"))
      return false;  // a paired figure
    if (IsChineseNumeralChar(per, &numeral_len)) return false;
  } else if (StartsWithIgnoreCase(rest, "per ")) {
    per = rest.substr(SkipSpaces(rest, 4));
  } else {
    return false;
  }
  for (std::string_view word : {"year", "yr", "annum", "a", "y", "年"}) {
    if (!StartsWithIgnoreCase(per, word)) continue;
    // "a" and "y" alone, not the start of another word ("/kg" has none).
    if (word.size() == 1 && per.size() > 1 && IsAsciiLetter(per[1])) continue;
    return false;
  }
  return true;
}

// UnitGlossLength returns the length of a unit-only gloss right after a
// figure ("(GWh)" after "40 gigawatt-hours", "（亿千瓦时）"), or 0.
size_t UnitGlossLength(std::string_view after, const UnitInfo& unit) {
  size_t open = SkipSpaces(after, 0);
  if (open >= after.size() || after[open] != '(') return 0;
  size_t close = after.find(')', open);
  if (close == std::string_view::npos || close - open > 32) return 0;
  std::string_view inner = TrimGapLeft(TrimGapRight(after.substr(open + 1, close - open - 1)));
  for (std::string_view scale : {"万", "萬", "亿", "億", "千", "百"}) {
    while (StartsWith(inner, scale)) inner.remove_prefix(scale.size());
  }
  const UnitInfo* u = FindUnit(inner);
  return u != nullptr && std::string_view(u->kind) == unit.kind ? close + 1 : 0;
}

// SaysElectricity tells whether a 度 figure is electricity: "度电" after it,
// or 电 among the four characters before it ("电量为100度", "用电300度"),
// unless they speak of temperature (温度).
bool SaysElectricity(std::string_view norm, size_t number_begin, std::string_view after) {
  if (StartsWith(after, "电") || StartsWith(after, "電")) return true;
  size_t start = number_begin;
  for (int chars = 0; chars < 4 && start > 0; ++chars) {
    start = LastCharStart(norm.substr(0, start));
  }
  std::string_view before = norm.substr(start, number_begin - start);
  bool electric = before.find("电") != std::string_view::npos ||
                  before.find("電") != std::string_view::npos;
  bool thermal = before.find("温") != std::string_view::npos ||
                 before.find("溫") != std::string_view::npos;
  return electric && !thermal;
}

// IsYearClassifier: "the 2024 GWh-scale push", "2025 GWh级": a year before a
// unit that only names a class of size.
bool IsYearClassifier(std::string_view number, double value, std::string_view after) {
  if (!LooksLikeYear(number, value)) return false;
  for (std::string_view word : {"-scale", "-level", "-class", " scale", " level", " class", "级", "級"}) {
    if (StartsWithIgnoreCase(after, word)) return true;
  }
  return false;
}

// ---------------------------------------------------------------------------
// Implementation details: figures.

// Figure: what one match of the main pattern states, in normalized-view
// offsets.
struct Figure {
  Span number;                  // number start .. unit end
  size_t end = 0;               // end of its text (unit, gloss, qualifier after)
  const UnitInfo* unit = nullptr;
  std::string currency;         // money by prefix
  std::optional<double> value;  // in the record's unit; none when vague
  double scale = 1;             // scale of the number, lent to a bare lower end
  bool has_scale = false;       // the number carried a scale (million, 万)
  const char* qualifier = "exact";
};

constexpr UnitInfo kMoneyByPrefix = {"", "money", 1, "", "", false};

// LeadingCurrency returns the currency prefix a match starts with, if any
// (the longest: "US$" before "$").
const CurrencyPrefix* LeadingCurrency(std::string_view m) {
  return IsAsciiDigit(m[0]) ? nullptr : LeadingCurrencyPrefix(m);
}

// ReadMoneyFigure reads "RMB 15.5 billion", "$1.2 billion", "人民币54亿元".
bool ReadMoneyFigure(std::string_view norm, std::string_view m, const CurrencyPrefix& prefix,
                     Figure* f) {
  std::string_view rest = TrimGapLeft(m.substr(std::string_view(prefix.surface).size()));
  rest = TrimGapRight(rest);
  if (EndsWith(rest, "元")) rest.remove_suffix(3);
  if (EndsWithWord(rest, "yuan")) rest.remove_suffix(4);
  double factor;
  std::string_view number = StripScaleWords(rest, &factor);
  double value;
  size_t begin;
  if (!ParseNumberTail(number, &value, &begin) || begin != 0) return false;
  size_t start = static_cast<size_t>(m.data() - norm.data());
  f->unit = &kMoneyByPrefix;
  f->currency = prefix.currency;
  f->number = {start, start + m.size()};
  f->end = f->number.end;
  f->value = value * factor;
  return !IsRate(norm.substr(f->end));  // a price: "$0.04/kWh"
}

// IsSeveral tells whether the words before a unit are a vague amount.
bool IsSeveral(std::string_view amount) {
  for (std::string_view lead : {"several", "a few", "a couple", "tens of", "hundreds of",
                                "thousands of", "dozens of"}) {
    if (StartsWithIgnoreCase(amount, lead)) return true;
  }
  for (std::string_view lead : {"数", "數", "几", "幾"}) {
    if (StartsWith(amount, lead)) return true;
  }
  return false;
}

// ReadAmount reads the amount before a unit: a number (with scale words),
// number words, or a vague amount; sets f->number.begin, f->value, f->scale.
bool ReadAmount(std::string_view norm, std::string_view amount, Figure* f) {
  if (IsSeveral(amount)) {
    f->number.begin = static_cast<size_t>(amount.data() - norm.data());
    f->qualifier = "several";
    return true;
  }
  double value;
  std::string_view number;
  if (IsAsciiLetter(amount[0])) {  // number words take their own scale words
    if (!ParseEnglishNumber(amount, &value)) return false;
    number = amount;
  } else {
    double factor;
    std::string_view digits = StripScaleWords(amount, &factor);
    size_t begin;
    if (!ParseNumberTail(digits, &value, &begin)) return false;
    number = digits.substr(begin);
    // "1.800 jobs": people come whole, so a lone dot group is thousands.
    if (std::string_view(f->unit->kind) == "count") ReadDotThousands(number, &value);
    f->has_scale = factor != 1 || HasChineseBigUnit(number);
    f->scale = factor != 1 ? factor : TrailingChineseScale(number);
    value *= factor;
  }
  f->number.begin = static_cast<size_t>(number.data() - norm.data());
  f->value = value * f->unit->factor;
  // "三元" is a ternary (NCM) battery, not three yuan.
  if (std::string_view(f->unit->kind) == "money" && IsSingleChineseDigit(number)) return false;
  if (IsYearClassifier(number, value, norm.substr(f->number.end))) return false;
  // 度 is a kilowatt-hour beside electricity or with a scale: 1亿度电, 9.6万度.
  if (f->unit->needs_electricity && !HasChineseBigUnit(number) &&
      !SaysElectricity(norm, f->number.begin, norm.substr(f->number.end))) {
    return false;
  }
  return true;
}

// ReadUnitFigure reads "<amount> [scale] [余 多 +] [-] <unit>" and what
// follows it (a unit gloss, a qualifier); false when it is no figure.
bool ReadUnitFigure(std::string_view norm, std::string_view m, Figure* f) {
  size_t unit_begin;
  f->unit = UnitSuffix(m, &unit_begin);
  if (f->unit == nullptr) return false;
  f->number.end = static_cast<size_t>(m.data() - norm.data()) + m.size();
  std::string_view amount = TrimGapRight(m.substr(0, unit_begin));
  if (EndsWith(amount, "-")) amount = TrimGapRight(amount.substr(0, amount.size() - 1));
  // 50多GWh, 800余亩, 50+ GWh; and before a Chinese scale, 500余万千瓦 and
  // 五百余万千瓦: the amount is read without "余万", then scaled.
  double split_scale = 1;
  for (std::string_view mod : {"余", "餘", "多", "+"}) {
    if (EndsWith(amount, mod)) {
      amount = TrimGapRight(amount.substr(0, amount.size() - mod.size()));
      f->qualifier = "over";
      break;
    }
    for (auto [scale, factor] : {std::pair<std::string_view, double>{"万", 1e4}, {"萬", 1e4},
                                 {"亿", 1e8}, {"億", 1e8}}) {
      std::string modded = std::string(mod) + std::string(scale);
      if (!EndsWith(amount, modded) || amount.size() == modded.size()) continue;
      amount = TrimGapRight(amount.substr(0, amount.size() - modded.size()));
      f->qualifier = "over";
      split_scale = factor;
      break;
    }
    if (split_scale != 1) break;
  }
  if (amount.empty() || !ReadAmount(norm, amount, f)) return false;
  if (split_scale != 1 && f->value) {
    if (f->has_scale) return false;  // "5万余万": no figure
    *f->value *= split_scale;
    f->has_scale = true;
    f->scale = split_scale;
  }
  // "LFP280Ah", "V2G": a letter glued to the number makes it a name.
  size_t b = f->number.begin;
  if (b > 0 && (IsAsciiLetter(norm[b - 1]) || norm[b - 1] == '_')) return false;
  std::string_view after = norm.substr(f->number.end);
  if (IsRate(after)) return false;
  f->end = f->number.end + UnitGlossLength(after, *f->unit);  // "40 gigawatt-hours (GWh)"
  size_t length = 0;
  if (const char* q = QualifierAfter(norm.substr(f->end), &length)) {
    if (f->value) f->qualifier = q;
    f->end += length;
  }
  return true;
}

// Item: a figure as it will be reported, before its span is mapped back to
// the original text.
struct Item {
  Span norm;
  const char* kind = "";
  std::string unit, currency;
  std::optional<double> value, min, max;
  const char* qualifier = "exact";
  size_t paren_open = std::string::npos;  // "(" of a restatement it stands in
  bool gloss = false;                     // a restatement: dropped
};

Item MakeItem(const Figure& f) {
  Item item;
  item.norm = {f.number.begin, f.end};
  item.kind = f.unit->kind;
  item.unit = f.currency.empty() ? f.unit->unit : f.currency;
  item.currency = f.currency.empty() ? f.unit->currency : f.currency;
  item.value = f.value;
  item.qualifier = f.qualifier;
  return item;
}

// Link: a number standing before a figure, joined to it by a connector
// ("20-", "20 to", "10, 20 and", "20GWh-").
struct Link {
  Span number;                     // normalized view
  double value = 0;                // scale applied, unit factor not
  bool has_scale = false;
  const UnitInfo* unit = nullptr;  // its own unit, if it has one
  std::string_view connector;
};

constexpr std::string_view kConnectors[] = {"-",  "–",  "—",  "~", "〜", "至",  "到", "和", "及",
                                            "与", "與", "或", ",", "、", "to", "and", "or"};

// MayEndWithConnector: a cheap test before FindLink reads the connectors:
// the last byte of a connector is one of these.
bool MayEndWithConnector(std::string_view t) {
  if (t.empty()) return false;
  char c = t.back();
  return c == '-' || c == '~' || c == ',' || c == 'o' || c == 'O' || c == 'd' || c == 'D' ||
         c == 'r' || c == 'R' || static_cast<unsigned char>(c) >= 0x80;
}

bool IsRangeConnector(std::string_view c) {
  return c == "-" || c == "–" || c == "—" || c == "~" || c == "〜" || c == "至" || c == "到" ||
         EqualsIgnoreCase(c, "to");
}

bool IsListConnector(std::string_view c) {
  return c == "和" || c == "及" || c == "与" || c == "與" || c == "或" || c == "、" ||
         EqualsIgnoreCase(c, "and") || EqualsIgnoreCase(c, "or");
}

// FindLink reads "<number> [scale] [unit] <connector>" ending at `end`.
bool FindLink(std::string_view norm, size_t end, Link* link) {
  size_t start = WindowStart(norm, end);
  std::string_view t = TrimGapRight(norm.substr(start, end - start));
  link->connector = {};
  if (!MayEndWithConnector(t)) return false;
  for (std::string_view c : kConnectors) {
    if (EndsWithWord(t, c)) {
      link->connector = t.substr(t.size() - c.size());
      break;
    }
  }
  if (link->connector.empty()) return false;
  t = TrimGapRight(t.substr(0, t.size() - link->connector.size()));
  if (t.empty()) return false;
  link->unit = nullptr;
  size_t unit_begin;
  if (const UnitInfo* u = UnitSuffix(t, &unit_begin)) {
    std::string_view before = TrimGapRight(t.substr(0, unit_begin));
    if (EndsWith(before, "-")) before = TrimGapRight(before.substr(0, before.size() - 1));
    if (!before.empty() && IsNumberChar(before.substr(LastCharStart(before)))) {
      link->unit = u;
      t = before;
    }
  }
  double factor;
  std::string_view digits = StripScaleWords(t, &factor);
  std::string_view run = digits.substr(NumberRunStart(digits));
  double value;
  size_t begin;
  if (run.empty() || !ParseNumberTail(run, &value, &begin)) return false;
  std::string_view number = run.substr(begin);
  size_t number_begin = static_cast<size_t>(number.data() - norm.data());
  if (number_begin > 0 && IsAsciiLetter(norm[number_begin - 1])) return false;
  link->number = {number_begin, number_begin + number.size()};
  link->has_scale = factor != 1 || HasChineseBigUnit(number);
  link->value = value * factor;
  // A year is no list item and no range end ("in 2020 and 30 GWh").
  return link->unit != nullptr || link->has_scale || !LooksLikeYear(number, value);
}

// TextBeforeEndsWith tells whether the text before `pos` ends with `word`.
bool TextBeforeEndsWith(std::string_view norm, size_t pos, std::string_view word) {
  return EndsWithWord(TrimGapRight(norm.substr(WindowStart(norm, pos), pos - WindowStart(norm, pos))), word);
}

bool FromBefore(std::string_view norm, size_t pos) {
  for (std::string_view w : {"from", "从", "從", "由"}) {
    if (TextBeforeEndsWith(norm, pos, w)) return true;
  }
  return false;
}

// AddLinkedFigures handles what stands before a figure: a range ("20-30",
// "between 20 and 30") turns the figure into a range; list items ("10, 20
// and") are added before it. Returns where the leftmost part starts, so the
// caller can look for a qualifier there. `floor` is the end of the previous
// figure, which nothing may reach back over.
size_t AddLinkedFigures(std::string_view norm, const Figure& f, size_t floor,
                        std::vector<Item>* items, Item* figure) {
  Link link;
  if (!f.value || !FindLink(norm, f.number.begin, &link)) return f.number.begin;
  if (link.unit != nullptr && std::string_view(link.unit->kind) != f.unit->kind)
    return f.number.begin;
  // Only the figure just read may stand before with its own unit: "20GWh-30GWh".
  bool joins_previous = link.unit != nullptr && !items->empty() &&
                        items->back().norm.begin <= link.number.begin &&
                        items->back().norm.end > link.number.begin;
  if (link.number.begin < floor && !joins_previous) return f.number.begin;
  double factor = link.unit != nullptr ? link.unit->factor : f.unit->factor;
  double lower = link.value * (link.unit == nullptr && !link.has_scale ? f.scale : 1) * factor;
  bool between = EqualsIgnoreCase(link.connector, "and") &&
                 TextBeforeEndsWith(norm, link.number.begin, "between");
  if (IsRangeConnector(link.connector) || between) {
    if (lower >= *f.value) return f.number.begin;
    if (link.unit != nullptr && FromBefore(norm, link.number.begin)) return f.number.begin;
    if (joins_previous) items->pop_back();  // the lower figure, read on its own
    figure->norm.begin = link.number.begin;
    figure->value.reset();
    figure->min = lower;
    figure->max = *f.value;
    figure->qualifier = "range";
    return link.number.begin;
  }
  if (link.unit != nullptr || !IsListConnector(link.connector)) return f.number.begin;
  // A list: walk left through "a, b, c and" while items stay bare numbers.
  std::vector<Item> list;
  size_t leftmost = f.number.begin;
  for (int guard = 0; guard < 16; ++guard) {
    Item item = MakeItem(f);
    item.norm = link.number;
    item.value = link.value * (link.has_scale ? 1 : f.scale) * f.unit->factor;
    item.qualifier = "exact";
    list.push_back(item);
    leftmost = link.number.begin;
    Link next;
    if (!FindLink(norm, link.number.begin, &next) || next.unit != nullptr ||
        next.number.begin < floor || (next.connector != "," && next.connector != "、")) {
      break;
    }
    link = next;
  }
  for (auto it = list.rbegin(); it != list.rend(); ++it) items->push_back(*it);
  return leftmost;
}

// MarkGlosses flags figures that restate, in parentheses, a figure of the
// same line: "12.7億瓦時（約1.27GWh）", "9.6萬度（60MW/96MWh）". A figure is in
// a restatement when "(" (only spaces between) follows another figure, or
// when it follows, after "/" or "、", a figure that is; it is dropped when an
// earlier figure outside the parentheses has the same kind and value.
void MarkGlosses(std::string_view norm, std::vector<Item>* items) {
  for (size_t i = 1; i < items->size(); ++i) {
    Item& item = (*items)[i];
    const Item& prev = (*items)[i - 1];
    if (prev.norm.end > item.norm.begin) continue;
    std::string_view between = norm.substr(prev.norm.end, item.norm.begin - prev.norm.end);
    std::string_view t = TrimGapLeft(TrimGapRight(between));
    if (t == "(") {
      item.paren_open = prev.norm.end + between.find('(');
    } else if ((t == "/" || t == "、" || t == ",") && prev.paren_open != std::string::npos) {
      item.paren_open = prev.paren_open;
    } else {
      continue;
    }
    if (!item.value) continue;
    // The figure restated stands shortly before (bounded, so that a page of
    // "(1 GWh) (2 GWh) …" stays linear).
    constexpr size_t kRestatedWithin = 8;
    for (size_t j = i > kRestatedWithin ? i - kRestatedWithin : 0; j < i; ++j) {
      const Item& earlier = (*items)[j];
      if (earlier.norm.end > item.paren_open || earlier.gloss || !earlier.value) continue;
      if (std::string_view(earlier.kind) == item.kind && SameValue(*earlier.value, *item.value)) {
        item.gloss = true;
        break;
      }
    }
  }
}

}  // namespace

// ---------------------------------------------------------------------------
// QuantityExtractor.

QuantityExtractor::QuantityExtractor() : patterns_(new Patterns()) {
  if (!patterns_->main.ok()) std::abort();  // fixed tables: a bug every test catches
}

QuantityExtractor::~QuantityExtractor() = default;

void QuantityExtractor::Extract(const Document& doc, Extraction* out) const {
  std::string_view norm = doc.norm;
  std::vector<Item> items;
  re2::StringPiece whole;
  size_t pos = 0;
  size_t floor = 0;  // end of the last figure: nothing reaches back over it
  while (pos < norm.size() &&
         patterns_->main.Match(norm, pos, norm.size(), RE2::UNANCHORED, &whole, 1)) {
    size_t start = static_cast<size_t>(whole.data() - norm.data());
    pos = std::max(start + whole.size(), start + 1);
    if (doc.IsBoilerplate(start)) continue;
    std::string_view m(whole.data(), whole.size());
    Figure f;
    const CurrencyPrefix* currency = LeadingCurrency(m);
    bool ok = currency != nullptr ? ReadMoneyFigure(norm, m, *currency, &f)
                                  : ReadUnitFigure(norm, m, &f);
    if (!ok) continue;
    pos = std::max(pos, f.end);
    Item figure = MakeItem(f);
    size_t leftmost = AddLinkedFigures(norm, f, floor, &items, &figure);
    // A qualifier before the figure or range: "about 40 GWh", "约20-30GWh".
    size_t window = WindowStart(norm, leftmost);
    size_t length = 0;
    const char* q = QualifierBefore(norm.substr(window, leftmost - window), &length);
    if (q != nullptr && leftmost == figure.norm.begin && leftmost - length >= floor) {
      if (std::string_view(figure.qualifier) == "exact") figure.qualifier = q;
      figure.norm.begin -= length;
    }
    floor = f.end;
    items.push_back(std::move(figure));
  }
  MarkGlosses(norm, &items);
  for (const Item& item : items) {
    if (item.gloss) continue;
    QuantityMention m;
    m.span = doc.ToOriginal(item.norm);
    m.lang = doc.LangAt(item.norm.begin);
    m.kind = item.kind;
    m.value = RoundForRecord(item.value);
    m.min = RoundForRecord(item.min);
    m.max = RoundForRecord(item.max);
    m.unit = item.unit;
    m.qualifier = item.qualifier;
    m.currency = item.currency;
    out->quantities.push_back(std::move(m));
  }
}

}  // namespace gigafact
