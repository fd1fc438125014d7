#include "extractors/parties.h"

#include <gtest/gtest.h>

#include "extractors/places.h"
#include "pipeline/pipeline.h"
#include "tests/extractors/test_document.h"

namespace gigafact {
namespace {

const Governments& TestGovernments() {
  static const Governments* g = [] {
    auto* x = new Governments();
    std::string err;
    if (!x->LoadFile(DefaultDataDir() + "/gov_departments.tsv", &err)) ADD_FAILURE() << err;
    return x;
  }();
  return *g;
}

// Parties runs places then parties and returns "id=mention text" in order.
std::vector<std::string> Parties(const std::string& text, Extraction* ex_out = nullptr) {
  Document doc = MakeDocument(text);
  Extraction ex;
  PlaceExtractor(TestGazetteer(), TestSurnames()).Extract(doc, &ex);
  PartyExtractor(TestAliasKb(), TestGazetteer(), TestGovernments()).Extract(doc, &ex);
  std::vector<std::string> out;
  for (const auto& m : ex.parties) out.push_back(m.id + "=" + SpanText(doc, m.span));
  if (ex_out) *ex_out = ex;
  return out;
}

TEST(PartiesTest, KnowledgeBaseNamesInAllScriptsAreOneParty) {
  EXPECT_EQ(Parties("宁德时代与CATL及寧德時代"),
            (std::vector<std::string>{"catl=宁德时代", "catl=CATL", "catl=寧德時代"}));
  EXPECT_EQ(Parties("Contemporary Amperex Technology Co., Limited signed."),
            (std::vector<std::string>{"catl=Contemporary Amperex Technology Co., Limited"}));
}

TEST(PartiesTest, SubsidiaryKeepsItsOwnIdWithParent) {
  Extraction ex;
  auto found = Parties("山东时代将在济宁投产。", &ex);
  ASSERT_EQ(found.size(), 1u);
  std::string id = found[0].substr(0, found[0].find('='));
  EXPECT_NE(id, "catl");
  EXPECT_EQ(ex.entities[id].parent, "catl");
}

TEST(PartiesTest, GovernmentsBuiltOnAPlaceAreOnePartyAcrossLanguages) {
  auto zh = Parties("重庆市政府与企业签约。");
  auto en = Parties("The Chongqing municipal government signed the deal.");
  ASSERT_EQ(zh.size(), 1u);
  ASSERT_EQ(en.size(), 1u);
  EXPECT_EQ(zh[0], "gov-cn-500000=重庆市政府");
  EXPECT_EQ(en[0], "gov-cn-500000=Chongqing municipal government");
  EXPECT_EQ(Parties("济宁市人民政府")[0], "gov-cn-370800=济宁市人民政府");
}

TEST(PartiesTest, GovernmentBodiesAndForeignGovernments) {
  EXPECT_EQ(Parties("山东省发展和改革委员会发布通知")[0],
            "gov-cn-370000-drc=山东省发展和改革委员会");
  EXPECT_EQ(Parties("the Government of Portugal said")[0], "gov-pt=Government of Portugal");
}

TEST(PartiesTest, BareLevelBodiesAreThoseOfTheArticlesMainPlaceOfThatLevel) {
  // "省能源局" is the energy bureau of the province the article is about.
  EXPECT_EQ(Parties("山东省储能规模达到700万千瓦。记者从省能源局获悉，今年新增300万千瓦。"),
            (std::vector<std::string>{"gov-cn-370000-energy=省能源局"}));
  // The city named most often is "the city"; a determiner may come first.
  auto cities = Parties("枣庄市、济宁市和济宁市的项目。该市政府表示支持。");
  ASSERT_EQ(cities.size(), 1u);
  EXPECT_EQ(cities[0], "gov-cn-370800=市政府");
  // A level word inside another word is not one; without a place of the
  // level there is nothing to refer to.
  EXPECT_TRUE(Parties("山东省的城市规划局和上市公司").empty());
  EXPECT_TRUE(Parties("记者从省能源局获悉。").empty());
}

TEST(PartiesTest, OrganisationsByFormInBothLanguages) {
  auto en = Parties("Wenzhou Vigor Automobile Parts Co., Ltd. supplies the plant.");
  ASSERT_EQ(en.size(), 1u);
  EXPECT_EQ(en[0].substr(0, 4), "org-");
  auto zh = Parties("由佛山市金银河智能装备股份有限公司供应设备。");
  ASSERT_EQ(zh.size(), 1u);
  EXPECT_NE(zh[0].find("=佛山市金银河智能装备股份有限公司"), std::string::npos);
  EXPECT_TRUE(Parties("The Company said the Group would grow.").empty());
}

TEST(PartiesTest, LegalNameOfAKnownCompanyMapsToIt) {
  auto found = Parties("宁德时代新能源科技股份有限公司公告");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].substr(0, 5), "catl=");
}

TEST(PartiesTest, NameGlossedWithAnotherCompanysLegalNameWarns) {
  Extraction ex;
  auto found = Parties("CALB (Contemporary Amperex Technology Co., Limited) broke ground.", &ex);
  ASSERT_EQ(found.size(), 2u);
  EXPECT_EQ(found[0].substr(0, 5), "calb=");
  EXPECT_EQ(found[1].substr(0, 5), "calb=");
  ASSERT_EQ(ex.warnings.size(), 1u);
  EXPECT_EQ(ex.warnings[0].rfind("party_conflict", 0), 0u);
}

TEST(PartiesTest, PatternsCompile) { EXPECT_TRUE(OrgFormFinder().ok()); }

}  // namespace
}  // namespace gigafact
