#include "normalizers/name_matcher.h"

#include <gtest/gtest.h>

namespace gigafact {
namespace {

std::vector<std::string> Found(const NameMatcher& m, const std::string& text) {
  std::vector<NameMatcher::Match> matches;
  m.FindAll(text, &matches);
  std::vector<std::string> out;
  for (const auto& x : matches)
    out.push_back(text.substr(x.span.begin, x.span.size()) + "#" + std::to_string(x.payload));
  return out;
}

TEST(NameMatcherTest, LongestNameWinsAndMatchesDoNotOverlap) {
  NameMatcher m;
  m.Add("东营", 1);
  m.Add("东营市", 2);
  m.Add("垦利区", 3);
  m.Build();
  EXPECT_EQ(Found(m, "在东营市垦利区建设"), (std::vector<std::string>{"东营市#2", "垦利区#3"}));
  EXPECT_EQ(Found(m, "东营的"), (std::vector<std::string>{"东营#1"}));
}

TEST(NameMatcherTest, LatinNamesRespectWordBoundaries) {
  NameMatcher m;
  m.Add("Sines", 1);
  m.Add("CATL", 2);
  m.Build();
  EXPECT_EQ(Found(m, "Sines, Portugal; CATLs; xCATL; CATL's plant"),
            (std::vector<std::string>{"Sines#1", "CATL#2"}));
  EXPECT_EQ(Found(m, "在Sines建厂"), (std::vector<std::string>{"Sines#1"}));
}

TEST(NameMatcherTest, LookupIsExact) {
  NameMatcher m;
  m.Add("Dongying", 5);
  m.Add("Dongying", 6);  // first payload stays
  m.Build();
  EXPECT_EQ(m.Lookup("Dongying"), 5);
  EXPECT_EQ(m.Lookup("Dongyin"), -1);
  EXPECT_EQ(m.size(), 1u);
}

}  // namespace
}  // namespace gigafact
