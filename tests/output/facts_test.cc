#include "output/facts.h"

#include <gtest/gtest.h>

#include <cmath>

#include <nlohmann/json.hpp>
#include <string>

#include "pipeline/pipeline.h"

namespace gigafact {
namespace {

// Facts of an article as the whole pipeline links them.
class FactsTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    std::string err;
    pipeline_ = Pipeline::Create(DefaultDataDir(), &err).release();
    ASSERT_NE(pipeline_, nullptr) << err;
  }
  static void TearDownTestSuite() {
    delete pipeline_;
    pipeline_ = nullptr;
  }

  static nlohmann::json Facts(const std::string& text, const std::string& published) {
    RawArticle raw;
    raw.doc_id = "t";
    raw.path = "t.txt";
    raw.bytes = text;
    raw.published = published;
    nlohmann::json record = nlohmann::json::parse(pipeline_->Process(std::move(raw)).line);
    return record.value("facts", nlohmann::json::array());
  }

  // FactOf: the fact of an energy or power figure, or null.
  static nlohmann::json FactOf(const nlohmann::json& facts, const char* kind, double value) {
    for (const auto& f : facts)
      if (f.contains(kind) && f[kind].is_number() && std::abs(f[kind].get<double>() - value) < 1e-9)
        return f;
    return nullptr;
  }

  static std::string DateOf(const nlohmann::json& fact) {
    return fact.is_null() || fact["date"].is_null() ? "" : fact["date"].get<std::string>();
  }

  static Pipeline* pipeline_;
};
Pipeline* FactsTest::pipeline_ = nullptr;

TEST_F(FactsTest, AGovernmentOnTheOtherSideOfADealLeavesTheCompanyTheOwner) {
  // The company is "the Company" of the filing; the government only signs.
  nlohmann::json facts = Facts(
      "Gotion High-tech Co., Ltd. announcement\n\n"
      "On 3 June 2025 the Company entered into an investment agreement with the Hefei "
      "Municipal People's Government for a battery base with a capacity of 20 GWh.\n",
      "2025-06-04");
  nlohmann::json fact = FactOf(facts, "energy_gwh", 20);
  ASSERT_FALSE(fact.is_null()) << facts.dump();
  ASSERT_FALSE(fact["parties"].empty()) << fact.dump();
  EXPECT_EQ(fact["parties"][0], "gotion") << fact.dump();
  // A government's own target has no company owner.
  facts = Facts("合肥市人民政府提出，到2027年全市储能装机达到300万千瓦。\n", "2025-06-04");
  fact = FactOf(facts, "power_gw", 3);
  ASSERT_FALSE(fact.is_null()) << facts.dump();
  EXPECT_TRUE(fact["parties"].empty()) << fact.dump();
}

TEST_F(FactsTest, TheSystemPointsBackToTheSiteNamedBefore) {
  // 該系統 ("this system") takes the place of the sentence before it.
  nlohmann::json facts = Facts(
      "台電儲能系統併網\n\n"
      "台灣電力公司今天宣布，位於桃園市龍潭區的儲能系統已完成併網。"
      "該系統裝置容量6萬瓩，是台電規模最大的自建儲能案場。\n",
      "2023-11-27");
  nlohmann::json fact = FactOf(facts, "power_gw", 0.06);
  ASSERT_FALSE(fact.is_null()) << facts.dump();
  EXPECT_EQ(fact["place"], "tw-taoyuan-longtan") << fact.dump();
}

TEST_F(FactsTest, StatisticsListedAfterATotalShareItsPeriod) {
  nlohmann::json facts = Facts(
      "Storage cell shipments\n\n"
      "Global shipments of energy storage cells reached 300 GWh in 2024, according to analysts.\n"
      "The figure includes cells for utility and home storage.\n"
      "CATL, BYD and EVE Energy shipped 100, 50 and 30 GWh respectively.\n",
      "2025-02-10");
  for (double v : {300.0, 100.0, 50.0, 30.0}) {
    nlohmann::json f = FactOf(facts, "energy_gwh", v);
    ASSERT_FALSE(f.is_null()) << v;
    EXPECT_EQ(f["type"], "other") << v;
    EXPECT_EQ(DateOf(f), "2024") << v;
  }
}

