#include "ingest/segment.h"

#include <gtest/gtest.h>

namespace gigafact {
namespace {

TEST(SegmentTest, LinesSkipBlanksAndTrim) {
  std::string text = "Title\n\n  Body one.  \r\n\t\nLast";
  auto lines = SplitLines(text);
  ASSERT_EQ(lines.size(), 3u);
  EXPECT_EQ(text.substr(lines[1].span.begin, lines[1].span.size()), "Body one.");
  EXPECT_EQ(text.substr(lines[2].span.begin, lines[2].span.size()), "Last");
}

TEST(SegmentTest, SentencesSplitInBothLanguages) {
  std::string text = "CATL signed a deal. It will build 40 GWh.\n宁德时代签约。项目年产能40GWh！";
  auto sentences = SplitSentences(text, SplitLines(text));
  ASSERT_EQ(sentences.size(), 4u);
  EXPECT_EQ(text.substr(sentences[0].span.begin, sentences[0].span.size()), "CATL signed a deal.");
  EXPECT_EQ(sentences[0].lang, Lang::kEn);
  EXPECT_EQ(text.substr(sentences[2].span.begin, sentences[2].span.size()), "宁德时代签约。");
  EXPECT_EQ(sentences[3].lang, Lang::kZh);
}

TEST(SegmentTest, LanguageTagByScript) {
  EXPECT_EQ(TagLanguage("The plant in Erfurt"), Lang::kEn);
  EXPECT_EQ(TagLanguage("寧德時代在德國設廠"), Lang::kZh);  // Traditional is zh
  EXPECT_EQ(TagLanguage("宁德时代与LG Energy签约"), Lang::kZh);
  EXPECT_EQ(TagLanguage("2025-03-26 10:00"), Lang::kOther);
}

}  // namespace
}  // namespace gigafact
