// End-to-end tests of the gigafact binary: round trips through the CLI.
#include <gtest/gtest.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <sys/wait.h>

namespace {

namespace fs = std::filesystem;
using nlohmann::json;

struct RunResult {
  int exit_code;
  std::string out;
};

// Run executes the gigafact binary with args (a shell fragment) and
// captures stdout.
RunResult RunGigafact(const std::string& args) {
  std::string cmd = std::string(std::getenv("GIGAFACT_BIN")) + " " + args + " 2>/dev/null";
  FILE* p = popen(cmd.c_str(), "r");
  std::string out;
  char buf[4096];
  size_t n;
  while ((n = fread(buf, 1, sizeof buf, p)) > 0) out.append(buf, n);
  int status = pclose(p);
  return {WIFEXITED(status) ? WEXITSTATUS(status) : -1, out};
}

std::vector<json> Records(const std::string& out) {
  std::vector<json> records;
  std::istringstream in(out);
  std::string line;
  while (std::getline(in, line)) records.push_back(json::parse(line));
  return records;
}

class CliTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("gigafact_cli_" + std::to_string(::getpid()));
    fs::remove_all(dir_);
    fs::create_directories(dir_ / "in");
  }
  void TearDown() override { fs::remove_all(dir_); }
  void Write(const std::string& rel, const std::string& bytes) {
    std::ofstream(dir_ / rel, std::ios::binary) << bytes;
  }
  fs::path dir_;
};

TEST_F(CliTest, ExtractWritesOneRecordPerArticleInOrder) {
  Write("in/a.txt", "CATL builds a plant\nCATL will build 40 GWh in Dongying.\n");
  Write("in/b.txt", "");
  Write("in/c.jsonl", "{\"id\":\"j1\",\"text\":\"BYD\"}\n{broken\n");
  RunResult r = RunGigafact("extract --threads 2 " + (dir_ / "in").string());
  EXPECT_EQ(r.exit_code, 1);  // some inputs became error records
  auto records = Records(r.out);
  ASSERT_EQ(records.size(), 4u);
  EXPECT_EQ(records[0]["doc_id"], "a");
  EXPECT_EQ(records[0]["schema_version"], 1);
  EXPECT_EQ(records[1]["doc_id"], "b");
  EXPECT_EQ(records[1]["error"]["code"], "empty_input");
  EXPECT_EQ(records[2]["doc_id"], "j1");
  EXPECT_EQ(records[3]["error"]["code"], "malformed_jsonl");
}

TEST_F(CliTest, OutputIsIdenticalAcrossThreadCounts) {
  std::string batch;
  for (int i = 0; i < 200; ++i)
    batch += "{\"id\":\"d" + std::to_string(i) + "\",\"text\":\"宁德时代在重庆建设" +
             std::to_string(i) + "GWh基地。CATL in Chongqing.\"}\n";
  Write("in/batch.jsonl", batch);
  RunResult one = RunGigafact("extract --threads 1 " + (dir_ / "in/batch.jsonl").string());
  RunResult four = RunGigafact("extract --threads 4 " + (dir_ / "in/batch.jsonl").string());
  EXPECT_EQ(one.exit_code, 0);
  EXPECT_EQ(Records(one.out).size(), 200u);
  EXPECT_EQ(one.out, four.out);
}

TEST_F(CliTest, StdinJsonlStreamsToStdout) {
  Write("in/s.jsonl", "{\"id\":\"x\",\"text\":\"Hello\"}\n");
  RunResult r = RunGigafact("extract --format jsonl - < " + (dir_ / "in/s.jsonl").string());
  EXPECT_EQ(r.exit_code, 0);
  auto records = Records(r.out);
  ASSERT_EQ(records.size(), 1u);
  EXPECT_EQ(records[0]["doc_id"], "x");
}

TEST_F(CliTest, UsageErrorsExitTwo) {
  EXPECT_EQ(RunGigafact("frobnicate").exit_code, 2);
  EXPECT_EQ(RunGigafact("extract --format xml x").exit_code, 2);
  EXPECT_EQ(RunGigafact("eval").exit_code, 2);
  EXPECT_EQ(RunGigafact("extract --help").exit_code, 0);
}

TEST_F(CliTest, EvalScoresRecordsFile) {
  Write("in/a.txt", "Nothing here.\n");
  Write("in/a.gold.json",
        R"({"doc_id":"a","published":null,"dates":[],"energy_gwh":[],"power_gw":[],)"
        R"("places":[{"name":"Dongying","aliases":[]}],"parties":[],"ignore":{}})");
  RunResult ex = RunGigafact("extract -o " + (dir_ / "rec.jsonl").string() + " " + (dir_ / "in").string());
  EXPECT_EQ(ex.exit_code, 0);
  RunResult r = RunGigafact("eval --json --gold " + (dir_ / "in").string() + " " + (dir_ / "rec.jsonl").string());
  ASSERT_EQ(r.exit_code, 0);
  json score = json::parse(r.out);
  EXPECT_EQ(score["fields"]["places"]["fn"], 1);
  EXPECT_EQ(score["fields"]["places"]["tp"], 0);
}

}  // namespace