TEST_F(FactsTest, AListGoingOnWithoutAnEventContinuesTheStatistics) {
  nlohmann::json facts = Facts(
      "Battery ranking\n\n"
      "In 2024, CATL and BYD installed 300 GWh and 150 GWh of EV batteries, according to a "
      "research firm.\n"
      "SK On (40 GWh) and CALB (35 GWh) followed.\n",
      "2025-02-10");
  for (double v : {40.0, 35.0}) {
    nlohmann::json f = FactOf(facts, "energy_gwh", v);
    ASSERT_FALSE(f.is_null()) << v;
    EXPECT_EQ(f["type"], "other") << v;
    EXPECT_EQ(DateOf(f), "2024") << v;
  }
}

TEST_F(FactsTest, ChineseStatisticTakesThePeriodOfTheOneBefore) {
  nlohmann::json facts = Facts(
      "比亚迪电池销量\n\n"
      "数据显示，比亚迪去年动力电池销量达150GWh，同比增长约20%，其中储能电池销量约40GWh。\n",
      "2025-01-20");
  nlohmann::json total = FactOf(facts, "energy_gwh", 150);
  nlohmann::json part = FactOf(facts, "energy_gwh", 40);
  ASSERT_FALSE(total.is_null());
  ASSERT_FALSE(part.is_null());
  EXPECT_EQ(DateOf(total), "2024");
  EXPECT_EQ(part["type"], "other");
  EXPECT_EQ(DateOf(part), "2024");
}

TEST_F(FactsTest, ADateRightAfterAFigureDatesThatFigure) {
  nlohmann::json facts = Facts(
      "City battery output\n\n"
      "Municipal data show that the city produced about 100 GWh of batteries last year, up from "
      "70 GWh in 2022.\n",
      "2025-01-20");
  nlohmann::json last_year = FactOf(facts, "energy_gwh", 100);
  nlohmann::json earlier = FactOf(facts, "energy_gwh", 70);
  ASSERT_FALSE(last_year.is_null());
  ASSERT_FALSE(earlier.is_null());
  EXPECT_EQ(DateOf(last_year), "2024");
  EXPECT_EQ(DateOf(earlier), "2022");
}

TEST_F(FactsTest, AnAbbreviatedMonthDoesNotCutTheClauseFromItsEvent) {
  nlohmann::json facts = Facts(
      "New line in Yibin\n\n"
      "A new production line started operating on Dec. 26 at the Yibin base of CATL.\n"
      "The new line, with an annual capacity of 15 GWh, was built by CATL.\n",
      "2025-01-08");
  nlohmann::json f = FactOf(facts, "energy_gwh", 15);
  ASSERT_FALSE(f.is_null());
  EXPECT_EQ(f["type"], "operation");
  EXPECT_EQ(DateOf(f), "2024-12-26");
}

TEST_F(FactsTest, APlanDoesNotTakeTheStatisticsPeriod) {
  // A figure that is not a statistic does not take a statistic's period.
  nlohmann::json facts = Facts(
      "Plant plans\n\n"
      "Global shipments of storage cells reached 300 GWh in 2024, according to analysts.\n"
      "CATL plans to build a 40 GWh plant in Hungary.\n",
      "2025-02-10");
  nlohmann::json f = FactOf(facts, "energy_gwh", 40);
  ASSERT_FALSE(f.is_null());
  EXPECT_EQ(f["type"], "plan");
  EXPECT_NE(DateOf(f), "2024");
}

TEST_F(FactsTest, AnAgreementToldAgainTakesTheDateItWasSignedOn) {
  nlohmann::json facts = Facts(
      "Gotion signs deal\n\n"
      "Gotion signed an investment agreement with the city of Kenitra on March 6, 2024.\n"
      "Under the agreement, Gotion will build a battery plant with an annual capacity of "
      "20 GWh.\n",
      "2024-03-20");
  nlohmann::json f = FactOf(facts, "energy_gwh", 20);
  ASSERT_FALSE(f.is_null());
  EXPECT_EQ(f["type"], "agreement");
  EXPECT_EQ(DateOf(f), "2024-03-06");
}

