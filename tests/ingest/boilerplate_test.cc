#include "ingest/boilerplate.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "ingest/ingest.h"

namespace gigafact {
namespace {

Document Make(const std::string& text) {
  RawArticle raw;
  raw.doc_id = "t";
  raw.bytes = text;
  Document doc;
  IngestError err;
  EXPECT_TRUE(Ingest(raw, &doc, &err)) << err.message;
  return doc;
}

// LinesMarked returns the original text of the lines whose flag is marked.
std::vector<std::string> LinesMarked(const Document& doc, bool marked) {
  std::vector<std::string> out;
  for (const Line& l : doc.lines)
    if (l.boilerplate == marked) out.emplace_back(doc.OriginalText(doc.ToOriginal(l.span)));
  return out;
}

std::vector<std::string> BodyLines(const Document& doc) { return LinesMarked(doc, false); }
std::vector<std::string> BoilerplateLines(const Document& doc) { return LinesMarked(doc, true); }

using Lines = std::vector<std::string>;

// Body paragraphs used by several pages (long enough to read as prose).
const char kEnBody1[] =
    "Northwind Cells said on Tuesday it would build a 24 GWh battery factory near Leeds, "
    "its first plant outside Asia, with production due to start in 2027.";
const char kEnBody2[] =
    "The company will invest about 1.2 billion pounds in the site, which is expected to "
    "employ 2,000 people once all three phases are running.";
const char kZhBody1[] =
    "3月8日，远川新能源年产30GWh储能电池项目在芜湖市正式开工，项目总投资约120亿元，"
    "计划于2026年建成投产。";
const char kZhBody2[] =
    "据介绍，该项目分两期建设，一期规划产能15GWh，主要生产大容量储能电芯，"
    "达产后年产值预计超过200亿元。";

std::string Page(const Lines& lines) {
  std::string out;
  for (const std::string& l : lines) out += l + "\n";
  return out;
}

// --- Pages without boilerplate keep every line -----------------------------

TEST(BoilerplateTest, PageWithoutBoilerplateKeepsEveryLine) {
  Document doc = Make("Line one of the story.\nLine two of the story.\n");
  EXPECT_EQ(BodyLines(doc).size(), 2u);
}

TEST(BoilerplateTest, HeadlineSubheadingsAndBodyAreKept) {
  Lines page = {"Northwind Cells picks Leeds for first European gigafactory", kEnBody1,
                "Supply chain", kEnBody2, "Next steps",
                "Planning approval is expected later this year, the company added."};
  Document doc = Make(Page(page));
  EXPECT_EQ(BodyLines(doc), page);
}

TEST(BoilerplateTest, ChineseHeadlineSubheadingsAndTruncatedLastLineAreKept) {
  Lines page = {"远川新能源30GWh储能电池项目开工", kZhBody1, "项目进展", kZhBody2,
                "在龙头企业的带动下，一批配套项目也"};
  Document doc = Make(Page(page));
  EXPECT_EQ(BodyLines(doc), page);
}

TEST(BoilerplateTest, HardWrappedProseEndingMidSentenceIsKept) {
  Lines page = {"Northwind Cells said on Tuesday it would build a battery factory",
                "near Leeds, its first plant outside Asia. Production is due to",
                "start in 2027, and the plant will employ around 2,000 people",
                "once the Second Phase And Third Phase Are Complete In The North",
                "East Of England Near The Existing Car Plant Of Its Main Customer",
                "According To People Familiar With The Plans Who Asked Not To"};
  Document doc = Make(Page(page));
  EXPECT_EQ(BodyLines(doc), page);
}

TEST(BoilerplateTest, PublicationDateLinesStayFindable) {
  Lines page = {"2024-05-02", "Northwind Cells picks Leeds", "发布时间：2024-05-02 10:30",
                kEnBody1, kEnBody2};
  Document doc = Make(Page(page));
  EXPECT_EQ(BodyLines(doc), page);
}

TEST(BoilerplateTest, RunningTextMentioningTriggerWordsIsKept) {
  Lines page = {kEnBody1,
                "Related projects in the region include a cathode plant, and readers can "
                "contact us for the full list of suppliers that were named on Monday.",
                "Tags on each battery module will let the recycler trace its origin, the "
                "company said in a statement that also covered its copyright policy."};
  Document doc = Make(Page(page));
  EXPECT_EQ(BodyLines(doc), page);
}

// --- Navigation, breadcrumbs, share bars ------------------------------------

TEST(BoilerplateTest, NavigationFirstLineIsBoilerplateHeadlineIsNot) {
  Document doc = Make(Page({"Home | News | Markets | Storage | Contact",
                            "Home > News > Batteries", "Northwind Cells picks Leeds for gigafactory",
                            kEnBody1, kEnBody2}));
  EXPECT_EQ(BodyLines(doc), (Lines{"Northwind Cells picks Leeds for gigafactory", kEnBody1,
                                   kEnBody2}));
}

TEST(BoilerplateTest, ChineseBreadcrumbAndMenusAreBoilerplate) {
  Document doc = Make(Page({"当前位置：首页 > 新闻中心 > 行业动态", "储能网 > 资讯",
                            "远川新能源30GWh储能电池项目开工", kZhBody1, kZhBody2,
                            "【打印本页】【关闭窗口】", "[ 收藏 ]  [ 打印 ]  [ 关闭 ]"}));
  EXPECT_EQ(BodyLines(doc), (Lines{"远川新能源30GWh储能电池项目开工", kZhBody1, kZhBody2}));
}

TEST(BoilerplateTest, EnglishShareBarIsBoilerplate) {
  Document doc = Make(Page({"Northwind Cells picks Leeds", "LinkedIn", "Twitter", "Facebook",
                            "Email", kEnBody1, "Share this article: LinkedIn · X · Email",
                            kEnBody2}));
  EXPECT_EQ(BodyLines(doc), (Lines{"Northwind Cells picks Leeds", kEnBody1, kEnBody2}));
}

TEST(BoilerplateTest, ChineseShareBarIsBoilerplate) {
  Document doc = Make(Page({kZhBody1, kZhBody2, "分享到：微信 微博 QQ空间"}));
  EXPECT_EQ(BodyLines(doc), (Lines{kZhBody1, kZhBody2}));
}

// --- Related lists -----------------------------------------------------------

TEST(BoilerplateTest, RelatedPostsAndFooterAreBoilerplate) {
  Document doc = Make(
      "CATL to build 40 GWh plant in Hungary\n"
      "CATL said on Monday it would build a 40 GWh plant in Debrecen.\n"
      "Recent posts\n"
      "EVE Energy opens 20 GWh plant in Malaysia\n"
      "© 2024 Battery News. All rights reserved.\n");
  EXPECT_EQ(BodyLines(doc), (Lines{"CATL to build 40 GWh plant in Hungary",
                                   "CATL said on Monday it would build a 40 GWh plant in Debrecen."}));
}

TEST(BoilerplateTest, TagsAndRelatedListEndThePage) {
  Document doc = Make(Page({kEnBody1, kEnBody2, "Tags: Northwind, Leeds, gigafactory",
                            "You may also like", "- Sunrise Power opens 8 GWh line in Ohio",
                            "- Keller Energy wins 2 GWh order in Chile"}));
  EXPECT_EQ(BodyLines(doc), (Lines{kEnBody1, kEnBody2}));
}

TEST(BoilerplateTest, ChineseRelatedReadingEndsThePage) {
  Document doc = Make(Page({"远川新能源30GWh储能电池项目开工", kZhBody1, kZhBody2, "相关阅读",
                            "· 青岚储能西安基地一期投产 年产能10GWh",
                            "· 北辰锂电与安徽签约20GWh电池项目"}));
  EXPECT_EQ(BodyLines(doc), (Lines{"远川新能源30GWh储能电池项目开工", kZhBody1, kZhBody2}));
}

TEST(BoilerplateTest, BracketedAndTraditionalTriggers) {
  Document doc = Make(Page({kZhBody1, kZhBody2, "【相關閱讀】",
                            "青嵐儲能西安基地一期投產 年產能十GWh"}));
  EXPECT_EQ(BodyLines(doc), (Lines{kZhBody1, kZhBody2}));
  doc = Make(Page({kZhBody1, kZhBody2, "上一篇：北辰锂电与安徽签约20GWh电池项目",
                   "下一篇：青岚储能西安基地一期投产"}));
  EXPECT_EQ(BodyLines(doc), (Lines{kZhBody1, kZhBody2}));
}

TEST(BoilerplateTest, TrailingTitleCaseHeadlinesWithoutTriggerAreBoilerplate) {
  Lines body = {kEnBody1, kEnBody2};
  Lines related = {"Sunrise Power Opens Eight Gigawatt-Hour Line In Ohio",
                   "Keller Energy Wins Two Gigawatt-Hour Storage Order In Chile",
                   "Interview: How Grid Operators Plan For Winter Peaks In 2026",
                   "Market Outlook: Lithium Prices Stabilise After A Volatile Year"};
  Lines page = body;
  page.insert(page.end(), related.begin(), related.end());
  page.push_back("© copyright 2015-2024 Example Media");
  Document doc = Make(Page(page));
  EXPECT_EQ(BodyLines(doc), body);
}

TEST(BoilerplateTest, TrailingChineseHeadlinesWithoutTriggerAreBoilerplate) {
  Document doc = Make(Page({kZhBody1, kZhBody2, "青岚储能西安基地一期投产 年产能10GWh",
                            "北辰锂电与安徽签约20GWh电池项目 总投资80亿元",
                            "约1.5GW！西北一光伏项目启动招标"}));
  EXPECT_EQ(BodyLines(doc), (Lines{kZhBody1, kZhBody2}));
}

TEST(BoilerplateTest, TwoShortLinesAtTheEndAreNotAList) {
  // Fewer than three headline-like lines: they may be the body's own.
  Lines page = {kEnBody1, kEnBody2, "Planning Approval Expected Later This Year",
                "Northwind Cells Confirms Its Leeds Timetable"};
  Document doc = Make(Page(page));
  EXPECT_EQ(BodyLines(doc), page);
}

// --- Contact blocks, licence and copyright lines ------------------------------

TEST(BoilerplateTest, EnglishContactBlockIsBoilerplate) {
  Document doc = Make(Page({kEnBody1, kEnBody2, "CONTACT US", "Tel: +86 571 8888 6666",
                            "Email: sales@example-battery.com",
                            "Add: No. 8 Riverside Road, Hangzhou, Zhejiang, China"}));
  EXPECT_EQ(BodyLines(doc), (Lines{kEnBody1, kEnBody2}));
}

TEST(BoilerplateTest, ChineseContactAndLicenceLinesAreBoilerplate) {
  Document doc = Make(Page({kZhBody1, kZhBody2, "联系电话：0571-88886666",
                            "地址：浙江省杭州市滨江区江南大道100号",
                            "版权所有 © 储能资讯网 浙ICP备12345678号",
                            "浙公网安备 33010802000000号"}));
  EXPECT_EQ(BodyLines(doc), (Lines{kZhBody1, kZhBody2}));
}

TEST(BoilerplateTest, ReprintNoticeIsBoilerplateEvenWhenLong) {
  Document doc = Make(Page({kZhBody1, kZhBody2,
                            "本站资料均由网友自行发布提供，仅用于学习交流。如有版权问题，请与我们"
                            "联系，我们将在核实后第一时间删除相关内容，感谢理解与支持。",
                            "原创文章，作者：编辑部，如若转载，请注明出处。"}));
  EXPECT_EQ(BodyLines(doc), (Lines{kZhBody1, kZhBody2}));
}

TEST(BoilerplateTest, ImageCreditInsideParagraphKeepsTheParagraph) {
  std::string paragraph =
      "The new line, shown in a photo supplied by the company (© Northwind Cells), will "
      "make prismatic cells for storage systems and is due to open in the spring.";
  Document doc = Make(Page({kEnBody1, paragraph, "Photo: Northwind Cells", kEnBody2}));
  EXPECT_EQ(BodyLines(doc), (Lines{kEnBody1, paragraph, kEnBody2}));
}

TEST(BoilerplateTest, LeadingCopyrightCreditIsOnlyThatLine) {
  Document doc = Make(Page({"© Northwind Cells | May 2, 2024", "Northwind Cells picks Leeds",
                            kEnBody1, kEnBody2}));
  EXPECT_EQ(BoilerplateLines(doc), (Lines{"© Northwind Cells | May 2, 2024"}));
}

TEST(BoilerplateTest, UrlsAndEmailsOnShortLinesAreBoilerplate) {
  std::string sentence =
      "Details of the tender are published on www.example-grid.com and bids are due by the "
      "end of June, the operator said.";
  Document doc = Make(Page({kEnBody1, sentence, "www.example-battery.com", kEnBody2,
                            "press@example-battery.com"}));
  EXPECT_EQ(BodyLines(doc), (Lines{kEnBody1, sentence, kEnBody2}));
}

// --- Credits, bylines and sources are line-local --------------------------------

TEST(BoilerplateTest, ChineseSourceAndEditorLinesAreOnlyThoseLines) {
  Document doc = Make(Page({"远川新能源30GWh储能电池项目开工", "来源：新华网  2024-03-09",
                            kZhBody1, kZhBody2, "（责任编辑：王晓）"}));
  EXPECT_EQ(BodyLines(doc), (Lines{"远川新能源30GWh储能电池项目开工", kZhBody1, kZhBody2}));
}

TEST(BoilerplateTest, EditorCreditClosingAParagraphKeepsTheParagraph) {
  std::string paragraph = std::string(kZhBody2) + "（责任编辑：王晓）";
  Document doc = Make(Page({kZhBody1, paragraph}));
  EXPECT_EQ(BodyLines(doc), (Lines{kZhBody1, paragraph}));
}

TEST(BoilerplateTest, SourceLineAndBylineInsideBodyDoNotCutIt) {
  Document doc = Make(Page({"Northwind Cells picks Leeds", "By Jane Marlow", kEnBody1,
                            "Source: Xinhua", kEnBody2,
                            "(Reporting by Jane Marlow; Editing by Tom Reed)"}));
  EXPECT_EQ(BodyLines(doc), (Lines{"Northwind Cells picks Leeds", kEnBody1, kEnBody2}));
}

// --- Boxes and widgets ------------------------------------------------------------

TEST(BoilerplateTest, SubscriptionBoxEndsWhereTheProseResumes) {
  std::string after =
      "Analysts at the bank said the Leeds site was chosen for its grid connection, its port "
      "and a local workforce trained at the nearby car plant over the past decade.";
  Document doc = Make(Page({kEnBody1, kEnBody2,
                            "This article requires a Premium Subscription",
                            "Enjoy 12 months of exclusive analysis",
                            "  • Regular insight into the industry's biggest developments",
                            "  • Interviews with the industry's leading figures",
                            "Or continue reading this article for free", after}));
  EXPECT_EQ(BodyLines(doc), (Lines{kEnBody1, kEnBody2, after}));
}

TEST(BoilerplateTest, CommentWidgetsAreBoilerplate) {
  Document doc = Make(Page({kEnBody1, kEnBody2, "Leave a Reply",
                            "Your email address will not be published."}));
  EXPECT_EQ(BodyLines(doc), (Lines{kEnBody1, kEnBody2}));
  doc = Make(Page({kZhBody1, kZhBody2, "参与评论", "请文明发言，遵守跟帖评论服务管理规定。",
                   "评论区"}));
  EXPECT_EQ(BodyLines(doc), (Lines{kZhBody1, kZhBody2}));
}

TEST(BoilerplateTest, PressReleaseAboutBlockAndMediaContactAreBoilerplate) {
  Document doc = Make(Page({kEnBody1, kEnBody2, kEnBody1, "About Northwind Cells",
                            "Founded in 2015, Northwind Cells designs and makes lithium-ion cells "
                            "for cars and grid storage at plants in three countries.",
                            "Media contact", "press@example-battery.com"}));
  EXPECT_EQ(BodyLines(doc), (Lines{kEnBody1, kEnBody2, kEnBody1}));
}

// --- Never drop the body --------------------------------------------------------------

TEST(BoilerplateTest, TailTriggerBeforeTheBodyOnlyCoversItsList) {
  Document doc = Make(Page({"Related posts", "- Sunrise Power opens 8 GWh line in Ohio",
                            "Northwind Cells picks Leeds for gigafactory", kEnBody1, kEnBody2}));
  EXPECT_EQ(BodyLines(doc),
            (Lines{"Northwind Cells picks Leeds for gigafactory", kEnBody1, kEnBody2}));
}

TEST(BoilerplateTest, TailTriggerMidBodyKeepsALargeRemainder) {
  Lines rest = {kEnBody2, kEnBody1, kEnBody2};
  Lines page = {kEnBody1, "Read more: Sunrise Power opens 8 GWh line in Ohio"};
  page.insert(page.end(), rest.begin(), rest.end());
  Document doc = Make(Page(page));
  Lines expected = {kEnBody1};
  expected.insert(expected.end(), rest.begin(), rest.end());
  EXPECT_EQ(BodyLines(doc), expected);
}

TEST(BoilerplateTest, AllBoilerplatePageKeepsSomething) {
  Document doc = Make("© 2024 Example Media. All rights reserved.\n浙ICP备12345678号\n");
  EXPECT_FALSE(BodyLines(doc).empty());
}

TEST(BoilerplateTest, CrLfLineEndingsAreHandled) {
  Document doc = Make(std::string(kEnBody1) + "\r\n" + kEnBody2 + "\r\nComments\r\n");
  EXPECT_EQ(BodyLines(doc), (Lines{kEnBody1, kEnBody2}));
}

// --- Sentences, spans, odd input -----------------------------------------------------

TEST(BoilerplateTest, SentencesFollowTheirLines) {
  Document doc = Make(Page({kEnBody1, kEnBody2, "Recent posts", "Sunrise Power opens line"}));
  ASSERT_FALSE(doc.sentences.empty());
  for (const Sentence& s : doc.sentences)
    EXPECT_EQ(s.boilerplate, doc.IsBoilerplate(s.span.begin)) << doc.NormText(s.span);
  EXPECT_TRUE(doc.sentences.back().boilerplate);
  EXPECT_FALSE(doc.sentences.front().boilerplate);
}

TEST(BoilerplateTest, BodySpansIndexTheOriginalText) {
  // Full-width letters make the NFKC view shorter than the original.
  std::string head = "储能网 > 资讯\n";
  std::string body = "远川新能源年产６０ＧＷｈ储能电池项目在芜湖市正式开工，项目总投资约"
                     "120亿元，计划于2026年建成投产。\n第二段：一期规划产能15GWh，主要生产"
                     "储能电芯，达产后年产值预计超过200亿元。";
  std::string tail = "\n版权所有 © 储能资讯网\n";
  Document doc = Make(head + body + tail);
  std::vector<Span> spans = BodySpans(doc);
  ASSERT_EQ(spans.size(), 1u);
  EXPECT_EQ(doc.OriginalText(spans[0]), body);
}

TEST(BoilerplateTest, BodySpansSplitAroundBoilerplate) {
  Document doc = Make(Page({kEnBody1, "LinkedIn", kEnBody2}));
  std::vector<Span> spans = BodySpans(doc);
  ASSERT_EQ(spans.size(), 2u);
  EXPECT_EQ(doc.OriginalText(spans[0]), kEnBody1);
  EXPECT_EQ(doc.OriginalText(spans[1]), kEnBody2);
}

TEST(BoilerplateTest, DocumentWithoutLinesIsLeftAlone) {
  Document doc;
  MarkBoilerplate(&doc);
  EXPECT_TRUE(doc.lines.empty());
  EXPECT_TRUE(BodySpans(doc).empty());
}

TEST(BoilerplateTest, HostileLongLinesAreHandled) {
  std::string page(1 << 20, 'a');
  page += "\n" + std::string(200000, '|') + "\n" + std::string(100000, '>') + "\n";
  for (int i = 0; i < 2000; ++i) page += "Related\n";
  Document doc = Make(page);
  EXPECT_FALSE(BodyLines(doc).empty());
}

}  // namespace
}  // namespace gigafact
