#include "ingest/boilerplate.h"

#include <gtest/gtest.h>

#include "ingest/ingest.h"

namespace gigafact {
namespace {

Document Make(const std::string& text) {
  RawArticle raw;
  raw.doc_id = "t";
  raw.bytes = text;
  Document doc;
  IngestError err;
  EXPECT_TRUE(Ingest(raw, &doc, &err));
  return doc;
}

std::vector<std::string> BodyLines(const Document& doc) {
  std::vector<std::string> out;
  for (const Line& l : doc.lines)
    if (!l.boilerplate) out.emplace_back(doc.NormText(l.span));
  return out;
}

TEST(BoilerplateTest, RelatedPostsAndFooterAreBoilerplate) {
  Document doc = Make(
      "CATL to build 40 GWh plant in Hungary\n"
      "CATL said on Monday it would build a 40 GWh plant in Debrecen.\n"
      "Recent posts\n"
      "EVE Energy opens 20 GWh plant in Malaysia\n"
      "© 2024 Battery News. All rights reserved.\n");
  EXPECT_EQ(BodyLines(doc), (std::vector<std::string>{
                                "CATL to build 40 GWh plant in Hungary",
                                "CATL said on Monday it would build a 40 GWh plant in Debrecen."}));
}

TEST(BoilerplateTest, ChineseTriggers) {
  Document doc = Make(
      "国轩高科50GWh项目开工\n"
      "12月7日,国轩高科50GWh动力电池项目在合肥正式开工。\n"
      "相关阅读\n"
      "亿纬锂能20GWh项目签约\n"
      "版权所有 © 电池网 京ICP备12345678号\n");
  auto body = BodyLines(doc);
  ASSERT_EQ(body.size(), 2u);
}

TEST(BoilerplateTest, PageWithoutBoilerplateKeepsEveryLine) {
  Document doc = Make("Line one of the story.\nLine two of the story.\n");
  EXPECT_EQ(BodyLines(doc).size(), 2u);
}

}  // namespace
}  // namespace gigafact