TEST_F(FactsTest, ChineseAgreementToldAgainTakesTheDateItWasSignedOn) {
  nlohmann::json facts = Facts(
      "天能签约长兴\n\n"
      "2024年8月16日，天能集团与长兴县政府签署投资协议。\n"
      "根据投资协议，天能集团将在长兴建设年产10GWh的电池项目。\n",
      "2024-08-20");
  nlohmann::json f = FactOf(facts, "energy_gwh", 10);
  ASSERT_FALSE(f.is_null());
  EXPECT_EQ(f["type"], "agreement");
  EXPECT_EQ(DateOf(f), "2024-08-16");
}

TEST_F(FactsTest, ATotalAsItStandsTakesNoEventDate) {
  nlohmann::json facts = Facts(
      "重庆电池产业\n\n"
      "3月12日，海辰储能重庆基地正式投产。\n"
      "截至目前，全市已建成电池产能超过100GWh。\n",
      "2024-03-15");
  nlohmann::json f = FactOf(facts, "energy_gwh", 100);
  ASSERT_FALSE(f.is_null());
  EXPECT_EQ(DateOf(f), "");
}

TEST_F(FactsTest, AnEventThatIsTheConditionOfAFutureIsPlanned) {
  nlohmann::json facts = Facts(
      "Sodium battery project\n\n"
      "The project is built by Gotion in Hefei.\n"
      "After the first phase of the project is put into operation, it will form a line with an "
      "annual output of 2 GWh.\n"
      "After the first phase was put into operation in May, it produced 1 GWh of cells.\n",
      "2024-08-08");
  nlohmann::json planned = FactOf(facts, "energy_gwh", 2);
  ASSERT_FALSE(planned.is_null());
  EXPECT_EQ(planned["type"], "plan");
  // Told as done, with nothing that will follow, it stays an event.
  nlohmann::json done = FactOf(facts, "energy_gwh", 1);
  ASSERT_FALSE(done.is_null());
  EXPECT_NE(done["type"], "plan");
}

TEST_F(FactsTest, AFigureTheLeadAnnouncesWithoutAnEventIsPlanned) {
  nlohmann::json facts = Facts(
      "Battery project publicity\n\n"
      "On August 5, the design programme of the large cylindrical 3GWh battery project of "
      "Gaia New Energy in Suichang County was made public.\n"
      "The project covers 300 acres.\n",
      "");
  nlohmann::json f = FactOf(facts, "energy_gwh", 3);
  ASSERT_FALSE(f.is_null());
  EXPECT_EQ(f["type"], "plan");
  EXPECT_EQ(DateOf(f), "XXXX-08-05");
}

TEST_F(FactsTest, ChineseFigureTheLeadAnnouncesWithoutAnEventIsPlanned) {
  nlohmann::json facts = Facts(
      "电池项目环评公示\n\n"
      "8月5日，遂昌县公布了盖亚新能源3GWh大圆柱电池项目设计方案。\n"
      "该项目占地300亩。\n",
      "2024-08-08");
  nlohmann::json f = FactOf(facts, "energy_gwh", 3);
  ASSERT_FALSE(f.is_null());
  EXPECT_EQ(f["type"], "plan");
  EXPECT_EQ(DateOf(f), "2024-08-05");
}

TEST_F(FactsTest, AHeadlineEventTypesABodyFigureToldWithoutOne) {
  nlohmann::json facts = Facts(
      "40GWh! Jiangxi battery base of CATL officially started production\n\n"
      "CATL said its new base in Yichun is built to the highest standards.\n"
      "The first phase of the project has a total scale of 40 GWh.\n",
      "2024-05-01");
  nlohmann::json f = FactOf(facts, "energy_gwh", 40);
  ASSERT_FALSE(f.is_null());
  EXPECT_EQ(f["type"], "operation");
}

TEST_F(FactsTest, ChineseHeadlineEventTypesABodyFigureToldWithoutOne) {
  nlohmann::json facts = Facts(
      "40GWh！宁德时代宜春基地正式投产\n\n"
      "宁德时代表示，宜春基地按照灯塔工厂标准建设。\n"
      "项目一期年产能40GWh，占地800亩。\n",
      "2024-05-01");
  nlohmann::json f = FactOf(facts, "energy_gwh", 40);
  ASSERT_FALSE(f.is_null());
  EXPECT_EQ(f["type"], "operation");
}

