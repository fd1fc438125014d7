#include "eval/fold.h"

#include <gtest/gtest.h>

namespace gigafact {
namespace {

TEST(FoldTest, CaseSpacesAndPunctuation) {
  EXPECT_EQ(FoldName("Contemporary Amperex Technology Co., Ltd."),
            "contemporaryamperextechnologycoltd");
  EXPECT_EQ(FoldName("Gui'an New Area"), "guiannewarea");
}

TEST(FoldTest, OneTrailingGenericWordIsDropped) {
  EXPECT_EQ(FoldName("Dongying City"), "dongying");
  EXPECT_EQ(FoldName("Kenli District"), "kenli");
  EXPECT_EQ(FoldName("Shandong province"), "shandong");
  EXPECT_EQ(FoldName("东营市"), "东营");
  EXPECT_EQ(FoldName("垦利区"), "垦利");
  EXPECT_EQ(FoldName("City"), "city");  // nothing would remain
  EXPECT_EQ(FoldName("Felicity"), "felicity");  // not a whole word
}

TEST(FoldTest, FullWidthFoldsByNfkc) {
  EXPECT_EQ(FoldName("ＣＡＴＬ"), "catl");
}

}  // namespace
}  // namespace gigafact
