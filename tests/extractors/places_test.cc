#include "extractors/places.h"

#include <gtest/gtest.h>

#include "extractors/parties.h"
#include "tests/extractors/test_document.h"

namespace gigafact {
namespace {

// PlaceIds runs the place stage on text and returns the ids in order.
std::vector<std::string> PlaceIds(const std::string& text) {
  Document doc = MakeDocument(text);
  Extraction ex;
  PlaceExtractor(TestGazetteer(), TestSurnames()).Extract(doc, &ex);
  std::vector<std::string> ids;
  for (const auto& m : ex.places) {
    EXPECT_EQ(SpanText(doc, m.span), std::string(doc.OriginalText(m.span)));
    ids.push_back(m.id);
  }
  return ids;
}

TEST(PlacesTest, PolyphonicNameResolvesInEveryScript) {
  EXPECT_EQ(PlaceIds("项目位于重庆。"), std::vector<std::string>{"CN-500000"});
  EXPECT_EQ(PlaceIds("項目位於重慶市。"), std::vector<std::string>{"CN-500000"});  // Traditional
  EXPECT_EQ(PlaceIds("The plant is in Chongqing."), std::vector<std::string>{"CN-500000"});
  EXPECT_EQ(PlaceIds("长沙市的工厂"), std::vector<std::string>{"CN-430100"});
}

TEST(PlacesTest, LongestNameWithSuffix) {
  EXPECT_EQ(PlaceIds("山东省东营市垦利区"),
            (std::vector<std::string>{"CN-370000", "CN-370500", "CN-370505"}));
  EXPECT_EQ(PlaceIds("in Dongying's Kenli district, Shandong province"),
            (std::vector<std::string>{"CN-370500", "CN-370505", "CN-370000"}));
}

TEST(PlacesTest, AmbiguousDistrictResolvesByTheArticlesOtherPlaces) {
  auto ids = PlaceIds("吉林省长春市朝阳区的储能项目");
  ASSERT_EQ(ids.size(), 3u);
  EXPECT_EQ(ids[2], "CN-220104");  // Changchun's, not Beijing's
  ids = PlaceIds("北京市朝阳区");
  ASSERT_EQ(ids.size(), 2u);
  EXPECT_EQ(ids[1], "CN-110105");
}

TEST(PlacesTest, StreetNamesAreNotPlaces) {
  EXPECT_TRUE(PlaceIds("位于魏武路与新蚌埠路交口").empty());
}

TEST(PlacesTest, BoilerplateLinesYieldNothing) {
  auto ids = PlaceIds("CATL builds in Debrecen, Hungary.\nRelated posts\nBYD opens plant in Szeged, Hungary\n");
  for (const auto& id : ids) EXPECT_NE(id, "hu-szeged");
  EXPECT_FALSE(ids.empty());
}

TEST(PlacesTest, PinyinPersonNamesAreNotPlaces) {
  EXPECT_TRUE(PlaceIds("said Liu Jincheng, chairman of the company.").empty());
  EXPECT_EQ(PlaceIds("a plant in Jincheng."), std::vector<std::string>{"CN-140500"});
}

TEST(PlacesTest, DemonymsAreNotPlaces) {
  EXPECT_TRUE(PlaceIds("A Chinese company and a German partner.").empty());
}

TEST(PlacesTest, PlaceInsideAnOrganisationNameIsDropped) {
  Document doc = MakeDocument("山东时代新能源科技有限公司在济宁建厂。");
  Extraction ex;
  PlaceExtractor(TestGazetteer(), TestSurnames()).Extract(doc, &ex);
  Governments governments;
  PartyExtractor(TestAliasKb(), TestGazetteer(), governments).Extract(doc, &ex);
  ASSERT_EQ(ex.places.size(), 1u);
  EXPECT_EQ(ex.places[0].id, "CN-370800");  // Jining; not Shandong
}

TEST(PlacesTest, QualifiedNameNamesBothPlaces) {
  // "Fremont, California" is Fremont and California, two mentions.
  Document doc = MakeDocument("a pack plant in Fremont, California, since 2019");
  Extraction ex;
  PlaceExtractor(TestGazetteer(), TestSurnames()).Extract(doc, &ex);
  ASSERT_EQ(ex.places.size(), 2u);
  EXPECT_EQ(ex.places[0].id, "us-fremont");
  EXPECT_EQ(SpanText(doc, ex.places[0].span), "Fremont");
  EXPECT_EQ(ex.places[1].id, "US-CA");
  EXPECT_EQ(SpanText(doc, ex.places[1].span), "California");
}

TEST(PlacesTest, CapitalisedDatelinesAreReadAndMarked) {
  Document doc = MakeDocument("MADRID/PARIS, Dec 10 (Reuters) - Stellantis and CATL will build.\n"
                              "SHANGHAI (Reuters) -- More news.\nCATL SAID IT WILL BUILD\n");
  Extraction ex;
  PlaceExtractor(TestGazetteer(), TestSurnames()).Extract(doc, &ex);
  std::vector<std::string> names;
  for (const auto& m : ex.places) {
    names.push_back(SpanText(doc, m.span));
    EXPECT_TRUE(m.dateline);
  }
  EXPECT_EQ(names, (std::vector<std::string>{"MADRID", "PARIS", "SHANGHAI"}));
}

}  // namespace
}  // namespace gigafact