TEST_F(FactsTest, AHeadlinePlanDoesNotRetypeABodyEvent) {
  nlohmann::json facts = Facts(
      "CATL plans 40 GWh plant\n\n"
      "CATL started construction of a 40 GWh plant in Debrecen on May 3.\n",
      "2024-05-10");
  nlohmann::json f = FactOf(facts, "energy_gwh", 40);
  ASSERT_FALSE(f.is_null());
  EXPECT_EQ(f["type"], "construction");
}

TEST_F(FactsTest, AHeadlineEventDoesNotRetypeAStatedTotal) {
  nlohmann::json facts = Facts(
      "60GWh！宁德时代厦门基地二期投产\n\n"
      "7月28日，宁德时代厦门基地二期正式投产，年产能35GWh。\n"
      "两期合计60GWh。\n",
      "2023-08-02");
  nlohmann::json f = FactOf(facts, "energy_gwh", 60);
  ASSERT_FALSE(f.is_null());
  EXPECT_EQ(f["type"], "capacity");
}

TEST_F(FactsTest, ATotalTakesTheDateSetOffInTheClauseAfterIt) {
  nlohmann::json facts = Facts(
      "Storage capacity\n\n"
      "Installed capacity of new-type energy storage in China reached 70 million kilowatts, or "
      "160 million kilowatt-hours, by the end of last year, the regulator said.\n",
      "2025-01-25");
  for (auto [kind, value] : {std::pair<const char*, double>{"power_gw", 70},
                             std::pair<const char*, double>{"energy_gwh", 160}}) {
    nlohmann::json f = FactOf(facts, kind, value);
    ASSERT_FALSE(f.is_null()) << value;
    EXPECT_EQ(f["type"], "capacity") << value;
    EXPECT_EQ(DateOf(f), "2024") << value;
  }
}

TEST_F(FactsTest, ALongClauseAfterATotalDoesNotDateIt) {
  nlohmann::json facts = Facts(
      "Storage capacity\n\n"
      "Installed capacity of new-type energy storage in China reached 70 million kilowatts, "
      "about twenty times the level seen at the end of 2020.\n",
      "2025-01-25");
  nlohmann::json f = FactOf(facts, "power_gw", 70);
  ASSERT_FALSE(f.is_null());
  EXPECT_EQ(DateOf(f), "");
}

TEST_F(FactsTest, AlreadyOperatingPlantsAreInOperation) {
  nlohmann::json facts = Facts(
      "Hungary battery plants\n\n"
      "SK On already operates two plants in Komarom, rated at 7.5 GWh and 10 GWh.\n",
      "2024-05-10");
  for (double v : {7.5, 10.0}) {
    nlohmann::json f = FactOf(facts, "energy_gwh", v);
    ASSERT_FALSE(f.is_null()) << v;
    EXPECT_EQ(f["type"], "operation") << v;
  }
}

TEST_F(FactsTest, ChineseAlreadyRunningPlantIsInOperation) {
  nlohmann::json facts = Facts(
      "宁德时代福鼎基地\n\n"
      "宁德时代福鼎基地已运营，年产能60GWh。\n",
      "2024-05-10");
  nlohmann::json f = FactOf(facts, "energy_gwh", 60);
  ASSERT_FALSE(f.is_null());
  EXPECT_EQ(f["type"], "operation");
}

TEST_F(FactsTest, BeganProducingIsAnOperationDatedByTheClauseAfterThePlace) {
  nlohmann::json facts = Facts(
      "Module production in Texas\n\n"
      "Hithium began producing battery modules at its 10GWh facility in Mesquite, Texas, on "
      "April 7, making it one of the first such suppliers there.\n",
      "2025-04-09");
  nlohmann::json f = FactOf(facts, "energy_gwh", 10);
  ASSERT_FALSE(f.is_null());
  EXPECT_EQ(f["type"], "operation");
  EXPECT_EQ(DateOf(f), "2025-04-07");
}

