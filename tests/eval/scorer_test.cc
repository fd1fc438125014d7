#include "eval/scorer.h"

#include <gtest/gtest.h>

namespace gigafact {
namespace {

using nlohmann::json;

json Gold() {
  return json::parse(R"({
    "doc_id": "g1", "published": "2025-03-26",
    "dates": ["2025-03-15"], "energy_gwh": [40], "power_gw": [8.42],
    "places": [{"name": "Dongying", "aliases": ["东营", "东营市"]},
               {"name": "Kenli District", "aliases": ["垦利区"]}],
    "parties": [{"name": "CATL", "aliases": ["宁德时代"]}],
    "facts": [{"energy_gwh": 40, "owners": ["CATL"], "place": ["Kenli District", "Dongying"],
               "type": "agreement", "date": "2025-03-15"},
              {"power_gw": 8.42, "owners": [], "place": ["Dongying"], "type": "capacity", "date": null}],
    "ignore": {"dates": [], "energy_gwh": [], "power_gw": [], "places": ["East China"],
               "parties": [], "facts": [9.05]}
  })");
}

json Record() {
  return json::parse(R"({
    "schema_version": 1, "doc_id": "seeds/g1",
    "published": {"value": "2025-03-26"},
    "dates": [{"value": "2025-03-15"}, {"value": "2025-03-15"}, {"value": "2025-03-26"}, {"value": "2026"}],
    "quantities": [{"kind": "energy", "value": 40.0}, {"kind": "energy", "value": 40.00000001},
                   {"kind": "power", "value": null, "min": 8.42, "max": 9.05},
                   {"kind": "money", "value": 5}],
    "places": [{"id": "CN-370500", "name": "Dongying City", "name_zh": "东营市"},
               {"id": "x1", "name": "东营"},
               {"id": "east-china", "name": "East China"},
               {"id": "CN-370000", "name": "Shandong"}],
    "parties": [{"id": "catl", "name": "CATL", "name_zh": "宁德时代"}],
    "facts": [{"type": "plan", "parties": ["catl"], "place": "CN-370500", "energy_gwh": 40, "date": "2025-03-15"},
              {"type": "capacity", "parties": [], "place": "CN-370500", "power_gw": 8.42, "date": null},
              {"type": "other", "parties": [], "place": null, "power_gw": 9.05, "date": null}]
  })");
}

TEST(ScorerTest, CountsEveryFieldPerSpec) {
  json record = Record();
  DocScore d = ScoreDoc(Gold(), &record);
  EXPECT_EQ(d.fields["published"].tp, 1);
  // 2025-03-26 is the published value: ignored; 2026 is a false positive.
  EXPECT_EQ(d.fields["dates"].tp, 1);
  EXPECT_EQ(d.fields["dates"].fp, 1);
  // Values within 1e-6 are one; min/max count; null is skipped.
  EXPECT_EQ(d.fields["energy_gwh"].tp, 1);
  EXPECT_EQ(d.fields["energy_gwh"].fp, 0);
  EXPECT_EQ(d.fields["power_gw"].tp, 1);
  EXPECT_EQ(d.fields["power_gw"].fp, 1);  // 9.05 is only ignored for facts
  // A second Dongying is a duplicate FP; East China ignored; Shandong FP;
  // Kenli missed.
  EXPECT_EQ(d.fields["places"].tp, 1);
  EXPECT_EQ(d.fields["places"].fp, 2);
  EXPECT_EQ(d.fields["places"].fn, 1);
  EXPECT_EQ(d.fields["parties"].tp, 1);
  // Facts: 40 GWh matches via CATL and Dongying (second acceptable place);
  // 8.42 GW matches with no owners; 9.05 ignored.
  EXPECT_EQ(d.fields["facts"].tp, 2);
  EXPECT_EQ(d.fields["facts"].fp, 0);
  EXPECT_EQ(d.fields["facts"].fn, 0);
  EXPECT_EQ(d.facts_type_right, 1);
  EXPECT_EQ(d.facts_date_right, 2);
  // The matched fact with the wrong type is listed for --per-doc.
  ASSERT_EQ(d.fact_attribute_errors.size(), 1u);
  EXPECT_NE(d.fact_attribute_errors[0].find("type plan (gold agreement)"), std::string::npos)
      << d.fact_attribute_errors[0];
}

TEST(ScorerTest, MissingRecordMissesEverything) {
  DocScore d = ScoreDoc(Gold(), nullptr);
  EXPECT_EQ(d.fields["published"].fn, 1);
  EXPECT_EQ(d.fields["places"].fn, 2);
  EXPECT_EQ(d.fields["facts"].fn, 2);
  EXPECT_EQ(d.fields["places"].fp, 0);
}

TEST(ScorerTest, FactWithWrongOwnerDoesNotMatch) {
  json record = Record();
  record["facts"][0]["parties"] = json::array();
  DocScore d = ScoreDoc(Gold(), &record);
  EXPECT_EQ(d.fields["facts"].tp, 1);
  EXPECT_EQ(d.fields["facts"].fp, 1);
  EXPECT_EQ(d.fields["facts"].fn, 1);
}

TEST(ScorerTest, GoldWithoutFactsKeyIsNotScoredOnFacts) {
  json gold = Gold();
  gold.erase("facts");
  json record = Record();
  DocScore d = ScoreDoc(gold, &record);
  EXPECT_EQ(d.fields["facts"].tp + d.fields["facts"].fp + d.fields["facts"].fn, 0);
}

TEST(ScorerTest, RecordsMatchGoldByLastPathComponent) {
  Scorer s;
  s.AddGold(Gold());
  s.AddRecord(Record());
  Score score = s.Compute();
  ASSERT_EQ(score.docs.size(), 1u);
  EXPECT_TRUE(score.docs[0].has_record);
  EXPECT_EQ(RecordKey("zh/zh_d05"), "zh_d05");
}

TEST(ScorerTest, PublishedMismatchIsFalsePositiveAndMiss) {
  json record = Record();
  record["published"]["value"] = "2025-03-25";
  DocScore d = ScoreDoc(Gold(), &record);
  EXPECT_EQ(d.fields["published"].fp, 1);
  EXPECT_EQ(d.fields["published"].fn, 1);
}

}  // namespace
}  // namespace gigafact
