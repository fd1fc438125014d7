#include "extractors/quantities.h"

#include <gtest/gtest.h>

#include <cmath>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "tests/extractors/test_document.h"

namespace gigafact {
namespace {

const QuantityExtractor& Extractor() {
  static const QuantityExtractor* q = new QuantityExtractor();
  return *q;
}

std::vector<QuantityMention> Extract(const Document& doc) {
  Extraction ex;
  Extractor().Extract(doc, &ex);
  return ex.quantities;
}

std::vector<QuantityMention> Extract(const std::string& text) {
  return Extract(MakeDocument(text));
}

bool Near(double a, double b) {
  return std::fabs(a - b) <= 1e-9 * std::max(std::fabs(a), std::fabs(b)) || a == b;
}

std::string Describe(const Document& doc, const std::vector<QuantityMention>& qs) {
  std::ostringstream os;
  for (const auto& q : qs) {
    os << "  " << q.kind << " value=" << (q.value ? std::to_string(*q.value) : "null");
    if (q.min) os << " min=" << *q.min;
    if (q.max) os << " max=" << *q.max;
    os << " " << q.qualifier << " '" << SpanText(doc, q.span) << "'\n";
  }
  return os.str();
}

// CheckNumber compares an optional number with a spec field (a number or
// null); an absent field is not checked.
void CheckNumber(const nlohmann::json& expect, const char* key, const std::optional<double>& got,
                 const std::string& where) {
  if (!expect.contains(key)) return;
  const auto& e = expect[key];
  if (e.is_null()) {
    EXPECT_FALSE(got.has_value()) << where << key << " should be null";
  } else {
    ASSERT_TRUE(got.has_value()) << where << key << " missing";
    EXPECT_TRUE(Near(*got, e.get<double>())) << where << key << " " << *got << " != " << e;
  }
}

void CheckString(const nlohmann::json& expect, const char* key, const std::string& got,
                 const std::string& where) {
  if (expect.contains(key)) EXPECT_EQ(got, expect[key].get<std::string>()) << where << key;
}

// RunSpecFile runs every case of a spec file (tests/extractors/specs/): the
// catalogue of forms the extractor supports, one language per file.
void RunSpecFile(const std::string& name) {
  const char* root = std::getenv("GIGAFACT_SOURCE_ROOT");
  ASSERT_NE(root, nullptr) << "GIGAFACT_SOURCE_ROOT is not set";
  std::string path = std::string(root) + "/tests/extractors/specs/" + name;
  std::ifstream in(path);
  ASSERT_TRUE(in) << "cannot read " << path;
  nlohmann::json spec = nlohmann::json::parse(in);
  ASSERT_TRUE(spec["cases"].is_array());
  for (const auto& c : spec["cases"]) {
    std::string input = c["input"].get<std::string>();
    Document doc = MakeDocument(input);
    std::vector<QuantityMention> got = Extract(doc);
    const auto& results = c["results"];
    std::string where = "input: " + input + "\n";
    ASSERT_EQ(got.size(), results.size()) << where << "got:\n" << Describe(doc, got);
    for (size_t i = 0; i < got.size(); ++i) {
      const auto& e = results[i];
      std::string at = where + "result " + std::to_string(i) + ": ";
      CheckString(e, "kind", got[i].kind, at);
      CheckString(e, "unit", got[i].unit, at);
      CheckString(e, "qualifier", got[i].qualifier, at);
      CheckString(e, "currency", got[i].currency, at);
      CheckString(e, "text", SpanText(doc, got[i].span), at);
      CheckNumber(e, "value", got[i].value, at);
      CheckNumber(e, "min", got[i].min, at);
      CheckNumber(e, "max", got[i].max, at);
    }
  }
}

TEST(QuantitySpecTest, English) { RunSpecFile("quantities-en.json"); }
TEST(QuantitySpecTest, Chinese) { RunSpecFile("quantities-zh.json"); }

TEST(QuantityExtractorTest, SpansIndexTheOriginalText) {
  Document doc = MakeDocument("首期產能為６０ＧＷｈ，二期為４０ＧＷｈ。");
  auto qs = Extract(doc);
  ASSERT_EQ(qs.size(), 2u);
  EXPECT_EQ(SpanText(doc, qs[0].span), "６０ＧＷｈ");
  EXPECT_EQ(SpanText(doc, qs[1].span), "４０ＧＷｈ");
  EXPECT_EQ(qs[0].lang, Lang::kZh);
}

TEST(QuantityExtractorTest, SpansSkipRubyGlosses) {
  Document doc = MakeDocument("該儲能電站可儲存約20萬(wàn)千瓦時(shí)的電量。");
  auto qs = Extract(doc);
  ASSERT_EQ(qs.size(), 1u);
  EXPECT_TRUE(Near(*qs[0].value, 0.2));
  // The gloss inside the figure is part of its original text; the one after
  // its last character is not.
  EXPECT_EQ(SpanText(doc, qs[0].span), "約20萬(wàn)千瓦時");
}

TEST(QuantityExtractorTest, EnglishMentionsAreTaggedEnglish) {
  auto qs = Extract("The company will build a 30 GWh plant in the north of the country.");
  ASSERT_EQ(qs.size(), 1u);
  EXPECT_EQ(qs[0].lang, Lang::kEn);
}

TEST(QuantityExtractorTest, BoilerplateYieldsNothing) {
  std::string text =
      "Battery maker opens plant\n\n"
      "The battery maker opened a plant with an annual capacity of 24 GWh on Monday, "
      "the company said in a statement.\n\n"
      "Recent posts\n\n"
      "Rival unveils 6.25MWh container and 587Ah cell at trade show\n\n"
      "Another firm builds 200MW/400MWh station in the west\n\n"
      "Copyright 2025 Example News. All rights reserved.\n";
  Document doc = MakeDocument(text);
  auto qs = Extract(doc);
  ASSERT_EQ(qs.size(), 1u) << Describe(doc, qs);
  EXPECT_TRUE(Near(*qs[0].value, 24));
}

TEST(QuantityExtractorTest, RangeCarriesMinAndMaxOnly) {
  auto qs = Extract("The plant will produce 20-30 GWh of cells.");
  ASSERT_EQ(qs.size(), 1u);
  EXPECT_FALSE(qs[0].value.has_value());
  EXPECT_TRUE(Near(*qs[0].min, 20));
  EXPECT_TRUE(Near(*qs[0].max, 30));
  EXPECT_EQ(qs[0].qualifier, "range");
}

TEST(QuantityExtractorTest, DescendingPairIsNoRange) {
  // "30-20" is no range: two figures would be wrong too, so the upper one stays.
  auto qs = Extract("The line moved from plan 30-20 GWh.");
  ASSERT_EQ(qs.size(), 1u);
  EXPECT_TRUE(Near(*qs[0].value, 20));
}

TEST(QuantityExtractorTest, YearBeforeFigureIsNotPartOfIt) {
  auto qs = Extract("By the end of 2025 30 GWh will be online.");
  ASSERT_EQ(qs.size(), 1u);
  EXPECT_TRUE(Near(*qs[0].value, 30));
}

TEST(QuantityExtractorTest, LettersGluedToNumbersMakeNames) {
  EXPECT_TRUE(Extract("The TENER5MWh product line was shown.").empty());
}

TEST(QuantityExtractorTest, EmptyAndUnitOnlyInput) {
  EXPECT_TRUE(Extract("GWh MW 千瓦时 亿千瓦时 several").empty());
}

TEST(QuantityExtractorTest, HostileInputDoesNotCrash) {
  std::string text(5000, '9');
  text += " GWh ";
  text += std::string(3000, '-');
  text += "一二三四五六七八九十百千万亿";
  text += std::string(2000, ',');
  auto qs = Extract(text);
  for (const auto& q : qs) EXPECT_FALSE(q.kind.empty());
}

// Inputs that would make a careless scan quadratic: each must finish fast
// (the suite's time limit catches a regression).
TEST(QuantityExtractorTest, LongRunsStayLinear) {
  std::string spaced;
  for (int i = 0; i < 100000; ++i) spaced += "1 ";
  spaced += "GWh";
  auto qs = Extract(spaced);
  ASSERT_EQ(qs.size(), 1u);
  EXPECT_TRUE(Near(*qs[0].value, 1));

  std::string listed;
  for (int i = 0; i < 50000; ++i) listed += "10, ";
  listed += "and 20 GWh";
  EXPECT_LE(Extract(listed).size(), 17u);  // a list is walked at most 16 items back

  std::string no_breaks;
  for (int i = 0; i < 50000; ++i) no_breaks += "about 1 GWh ";
  EXPECT_EQ(Extract(no_breaks).size(), 50000u);
}

TEST(QuantityExtractorTest, IsDeterministic) {
  std::string text = "The plant will reach 40 GWh, then 60 GWh; 储能规模约40GWh。";
  auto a = Extract(text), b = Extract(text);
  ASSERT_EQ(a.size(), b.size());
  for (size_t i = 0; i < a.size(); ++i) {
    EXPECT_EQ(a[i].span, b[i].span);
    EXPECT_EQ(a[i].value, b[i].value);
  }
}

}  // namespace
}  // namespace gigafact
