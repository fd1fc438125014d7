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

// Taiwan, Hong Kong and Macao (places_tw.tsv): counties, districts and townships
// in Traditional, Simplified and English, each one id however written.
TEST(PlacesTest, TaiwanCityAndDistrictResolveInEveryScript) {
  const std::vector<std::string> city_first{"tw-taoyuan", "tw-taoyuan-longtan"};
  const std::vector<std::string> district_first{"tw-taoyuan-longtan", "tw-taoyuan"};
  EXPECT_EQ(PlaceIds("儲能案場位於桃園市龍潭區。"), city_first);
  EXPECT_EQ(PlaceIds("储能电站位于桃园市龙潭区。"), city_first);
  EXPECT_EQ(PlaceIds("a storage site in Longtan District, Taoyuan, opened"), district_first);
  EXPECT_EQ(PlaceIds("Longtan District in Taoyuan City"), district_first);
}

TEST(PlacesTest, TaiwanTaiVariantsAreOnePlace) {
  EXPECT_EQ(PlaceIds("臺南的工廠"), std::vector<std::string>{"tw-tainan"});
  EXPECT_EQ(PlaceIds("台南的工廠"), std::vector<std::string>{"tw-tainan"});
  EXPECT_EQ(PlaceIds("臺中市與台中縣"), (std::vector<std::string>{"tw-taichung", "tw-taichung"}));
  EXPECT_EQ(PlaceIds("The cells are made in Taichung City."), std::vector<std::string>{"tw-taichung"});
  EXPECT_EQ(PlaceIds("臺西鄉與台西乡"),
            (std::vector<std::string>{"tw-yunlin-taixi", "tw-yunlin-taixi"}));
}

TEST(PlacesTest, TaiwanShortFormsWhenUnambiguous) {
  // A Traditional short form names the Taiwanese district.
  EXPECT_EQ(PlaceIds("台電在龍潭建儲能系統"), std::vector<std::string>{"tw-taoyuan-longtan"});
  EXPECT_EQ(PlaceIds("麥寮廠區"), std::vector<std::string>{"tw-yunlin-mailiao"});
  EXPECT_EQ(PlaceIds("a plant in Zhongli, Taoyuan"),
            (std::vector<std::string>{"tw-taoyuan-zhongli", "tw-taoyuan"}));
  // The county, not its seat, owns the short form; the seat keeps its full name.
  EXPECT_EQ(PlaceIds("彰化縣彰化市"), (std::vector<std::string>{"tw-changhua", "tw-changhua-changhua"}));
  EXPECT_EQ(PlaceIds("彰化的電芯廠"), std::vector<std::string>{"tw-changhua"});
  EXPECT_EQ(PlaceIds("plants in Changhua County"), std::vector<std::string>{"tw-changhua"});
}

TEST(PlacesTest, TaiwanShortFormsThatAreWordsDoNotMatch) {
  // 池上 in 电池上下游, 成功 'success', 三星 Samsung, 新園 in 新園區: no place.
  EXPECT_TRUE(PlaceIds("全市已集聚电池上下游企业40余家").empty());
  EXPECT_TRUE(PlaceIds("新電池試產成功，三星也在新園區設廠").empty());
  EXPECT_TRUE(PlaceIds("the Beidou navigation system and a trip to Bali").empty());
  // 龍潭 is also a district of Jilin: the bare Simplified 龙潭 stays unresolved.
  EXPECT_TRUE(PlaceIds("龙潭的工厂").empty());
}

TEST(PlacesTest, TaiwanDistrictNamedLikeAMainlandOneFollowsItsCity) {
  // 中山區 is in Dalian, Taipei and Keelung: the city named beside it decides.
  auto ids = PlaceIds("臺北市中山區");
  ASSERT_EQ(ids.size(), 2u);
  EXPECT_EQ(ids[1], "tw-taipei-zhongshan");
  ids = PlaceIds("基隆市中山區");
  ASSERT_EQ(ids.size(), 2u);
  EXPECT_EQ(ids[1], "tw-keelung-zhongshan");
}

TEST(PlacesTest, CompassDistrictsCarryTheirCityInEnglish) {
  // "Eastern District" alone is none of Hong Kong's or Taiwan's districts
  // (courts: "the Eastern District of Texas").
  for (const char* text : {"a suit in the Eastern District of Texas", "the Southern District of New York",
                           "the North District court", "the East District office"}) {
    for (const std::string& id : PlaceIds(text)) {
      EXPECT_NE(id.substr(0, 3), "hk-") << text;
      EXPECT_NE(id.substr(0, 3), "tw-") << text;
    }
  }
  EXPECT_EQ(PlaceIds("臺南市東區"), (std::vector<std::string>{"tw-tainan", "tw-tainan-east"}));
}

TEST(PlacesTest, HongKongAndMacaoDistricts) {
  EXPECT_EQ(PlaceIds("香港觀塘區的辦公室"), (std::vector<std::string>{"CN-810000", "hk-kwun-tong"}));
  EXPECT_EQ(PlaceIds("屯門的廠房"), std::vector<std::string>{"hk-tuen-mun"});
  EXPECT_EQ(PlaceIds("an office in Kwun Tong, Hong Kong"),
            (std::vector<std::string>{"hk-kwun-tong", "CN-810000"}));
  EXPECT_EQ(PlaceIds("澳門氹仔"), (std::vector<std::string>{"CN-820000", "mo-nossa-senhora-do-carmo"}));
  EXPECT_EQ(PlaceIds("a resort in Cotai"), std::vector<std::string>{"mo-zone-cotai"});
}

TEST(PlacesTest, TaiwanIndustrialParksKeepTheirParents) {
  auto ids = PlaceIds("彰濱工業區");
  ASSERT_EQ(ids, std::vector<std::string>{"tw-zone-changbin"});
  const Gazetteer& gaz = TestGazetteer();
  EXPECT_TRUE(gaz.IsWithin(gaz.IndexOf("tw-zone-changbin"), gaz.IndexOf("tw-changhua")));
  EXPECT_TRUE(gaz.IsWithin(gaz.IndexOf("tw-zone-hofa"), gaz.IndexOf("CN-710000")));
  EXPECT_TRUE(gaz.IsWithin(gaz.IndexOf("tw-taoyuan-longtan"), gaz.IndexOf("CN-710000")));
  EXPECT_TRUE(gaz.IsWithin(gaz.IndexOf("hk-tuen-mun"), gaz.IndexOf("CN-810000")));
}

}  // namespace
}  // namespace gigafact
