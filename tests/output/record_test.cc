#include "output/record.h"

#include <gtest/gtest.h>

#include "ingest/ingest.h"

namespace gigafact {
namespace {

Document Make(const std::string& text) {
  RawArticle raw;
  raw.doc_id = "dir/doc";
  raw.path = "corpus/dir/doc.txt";
  raw.bytes = text;
  Document doc;
  IngestError err;
  EXPECT_TRUE(Ingest(raw, &doc, &err));
  return doc;
}

TEST(RecordTest, CarriesTheContractFieldsInOrder) {
  Document doc = Make("CATL opens plant in Dongying\nThe plant has 40 GWh of capacity.\n");
  Extraction ex;
  ex.places.push_back({{20, 28}, Lang::kEn, "CN-370500"});
  ex.entities["CN-370500"] = {"CN-370500", "Dongying", "东营市", "city", "CN", "CN-370000"};
  Json r = BuildRecord(doc, ex);
  std::vector<std::string> keys;
  for (auto it = r.begin(); it != r.end(); ++it) keys.push_back(it.key());
  std::vector<std::string> expected = {"schema_version", "doc_id", "source", "languages", "title",
                                       "published", "dates", "quantities", "places", "parties",
                                       "facts", "body_spans", "warnings"};
  EXPECT_EQ(keys, expected);
  EXPECT_EQ(r["schema_version"], 1);
  EXPECT_EQ(r["title"], "CATL opens plant in Dongying");
  EXPECT_EQ(r["languages"], Json::array({"en"}));
  ASSERT_EQ(r["places"].size(), 1u);
  EXPECT_EQ(r["places"][0]["mentions"][0]["text"], "Dongying");
  EXPECT_EQ(r["places"][0]["parent"], "CN-370000");
}

TEST(RecordTest, MentionsOfOneEntityAreOneEntry) {
  Document doc = Make("重庆 and Chongqing\n");
  Extraction ex;
  ex.places.push_back({{11, 20}, Lang::kEn, "CN-500000"});
  ex.places.push_back({{0, 6}, Lang::kZh, "CN-500000"});
  ex.entities["CN-500000"] = {"CN-500000", "Chongqing", "重庆市", "province", "CN", "CN"};
  Json r = BuildRecord(doc, ex);
  ASSERT_EQ(r["places"].size(), 1u);
  ASSERT_EQ(r["places"][0]["mentions"].size(), 2u);
  EXPECT_EQ(r["places"][0]["mentions"][0]["text"], "重庆");  // in text order
}

TEST(RecordTest, ErrorRecordHasCodeAndMessage) {
  Document doc;
  doc.doc_id = "bad";
  Json r = BuildErrorRecord(doc, "binary_input", "input looks binary");
  EXPECT_EQ(r["doc_id"], "bad");
  EXPECT_EQ(r["error"]["code"], "binary_input");
  EXPECT_EQ(SerializeRecord(r).find('\n'), std::string::npos);
}

TEST(RecordTest, DatelineIsNotATitle) {
  Document doc = Make("2025-03-26\nDongying signs deal with CATL\nBody text here.");
  EXPECT_EQ(GuessTitle(doc), "Dongying signs deal with CATL");
}

}  // namespace
}  // namespace gigafact
