// Bad input end to end: each hostile article gets a record (or an error
// record) and the run goes on — the article after it comes out exactly as it
// does alone. Runs the gigafact binary ($GIGAFACT_BIN).
//
// Every run has a time limit proportional to its input (kSecondsPerMb, 200
// times slower than the 50 MB/s goal), so a stage that turns quadratic on
// hostile input fails here with its input named, not as a suite timeout.
// GIGAFACT_BIG_INPUT_MB scales the two big inputs (the 100 MB article and the
// 50 MB JSONL line, default 100 and 50) for slow builds such as the
// sanitizer run; the shapes of the inputs stay the same.
#include <gtest/gtest.h>

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <regex>
#include <set>
#include <string>
#include <vector>

#include "tests/cli/run_gigafact.h"

namespace gigafact::testing {
namespace {

using nlohmann::json;

// The article after every bad one: its record must not depend on what came
// before it.
constexpr char kSentinel[] =
    "CATL will build a 40 GWh battery plant in Dongying, Shandong, the company said "
    "on March 3, 2025.\n"
    "宁德时代将在山东东营建设年产40GWh的电池工厂，预计2026年投产。\n";

constexpr double kSecondsPerMb = 4;
constexpr double kBaseSeconds = 60;  // start-up and a loaded machine

double TimeLimit(size_t input_bytes) { return kBaseSeconds + kSecondsPerMb * double(input_bytes) / 1e6; }

size_t BigInputBytes(size_t default_mb) {
  const char* env = std::getenv("GIGAFACT_BIG_INPUT_MB");
  double scale = env ? std::atof(env) / 100.0 : 1.0;
  if (scale <= 0) scale = 1.0;
  return static_cast<size_t>(double(default_mb) * scale * 1e6);
}

// Repeat returns unit repeated until the result holds at least bytes bytes.
std::string Repeat(const std::string& unit, size_t bytes) {
  std::string out;
  out.reserve(bytes + unit.size());
  while (out.size() < bytes) out += unit;
  return out;
}

json WithoutSourcePath(json record) {
  record["source"].erase("path");
  return record;
}

class RobustnessTest : public ::testing::Test {
 protected:
  RobustnessTest() : dir_("robustness") {}

  // SentinelAlone: the sentinel's record from a run of its own, as JSONL
  // line "sentinel".
  json SentinelAlone() {
    std::string path = dir_.Write("alone/sentinel.jsonl", JsonlLine("sentinel", kSentinel));
    RunResult r = RunGigafact({"extract", "--threads", "1", path});
    std::vector<json> records = ParseRecords(r.out);
    EXPECT_EQ(records.size(), 1u);
    return records.empty() ? json() : WithoutSourcePath(records[0]);
  }

  // RunWithSentinel runs the files written under in/ (sorted by name, so
  // the caller names the bad inputs a_…) followed by the sentinel batch
  // z_sentinel.jsonl, and checks that records out equal articles in and that
  // the sentinel came out as it does alone. Returns the records.
  std::vector<json> RunWithSentinel(size_t articles_before_sentinel, size_t input_bytes = 0,
                                    long* peak_rss_mb = nullptr) {
    json alone = SentinelAlone();
    dir_.Write("in/z_sentinel.jsonl", JsonlLine("sentinel", kSentinel));
    RunResult r = RunGigafact({"extract", "--threads", "2", (dir_.path() / "in").string()}, "",
                              TimeLimit(input_bytes));
    EXPECT_FALSE(r.timed_out) << "no output within " << TimeLimit(input_bytes)
                              << " s: a stage is superlinear on this input";
    EXPECT_TRUE(r.exit_code == 0 || r.exit_code == 1) << r.err;
    // The summary line's figure: wait4's would count this test process too
    // (posix_spawn shares its memory until exec).
    std::smatch rss;
    if (peak_rss_mb && std::regex_search(r.err, rss, std::regex(R"(peak RSS ([0-9]+) MB)")))
      *peak_rss_mb = std::stol(rss[1]);
    std::vector<json> records = ParseRecords(r.out);
    EXPECT_EQ(records.size(), articles_before_sentinel + 1) << r.err;
    if (records.empty()) return records;
    EXPECT_EQ(WithoutSourcePath(records.back()), alone);
    EXPECT_NE(r.err.find(std::to_string(articles_before_sentinel + 1) + " articles in, " +
                         std::to_string(articles_before_sentinel + 1) + " records out"),
              std::string::npos)
        << r.err;
    return records;
  }

