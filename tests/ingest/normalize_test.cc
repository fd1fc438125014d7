#include "ingest/normalize.h"

#include <gtest/gtest.h>

namespace gigafact {
namespace {

TEST(NormalizeTest, AsciiIsUntouched) {
  std::string norm;
  OffsetMap map;
  NormalizeNfkc("CATL 40 GWh", &norm, &map);
  EXPECT_EQ(norm, "CATL 40 GWh");
  EXPECT_TRUE(map.identity());
}

TEST(NormalizeTest, FullWidthFoldsAndMapsBack) {
  const std::string text = "产能６０ＧＷｈ，位于重庆";
  std::string norm;
  OffsetMap map;
  NormalizeNfkc(text, &norm, &map);
  EXPECT_EQ(norm, "产能60GWh,位于重庆");
  size_t b = norm.find("60GWh");
  Span orig = map.ToOriginal({b, b + 5});
  EXPECT_EQ(text.substr(orig.begin, orig.size()), "６０ＧＷｈ");
  size_t c = norm.find("重庆");
  orig = map.ToOriginal({c, c + 6});
  EXPECT_EQ(text.substr(orig.begin, orig.size()), "重庆");
}

TEST(NormalizeTest, EverySpanMapsBackToWholeCharacters) {
  const std::string text = "Ｑ３ ２０２６：①号线 ﬁnal ㎡ 宁德时代";
  std::string norm;
  OffsetMap map;
  NormalizeNfkc(text, &norm, &map);
  // Every pair of character boundaries of the view maps to original bytes
  // that start and end on character boundaries.
  auto is_boundary = [&](size_t i) {
    return i == text.size() || (static_cast<unsigned char>(text[i]) & 0xC0) != 0x80;
  };
  for (size_t b = 0; b <= norm.size(); ++b) {
    if (b < norm.size() && (static_cast<unsigned char>(norm[b]) & 0xC0) == 0x80) continue;
    Span s = map.ToOriginal({b, norm.size()});
    EXPECT_TRUE(is_boundary(s.begin)) << b;
    EXPECT_TRUE(is_boundary(s.end)) << b;
    EXPECT_LE(s.begin, s.end);
  }
}

}  // namespace
}  // namespace gigafact

namespace gigafact {
namespace {

TEST(NormalizeTest, PinyinRubyGlossesAreDroppedFromTheView) {
  const std::string text = "浙江省湖州市長(zhǎng)興縣，10萬(wàn)千瓦(CATL)";
  std::string norm;
  OffsetMap map;
  NormalizeNfkc(text, &norm, &map);
  EXPECT_EQ(norm, "浙江省湖州市長興縣,10萬千瓦(CATL)");
  size_t b = norm.find("長興縣");
  Span orig = map.ToOriginal({b, b + std::string("長興縣").size()});
  EXPECT_EQ(text.substr(orig.begin, orig.size()), "長(zhǎng)興縣");
}

}  // namespace
}  // namespace gigafact
