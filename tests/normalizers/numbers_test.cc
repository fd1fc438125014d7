#include "normalizers/numbers.h"

#include <gtest/gtest.h>

#include <string>

namespace gigafact {
namespace {

// Arabic returns the parsed value, or -1 when the parse fails.
double Arabic(std::string_view s) {
  double v = -1;
  return ParseArabicNumber(s, &v) ? v : -1;
}

double Chinese(std::string_view s) {
  double v = -1;
  return ParseChineseNumber(s, &v) ? v : -1;
}

TEST(ParseArabicNumberTest, PlainIntegersAndDecimals) {
  EXPECT_DOUBLE_EQ(Arabic("40"), 40);
  EXPECT_DOUBLE_EQ(Arabic("8.42"), 8.42);
  EXPECT_DOUBLE_EQ(Arabic(".5"), 0.5);
  EXPECT_DOUBLE_EQ(Arabic("0"), 0);
}

TEST(ParseArabicNumberTest, CommaThousands) {
  EXPECT_DOUBLE_EQ(Arabic("1,000"), 1000);
  EXPECT_DOUBLE_EQ(Arabic("12,345.6"), 12345.6);
  EXPECT_DOUBLE_EQ(Arabic("1,234,567"), 1234567);
}

TEST(ParseArabicNumberTest, DotThousandsOnlyWhenUnambiguous) {
  EXPECT_DOUBLE_EQ(Arabic("1.000,5"), 1000.5);
  EXPECT_DOUBLE_EQ(Arabic("1.000.000"), 1000000);
  // A single dot group reads as an English decimal.
  EXPECT_DOUBLE_EQ(Arabic("1.000"), 1.0);
}

TEST(ParseArabicNumberTest, SpaceThousandsAndCommaDecimal) {
  EXPECT_DOUBLE_EQ(Arabic("12 345"), 12345);
  EXPECT_DOUBLE_EQ(Arabic("1 000.5"), 1000.5);
  EXPECT_DOUBLE_EQ(Arabic("1,5"), 1.5);
  EXPECT_DOUBLE_EQ(Arabic("2'000"), 2000);
  EXPECT_DOUBLE_EQ(Arabic("2’000"), 2000);
  EXPECT_EQ(Arabic("2020,30"), -1);  // a year and a number, not 2020.3
}

TEST(ParseArabicNumberTest, RejectsMalformed) {
  EXPECT_EQ(Arabic(""), -1);
  EXPECT_EQ(Arabic("abc"), -1);
  EXPECT_EQ(Arabic("1..2"), -1);
  EXPECT_EQ(Arabic("1.2.3"), -1);
  EXPECT_EQ(Arabic("1,00,0"), -1);
  EXPECT_EQ(Arabic("1."), -1);
  EXPECT_EQ(Arabic("12 34"), -1);
  EXPECT_EQ(Arabic("1,"), -1);
}

TEST(ParseChineseNumberTest, SimpleNumerals) {
  EXPECT_DOUBLE_EQ(Chinese("两"), 2);
  EXPECT_DOUBLE_EQ(Chinese("兩"), 2);
  EXPECT_DOUBLE_EQ(Chinese("十"), 10);
  EXPECT_DOUBLE_EQ(Chinese("十二"), 12);
  EXPECT_DOUBLE_EQ(Chinese("六十"), 60);
  EXPECT_DOUBLE_EQ(Chinese("二十五"), 25);
  EXPECT_DOUBLE_EQ(Chinese("一百五十"), 150);
  EXPECT_DOUBLE_EQ(Chinese("三千"), 3000);
  EXPECT_DOUBLE_EQ(Chinese("一百零五"), 105);
  EXPECT_DOUBLE_EQ(Chinese("零"), 0);
}

TEST(ParseChineseNumberTest, BigUnits) {
  EXPECT_DOUBLE_EQ(Chinese("十万"), 1e5);
  EXPECT_DOUBLE_EQ(Chinese("一万二千"), 12000);
  EXPECT_DOUBLE_EQ(Chinese("三亿"), 3e8);
  EXPECT_DOUBLE_EQ(Chinese("一亿二千万"), 1.2e8);
  EXPECT_DOUBLE_EQ(Chinese("三億"), 3e8);
  EXPECT_DOUBLE_EQ(Chinese("五萬"), 5e4);
  EXPECT_DOUBLE_EQ(Chinese("一万亿"), 1e12);
  EXPECT_DOUBLE_EQ(Chinese("百万"), 1e6);
  EXPECT_DOUBLE_EQ(Chinese("千亿"), 1e11);
}

TEST(ParseChineseNumberTest, TailElision) {
  EXPECT_DOUBLE_EQ(Chinese("一万五"), 15000);
  EXPECT_DOUBLE_EQ(Chinese("三千五"), 3500);
  EXPECT_DOUBLE_EQ(Chinese("三千零五"), 3005);
  EXPECT_DOUBLE_EQ(Chinese("12万3"), 123000);  // Arabic digits elide too
}

TEST(ParseChineseNumberTest, DigitByDigitYears) {
  EXPECT_DOUBLE_EQ(Chinese("二〇二五"), 2025);
  EXPECT_DOUBLE_EQ(Chinese("二零二五"), 2025);
  EXPECT_DOUBLE_EQ(Chinese("一九九八"), 1998);
  EXPECT_DOUBLE_EQ(Chinese("二○二四"), 2024);
}

TEST(ParseChineseNumberTest, DigitRunsWithPointOrBigUnit) {
  EXPECT_DOUBLE_EQ(Chinese("二.一"), 2.1);
  EXPECT_DOUBLE_EQ(Chinese("一五○"), 150);
  EXPECT_DOUBLE_EQ(Chinese("一六○億"), 1.6e10);
  EXPECT_DOUBLE_EQ(Chinese("三点二五"), 3.25);
  EXPECT_EQ(Chinese("两三"), -1);  // "two or three"
}

TEST(ParseChineseNumberTest, MixedArabicAndUnits) {
  EXPECT_DOUBLE_EQ(Chinese("1.2万"), 12000);
  EXPECT_DOUBLE_EQ(Chinese("3亿"), 3e8);
  EXPECT_DOUBLE_EQ(Chinese("1.5万亿"), 1.5e12);
  EXPECT_DOUBLE_EQ(Chinese("3千"), 3000);
  EXPECT_DOUBLE_EQ(Chinese("2025"), 2025);
  EXPECT_DOUBLE_EQ(Chinese("1,000万"), 1e7);
}

TEST(ParseChineseNumberTest, DecimalPoint) {
  EXPECT_DOUBLE_EQ(Chinese("零点五"), 0.5);
  EXPECT_DOUBLE_EQ(Chinese("三点二五"), 3.25);
  EXPECT_DOUBLE_EQ(Chinese("一点五亿"), 1.5e8);
}

TEST(ParseChineseNumberTest, FinancialForms) {
  EXPECT_DOUBLE_EQ(Chinese("壹佰"), 100);
  EXPECT_DOUBLE_EQ(Chinese("叁拾"), 30);
}

TEST(ParseChineseNumberTest, RejectsMalformed) {
  EXPECT_EQ(Chinese(""), -1);
  EXPECT_EQ(Chinese("万"), -1);
  EXPECT_EQ(Chinese("亿万"), -1);
  EXPECT_EQ(Chinese("十十"), -1);
  EXPECT_EQ(Chinese("百"), -1);
  EXPECT_EQ(Chinese("千"), -1);
  EXPECT_EQ(Chinese("千五百"), -1);
  EXPECT_EQ(Chinese("三点"), -1);
  EXPECT_EQ(Chinese("二十五年"), -1);
  EXPECT_EQ(Chinese("abc"), -1);
  EXPECT_EQ(Chinese("二三十"), -1);
}

double English(std::string_view s) {
  double v = -1;
  return ParseEnglishNumber(s, &v) ? v : -1;
}

TEST(ParseEnglishNumberTest, Words) {
  EXPECT_DOUBLE_EQ(English("sixteen"), 16);
  EXPECT_DOUBLE_EQ(English("Seventy"), 70);
  EXPECT_DOUBLE_EQ(English("fifty-two"), 52);
  EXPECT_DOUBLE_EQ(English("fifty - two"), 52);
  EXPECT_DOUBLE_EQ(English("fifty   two"), 52);
  EXPECT_DOUBLE_EQ(English("one hundred and sixty-one"), 161);
  EXPECT_DOUBLE_EQ(English("two hundred and two thousand"), 202000);
  EXPECT_DOUBLE_EQ(English("two thousand and two hundred"), 2200);
  EXPECT_DOUBLE_EQ(English("twenty-one trillion three hundred"), 21e12 + 300);
  EXPECT_DOUBLE_EQ(English("a hundred"), 100);
  EXPECT_DOUBLE_EQ(English("naught"), 0);
}

TEST(ParseEnglishNumberTest, PointReadsDigitByDigit) {
  EXPECT_DOUBLE_EQ(English("two hundred point zero three"), 200.03);
  EXPECT_DOUBLE_EQ(English("two hundred point seventy-one"), 200.71);
  EXPECT_DOUBLE_EQ(English("nine point nought four"), 9.04);
  EXPECT_DOUBLE_EQ(English("naught point five"), 0.5);
}

TEST(ParseEnglishNumberTest, ArabicWithScaleWords) {
  EXPECT_DOUBLE_EQ(English("322 hundred"), 32200);
  EXPECT_DOUBLE_EQ(English("1,674.5 million"), 1.6745e9);
  EXPECT_DOUBLE_EQ(English("8.42 million"), 8.42e6);
}

TEST(ParseEnglishNumberTest, RejectsMalformed) {
  EXPECT_EQ(English(""), -1);
  EXPECT_EQ(English("and"), -1);
  EXPECT_EQ(English("fifty sixty"), -1);
  EXPECT_EQ(English("two three"), -1);
  EXPECT_EQ(English("point five"), -1);
  EXPECT_EQ(English("hundred"), -1);
  EXPECT_EQ(English("two point"), -1);
  EXPECT_EQ(English("several"), -1);
  EXPECT_EQ(English("5 6"), -1);
}

TEST(ScaleWordFactorTest, EnglishAndChinese) {
  EXPECT_DOUBLE_EQ(ScaleWordFactor("million"), 1e6);
  EXPECT_DOUBLE_EQ(ScaleWordFactor("Billion"), 1e9);
  EXPECT_DOUBLE_EQ(ScaleWordFactor("thousand"), 1e3);
  EXPECT_DOUBLE_EQ(ScaleWordFactor("万"), 1e4);
  EXPECT_DOUBLE_EQ(ScaleWordFactor("亿"), 1e8);
  EXPECT_DOUBLE_EQ(ScaleWordFactor("千万"), 1e7);
  EXPECT_DOUBLE_EQ(ScaleWordFactor("万亿"), 1e12);
  EXPECT_EQ(ScaleWordFactor("m"), 0);
  EXPECT_EQ(ScaleWordFactor(""), 0);
  EXPECT_EQ(ScaleWordFactor("二"), 0);
}

TEST(IsChineseNumeralCharTest, KnowsNumeralsOnly) {
  size_t len = 0;
  EXPECT_TRUE(IsChineseNumeralChar("五十", &len));
  EXPECT_EQ(len, 3u);
  EXPECT_TRUE(IsChineseNumeralChar("〇", &len));
  EXPECT_FALSE(IsChineseNumeralChar("年", &len));
  EXPECT_FALSE(IsChineseNumeralChar("5", &len));
  EXPECT_FALSE(IsChineseNumeralChar("", &len));
}

}  // namespace
}  // namespace gigafact
