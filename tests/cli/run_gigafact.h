// Helpers for the end-to-end tests that run the gigafact binary
// ($GIGAFACT_BIN): run it with files for stdin, stdout and stderr, read its
// records back, and keep the test's files in a scratch directory.
#ifndef GIGAFACT_TESTS_CLI_RUN_GIGAFACT_H_
#define GIGAFACT_TESTS_CLI_RUN_GIGAFACT_H_

#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace gigafact::testing {

struct RunResult {
  int exit_code = -1;      // -1: did not exit normally
  bool timed_out = false;  // killed at the time limit
  double seconds = 0;      // wall clock
  long peak_rss_kb = 0;    // the process's maximum resident set size
  std::string out;         // stdout
  std::string err;         // stderr
};

// RunCommand runs argv[0] (a path) with argv; stdin reads stdin_path (or
// /dev/null when empty). With time_limit > 0 (seconds) the process is
// killed when it runs longer, and timed_out set.
RunResult RunCommand(const std::vector<std::string>& argv, const std::string& stdin_path = "",
                     double time_limit = 0);

// RunGigafact runs the gigafact binary with args, as RunCommand.
RunResult RunGigafact(const std::vector<std::string>& args, const std::string& stdin_path = "",
                      double time_limit = 0);

// GigafactBinary: $GIGAFACT_BIN (fails the test and returns "" if unset).
std::string GigafactBinary();

// ParseRecords parses one JSON record per line; a line that is not JSON
// fails the calling test and is skipped.
std::vector<nlohmann::json> ParseRecords(const std::string& out);

// ScratchDir: a fresh directory under the system temp dir, removed at the end.
class ScratchDir {
 public:
  explicit ScratchDir(const std::string& name);
  ~ScratchDir();
  const std::filesystem::path& path() const { return path_; }
  // Write writes bytes to path()/rel (creating folders) and returns the path.
  std::string Write(const std::string& rel, const std::string& bytes) const;

 private:
  std::filesystem::path path_;
};

// JsonlLine renders one JSONL article line (with newline) from its fields;
// an empty id is left out.
std::string JsonlLine(const std::string& id, const std::string& text);

// ReadFile returns a file's bytes ("" if unreadable).
std::string ReadFile(const std::filesystem::path& path);

}  // namespace gigafact::testing

#endif  // GIGAFACT_TESTS_CLI_RUN_GIGAFACT_H_
