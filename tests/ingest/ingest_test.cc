#include "ingest/ingest.h"

#include <gtest/gtest.h>

namespace gigafact {
namespace {

RawArticle Raw(const std::string& bytes) {
  RawArticle r;
  r.doc_id = "d";
  r.bytes = bytes;
  return r;
}

TEST(IngestTest, BuildsViewLinesAndSentences) {
  Document doc;
  IngestError err;
  ASSERT_TRUE(Ingest(Raw("Headline\n宁德时代在重庆投资。产能６０ＧＷｈ。\n"), &doc, &err));
  EXPECT_EQ(doc.lines.size(), 2u);
  EXPECT_EQ(doc.sentences.size(), 3u);
  EXPECT_NE(doc.norm.find("60GWh"), std::string::npos);
  EXPECT_EQ(doc.sha256.size(), 64u);
  // Every sentence maps back to original bytes that hold the same text up to
  // width folding.
  for (const Sentence& s : doc.sentences) {
    Span o = doc.ToOriginal(s.span);
    EXPECT_LE(o.end, doc.text.size());
    EXPECT_FALSE(doc.OriginalText(o).empty());
  }
}

TEST(IngestTest, Sha256OfKnownInput) {
  EXPECT_EQ(Sha256Hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

TEST(IngestTest, EmptyAndBlankInputsAreErrors) {
  Document doc;
  IngestError err;
  EXPECT_FALSE(Ingest(Raw(""), &doc, &err));
  EXPECT_EQ(err.code, "empty_input");
  EXPECT_EQ(doc.doc_id, "d");
  EXPECT_FALSE(Ingest(Raw(" \n\t\n"), &doc, &err));
  EXPECT_EQ(err.code, "empty_input");
}

TEST(IngestTest, ReaderErrorsPassThrough) {
  RawArticle r = Raw("");
  r.error_code = "malformed_jsonl";
  r.error_message = "line 3 is not a JSON object";
  Document doc;
  IngestError err;
  EXPECT_FALSE(Ingest(r, &doc, &err));
  EXPECT_EQ(err.code, "malformed_jsonl");
  EXPECT_EQ(err.message, "line 3 is not a JSON object");
}

}  // namespace
}  // namespace gigafact
