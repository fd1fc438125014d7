#include "core/offset_map.h"

#include <gtest/gtest.h>

namespace gigafact {
namespace {

TEST(OffsetMapTest, EmptyMapIsIdentity) {
  OffsetMap map;
  EXPECT_TRUE(map.identity());
  EXPECT_EQ(map.ToOriginalBegin(7), 7u);
  EXPECT_EQ(map.ToOriginalEnd(7), 7u);
}

TEST(OffsetMapTest, UnchangedRunsMapByteForByte) {
  OffsetMap map;
  map.AddRun(3, 3, false);  // "abc"
  map.AddRun(1, 3, true);   // "６" (3 bytes) → "6"
  map.AddRun(2, 2, false);  // "GW"
  EXPECT_EQ(map.ToOriginalBegin(0), 0u);
  EXPECT_EQ(map.ToOriginalBegin(3), 3u);
  EXPECT_EQ(map.ToOriginalEnd(4), 6u);
  EXPECT_EQ(map.ToOriginalBegin(4), 6u);
  EXPECT_EQ(map.ToOriginalEnd(6), 8u);
  Span s = map.ToOriginal({3, 6});
  EXPECT_EQ(s.begin, 3u);
  EXPECT_EQ(s.end, 8u);
}

TEST(OffsetMapTest, ChangedRunMapsOnlyAsAWhole) {
  OffsetMap map;
  map.AddRun(3, 3, true);  // "ﬁ" ligature (3 bytes) → "fi" … here 3 → 3 changed
  EXPECT_EQ(map.ToOriginalBegin(1), 0u);
  EXPECT_EQ(map.ToOriginalEnd(1), 3u);
}

}  // namespace
}  // namespace gigafact
