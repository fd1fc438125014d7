// Date words: the English vocabulary the date grammar reads (month and
// weekday names, number words, the words that make a number an amount) and
// the Chinese relative-year words. Lookups take lowercase ASCII for English.
// The tables are small, fixed by the languages themselves, and built into the
// binary so the date stage needs no data directory. Thread-safe.
#ifndef GIGAFACT_NORMALIZERS_DATE_WORDS_H_
#define GIGAFACT_NORMALIZERS_DATE_WORDS_H_

#include <string_view>

namespace gigafact {

// EnglishMonth returns 1..12 for a month name or abbreviation ("february",
// "feb", "sept"), 0 otherwise; *abbreviated tells whether it was an
// abbreviation (which may take a period: "Feb.").
int EnglishMonth(std::string_view lower, bool* abbreviated);

// IsAmbiguousMonth tells whether a month word is also a common English word
// ("may", "march", "mar"), which needs more context to read as a month.
bool IsAmbiguousMonth(std::string_view lower);

// IsEnglishWeekday tells whether the word names a weekday ("monday", "tue").
bool IsEnglishWeekday(std::string_view lower);

// EnglishNumberWord returns the value of a number word below one hundred,
// cardinal or ordinal ("seven" 7, "seventh" 7, "twenty" 20, "twentieth" 20,
// "zero"/"oh" 0), or -1; *ordinal tells which kind it was.
int EnglishNumberWord(std::string_view lower, bool* ordinal);

// IsAmountWord tells whether a word after a number makes the number an amount
// or a count rather than a year ("2000 pieces", "2025 MW", "1999 yuan").
bool IsAmountWord(std::string_view lower);

// IsDateFunctionWord tells whether a capitalized word before a bare year is a
// preposition or date word ("In 2027", "By the end of 2030") rather than
// part of a name ("SNEC 2025", "Vision 2030").
bool IsDateFunctionWord(std::string_view lower);

// IsMonthContextWord tells whether a word before a lone month name makes it
// read as a date ("in May", "since August", "mid-November").
bool IsMonthContextWord(std::string_view lower);

// MayStartEnglishDate tells whether an English date may begin with this word:
// a month or weekday name, a number word, or one of the words that open
// quarters, halves and relative years ("q", "h", "this", "next", "last",
// "final", "latter"; "the" only leads into one of these). At most one hash
// lookup, for the grammar's fast path.
bool MayStartEnglishDate(std::string_view lower);

// ChineseRelativeYear matches a Chinese relative-year word at the start of
// text ("今年" 0, "明年" +1, "去年" -1, "前年" -2, Traditional forms
// included) and returns its length in bytes with *offset set, or 0. 后年 is
// left out: "量产后年产能" reads 后 + 年产能 far more often than "the year
// after next".
size_t ChineseRelativeYear(std::string_view text, int* offset);

// ChineseContextYear matches a word that names a year by the text's own
// previous year ("同年"/"当年" 0, "次年"/"翌年" +1) and returns its length
// with *offset set, or 0.
size_t ChineseContextYear(std::string_view text, int* offset);

}  // namespace gigafact

#endif  // GIGAFACT_NORMALIZERS_DATE_WORDS_H_
