#include "normalizers/date_words.h"

#include <algorithm>
#include <iterator>
#include <vector>

namespace gigafact {

namespace {

struct WordValue {
  std::string_view word;
  int value;
};

// Contains tells whether a sorted word list holds word.
template <size_t N>
bool Contains(const std::string_view (&sorted)[N], std::string_view word) {
  return std::binary_search(std::begin(sorted), std::end(sorted), word);
}

// Find looks word up in a table sorted by word; nullptr when absent.
template <size_t N>
const WordValue* Find(const WordValue (&sorted)[N], std::string_view word) {
  auto it = std::lower_bound(std::begin(sorted), std::end(sorted), word,
                             [](const WordValue& e, std::string_view w) { return e.word < w; });
  return it != std::end(sorted) && it->word == word ? it : nullptr;
}

// Sorted by word (binary search). Abbreviations are the forms news and
// datelines use (AP style "Sept.", "Aug.").
constexpr WordValue kMonthNames[] = {
    {"april", 4},    {"august", 8},  {"december", 12}, {"february", 2}, {"january", 1},
    {"july", 7},     {"june", 6},    {"march", 3},     {"may", 5},      {"november", 11},
    {"october", 10}, {"september", 9},
};
constexpr WordValue kMonthAbbreviations[] = {
    {"apr", 4}, {"aug", 8}, {"dec", 12}, {"feb", 2}, {"jan", 1},  {"jul", 7},  {"jun", 6},
    {"mar", 3}, {"nov", 11}, {"oct", 10}, {"sep", 9}, {"sept", 9},
};

constexpr std::string_view kWeekdays[] = {
    "fri",  "friday", "mon",   "monday", "sat",   "saturday", "sun",     "sunday",
    "thu",  "thur",   "thurs", "thursday", "tue", "tues",     "tuesday", "wed",
    "wednesday",
};

// Number words below one hundred; "oh" reads as zero in spoken years
// ("nineteen oh one").
constexpr WordValue kCardinals[] = {
    {"eight", 8},     {"eighteen", 18}, {"eighty", 80},    {"eleven", 11},  {"fifteen", 15},
    {"fifty", 50},    {"five", 5},      {"forty", 40},     {"four", 4},     {"fourteen", 14},
    {"nine", 9},      {"nineteen", 19}, {"ninety", 90},    {"oh", 0},       {"one", 1},
    {"seven", 7},     {"seventeen", 17}, {"seventy", 70},  {"six", 6},      {"sixteen", 16},
    {"sixty", 60},    {"ten", 10},      {"thirteen", 13},  {"thirty", 30},  {"three", 3},
    {"twelve", 12},   {"twenty", 20},   {"two", 2},        {"zero", 0},
};
constexpr WordValue kOrdinals[] = {
    {"eighteenth", 18}, {"eighth", 8},     {"eleventh", 11},   {"fifteenth", 15},
    {"fifth", 5},       {"first", 1},      {"fourteenth", 14}, {"fourth", 4},
    {"nineteenth", 19}, {"ninth", 9},      {"second", 2},
    {"seventeenth", 17}, {"seventh", 7},   {"sixteenth", 16},  {"sixth", 6},
    {"tenth", 10},      {"third", 3},      {"thirteenth", 13}, {"thirtieth", 30},
    {"twelfth", 12},    {"twentieth", 20},
};

// Units, currencies and counted things: a number right before one of these
// is an amount, not a year.
constexpr std::string_view kAmountWords[] = {
    "acres",     "ah",        "billion",  "bn",       "cars",      "cny",     "dollars",
    "employees", "eur",       "euros",    "gw",       "gwh",       "ha",      "hectares",
    "homes",     "households", "jobs",    "kg",       "km",        "kv",      "kw",
    "kwh",       "m",         "mah",      "million",  "mn",        "mu",      "mw",
    "mwh",       "people",    "percent",  "pieces",   "pounds",    "rmb",     "sets",
    "sq",        "square",    "staff",    "t",        "tonnes",    "tons",    "trillion",
    "twh",       "units",     "usd",      "v",        "vehicles",  "w",       "wh",
    "workers",   "yen",       "yuan",
};

constexpr std::string_view kDateFunctionWords[] = {
    "across",  "after",  "and",     "around", "as",    "at",      "back",   "before",
    "beginning", "between", "beyond", "by",   "during", "early",  "end",    "for",
    "from",    "in",     "late",    "mid",    "middle", "of",     "on",     "or",
    "over",    "since",  "start",   "than",   "the",   "through", "throughout", "till",
    "to",      "until",  "within",  "year",
};

constexpr std::string_view kMonthContextWords[] = {
    "after", "and",  "before", "between", "by",   "during", "early", "end",
    "from",  "in",   "late",   "mid",     "of",   "since",  "through", "till",
    "to",    "until",
};

struct PrefixValue {
  std::string_view text;
  int value;
};

// MatchPrefix returns the length of the first entry that starts text.
template <size_t N>
size_t MatchPrefix(const PrefixValue (&table)[N], std::string_view text, int* value) {
  for (const PrefixValue& e : table) {
    if (text.substr(0, e.text.size()) == e.text) {
      *value = e.value;
      return e.text.size();
    }
  }
  return 0;
}

constexpr PrefixValue kChineseRelativeYears[] = {
    {"今年", 0},  {"本年", 0},  {"明年", 1},  {"来年", 1}, {"來年", 1},
    {"去年", -1}, {"上年", -1}, {"前年", -2},
};
constexpr PrefixValue kChineseContextYears[] = {
    {"同年", 0}, {"当年", 0}, {"當年", 0}, {"次年", 1}, {"翌年", 1},
};

}  // namespace

int EnglishMonth(std::string_view lower, bool* abbreviated) {
  if (const WordValue* m = Find(kMonthNames, lower)) {
    *abbreviated = false;
    return m->value;
  }
  if (const WordValue* m = Find(kMonthAbbreviations, lower)) {
    *abbreviated = true;
    return m->value;
  }
  return 0;
}

bool IsAmbiguousMonth(std::string_view lower) {
  return lower == "may" || lower == "march" || lower == "mar";
}

bool IsEnglishWeekday(std::string_view lower) { return Contains(kWeekdays, lower); }

int EnglishNumberWord(std::string_view lower, bool* ordinal) {
  if (const WordValue* w = Find(kCardinals, lower)) {
    *ordinal = false;
    return w->value;
  }
  if (const WordValue* w = Find(kOrdinals, lower)) {
    *ordinal = true;
    return w->value;
  }
  return -1;
}

bool IsAmountWord(std::string_view lower) { return Contains(kAmountWords, lower); }

bool IsDateFunctionWord(std::string_view lower) { return Contains(kDateFunctionWords, lower); }

bool IsMonthContextWord(std::string_view lower) { return Contains(kMonthContextWords, lower); }

bool MayStartEnglishDate(std::string_view lower) {
  // Buckets by length and first letter: a lookup compares against the few
  // start words that share both, without hashing.
  constexpr size_t kMaxLength = 11;
  struct Buckets {
    std::vector<std::string_view> at[kMaxLength + 1][26];
  };
  static const Buckets* const kBuckets = [] {
    auto* buckets = new Buckets;
    auto add = [&](std::string_view w) { buckets->at[w.size()][w[0] - 'a'].push_back(w); };
    for (std::string_view w : {"q", "h", "this", "next", "last", "final", "latter"}) add(w);
    for (const WordValue& w : kMonthNames) add(w.word);
    for (const WordValue& w : kMonthAbbreviations) add(w.word);
    for (std::string_view w : kWeekdays) add(w);
    for (const WordValue& w : kCardinals) add(w.word);
    for (const WordValue& w : kOrdinals) add(w.word);
    return buckets;
  }();
  if (lower.empty() || lower.size() > kMaxLength || lower[0] < 'a' || lower[0] > 'z') return false;
  for (std::string_view w : kBuckets->at[lower.size()][lower[0] - 'a'])
    if (w == lower) return true;
  return false;
}

size_t ChineseRelativeYear(std::string_view text, int* offset) {
  return MatchPrefix(kChineseRelativeYears, text, offset);
}

size_t ChineseContextYear(std::string_view text, int* offset) {
  return MatchPrefix(kChineseContextYears, text, offset);
}

}  // namespace gigafact
