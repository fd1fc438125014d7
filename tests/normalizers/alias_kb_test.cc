#include "normalizers/alias_kb.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

namespace gigafact {
namespace {

namespace fs = std::filesystem;

TEST(AliasKbTest, LoadsAndFindsAliasesInBothScripts) {
  fs::path file = fs::temp_directory_path() / ("gigafact_kb_" + std::to_string(::getpid()) + ".tsv");
  std::ofstream(file) << "# test\nid\ttype\tparent\tname_en\tname_zh\taliases\n"
                      << "catl\tcompany\t\tCATL\t宁德时代\tContemporary Amperex Technology Co., Limited|寧德時代\n"
                      << "shandong-catl\tcompany\tcatl\tShandong CATL\t山东时代\t山東時代\n";
  AliasKb kb;
  std::string err;
  ASSERT_TRUE(kb.LoadFile(file.string(), &err)) << err;
  fs::remove(file);
  EXPECT_EQ(kb.size(), 2u);
  EXPECT_EQ(kb.party(kb.Lookup("寧德時代")).entity.id, "catl");
  EXPECT_EQ(kb.party(kb.Lookup("山东时代")).entity.parent, "catl");
  std::vector<AliasKb::Hit> hits;
  kb.Find("Contemporary Amperex Technology Co., Limited (CATL) 与山东时代", &hits);
  ASSERT_EQ(hits.size(), 3u);
  EXPECT_EQ(kb.party(hits[0].party).entity.id, "catl");
  EXPECT_EQ(kb.party(hits[2].party).entity.id, "shandong-catl");
}

TEST(AliasKbTest, MalformedRowIsAnErrorWithItsLine) {
  fs::path file = fs::temp_directory_path() / ("gigafact_kb_bad_" + std::to_string(::getpid()) + ".tsv");
  std::ofstream(file) << "id\ttype\tparent\tname_en\tname_zh\taliases\nbyd\tcompany\n";
  AliasKb kb;
  std::string err;
  EXPECT_FALSE(kb.LoadFile(file.string(), &err));
  fs::remove(file);
  EXPECT_NE(err.find(":2: 2 fields, header has 6"), std::string::npos) << err;
}

}  // namespace
}  // namespace gigafact
