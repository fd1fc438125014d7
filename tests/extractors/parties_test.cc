#include "extractors/parties.h"

#include <gtest/gtest.h>

#include <algorithm>

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
    if (!x->LoadDemonyms(DefaultDataDir() + "/demonyms.tsv", &err)) ADD_FAILURE() << err;
    if (!x->LoadMinistries(DefaultDataDir() + "/ministries.tsv", &err)) ADD_FAILURE() << err;
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
  // A title before "of" is dropped with its connector.
  auto titled = Parties("Li Ming, Chairman of Northwind Power Group, said so.");
  ASSERT_EQ(titled.size(), 1u);
  EXPECT_NE(titled[0].find("=Northwind Power Group"), std::string::npos);
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

// Ids of the parties found, in order, without their mention texts.
std::vector<std::string> PartyIds(const std::string& text) {
  std::vector<std::string> ids;
  for (const std::string& f : Parties(text)) ids.push_back(f.substr(0, f.find('=')));
  return ids;
}

TEST(PartiesTest, GovernmentsNamedByNationalityAreTheCountrysGovernment) {
  EXPECT_EQ(Parties("Talks with the Hungarian government went well."),
            (std::vector<std::string>{"gov-hu=Hungarian government"}));
  EXPECT_EQ(Parties("The Polish Government approved the grant."),
            (std::vector<std::string>{"gov-pl=Polish Government"}));
  // A possessive, and the same party under its other names.
  EXPECT_EQ(Parties("Chile's government wants more refining."),
            (std::vector<std::string>{"gov-cl=Chile's government"}));
  EXPECT_EQ(PartyIds("the government of Morocco and the Moroccan government"),
            (std::vector<std::string>{"gov-ma", "gov-ma"}));
  EXPECT_EQ(PartyIds("匈牙利政府表示欢迎。"), (std::vector<std::string>{"gov-hu"}));
  Extraction ex;
  Parties("the Hungarian government", &ex);
  EXPECT_EQ(ex.entities["gov-hu"].name, "Government of Hungary");
  EXPECT_EQ(ex.entities["gov-hu"].name_zh, "匈牙利政府");
}

TEST(PartiesTest, NationalityInsideALongerNameIsNotTheCountry) {
  // "Western Australian" is a state's adjective, not Australia's.
  for (const auto& id : PartyIds("The Western Australian Government backed the refinery."))
    EXPECT_NE(id, "gov-au");
  // Plurals and derived words are not a government; neither is a lower-case adjective.
  EXPECT_TRUE(PartyIds("Several European governments and governmental bodies agreed.").empty());
  EXPECT_TRUE(PartyIds("a hungarian government").empty());
}

TEST(PartiesTest, StateOfAUsStateIsItsGovernment) {
  EXPECT_EQ(PartyIds("Incentives from the State of Illinois total $500 million."),
            (std::vector<std::string>{"gov-us-il"}));
  EXPECT_EQ(PartyIds("The Illinois state government approved it."),
            (std::vector<std::string>{"gov-us-il"}));
  // Saying where a plant is names the place, not the government.
  EXPECT_TRUE(PartyIds("The plant is in the State of Illinois.").empty());
}

TEST(PartiesTest, NationalMinistriesHaveAStableIdPerCountryAndField) {
  EXPECT_EQ(Parties("Morocco's Ministry of Industry and Trade signed the deal."),
            (std::vector<std::string>{
                "gov-ma-ministry-industry-and-trade=Morocco's Ministry of Industry and Trade"}));
  // Every way of naming the country gives the same party.
  EXPECT_EQ(PartyIds("the Moroccan Ministry of Industry and Trade"),
            (std::vector<std::string>{"gov-ma-ministry-industry-and-trade"}));
  EXPECT_EQ(PartyIds("the Ministry of Industry and Trade of Morocco"),
            (std::vector<std::string>{"gov-ma-ministry-industry-and-trade"}));
  // A comma list closed by "and" is one field; a comma after it is not.
  EXPECT_EQ(PartyIds("Chile's Ministry of Economy, Development and Tourism said"),
            (std::vector<std::string>{"gov-cl-ministry-economy-development-and-tourism"}));
  EXPECT_EQ(PartyIds("the Polish Ministry of Climate, the regulator, said"),
            (std::vector<std::string>{"gov-pl-ministry-climate"}));
  // "<field> Ministry" after the country.
  EXPECT_EQ(PartyIds("the Hungarian Foreign Ministry said"),
            (std::vector<std::string>{"gov-hu-ministry-foreign-affairs"}));
}