TEST_F(FactsTest, ALaterDateClauseAcrossAFutureMarkerDoesNotDateAnEvent) {
  nlohmann::json facts = Facts(
      "Module production in Texas\n\n"
      "Hithium began producing modules at its 10GWh facility, and it will add cell lines, "
      "in 2026.\n",
      "2025-04-09");
  nlohmann::json f = FactOf(facts, "energy_gwh", 10);
  ASSERT_FALSE(f.is_null());
  EXPECT_EQ(f["type"], "operation");
  EXPECT_NE(DateOf(f), "2026");
}

TEST_F(FactsTest, LayingTheFirstStoneIsConstruction) {
  nlohmann::json facts = Facts(
      "CALB in Portugal\n\n"
      "CALB laid the first stone of its battery factory in Sines on February 24.\n"
      "The factory will have a capacity of 15 GWh.\n",
      "2025-02-25");
  nlohmann::json f = FactOf(facts, "energy_gwh", 15);
  ASSERT_FALSE(f.is_null());
  EXPECT_EQ(f["type"], "construction");
  EXPECT_EQ(DateOf(f), "2025-02-24");
}

TEST_F(FactsTest, ACapacityToldInTheFutureIsPlanned) {
  nlohmann::json facts = Facts(
      "Gotion in Illinois\n\n"
      "Gotion bought a former plant in Manteno, Illinois.\n"
      "The plant will produce 10 GWh of battery cells a year.\n"
      "Its sister plant in Fremont has 5 GWh.\n",
      "2023-09-10");
  nlohmann::json planned = FactOf(facts, "energy_gwh", 10);
  ASSERT_FALSE(planned.is_null());
  EXPECT_EQ(planned["type"], "plan");
  nlohmann::json existing = FactOf(facts, "energy_gwh", 5);
  ASSERT_FALSE(existing.is_null());
  EXPECT_EQ(existing["type"], "capacity");
}

TEST_F(FactsTest, ChineseCapacityToldInTheFutureIsPlanned) {
  nlohmann::json facts = Facts(
      "国轩高科美国工厂\n\n"
      "国轩高科收购了伊利诺伊州的一座工厂。\n"
      "该工厂将拥有20GWh电池产能。\n",
      "2023-09-10");
  nlohmann::json f = FactOf(facts, "energy_gwh", 20);
  ASSERT_FALSE(f.is_null());
  EXPECT_EQ(f["type"], "plan");
}

TEST_F(FactsTest, PreparingAPlantIsAPlan) {
  nlohmann::json facts = Facts(
      "Gotion in Slovakia\n\n"
      "Gotion is also preparing a 20-GWh battery plant in Surany, Slovakia, with InoBat.\n",
      "2024-06-01");
  nlohmann::json f = FactOf(facts, "energy_gwh", 20);
  ASSERT_FALSE(f.is_null());
  EXPECT_EQ(f["type"], "plan");
}

TEST_F(FactsTest, ACitedMarketFigureHasNoOwnerFromContext) {
  nlohmann::json facts = Facts(
      "CATL leads\n\n"
      "CATL said its profit rose sharply last year.\n"
      "Energy storage is growing even faster.\n"
      "Shipments of energy storage cells rose to 300 GWh in 2024, according to a consultancy.\n",
      "2025-02-10");
  nlohmann::json f = FactOf(facts, "energy_gwh", 300);
  ASSERT_FALSE(f.is_null());
  EXPECT_TRUE(f["parties"].empty());
  EXPECT_EQ(f["type"], "other");
}

TEST_F(FactsTest, ChineseCitedMarketFigureHasNoOwnerFromContext) {
  nlohmann::json facts = Facts(
      "宁德时代业绩\n\n"
      "宁德时代去年利润大幅增长。\n"
      "据统计，2024年储能电池出货量达300GWh。\n",
      "2025-02-10");
  nlohmann::json f = FactOf(facts, "energy_gwh", 300);
  ASSERT_FALSE(f.is_null());
  EXPECT_TRUE(f["parties"].empty());
}

TEST_F(FactsTest, EmptyAndFigureLessArticlesHaveNoFacts) {
  EXPECT_TRUE(Facts("", "").empty());
  EXPECT_TRUE(Facts("No figures here at all.\n", "2025-01-01").empty());
  EXPECT_TRUE(Facts("数据显示，去年销量同比增长。\n", "2025-01-01").empty());
}

}  // namespace
}  // namespace gigafact
