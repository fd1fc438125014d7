#include "extractors/dates.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <string>

#include "tests/extractors/test_document.h"

namespace gigafact {
namespace {

Extraction Extract(const Document& doc) {
  static const DateExtractor extractor;
  Extraction ex;
  extractor.Extract(doc, &ex);
  return ex;
}

Extraction Extract(const std::string& text, const std::string& published = "") {
  return Extract(MakeDocument(text, published));
}

// BodyValues: the values of the dates that are not the publication date.
std::set<std::string> BodyValues(const Extraction& ex) {
  std::set<std::string> values;
  for (const DateMention& d : ex.dates)
    if (d.role != "publication") values.insert(d.value);
  return values;
}

const DateMention* FindDate(const Extraction& ex, const std::string& value) {
  for (const DateMention& d : ex.dates)
    if (d.value == value) return &d;
  return nullptr;
}

std::string Join(const std::set<std::string>& values) {
  std::string out;
  for (const std::string& v : values) out += (out.empty() ? "" : ", ") + v;
  return "[" + out + "]";
}

// RunSpecFile runs every case of a spec file (tests/extractors/specs/): the
// body date values as a set and the publication date, each when the case
// gives it.
void RunSpecFile(const std::string& name) {
  const char* root = std::getenv("GIGAFACT_SOURCE_ROOT");
  ASSERT_NE(root, nullptr) << "GIGAFACT_SOURCE_ROOT is not set";
  std::string path = std::string(root) + "/tests/extractors/specs/" + name;
  std::ifstream in(path);
  ASSERT_TRUE(in) << "cannot read " << path;
  nlohmann::json spec = nlohmann::json::parse(in);
  ASSERT_FALSE(spec["cases"].empty()) << path;
  for (const auto& c : spec["cases"]) {
    std::string input = c["input"].get<std::string>();
    Extraction ex = Extract(input, c.value("published", std::string()));
    if (c.contains("dates")) {
      std::set<std::string> want;
      for (const auto& v : c["dates"]) want.insert(v.get<std::string>());
      EXPECT_EQ(Join(BodyValues(ex)), Join(want)) << name << ": " << input;
    }
    if (c.contains("published_value")) {
      std::string got = ex.published ? ex.published->value : "null";
      std::string expected =
          c["published_value"].is_null() ? "null" : c["published_value"].get<std::string>();
      EXPECT_EQ(got, expected) << name << ": " << input;
    }
  }
}

TEST(DateSpecs, English) { RunSpecFile("dates-en.json"); }
TEST(DateSpecs, Chinese) { RunSpecFile("dates-zh.json"); }
TEST(DateSpecs, Publication) { RunSpecFile("dates-published.json"); }

TEST(DateExtractor, EmptyAndDatelessTextsGiveNothing) {
  Extraction ex = Extract("Battery makers keep adding capacity across the region.");
  EXPECT_TRUE(ex.dates.empty());
  EXPECT_FALSE(ex.published);
}

TEST(DateExtractor, MentionCarriesValueGrainTextLangAndOriginalSpan) {
  Document doc = MakeDocument("The plant opened on February 24, 2025 in the port city.");
  Extraction ex = Extract(doc);
  ASSERT_EQ(ex.dates.size(), 1u);
  const DateMention& d = ex.dates[0];
  EXPECT_EQ(d.value, "2025-02-24");
  EXPECT_EQ(d.granularity, "day");
  EXPECT_EQ(SpanText(doc, d.span), "February 24, 2025");
  EXPECT_EQ(d.lang, Lang::kEn);
}

TEST(DateExtractor, FullWidthDigitsMapBackToTheOriginalBytes) {
  Document doc = MakeDocument("项目于２０２５年３月２６日开工。");
  Extraction ex = Extract(doc);
  ASSERT_EQ(ex.dates.size(), 1u);
  EXPECT_EQ(ex.dates[0].value, "2025-03-26");
  EXPECT_EQ(SpanText(doc, ex.dates[0].span), "２０２５年３月２６日");
  EXPECT_EQ(ex.dates[0].lang, Lang::kZh);
}

TEST(DateExtractor, GranularityFollowsTheText) {
  Extraction ex = Extract("Work began in March 2025, phase two follows in Q3 2026, "
                      "phase three in the second half of 2027 and the last one in 2028.");
  ASSERT_NE(FindDate(ex, "2025-03"), nullptr);
  EXPECT_EQ(FindDate(ex, "2025-03")->granularity, "month");
  ASSERT_NE(FindDate(ex, "2026-Q3"), nullptr);
  EXPECT_EQ(FindDate(ex, "2026-Q3")->granularity, "quarter");
  ASSERT_NE(FindDate(ex, "2027-H2"), nullptr);
  EXPECT_EQ(FindDate(ex, "2027-H2")->granularity, "half");
  ASSERT_NE(FindDate(ex, "2028"), nullptr);
  EXPECT_EQ(FindDate(ex, "2028")->granularity, "year");
}

TEST(DateExtractor, RolesComeFromTheWordsAround) {
  Extraction ex = Extract("The two firms signed the agreement on March 15, 2024. "
                      "The factory is slated for completion in 2027. "
                      "The company was profitable in 2019.");
  ASSERT_NE(FindDate(ex, "2024-03-15"), nullptr);
  EXPECT_EQ(FindDate(ex, "2024-03-15")->role, "event");
  ASSERT_NE(FindDate(ex, "2027"), nullptr);
  EXPECT_EQ(FindDate(ex, "2027")->role, "planned");
  ASSERT_NE(FindDate(ex, "2019"), nullptr);
  EXPECT_EQ(FindDate(ex, "2019")->role, "other");
}

TEST(DateExtractor, ChineseRolesAreReadPerClause) {
  Extraction ex = Extract("公司计划于2025年10月投产，2024年8月已完成厂房封顶。");
  ASSERT_NE(FindDate(ex, "2025-10"), nullptr);
  EXPECT_EQ(FindDate(ex, "2025-10")->role, "planned");
  ASSERT_NE(FindDate(ex, "2024-08"), nullptr);
  EXPECT_EQ(FindDate(ex, "2024-08")->role, "event");
}

TEST(DateExtractor, ByAYearIsAPlan) {
  Extraction ex = Extract("The group wants 300 GWh of capacity by 2030.");
  ASSERT_EQ(ex.dates.size(), 1u);
  EXPECT_EQ(ex.dates[0].role, "planned");
}

TEST(DateExtractor, WhatLiesAfterPublicationIsPlanned) {
  Extraction ex = Extract("项目明年上半年投产。", "2025-08-29");
  ASSERT_EQ(ex.dates.size(), 1u);
  EXPECT_EQ(ex.dates[0].value, "2026-H1");
  EXPECT_EQ(ex.dates[0].role, "planned");
}

TEST(DateExtractor, PublicationLineGivesPublishedAndAPublicationMention) {
  Document doc = MakeDocument("Firm adds plant\npublished: 2023-02-14 9:30\nOn January 18, it said so.");
  Extraction ex = Extract(doc);
  ASSERT_TRUE(ex.published);
  EXPECT_EQ(ex.published->value, "2023-02-14");
  ASSERT_TRUE(ex.published->span);
  EXPECT_EQ(SpanText(doc, *ex.published->span), "2023-02-14");
  EXPECT_EQ(ex.published->text, "2023-02-14");
  const DateMention* pub = FindDate(ex, "2023-02-14");
  ASSERT_NE(pub, nullptr);
  EXPECT_EQ(pub->role, "publication");
  ASSERT_NE(FindDate(ex, "2023-01-18"), nullptr);
}

TEST(DateExtractor, JsonlPublishedHasNoSpan) {
  Extraction ex = Extract("The deal was signed on August 18.", "2024-09-02");
  ASSERT_TRUE(ex.published);
  EXPECT_EQ(ex.published->value, "2024-09-02");
  EXPECT_EQ(ex.published->text, "2024-09-02");
  EXPECT_FALSE(ex.published->span);
  ASSERT_EQ(ex.dates.size(), 1u);
  EXPECT_EQ(ex.dates[0].value, "2024-08-18");
}

TEST(DateExtractor, UnreadableJsonlPublishedIsIgnored) {
  Extraction ex = Extract("The deal was signed on August 18.", "yesterday-ish");
  EXPECT_FALSE(ex.published);
  ASSERT_EQ(ex.dates.size(), 1u);
  EXPECT_EQ(ex.dates[0].value, "XXXX-08-18");
}

TEST(DateExtractor, PublicationDateIsFoundInBoilerplateButBodyDatesAreNot) {
  std::ostringstream page;
  page << "Firm starts production\n";
  for (int i = 0; i < 14; ++i) page << "The new line runs around the clock, the plant manager said.\n";
  page << "On May 17, the firm said the base opened.\n";
  page << "更新时间:2025-05-19\n";
  page << "Recent posts\n";
  page << "Rival plans plant for 2031\n";
  page << "© CopyRight 2020 All Rights Reserved\n";
  Extraction ex = Extract(page.str());
  ASSERT_TRUE(ex.published);
  EXPECT_EQ(ex.published->value, "2025-05-19");
  EXPECT_EQ(FindDate(ex, "2031"), nullptr);
  ASSERT_NE(FindDate(ex, "2025-05-17"), nullptr);
}

TEST(DateExtractor, RelativeYearsNeedAPublicationDate) {
  EXPECT_TRUE(Extract("去年七月五日，公司宣布成立。").dates.empty());
  Extraction ex = Extract("去年七月五日，公司宣布成立。", "2024-03-01");
  ASSERT_EQ(ex.dates.size(), 1u);
  EXPECT_EQ(ex.dates[0].value, "2023-07-05");
}

TEST(DateExtractor, RangeEndsLendEachOtherTheirYear) {
  EXPECT_EQ(Join(BodyValues(Extract("The lines were idle from December 2024 to March."))),
            "[2024-12, 2025-03]");
  EXPECT_EQ(Join(BodyValues(Extract("The lines were idle from November to February 2025."))),
            "[2024-11, 2025-02]");
}

TEST(DateExtractor, ImpossibleDatesAreLeftOut) {
  EXPECT_TRUE(Extract("The notice is dated 2019-02-29 and 2024-13-01.").dates.empty());
  EXPECT_TRUE(Extract("该项目于2023年2月30日开工。").dates.empty());
  Extraction leap = Extract("The notice is dated 2024-02-29.");
  ASSERT_EQ(leap.dates.size(), 1u);
}

TEST(DateExtractor, InvalidUtf8AndOddBytesDoNotBreakIt) {
  std::string text = "On March 5, 2025 \xff\xfe the \xe5\xb9 plant 2025\xe5 opened.";
  Extraction ex = Extract(text);
  EXPECT_NE(FindDate(ex, "2025-03-05"), nullptr);
}

TEST(DateExtractor, LongNumbersAreNoDates) {
  EXPECT_TRUE(Extract("Order 12345678901234567890123 shipped 99999999999 cells.").dates.empty());
}

}  // namespace
}  // namespace gigafact
