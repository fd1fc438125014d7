#include "output/db_schema.h"

#include <gtest/gtest.h>

#include <map>

namespace gigafact::db {
namespace {

using nlohmann::json;

json Record() {
  return json::parse(R"({
    "schema_version": 1, "doc_id": "zh/a1",
    "source": {"path": "in/zh/a1.txt", "url": "https://example.com/a1", "sha256": "ff00"},
    "languages": ["en", "zh"], "title": "A plant", "published": {"value": "2025-03-26"},
    "dates": [{"value": "2025-03-15", "granularity": "day", "text": "March 15", "lang": "en",
               "span": [10, 18], "role": "event"}],
    "quantities": [{"kind": "energy", "value": null, "min": 10, "max": 20, "unit": "GWh",
                    "qualifier": "range", "text": "10-20 GWh", "lang": "en", "span": [30, 39]},
                   {"kind": "money", "value": 5.5, "unit": "CNY", "currency": "CNY",
                    "qualifier": "exact", "text": "5.5", "lang": "zh", "span": [50, 53]}],
    "places": [{"id": "CN-370500", "name": "Dongying", "name_zh": "东营", "type": "city",
                "country": "CN", "parent": "CN-370000",
                "mentions": [{"text": "Dongying", "lang": "en", "span": [0, 8]},
                             {"text": "东营", "lang": "zh", "span": [60, 66]}]}],
    "parties": [{"id": "catl", "name": "CATL", "name_zh": "宁德时代", "type": "company",
                 "mentions": [{"text": "CATL", "lang": "en", "span": [20, 24]}]}],
    "facts": [{"type": "construction", "parties": ["catl", "catl"], "place": "CN-370500",
               "energy_gwh": 40.0, "date": "2025-03-15",
               "evidence": {"text": "CATL builds 40 GWh.", "span": [20, 39]}},
              {"type": "plan", "parties": [], "place": null, "power_gw": 1.5, "date": null,
               "evidence": {"text": "1.5 GW", "span": [70, 76]}}]
  })");
}

ArticleRows Map(const json& record) {
  ArticleRows rows;
  std::string err;
  EXPECT_TRUE(MapRecord(record, &rows, &err)) << err;
  return rows;
}

const Value kNull{};

TEST(MapRecordTest, ArticleRowHoldsTheHeaderFields) {
  ArticleRows rows = Map(Record());
  ASSERT_EQ(rows.rows[kArticles].size(), 1u);
  EXPECT_EQ(rows.rows[kArticles][0],
            (Row{"zh/a1", "ff00", "in/zh/a1.txt", "https://example.com/a1", "A plant", "2025-03-26",
                 "en,zh", kNull, kNull, int64_t{1}}));
  EXPECT_EQ(rows.doc_id, "zh/a1");
  EXPECT_FALSE(rows.is_error);
}

TEST(MapRecordTest, EveryRowHasOneValuePerColumn) {
  ArticleRows rows = Map(Record());
  for (size_t t = 0; t < kTableCount; ++t)
    for (const Row& row : rows.rows[t]) EXPECT_EQ(row.size(), Tables()[t].columns.size()) << Tables()[t].name;
}

TEST(MapRecordTest, DatesAndQuantitiesKeepSpansAndNulls) {
  ArticleRows rows = Map(Record());
  EXPECT_EQ(rows.rows[kDates],
            (std::vector<Row>{{"zh/a1", "2025-03-15", "day", "event", "March 15", "en", int64_t{10},
                               int64_t{18}}}));
  ASSERT_EQ(rows.rows[kQuantities].size(), 2u);
  EXPECT_EQ(rows.rows[kQuantities][0],
            (Row{"zh/a1", "energy", kNull, 10.0, 20.0, "GWh", kNull, "range", "10-20 GWh", "en",
                 int64_t{30}, int64_t{39}}));
  EXPECT_EQ(rows.rows[kQuantities][1][6], Value{"CNY"});  // currency
}

TEST(MapRecordTest, EntitiesGiveARowALinkAndTheirMentions) {
  ArticleRows rows = Map(Record());
  EXPECT_EQ(rows.rows[kPlaces],
            (std::vector<Row>{{"CN-370500", "Dongying", "东营", "city", "CN", "CN-370000"}}));
  EXPECT_EQ(rows.rows[kParties], (std::vector<Row>{{"catl", "CATL", "宁德时代", "company", kNull}}));
  EXPECT_EQ(rows.rows[kArticlePlaces], (std::vector<Row>{{"zh/a1", "CN-370500"}}));
  EXPECT_EQ(rows.rows[kArticleParties], (std::vector<Row>{{"zh/a1", "catl"}}));
  ASSERT_EQ(rows.rows[kMentions].size(), 3u);
  EXPECT_EQ(rows.rows[kMentions][1],
            (Row{"zh/a1", "place", "CN-370500", "东营", "zh", int64_t{60}, int64_t{66}}));
  EXPECT_EQ(rows.rows[kMentions][2], (Row{"zh/a1", "party", "catl", "CATL", "en", int64_t{20}, int64_t{24}}));
}

TEST(MapRecordTest, FactsCarryKindValueAndTheirPartiesOnce) {
  ArticleRows rows = Map(Record());
  ASSERT_EQ(rows.rows[kFacts].size(), 2u);
  EXPECT_EQ(rows.rows[kFacts][0],
            (Row{"zh/a1", int64_t{0}, "construction", "energy", 40.0, kNull, "CN-370500", "2025-03-15",
                 "CATL builds 40 GWh.", int64_t{20}, int64_t{39}}));
  EXPECT_EQ(rows.rows[kFacts][1],
            (Row{"zh/a1", int64_t{1}, "plan", "power", kNull, 1.5, kNull, kNull, "1.5 GW",
                 int64_t{70}, int64_t{76}}));
  EXPECT_EQ(rows.rows[kFactParties], (std::vector<Row>{{"zh/a1", int64_t{0}, "catl"}}));
}

TEST(MapRecordTest, ErrorRecordIsItsArticleRowOnly) {
  ArticleRows rows = Map(json::parse(R"({"schema_version":1,"doc_id":"b",
      "source":{"path":"b.txt","url":null,"sha256":"00"},
      "error":{"code":"binary","message":"not text"}})"));
  EXPECT_TRUE(rows.is_error);
  EXPECT_EQ(rows.rows[kArticles],
            (std::vector<Row>{{"b", "00", "b.txt", kNull, kNull, kNull, kNull, "binary", "not text",
                               int64_t{1}}}));
  for (size_t t = 1; t < kTableCount; ++t) EXPECT_TRUE(rows.rows[t].empty()) << Tables()[t].name;
}

TEST(MapRecordTest, MistypedFieldsBecomeNullNotErrors) {
  ArticleRows rows = Map(json::parse(R"({"doc_id":"c","source":"oops","title":7,
      "languages":"en","dates":[{"value":5,"span":"x"}],"places":[{"name":"no id"}],
      "facts":{"not":"an array"}})"));
  EXPECT_EQ(rows.rows[kArticles][0],
            (Row{"c", kNull, kNull, kNull, kNull, kNull, kNull, kNull, kNull, kNull}));
  EXPECT_EQ(rows.rows[kDates], (std::vector<Row>{{"c", kNull, kNull, kNull, kNull, kNull, kNull, kNull}}));
  EXPECT_TRUE(rows.rows[kPlaces].empty());
  EXPECT_TRUE(rows.rows[kFacts].empty());
}

TEST(MapRecordTest, NulBytesBecomeReplacementCharacters) {
  json r = {{"doc_id", std::string("a\0b", 3)}, {"title", std::string("x\0", 2)}};
  ArticleRows rows = Map(r);
  EXPECT_EQ(rows.doc_id, "a\xEF\xBF\xBD" "b");
  EXPECT_EQ(rows.rows[kArticles][0][4], Value{"x\xEF\xBF\xBD"});
}

TEST(MapRecordTest, RecordWithoutDocIdIsRefused) {
  ArticleRows rows;
  std::string err;
  EXPECT_FALSE(MapRecord(json{{"title", "x"}}, &rows, &err));
  EXPECT_EQ(err, "record has no doc_id");
  EXPECT_FALSE(MapRecord(json{{"doc_id", ""}}, &rows, &err));
  EXPECT_FALSE(MapRecord(json{{"doc_id", 12}}, &rows, &err));
  EXPECT_FALSE(MapRecord(json("text"), &rows, &err));
  EXPECT_EQ(err, "not a JSON object");
}

TEST(AddPlaceAncestorsTest, AddsEachMissingAncestorOnce) {
  std::map<std::string, Entity> known = {
      {"CN-370500", {"CN-370500", "Dongying", "东营", "city", "CN", "CN-370000", {}}},
      {"CN-370000", {"CN-370000", "Shandong", "山东", "province", "CN", "CN", {}}},
      {"CN", {"CN", "China", "中国", "country", "CN", "", {}}},
  };
  PlaceLookup lookup = [&](const std::string& id) -> const Entity* {
    auto it = known.find(id);
    return it == known.end() ? nullptr : &it->second;
  };
  ArticleRows rows = Map(Record());  // Dongying, parent CN-370000
  AddPlaceAncestors(lookup, &rows);
  EXPECT_EQ(rows.rows[kPlaces],
            (std::vector<Row>{{"CN-370500", "Dongying", "东营", "city", "CN", "CN-370000"},
                              {"CN-370000", "Shandong", "山东", "province", "CN", "CN"},
                              {"CN", "China", "中国", "country", "CN", kNull}}));
  EXPECT_EQ(rows.rows[kArticlePlaces].size(), 1u);  // ancestors are not the article's places
}

TEST(AddPlaceAncestorsTest, StopsAtAnUnknownParent) {
  ArticleRows rows = Map(Record());
  AddPlaceAncestors([](const std::string&) -> const Entity* { return nullptr; }, &rows);
  EXPECT_EQ(rows.rows[kPlaces].size(), 1u);
}

TEST(SchemaSqlTest, CreatesEveryTableIndexAndTheVersionTable) {
  std::vector<std::string> sql = CreateSchemaSql();
  std::string all;
  for (const std::string& s : sql) all += s + ";\n";
  for (const Table& t : Tables())
    EXPECT_NE(all.find(std::string("CREATE TABLE IF NOT EXISTS ") + t.name + " ("), std::string::npos) << t.name;
  EXPECT_NE(all.find("CREATE TABLE IF NOT EXISTS gigafact_schema (version BIGINT NOT NULL)"), std::string::npos);
  EXPECT_NE(all.find("CREATE INDEX IF NOT EXISTS fact_parties_party ON fact_parties (party_id)"),
            std::string::npos);
  EXPECT_EQ(sql[0],
            "CREATE TABLE IF NOT EXISTS articles (doc_id TEXT NOT NULL, sha256 TEXT, path TEXT, url TEXT, "
            "title TEXT, published TEXT, languages TEXT, error_code TEXT, error_message TEXT, "
            "schema_version BIGINT, PRIMARY KEY (doc_id))");
}

TEST(SchemaSqlTest, InsertUsesTheDialectsPlaceholders) {
  EXPECT_EQ(InsertSql(kArticlePlaces, Dialect::kSqlite),
            "INSERT INTO article_places (doc_id, place_id) VALUES (?, ?)");
  EXPECT_EQ(InsertSql(kFactParties, Dialect::kPostgres),
            "INSERT INTO fact_parties (doc_id, fact_index, party_id) VALUES ($1, $2, $3)");
}

TEST(SchemaSqlTest, UpsertUpdatesOnlyChangedEntities) {
  EXPECT_EQ(UpsertSql(kParties, Dialect::kSqlite, "VALUES (?, ?, ?, ?, ?)"),
            "INSERT INTO parties (id, name, name_zh, type, parent) VALUES (?, ?, ?, ?, ?) "
            "ON CONFLICT (id) DO UPDATE SET name = excluded.name, name_zh = excluded.name_zh, "
            "type = excluded.type, parent = excluded.parent WHERE parties.name IS NOT excluded.name "
            "OR parties.name_zh IS NOT excluded.name_zh OR parties.type IS NOT excluded.type OR "
            "parties.parent IS NOT excluded.parent");
  EXPECT_NE(UpsertSql(kPlaces, Dialect::kPostgres, "SELECT 1").find("places.country IS DISTINCT FROM excluded.country"),
            std::string::npos);
}

TEST(SchemaSqlTest, MigrationFromTheCurrentVersionIsEmpty) {
  std::vector<std::string> statements = {"stale"};
  std::string err;
  EXPECT_TRUE(MigrationSql(kSchemaVersion, &statements, &err));
  EXPECT_TRUE(statements.empty());
}

TEST(SchemaSqlTest, MigrationRefusesANewerDatabase) {
  std::vector<std::string> statements;
  std::string err;
  EXPECT_FALSE(MigrationSql(kSchemaVersion + 1, &statements, &err));
  EXPECT_EQ(err, "the database has gigafact schema version 2, newer than this gigafact's 1: "
                 "load it with a newer gigafact");
}

TEST(SchemaSqlTest, MigrationRefusesAnUnknownOlderVersion) {
  std::vector<std::string> statements;
  std::string err;
  EXPECT_FALSE(MigrationSql(0, &statements, &err));
  EXPECT_EQ(err, "the database has gigafact schema version 0, which this gigafact cannot migrate");
}

}  // namespace
}  // namespace gigafact::db