  ScratchDir dir_;
};

// ExpectSpansIndex checks SPEC §2's span rule on every mention of a record:
// text == utf8[start:end] of the article text.
void ExpectSpansIndex(const json& record, const std::string& text) {
  auto check = [&](const json& m) {
    if (!m.contains("span") || !m["span"].is_array()) return;
    size_t b = m["span"][0], e = m["span"][1];
    ASSERT_LE(b, e);
    ASSERT_LE(e, text.size());
    EXPECT_EQ(text.substr(b, e - b), m["text"].get<std::string>());
  };
  for (const char* field : {"dates", "quantities"})
    for (const json& m : record.value(field, json::array())) check(m);
  for (const char* field : {"places", "parties"})
    for (const json& e : record.value(field, json::array()))
      for (const json& m : e.value("mentions", json::array())) check(m);
}

bool HasWarning(const json& record, const std::string& prefix) {
  for (const json& w : record.value("warnings", json::array()))
    if (w.get<std::string>().rfind(prefix, 0) == 0) return true;
  return false;
}

TEST_F(RobustnessTest, InvalidUtf8InTheMiddleOfChineseTextIsRepaired) {
  // "宁德时代在" + a UTF-8 sequence cut short + "重庆建设…": one damaged
  // character in a short page (over 1 % of its bytes).
  const std::string before = "宁德时代在", cut = "\xE5\xAE",
                    after = "重庆建设年产20GWh的电池基地，于2024年5月签约。\n";
  const std::string bad = before + cut + after;
  dir_.Write("in/a_damaged.txt", bad);
  dir_.Write("in/b_damaged.jsonl", "{\"id\":\"j\",\"text\":\"" + bad.substr(0, bad.size() - 1) + "\"}\n");
  std::vector<json> records = RunWithSentinel(2);
  ASSERT_EQ(records.size(), 3u);
  // One U+FFFD per malformed byte (ingest/charset.h).
  const std::string repaired = before + "\xEF\xBF\xBD\xEF\xBF\xBD" + after;
  for (int i : {0, 1}) {
    SCOPED_TRACE(i);
    EXPECT_FALSE(records[i].contains("error")) << records[i].dump();
    EXPECT_TRUE(HasWarning(records[i], i == 0 ? "invalid_utf8" : "jsonl line: invalid_utf8"))
        << records[i]["warnings"].dump();
  }
  ExpectSpansIndex(records[0], repaired);
  ExpectSpansIndex(records[1], repaired.substr(0, repaired.size() - 1));
}

TEST_F(RobustnessTest, NulBytesBecomeSpacesAndBinaryBecomesAnErrorRecord) {
  // A page with a few NUL bytes in it (a scraper's buffer leaking through).
  static constexpr char kWithNul[] = "CATL\0 will build\0\0 a 40 GWh plant in Dongying.\n";
  std::string with_nul = std::string(kWithNul, sizeof kWithNul - 1) +
                         "The plant is the company's third in Shandong province. Construction "
                         "starts in May, and production is expected to begin in late 2026.\n";
  dir_.Write("in/a_nul.txt", with_nul);
  dir_.Write("in/b_nul.jsonl", "{\"id\":\"escaped\",\"text\":\"CATL\\u0000 builds 40 GWh.\"}\n");
  dir_.Write("in/c_binary.txt", std::string(4096, '\0') + "\x01\x02\x03");
  std::vector<json> records = RunWithSentinel(3);
  ASSERT_EQ(records.size(), 4u);
  EXPECT_FALSE(records[0].contains("error"));
  EXPECT_TRUE(HasWarning(records[0], "control_bytes"));
  EXPECT_FALSE(records[1].contains("error"));
  EXPECT_TRUE(HasWarning(records[1], "control_bytes"));
  EXPECT_EQ(records[2]["error"]["code"], "binary_input");
}

TEST_F(RobustnessTest, ZeroByteFilesAndEmptyBatches) {
  dir_.Write("in/a_empty.txt", "");
  dir_.Write("in/b_empty.jsonl", "");       // a batch with no article: no record
  dir_.Write("in/c_blank.jsonl", "\n  \n\t\n");  // blank lines are not articles
  dir_.Write("in/d_spaces.txt", " \n\t\n");
  std::vector<json> records = RunWithSentinel(2);
  ASSERT_EQ(records.size(), 3u);
  EXPECT_EQ(records[0]["doc_id"], "a_empty");
  EXPECT_EQ(records[0]["error"]["code"], "empty_input");
  EXPECT_EQ(records[1]["doc_id"], "d_spaces");
  EXPECT_EQ(records[1]["error"]["code"], "empty_input");
}

TEST_F(RobustnessTest, UnterminatedLastLines) {
  dir_.Write("in/a_last.jsonl", JsonlLine("first", "BYD signs a deal.") +
                                    "{\"id\":\"last\",\"text\":\"No newline after me.\"}");
  dir_.Write("in/b_cut.jsonl", "{\"id\":\"cut\",\"text\":\"the batch ends in the mid");
  dir_.Write("in/c_crlf.jsonl", "{\"id\":\"crlf\",\"text\":\"Windows line end.\"}\r\n");
  std::vector<json> records = RunWithSentinel(4);
  ASSERT_EQ(records.size(), 5u);
  EXPECT_EQ(records[1]["doc_id"], "last");
  EXPECT_FALSE(records[1].contains("error"));
  EXPECT_EQ(records[2]["doc_id"], "b_cut.jsonl:1");
  EXPECT_EQ(records[2]["error"]["code"], "malformed_jsonl");
  EXPECT_EQ(records[3]["doc_id"], "crlf");
  EXPECT_FALSE(records[3].contains("error"));
}

TEST_F(RobustnessTest, HostileJsonlLines) {
  std::string deep = "{\"id\":\"deep\",\"text\":\"x\",\"meta\":" + std::string(100000, '[') +
                     std::string(100000, ']') + "}\n";
  dir_.Write("in/a_hostile.jsonl",
             "{broken\n"
             "{\"id\":\"num\",\"text\":42}\n"
             "[\"an array\"]\n"
             "{\"id\":\"surrogate\",\"text\":\"\\ud800 alone\"}\n"
             "{\"id\":\"bigmeta\",\"text\":\"BYD.\",\"views\":99999999999999999999,\"score\":1e400}\n" +
                 deep + "{\"id\":\"dup\",\"text\":\"one\",\"text\":\"two\"}\n");
  std::vector<json> records = RunWithSentinel(7);
  ASSERT_EQ(records.size(), 8u);
  EXPECT_EQ(records[0]["error"]["code"], "malformed_jsonl");
  EXPECT_EQ(records[1]["error"]["code"], "missing_text");
  EXPECT_EQ(records[2]["error"]["code"], "malformed_jsonl");
  EXPECT_TRUE(records[3].contains("error"));
  for (int i : {5, 6}) EXPECT_FALSE(records[i].contains("error")) << records[i].dump();
}

TEST_F(RobustnessTest, AbsurdNumbersGiveFiniteValuesOrNone) {
  const char* figures[] = {
      "1e400 GWh",  "99999999999999999999 GWh", "1.2.3 GWh", "１e４００ＧＷｈ",
      "-5 GWh",     "0.0000000000000000000000001 GWh",       "1,000,000,000,000,000,000,000,000 GWh",
      "NaN GWh",    "inf GWh",  "9999999999999999999999999999999999999999亿千瓦时",
      "1e-400 GW",  "0x1F GWh", "1..2 GWh", "12.34.56.78 MW", "一千亿亿亿亿亿亿亿千瓦时"};
  std::string text = "Battery figures that make no sense.\n";
  for (const char* f : figures) text += std::string("The plant will have ") + f + ".\n";
  dir_.Write("in/a_numbers.txt", text);
  std::vector<json> records = RunWithSentinel(1);
  ASSERT_EQ(records.size(), 2u);
  ASSERT_FALSE(records[0].contains("error")) << records[0].dump();
  ExpectSpansIndex(records[0], text);
  auto finite_or_null = [](const json& v) {
    return v.is_null() || (v.is_number() && std::isfinite(v.get<double>()));
  };
  for (const json& q : records[0]["quantities"])
    for (const char* key : {"value", "min", "max"})
      if (q.contains(key)) EXPECT_TRUE(finite_or_null(q[key])) << q.dump();
  for (const json& f : records[0]["facts"])
    for (const char* key : {"energy_gwh", "power_gw"})
      if (f.contains(key)) EXPECT_TRUE(finite_or_null(f[key])) << f.dump();
}

// Inputs shaped to make a backtracking regex or a quadratic scan blow up,
// 1 MB each: every one gets its record within its time limit, alone, and
// then all of them in one run.
TEST_F(RobustnessTest, DeeplyRepeatedPatterns) {
  const size_t size = 1'000'000;
  const std::vector<std::string> units = {
      "1 GWh ",        "2025年3月",        "(",           "CATL ",
      "a",             "1",                "的",          "1.1",
      "宁德时代与",    "((40 GWh)) ",      "March 3, ",   "1,000,",
      "Co., Ltd. ",    "有限公司",         "GWh",         "，",
      "http://x.y/",   "Related posts\n",  "\n",          "Dongying ",
  };
  bool all_finished = true;
  for (size_t i = 0; i < units.size(); ++i) {
    SCOPED_TRACE("\"" + units[i] + "\" repeated to 1 MB");
    char name[32];
    std::snprintf(name, sizeof name, "in/a_%02zu.txt", i);
    std::string path = dir_.Write(name, Repeat(units[i], size));
    RunResult r = RunGigafact({"extract", "--threads", "1", path}, "", TimeLimit(size));
    EXPECT_FALSE(r.timed_out) << "no record within " << TimeLimit(size)
                              << " s: a stage is superlinear on this input";
    all_finished &= !r.timed_out;
    std::vector<json> records = ParseRecords(r.out);
    ASSERT_EQ(records.size(), r.timed_out ? 0u : 1u);
    if (records.empty()) continue;
    // A page that is only line breaks is empty; everything else is read.
    if (units[i] == "\n") EXPECT_EQ(records[0]["error"]["code"], "empty_input");
    else EXPECT_FALSE(records[0].contains("error")) << records[0].dump().substr(0, 300);
  }
  if (all_finished) RunWithSentinel(units.size(), units.size() * size);
}

TEST_F(RobustnessTest, AHundredMegabyteArticle) {
  const std::string paragraph =
      "CATL will build a 40 GWh plant in Dongying, Shandong, starting March 3, 2025, the "
      "company said.\n宁德时代与东营市签约，投资建设年产40GWh电池项目。\n\n";
  std::string text = Repeat(paragraph, BigInputBytes(100));
  std::string path = dir_.Write("in/a_big.txt", text);
  size_t bytes = text.size();
  text.clear();
  long peak_rss_mb = -1;
  std::vector<json> records = RunWithSentinel(1, bytes, &peak_rss_mb);
  ASSERT_EQ(records.size(), 2u);
  // The article's bytes are held once (read, then decoded in place); what is
  // processed is capped, so memory is the input plus a bounded working set.
  EXPECT_GE(peak_rss_mb, 0) << "no peak RSS in the summary line";
  // Sanitized builds (GIGAFACT_SANITIZED) keep shadow memory and freed blocks
  // in quarantine: their RSS says nothing about ours.
  if (std::getenv("GIGAFACT_SANITIZED") == nullptr)
    EXPECT_LT(peak_rss_mb, long(bytes / 1000000) + 400) << "peak RSS " << peak_rss_mb << " MB";
  EXPECT_EQ(records[0]["doc_id"], "a_big");
  EXPECT_FALSE(records[0].contains("error")) << records[0].dump().substr(0, 300);
  // Only the first --max-article-mb are read, and the record says so.
  EXPECT_TRUE(HasWarning(records[0], "truncated_input: ")) << records[0]["warnings"].dump();
  EXPECT_FALSE(records[0]["quantities"].empty());
  // Entities are listed once however often they are named.
  std::set<std::string> party_ids;
  for (const json& p : records[0]["parties"]) EXPECT_TRUE(party_ids.insert(p["id"]).second);
}

TEST_F(RobustnessTest, AFiftyMegabyteJsonlLine) {
  const std::string sentence = "BYD will add 20 GWh in Hefei. 比亚迪在合肥新增20GWh产能。 ";
  std::string batch = JsonlLine("before", "A short one about Gotion.") +
                      JsonlLine("huge", Repeat(sentence, BigInputBytes(50))) +
                      JsonlLine("after", "Another short one about EVE Energy.");
  dir_.Write("in/a_huge_line.jsonl", batch);
  size_t bytes = batch.size();
  batch.clear();
  std::vector<json> records = RunWithSentinel(3, bytes);
  ASSERT_EQ(records.size(), 4u);
  EXPECT_EQ(records[0]["doc_id"], "before");
  EXPECT_EQ(records[1]["doc_id"], "huge");
  EXPECT_FALSE(records[1].contains("error")) << records[1].dump().substr(0, 300);
  EXPECT_EQ(HasWarning(records[1], "truncated_input: "), bytes > (size_t{4} << 20));
  EXPECT_EQ(records[2]["doc_id"], "after");
}

}  // namespace
}  // namespace gigafact::testing
