#include "extractors/date_parser.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace gigafact {
namespace {

std::vector<ParsedDate> Parse(std::string_view text, size_t base = 0) {
  std::vector<ParsedDate> out;
  ParseDates(text, base, &out);
  return out;
}

std::string SpanOf(std::string_view text, const ParsedDate& d, size_t base = 0) {
  return std::string(text.substr(d.span.begin - base, d.span.end - d.span.begin));
}

TEST(ParseDates, EmptyTextHasNoDates) {
  EXPECT_TRUE(Parse("").empty());
  EXPECT_TRUE(Parse("   ").empty());
  EXPECT_TRUE(Parse("no dates here at all").empty());
}

TEST(ParseDates, StatedYearIsKept) {
  auto dates = Parse("signed on February 24, 2025 in Lisbon");
  ASSERT_EQ(dates.size(), 1u);
  EXPECT_EQ(dates[0].year_source, YearSource::kStated);
  EXPECT_EQ(TimexValue(dates[0].date), "2025-02-24");
  EXPECT_FALSE(dates[0].chinese);
}

TEST(ParseDates, SpansAreOffsetsPlusBase) {
  std::string_view text = "signed on February 24, 2025 in Lisbon";
  auto dates = Parse(text, 100);
  ASSERT_EQ(dates.size(), 1u);
  EXPECT_EQ(dates[0].span.begin, 110u);
  EXPECT_EQ(SpanOf(text, dates[0], 100), "February 24, 2025");
}

TEST(ParseDates, MissingYearIsReportedNotGuessed) {
  auto dates = Parse("On August 18, the firms signed.");
  ASSERT_EQ(dates.size(), 1u);
  EXPECT_EQ(dates[0].year_source, YearSource::kMissing);
  EXPECT_EQ(dates[0].date.year, 0);
  EXPECT_EQ(TimexValue(dates[0].date), "XXXX-08-18");
}

TEST(ParseDates, RelativeYearsCarryTheirOffset) {
  auto dates = Parse("今年3月扩产，明年一季度投产，去年出货翻番。");
  ASSERT_EQ(dates.size(), 3u);
  for (const ParsedDate& d : dates) EXPECT_EQ(d.year_source, YearSource::kRelative);
  EXPECT_EQ(dates[0].year_offset, 0);
  EXPECT_EQ(dates[0].date.month, 3);
  EXPECT_EQ(dates[1].year_offset, 1);
  EXPECT_EQ(dates[1].date.quarter, 1);
  EXPECT_EQ(dates[2].year_offset, -1);
  EXPECT_TRUE(dates[0].chinese);

  auto en = Parse("in September last year and the first half of next year");
  ASSERT_EQ(en.size(), 2u);
  EXPECT_EQ(en[0].year_source, YearSource::kRelative);
  EXPECT_EQ(en[0].year_offset, -1);
  EXPECT_EQ(en[0].date.month, 9);
  EXPECT_EQ(en[1].year_offset, 1);
  EXPECT_EQ(en[1].date.half, 1);
}

TEST(ParseDates, ContextYearsFollowTheText) {
  auto dates = Parse("同年11月签约，次年3月开工。");
  ASSERT_EQ(dates.size(), 2u);
  EXPECT_EQ(dates[0].year_source, YearSource::kContext);
  EXPECT_EQ(dates[0].year_offset, 0);
  EXPECT_EQ(dates[1].year_source, YearSource::kContext);
  EXPECT_EQ(dates[1].year_offset, 1);
}

TEST(ParseDates, DayAloneTakesItsMonthFromPublication) {
  auto dates = Parse("12日晚间，公司发布公告。");
  ASSERT_EQ(dates.size(), 1u);
  EXPECT_EQ(dates[0].month_source, MonthSource::kPublication);
  EXPECT_EQ(dates[0].date.day, 12);
  EXPECT_EQ(dates[0].date.month, 0);

  auto relative = Parse("上月28日完成验收。");
  ASSERT_EQ(relative.size(), 1u);
  EXPECT_EQ(relative[0].month_source, MonthSource::kRelative);
  EXPECT_EQ(relative[0].month_offset, -1);
  EXPECT_EQ(relative[0].date.day, 28);
}

TEST(ParseDates, LengthsOfTimeAreNoDays) {
  EXPECT_TRUE(Parse("近7日股价上涨，30日内完成交割，每5日巡检一次。").empty());
  EXPECT_TRUE(Parse("1号线和2号机组投运。").empty());
  EXPECT_TRUE(Parse("运营期20年，质保10年，3个月内完成。").empty());
}

TEST(ParseDates, RangesGiveBothEnds) {
  auto years = Parse("2022年-2025年");
  ASSERT_EQ(years.size(), 2u);
  EXPECT_EQ(TimexValue(years[0].date), "2022");
  EXPECT_EQ(TimexValue(years[1].date), "2025");

  auto days = Parse("November 18-19");
  ASSERT_EQ(days.size(), 2u);
  EXPECT_EQ(TimexValue(days[0].date), "XXXX-11-18");
  EXPECT_EQ(TimexValue(days[1].date), "XXXX-11-19");

  auto months = Parse("1-5月");
  ASSERT_EQ(months.size(), 2u);
  EXPECT_EQ(months[0].date.month, 1);
  EXPECT_EQ(months[1].date.month, 5);
}

TEST(ParseDates, ChineseNumeralsAndTaiwaneseZero) {
  auto dates = Parse("二〇二五年十二月二十四日与二○二四年第三季");
  ASSERT_EQ(dates.size(), 2u);
  EXPECT_EQ(TimexValue(dates[0].date), "2025-12-24");
  EXPECT_EQ(TimexValue(dates[1].date), "2024-Q3");
}

TEST(ParseDates, RepublicOfChinaYears) {
  auto dates = Parse("民國113年第2季");
  ASSERT_EQ(dates.size(), 1u);
  EXPECT_EQ(TimexValue(dates[0].date), "2024-Q2");
}

TEST(ParseDates, ImpossibleDatesAreDropped) {
  EXPECT_TRUE(Parse("2019-02-29").empty());
  EXPECT_TRUE(Parse("2025年2月30日").empty());
  EXPECT_TRUE(Parse("2015-1-32").empty());
  EXPECT_TRUE(Parse("April 31, 2025").empty());
}

TEST(ParseDates, AmountsCodesAndNamesAreNoYears) {
  EXPECT_TRUE(Parse("2000 pieces, 2025 MW, 2025GWh, 2030s, 2.2025, 2,025 units").empty());
  EXPECT_TRUE(Parse("SNEC 2025, FY2025, V2025, No. 2025, Room 2025").empty());
  EXPECT_TRUE(Parse("Tel: +86 138-2010-2015 and 2010-2015-86").empty());
  EXPECT_TRUE(Parse("©2009-2020 and Copyright 2009-2020").empty());
  EXPECT_TRUE(Parse("2021三季报、2025储能大会、2000吨").empty());
  EXPECT_TRUE(Parse("闽ICP备20210123号").empty());
}

TEST(ParseDates, WordsThatLookLikeRelativeYearsAreNot) {
  EXPECT_TRUE(Parse("过去年均增长20%，不同年份差异大，投产后年产能可达10GWh").empty());
}

TEST(ParseDates, AmbiguousMonthWordsNeedContext) {
  EXPECT_TRUE(Parse("It may take longer and may need more staff.").empty());
  auto dates = Parse("Work began in May.");
  ASSERT_EQ(dates.size(), 1u);
  EXPECT_EQ(dates[0].date.month, 5);
}

TEST(ParseDates, YearsInWords) {
  auto dates = Parse("in nineteen ninety six and in two thousand and fifteen");
  ASSERT_EQ(dates.size(), 2u);
  EXPECT_EQ(dates[0].date.year, 1996);
  EXPECT_EQ(dates[1].date.year, 2015);
}

TEST(ParseDates, MalformedUtf8IsSkippedSafely) {
  std::string text = "\xe5\xb9\xb4\xff 2025\xe5\xb9 \xc3";
  std::vector<ParsedDate> out;
  ParseDates(text, 0, &out);  // must not crash or read past the end
  for (const ParsedDate& d : out) EXPECT_LE(d.span.end, text.size());
}

}  // namespace
}  // namespace gigafact