TEST(PartiesTest, MinistryEntityCarriesTheUsualNames) {
  Extraction ex;
  Parties("Morocco's Ministry of Industry and Trade signed the deal.", &ex);
  const Entity& e = ex.entities["gov-ma-ministry-industry-and-trade"];
  EXPECT_EQ(e.name, "Moroccan Ministry of Industry and Trade");
  EXPECT_EQ(e.type, "government");
  EXPECT_EQ(e.parent, "gov-ma");
  EXPECT_NE(std::find(e.aliases.begin(), e.aliases.end(), "Ministry of Industry and Trade of Morocco"),
            e.aliases.end());
}

TEST(PartiesTest, ForeignMinistryInChineseIsTheSamePartyAsInEnglish) {
  EXPECT_EQ(PartyIds("智利矿业部表示支持。Chile's Ministry of Mining agreed."),
            (std::vector<std::string>{"gov-cl-ministry-mining", "gov-cl-ministry-mining"}));
  EXPECT_EQ(PartyIds("智利礦業部表示支持。"), (std::vector<std::string>{"gov-cl-ministry-mining"}));
  Extraction ex;
  Parties("the Chilean Ministry of Mining", &ex);
  EXPECT_EQ(ex.entities["gov-cl-ministry-mining"].name_zh, "智利矿业部");
  // A direction word is not a ministry ("智利北部" is northern Chile), and
  // China's own ministries are the knowledge base's.
  EXPECT_TRUE(PartyIds("智利北部的盐湖").empty());
  EXPECT_EQ(PartyIds("美国能源部宣布"), (std::vector<std::string>{"us-doe"}));
}

TEST(PartiesTest, BareMinistryIsThatOfTheArticlesMainCountry) {
  EXPECT_EQ(PartyIds("Chile wants refining. Chile has lithium, the Ministry of Mining said."),
            (std::vector<std::string>{"gov-cl-ministry-mining"}));
  // Without any country named there is nothing to attach it to.
  EXPECT_TRUE(PartyIds("The Ministry of Mining said so.").empty());
  // A ministry the knowledge base knows keeps its own id.
  EXPECT_EQ(PartyIds("Japan's Ministry of Economy, Trade and Industry said"),
            (std::vector<std::string>{"meti"}));
}

TEST(PartiesTest, ZoneCommitteeNamedBeforeTheZone) {
  auto found = PartyIds("signed with the Administrative Committee of the Liangjiang New Area.");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0], "gov-cn-zone-liangjiang-admin");
  EXPECT_EQ(PartyIds("與重慶兩江新區管理委員會簽約"), (std::vector<std::string>{"gov-cn-zone-liangjiang-admin"}));
}

TEST(PartiesTest, ListingVenueBeforeATickerIsNotAParty) {
  auto ids = PartyIds("Acme Lithium (SZSE: 300750) said");
  EXPECT_EQ(std::find(ids.begin(), ids.end(), "szse"), ids.end());
  EXPECT_EQ(PartyIds("It listed on the Shenzhen Stock Exchange."), (std::vector<std::string>{"szse"}));
}

TEST(PartiesTest, KnowledgeBaseNamesWithoutLegalSuffix) {
  EXPECT_EQ(PartyIds("Scania and Terra-Gen signed with Mortenson."),
            (std::vector<std::string>{"scania", "terra-gen", "mortenson"}));
  // The matcher is case-sensitive: the adjective is not the company.
  EXPECT_EQ(PartyIds("Lucid will buy cells."), (std::vector<std::string>{"lucid"}));
  EXPECT_TRUE(PartyIds("a lucid explanation").empty());
  // Chinese names in both scripts are one party.
  EXPECT_EQ(PartyIds("鸿华先进与鴻華先進"), (std::vector<std::string>{"foxtron", "foxtron"}));
  // A Chinese name that occurs inside a date phrase is not listed ("5月1日立项").
  EXPECT_TRUE(PartyIds("该项目于5月1日立项。").empty());
}

TEST(PartiesTest, PatternsCompile) { EXPECT_TRUE(OrgFormFinder().ok()); }

}  // namespace
}  // namespace gigafact
