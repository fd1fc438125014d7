#include "normalizers/date_words.h"

#include <gtest/gtest.h>

namespace gigafact {
namespace {

// Every word of the tables is found: the lookups binary-search sorted tables.
TEST(EnglishMonth, FindsEveryNameAndAbbreviation) {
  const char* names[] = {"january", "february", "march", "april", "may", "june", "july",
                         "august", "september", "october", "november", "december"};
  const char* abbreviations[] = {"jan", "feb", "mar", "apr", nullptr, "jun", "jul",
                                 "aug", "sep", "oct", "nov", "dec"};
  for (int m = 1; m <= 12; ++m) {
    bool abbreviated = true;
    EXPECT_EQ(EnglishMonth(names[m - 1], &abbreviated), m) << names[m - 1];
    EXPECT_FALSE(abbreviated);
    if (abbreviations[m - 1]) {
      EXPECT_EQ(EnglishMonth(abbreviations[m - 1], &abbreviated), m) << abbreviations[m - 1];
      EXPECT_TRUE(abbreviated);
    }
  }
  bool abbreviated = false;
  EXPECT_EQ(EnglishMonth("sept", &abbreviated), 9);
  EXPECT_EQ(EnglishMonth("", &abbreviated), 0);
  EXPECT_EQ(EnglishMonth("janu", &abbreviated), 0);
  EXPECT_EQ(EnglishMonth("January", &abbreviated), 0);  // lowercase only
}

TEST(EnglishMonth, AmbiguousWords) {
  EXPECT_TRUE(IsAmbiguousMonth("may"));
  EXPECT_TRUE(IsAmbiguousMonth("march"));
  EXPECT_FALSE(IsAmbiguousMonth("august"));
}

TEST(IsEnglishWeekday, FindsNamesAndShortForms) {
  for (const char* w : {"monday", "mon", "tuesday", "tue", "tues", "wednesday", "wed", "thursday",
                        "thu", "thur", "thurs", "friday", "fri", "saturday", "sat", "sunday", "sun"})
    EXPECT_TRUE(IsEnglishWeekday(w)) << w;
  EXPECT_FALSE(IsEnglishWeekday("weekday"));
}

TEST(EnglishNumberWord, CardinalsAndOrdinals) {
  bool ordinal = true;
  EXPECT_EQ(EnglishNumberWord("seven", &ordinal), 7);
  EXPECT_FALSE(ordinal);
  EXPECT_EQ(EnglishNumberWord("seventh", &ordinal), 7);
  EXPECT_TRUE(ordinal);
  EXPECT_EQ(EnglishNumberWord("ninety", &ordinal), 90);
  EXPECT_EQ(EnglishNumberWord("nineteenth", &ordinal), 19);
  EXPECT_EQ(EnglishNumberWord("thirtieth", &ordinal), 30);
  EXPECT_EQ(EnglishNumberWord("oh", &ordinal), 0);
  EXPECT_EQ(EnglishNumberWord("hundred", &ordinal), -1);
  const char* cardinals[] = {"zero", "one", "two", "three", "four", "five", "six", "seven", "eight",
                             "nine", "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen",
                             "sixteen", "seventeen", "eighteen", "nineteen"};
  for (int v = 0; v < 20; ++v) EXPECT_EQ(EnglishNumberWord(cardinals[v], &ordinal), v) << cardinals[v];
  const char* tens[] = {"twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"};
  for (int t = 0; t < 8; ++t) EXPECT_EQ(EnglishNumberWord(tens[t], &ordinal), 20 + 10 * t) << tens[t];
}

TEST(IsAmountWord, UnitsAndCountsButNotDateWords) {
  for (const char* w : {"gwh", "mw", "pieces", "yuan", "tons", "employees", "percent", "million"})
    EXPECT_TRUE(IsAmountWord(w)) << w;
  for (const char* w : {"the", "and", "year", "plan", ""}) EXPECT_FALSE(IsAmountWord(w)) << w;
}

TEST(IsDateFunctionWord, PrepositionsButNotNames) {
  for (const char* w : {"in", "by", "since", "until", "end", "mid", "the", "year"})
    EXPECT_TRUE(IsDateFunctionWord(w)) << w;
  for (const char* w : {"snec", "vision", "model", "fy"}) EXPECT_FALSE(IsDateFunctionWord(w)) << w;
  EXPECT_TRUE(IsMonthContextWord("since"));
  EXPECT_FALSE(IsMonthContextWord("it"));
}

TEST(ChineseRelativeYear, MatchesAtTheStart) {
  int offset = 99;
  EXPECT_EQ(ChineseRelativeYear("今年3月", &offset), std::string_view("今年").size());
  EXPECT_EQ(offset, 0);
  EXPECT_EQ(ChineseRelativeYear("明年", &offset), std::string_view("明年").size());
  EXPECT_EQ(offset, 1);
  EXPECT_EQ(ChineseRelativeYear("去年底", &offset), std::string_view("去年").size());
  EXPECT_EQ(offset, -1);
  EXPECT_EQ(ChineseRelativeYear("来年", &offset), std::string_view("来年").size());
  EXPECT_EQ(ChineseRelativeYear("後年", &offset), 0u);  // left out: 投產後年產能
  EXPECT_EQ(ChineseRelativeYear("3月", &offset), 0u);
  EXPECT_EQ(ChineseRelativeYear("", &offset), 0u);
}

TEST(ChineseContextYear, SameAndNextYear) {
  int offset = 99;
  EXPECT_EQ(ChineseContextYear("同年11月", &offset), std::string_view("同年").size());
  EXPECT_EQ(offset, 0);
  EXPECT_EQ(ChineseContextYear("當年", &offset), std::string_view("當年").size());
  EXPECT_EQ(ChineseContextYear("次年", &offset), std::string_view("次年").size());
  EXPECT_EQ(offset, 1);
  EXPECT_EQ(ChineseContextYear("今年", &offset), 0u);
}

}  // namespace
}  // namespace gigafact
