// The run's reporting on stderr: a progress line only when stderr is a
// terminal, a summary line always (unless -q), records untouched on stdout.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <regex>

#include "tests/cli/run_gigafact.h"

namespace gigafact::testing {
namespace {

std::string Batch(int articles) {
  std::string jsonl;
  for (int i = 0; i < articles; ++i)
    jsonl += JsonlLine("p" + std::to_string(i), "CATL builds " + std::to_string(i) + " GWh.");
  jsonl += "{broken\n";
  return jsonl;
}

const std::regex kSummary(
    R"(gigafact: (\d+) articles in, (\d+) records out, (\d+) error records, [0-9.]+ MB in [0-9.]+s \([0-9.]+ MB/s, [0-9]+ articles/s, peak RSS [0-9]+ MB\)\n)");

TEST(ProgressTest, NotATerminalGivesOnlyTheSummaryLine) {
  ScratchDir dir("progress_pipe");
  std::string path = dir.Write("b.jsonl", Batch(50));
  RunResult r = RunGigafact({"extract", "--threads", "2", path});
  EXPECT_EQ(r.exit_code, 1);
  std::smatch m;
  ASSERT_TRUE(std::regex_match(r.err, m, kSummary)) << r.err;
  EXPECT_EQ(m[1], "51");
  EXPECT_EQ(m[2], "51");
  EXPECT_EQ(m[3], "1");
  EXPECT_EQ(r.err.find('\r'), std::string::npos);
}

TEST(ProgressTest, QuietWritesNothingOnStderr) {
  ScratchDir dir("progress_quiet");
  std::string path = dir.Write("b.jsonl", Batch(5));
  RunResult r = RunGigafact({"extract", "-q", path});
  EXPECT_EQ(r.err, "");
  EXPECT_EQ(std::count(r.out.begin(), r.out.end(), '\n'), 6);
}

TEST(ProgressTest, ATerminalGetsTheProgressLine) {
  // script(1) gives the run a pseudo-terminal for stdout and stderr.
  const std::string script = "/usr/bin/script";
  if (!std::filesystem::exists(script)) GTEST_SKIP() << "script(1) not installed";
  ScratchDir dir("progress_tty");
  std::string path = dir.Write("b.jsonl", Batch(300));
  std::string out = (dir.path() / "records.jsonl").string();
  RunResult r = RunCommand({script, "-qec",
                            GigafactBinary() + " extract --threads 1 -o " + out + " " + path,
                            "/dev/null"});
  EXPECT_EQ(r.exit_code, 1) << r.out;
  // The terminal saw a progress line with the rates, the errors and the ETA,
  // then the line cleared and the summary.
  EXPECT_NE(r.out.find("articles/s"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("MB/s"), std::string::npos);
  EXPECT_NE(r.out.find(" errors"), std::string::npos);
  EXPECT_NE(r.out.find("ETA"), std::string::npos);
  EXPECT_NE(r.out.find("\r\033[K"), std::string::npos);
  EXPECT_NE(r.out.find("301 articles in, 301 records out, 1 error records"), std::string::npos);
  // Records went to the file, untouched by the display.
  std::vector<nlohmann::json> records = ParseRecords(ReadFile(out));
  EXPECT_EQ(records.size(), 301u);
}

}  // namespace
}  // namespace gigafact::testing
