#include "normalizers/gazetteer.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>

namespace gigafact {
namespace {

namespace fs = std::filesystem;

// A small gazetteer written by the test, in the data files' format.
class GazetteerTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new fs::path(fs::temp_directory_path() / ("gigafact_gaz_" + std::to_string(::getpid())));
    fs::create_directories(*dir_);
    std::ofstream(*dir_ / "places_cn.tsv")
        << "# test table\n"
        << "id\ttype\tcountry\tparent\tname_en\tname_zh\tname_zh_hant\taliases\n"
        << "CN-370000\tprovince\tCN\tCN\tShandong\t山东省\t山東省\t\n"
        << "CN-370500\tcity\tCN\tCN-370000\tDongying\t东营市\t東營市\t\n"
        << "CN-370521\tdistrict\tCN\tCN-370500\tKenli District\t垦利区\t墾利區\t\n"
        << "CN-500000\tprovince\tCN\tCN\tChongqing\t重庆市\t重慶市\tChongqing Municipality\n"
        << "CN-220000\tprovince\tCN\tCN\tJilin\t吉林省\t吉林省\t\n"
        << "CN-220200\tcity\tCN\tCN-220000\tJilin\t吉林市\t吉林市\t\n"
        << "CN-110000\tprovince\tCN\tCN\tBeijing\t北京市\t北京市\t\n"
        << "CN-110105\tdistrict\tCN\tCN-110000\tChaoyang District\t朝阳区\t朝陽區\t\n"
        << "CN-220100\tcity\tCN\tCN-220000\tChangchun\t长春市\t長春市\t\n"
        << "CN-220104\tdistrict\tCN\tCN-220100\tChaoyang District\t朝阳区\t朝陽區\t\n";
    std::ofstream(*dir_ / "places_tw.tsv")
        << "id\ttype\tcountry\tparent\tname_en\tname_zh\tname_zh_hant\taliases\n"
        << "CN-710000\tprovince\tCN\tCN\tTaiwan\t台湾省\t台灣省\t臺灣\n"
        << "tw-taoyuan\tcity\tCN\tCN-710000\tTaoyuan City\t桃园市\t桃園市\tTaoyuan\n"
        << "tw-taoyuan-longtan\tdistrict\tCN\ttw-taoyuan\tLongtan District\t龙潭区\t龍潭區\t龍潭\n";
    std::ofstream(*dir_ / "countries.tsv")
        << "id\ttype\tcountry\tparent\tname_en\tname_zh\tname_zh_hant\taliases\n"
        << "CN\tcountry\tCN\t\tChina\t中国\t中國\t\n";
  }
  static void TearDownTestSuite() {
    fs::remove_all(*dir_);
    delete dir_;
  }
  void SetUp() override {
    std::string err;
    ASSERT_TRUE(gaz_.LoadDir(dir_->string(), &err)) << err;
  }
  std::string IdOf(const std::string& name) {
    const std::vector<int>* r = gaz_.ResolveName(name);
    return r ? gaz_.place((*r)[0]).entity.id : "";
  }
  static fs::path* dir_;
  Gazetteer gaz_;
};
fs::path* GazetteerTest::dir_ = nullptr;

TEST_F(GazetteerTest, AllScriptsAndFormsResolveToOneId) {
  EXPECT_EQ(IdOf("重庆"), "CN-500000");
  EXPECT_EQ(IdOf("重慶"), "CN-500000");  // Traditional short form
  EXPECT_EQ(IdOf("重慶市"), "CN-500000");
  EXPECT_EQ(IdOf("Chongqing"), "CN-500000");
  EXPECT_EQ(IdOf("Chongqing Municipality"), "CN-500000");
  EXPECT_EQ(IdOf("Dongying City"), "CN-370500");
  EXPECT_EQ(IdOf("Kenli district"), "CN-370521");
  EXPECT_EQ(IdOf("墾利區"), "CN-370521");
  EXPECT_EQ(IdOf("Shandong province"), "CN-370000");
}

TEST_F(GazetteerTest, ShortFormPrefersTheBroaderPlaceSuffixDisambiguates) {
  EXPECT_EQ(IdOf("吉林"), "CN-220000");
  EXPECT_EQ(IdOf("吉林省"), "CN-220000");
  EXPECT_EQ(IdOf("吉林市"), "CN-220200");
}

TEST_F(GazetteerTest, AmbiguousNameHasEveryReading) {
  const std::vector<int>* r = gaz_.ResolveName("朝阳区");
  ASSERT_NE(r, nullptr);
  EXPECT_EQ(r->size(), 2u);
}

TEST_F(GazetteerTest, HierarchyIsKnown) {
  int kenli = gaz_.IndexOf("CN-370521");
  int shandong = gaz_.IndexOf("CN-370000");
  EXPECT_TRUE(gaz_.IsWithin(kenli, shandong));
  EXPECT_FALSE(gaz_.IsWithin(shandong, kenli));
}

TEST_F(GazetteerTest, TaiwanTableIsReadWithItsHierarchy) {
  EXPECT_EQ(IdOf("龍潭"), "tw-taoyuan-longtan");
  EXPECT_EQ(IdOf("Longtan district"), "tw-taoyuan-longtan");
  EXPECT_EQ(IdOf("桃園"), "tw-taoyuan");  // short form of a city-level name
  EXPECT_EQ(IdOf("Taoyuan"), "tw-taoyuan");
  EXPECT_TRUE(gaz_.IsWithin(gaz_.IndexOf("tw-taoyuan-longtan"), gaz_.IndexOf("CN-710000")));
  EXPECT_EQ(IdOf("龙潭"), "");  // only what the table lists
}

TEST_F(GazetteerTest, FindUsesLongestMatch) {
  std::vector<Gazetteer::Candidate> found;
  std::string text = "山东省东营市垦利区";
  gaz_.Find(text, &found);
  ASSERT_EQ(found.size(), 3u);
  EXPECT_EQ(text.substr(found[1].span.begin, found[1].span.size()), "东营市");
}

}  // namespace
}  // namespace gigafact
