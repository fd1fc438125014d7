// Streaming mode, JSONL on stdin → JSONL on stdout, as Hadoop Streaming,
// Spark's pipe() or GNU parallel --pipe run it: one record line per article
// line, no state across records, so cutting the input into shards anywhere
// between lines and concatenating the shards' outputs gives one run's output.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <sstream>

#include "tests/cli/run_gigafact.h"

namespace gigafact::testing {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

// CorpusLines: the project's own corpus articles as JSONL lines with ids,
// `copies` times over (ids differ per copy), with a few bad lines among them.
std::vector<std::string> CorpusLines(int copies) {
  std::vector<fs::path> files;
  const char* root = std::getenv("GIGAFACT_SOURCE_ROOT");
  if (root != nullptr)
    for (const auto& e : fs::recursive_directory_iterator(fs::path(root) / "corpus"))
      if (e.path().extension() == ".txt") files.push_back(e.path());
  std::sort(files.begin(), files.end());
  std::vector<std::string> lines;
  for (int copy = 0; copy < copies; ++copy) {
    for (const fs::path& p : files) {
      json j;
      j["id"] = p.stem().string() + "-" + std::to_string(copy);
      j["text"] = ReadFile(p);
      if (copy % 2 == 1) j["published"] = "2025-03-0" + std::to_string(1 + copy);
      lines.push_back(j.dump() + "\n");
    }
    lines.push_back("{\"id\":\"broken-" + std::to_string(copy) + "\",\"text\":\n");
    lines.push_back("{\"id\":\"no-text-" + std::to_string(copy) + "\"}\n");
    lines.push_back(JsonlLine("short-" + std::to_string(copy), "宁德时代在重庆建设20GWh基地。"));
  }
  return lines;
}

std::string Join(const std::vector<std::string>& lines, size_t begin, size_t end) {
  std::string out;
  for (size_t i = begin; i < end; ++i) out += lines[i];
  return out;
}

std::vector<std::string> DocIds(const std::string& out) {
  std::vector<std::string> ids;
  for (const json& r : ParseRecords(out)) ids.push_back(r["doc_id"]);
  return ids;
}

class ShardTest : public ::testing::Test {
 protected:
  ShardTest() : dir_("shard") {}
  // Extract runs `gigafact extract --format jsonl -` over jsonl on stdin.
  RunResult Extract(const std::string& jsonl, int threads) {
    std::string path = dir_.Write("stdin_" + std::to_string(inputs_++) + ".jsonl", jsonl);
    return RunGigafact({"extract", "--format", "jsonl", "--threads", std::to_string(threads), "-"},
                       path);
  }
  ScratchDir dir_;
  int inputs_ = 0;
};

TEST_F(ShardTest, ConcatenatedShardOutputsEqualOneRun) {
  std::vector<std::string> lines = CorpusLines(3);
  ASSERT_GT(lines.size(), 150u) << "corpus/ not found below $GIGAFACT_SOURCE_ROOT";
  RunResult whole = Extract(Join(lines, 0, lines.size()), 2);
  EXPECT_EQ(whole.exit_code, 1);  // the bad lines became error records
  ASSERT_EQ(ParseRecords(whole.out).size(), lines.size());

  // Uneven cuts at line boundaries, as `parallel --pipe --block` makes them,
  // each shard run with a different thread count.
  std::vector<size_t> cuts = {0, lines.size() / 7, lines.size() / 2 + 3, lines.size() - 1,
                              lines.size()};
  std::string concatenated;
  for (size_t s = 0; s + 1 < cuts.size(); ++s) {
    SCOPED_TRACE("shard " + std::to_string(s));
    RunResult shard = Extract(Join(lines, cuts[s], cuts[s + 1]), 1 + static_cast<int>(s % 3));
    EXPECT_EQ(ParseRecords(shard.out).size(), cuts[s + 1] - cuts[s]);
    concatenated += shard.out;
  }
  // Byte for byte the same records, but for the doc ids of lines that have
  // no readable id: SPEC §1 names them "<file>:<line>", and a shard numbers
  // its own lines.
  std::vector<json> one = ParseRecords(whole.out), sharded = ParseRecords(concatenated);
  ASSERT_EQ(one.size(), sharded.size());
  size_t positional = 0;
  for (size_t i = 0; i < one.size(); ++i) {
    SCOPED_TRACE(one[i]["doc_id"].get<std::string>());
    if (one[i]["doc_id"].get<std::string>().rfind("stdin:", 0) == 0) {
      ++positional;
      EXPECT_EQ(sharded[i]["doc_id"].get<std::string>().rfind("stdin:", 0), 0u);
      one[i]["doc_id"] = sharded[i]["doc_id"] = "positional";
    }
    EXPECT_TRUE(one[i] == sharded[i]);
  }
  EXPECT_EQ(positional, 3u);  // the three broken lines
  // Without such lines the outputs are identical bytes.
  std::string with_ids;
  for (const std::string& line : lines)
    if (line.rfind("{\"id\":\"broken-", 0) != 0) with_ids += line;
  RunResult a = Extract(with_ids, 3);
  size_t cut = with_ids.find('\n', with_ids.size() / 3) + 1;
  RunResult b1 = Extract(with_ids.substr(0, cut), 1), b2 = Extract(with_ids.substr(cut), 2);
  EXPECT_TRUE(a.out == b1.out + b2.out) << "the shards' records differ from one run's";
}

TEST_F(ShardTest, OneRecordLinePerArticleLineInInputOrder) {
  std::string jsonl = JsonlLine("a", "CATL signs with Dongying.") + "\n" +  // blank line: skipped
                      "{\"id\":\"b\",\"text\":\"crlf\"}\r\n" + "{not json}\n" +
                      JsonlLine("", "no id: line number") + JsonlLine("e", "last, unterminated");
  jsonl.pop_back();
  RunResult r = Extract(jsonl, 2);
  EXPECT_EQ(r.exit_code, 1);
  // Every output line is one complete record.
  EXPECT_EQ(std::count(r.out.begin(), r.out.end(), '\n'), 5);
  std::vector<std::string> ids = DocIds(r.out);
  EXPECT_EQ(ids, (std::vector<std::string>{"a", "b", "stdin:4", "stdin:5", "e"}));
  for (const json& rec : ParseRecords(r.out)) EXPECT_EQ(rec["source"]["path"], "-");
}

TEST_F(ShardTest, StdinIsTheDefaultInputAndJsonlItsDefaultFormat) {
  std::string path = dir_.Write("default.jsonl", JsonlLine("x", "BYD builds in Hefei."));
  RunResult r = RunGigafact({"extract"}, path);
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_EQ(DocIds(r.out), std::vector<std::string>{"x"});
}

}  // namespace
}  // namespace gigafact::testing
