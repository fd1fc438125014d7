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

TEST(IngestTest, TruncateCutsAtALineBreakOrACharacterBoundary) {
  std::string text = "第一行\nsecond line\n宁德时代";
  std::string cut = text;
  EXPECT_FALSE(TruncateUtf8(&cut, text.size()));
  EXPECT_EQ(cut, text);
  // A line break in the second half of the allowed bytes ends the text.
  cut = text;
  EXPECT_TRUE(TruncateUtf8(&cut, text.size() - 1));
  EXPECT_EQ(cut, "第一行\nsecond line\n");
  // No line break late enough: cut between characters, never inside one.
  std::string han = "宁德时代宁德时代";  // 3 bytes a character
  for (size_t limit = 1; limit < han.size(); ++limit) {
    cut = han;
    EXPECT_TRUE(TruncateUtf8(&cut, limit));
    EXPECT_EQ(cut.size(), limit / 3 * 3) << limit;
  }
}

TEST(IngestTest, TextBeyondTheLimitIsNotReadAndTheRecordSaysSo) {
  std::string line = "CATL builds a 40 GWh plant in Dongying.\n";
  std::string text;
  while (text.size() < 10000) text += line;
  Document doc;
  IngestError err;
  IngestOptions small;
  small.max_text_bytes = 1000;
  ASSERT_TRUE(Ingest(Raw(text), &doc, &err, small));
  EXPECT_LE(doc.text.size(), 1000u);
  EXPECT_EQ(doc.text.back(), '\n');
  EXPECT_EQ(doc.sha256, Sha256Hex(text));  // the source's hash covers all of it
  ASSERT_FALSE(doc.warnings.empty());
  EXPECT_EQ(doc.warnings.back().rfind("truncated_input: only the first ", 0), 0u)
      << doc.warnings.back();
  // Within the limit nothing is cut and nothing is said.
  ASSERT_TRUE(Ingest(Raw(line), &doc, &err, small));
  EXPECT_EQ(doc.text, line);
  EXPECT_TRUE(doc.warnings.empty());
}

}  // namespace
}  // namespace gigafact
