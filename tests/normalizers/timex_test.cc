#include "normalizers/timex.h"

#include <gtest/gtest.h>

namespace gigafact {
namespace {

TimexDate Date(int year, int month = 0, int day = 0) {
  TimexDate d;
  d.year = year;
  d.month = month;
  d.day = day;
  return d;
}

TimexDate Quarter(int year, int quarter) {
  TimexDate d;
  d.year = year;
  d.quarter = quarter;
  return d;
}

TimexDate Half(int year, int half) {
  TimexDate d;
  d.year = year;
  d.half = half;
  return d;
}

TEST(TimexValue, WritesEachGrain) {
  EXPECT_EQ(TimexValue(Date(2025, 2, 24)), "2025-02-24");
  EXPECT_EQ(TimexValue(Date(2025, 2)), "2025-02");
  EXPECT_EQ(TimexValue(Date(2025)), "2025");
  EXPECT_EQ(TimexValue(Quarter(2026, 3)), "2026-Q3");
  EXPECT_EQ(TimexValue(Half(2026, 1)), "2026-H1");
}

TEST(TimexValue, UnknownYearIsXXXXAndEarlyYearsKeepFourDigits) {
  EXPECT_EQ(TimexValue(Date(0, 8, 18)), "XXXX-08-18");
  EXPECT_EQ(TimexValue(Quarter(0, 1)), "XXXX-Q1");
  EXPECT_EQ(TimexValue(Date(789)), "0789");
}

TEST(GrainName, NamesEveryGrain) {
  EXPECT_EQ(GrainName(Date(2025, 2, 24).grain()), "day");
  EXPECT_EQ(GrainName(Date(2025, 2).grain()), "month");
  EXPECT_EQ(GrainName(Quarter(2025, 2).grain()), "quarter");
  EXPECT_EQ(GrainName(Half(2025, 2).grain()), "half");
  EXPECT_EQ(GrainName(Date(2025).grain()), "year");
}

TEST(DaysInMonth, KnowsLeapYearsAndLeavesFebruary29OpenWithoutAYear) {
  EXPECT_EQ(DaysInMonth(2024, 2), 29);
  EXPECT_EQ(DaysInMonth(2023, 2), 28);
  EXPECT_EQ(DaysInMonth(1900, 2), 28);
  EXPECT_EQ(DaysInMonth(2000, 2), 29);
  EXPECT_EQ(DaysInMonth(0, 2), 29);
  EXPECT_EQ(DaysInMonth(2025, 4), 30);
  EXPECT_EQ(DaysInMonth(2025, 13), 0);
}

TEST(IsValidTimex, AcceptsRealDatesOnly) {
  EXPECT_TRUE(IsValidTimex(Date(2024, 2, 29)));
  EXPECT_FALSE(IsValidTimex(Date(2023, 2, 29)));
  EXPECT_TRUE(IsValidTimex(Date(0, 2, 29)));
  EXPECT_FALSE(IsValidTimex(Date(2025, 4, 31)));
  EXPECT_FALSE(IsValidTimex(Date(2025, 13)));
  EXPECT_FALSE(IsValidTimex(Date(2025, 0, 5)));  // a day needs a month
  EXPECT_FALSE(IsValidTimex(Quarter(2025, 5)));
  EXPECT_FALSE(IsValidTimex(Half(2025, 3)));
  EXPECT_FALSE(IsValidTimex(Date(-1)));
  TimexDate both = Quarter(2025, 1);
  both.half = 1;
  EXPECT_FALSE(IsValidTimex(both));
}

TEST(FirstMonth, IsTheStartOfThePeriod) {
  EXPECT_EQ(FirstMonth(Date(2025, 7, 4)), 7);
  EXPECT_EQ(FirstMonth(Quarter(2025, 3)), 7);
  EXPECT_EQ(FirstMonth(Half(2025, 2)), 7);
  EXPECT_EQ(FirstMonth(Date(2025)), 1);
}

TEST(AnchoredYear, RollsBackWhenTheMonthLiesAfterPublication) {
  TimexDate published = Date(2017, 3, 22);
  EXPECT_EQ(AnchoredYear(Date(0, 10, 12), published), 2016);
  EXPECT_EQ(AnchoredYear(Date(0, 1, 19), published), 2017);
  EXPECT_EQ(AnchoredYear(Date(0, 3, 30), published), 2017);  // same month stays
  EXPECT_EQ(AnchoredYear(Quarter(0, 1), published), 2017);
  EXPECT_EQ(AnchoredYear(Half(0, 2), published), 2016);
}

TEST(ExpandTwoDigitYear, SplitsAtForty) {
  EXPECT_EQ(ExpandTwoDigitYear(7), 2007);
  EXPECT_EQ(ExpandTwoDigitYear(39), 2039);
  EXPECT_EQ(ExpandTwoDigitYear(40), 1940);
  EXPECT_EQ(ExpandTwoDigitYear(89), 1989);
}

TEST(ParseIsoDay, ReadsTheDayAtTheStart) {
  TimexDate d;
  ASSERT_TRUE(ParseIsoDay("2025-03-26", &d));
  EXPECT_EQ(TimexValue(d), "2025-03-26");
  ASSERT_TRUE(ParseIsoDay("2024-09-02T08:15:00Z", &d));
  EXPECT_EQ(TimexValue(d), "2024-09-02");
}

TEST(ParseIsoDay, RejectsWhatIsNoDay) {
  TimexDate d = Date(1999, 1, 1);
  EXPECT_FALSE(ParseIsoDay("", &d));
  EXPECT_FALSE(ParseIsoDay("2025-3-26", &d));
  EXPECT_FALSE(ParseIsoDay("2025-02-30", &d));
  EXPECT_FALSE(ParseIsoDay("0000-01-01", &d));
  EXPECT_FALSE(ParseIsoDay("2025-03-261", &d));
  EXPECT_FALSE(ParseIsoDay("March 26, 2025", &d));
  EXPECT_EQ(TimexValue(d), "1999-01-01");  // left alone
}

}  // namespace
}  // namespace gigafact
