#include "tests/cli/run_gigafact.h"

#include <fcntl.h>
#include <gtest/gtest.h>
#include <spawn.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <csignal>
#include <cstdlib>
#include <fstream>
#include <thread>
#include <iterator>
#include <sstream>

extern char** environ;

namespace gigafact::testing {

namespace fs = std::filesystem;

std::string ReadFile(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

std::string GigafactBinary() {
  const char* bin = std::getenv("GIGAFACT_BIN");
  if (bin == nullptr) ADD_FAILURE() << "GIGAFACT_BIN is not set";
  return bin ? bin : "";
}

RunResult RunGigafact(const std::vector<std::string>& args, const std::string& stdin_path,
                      double time_limit) {
  std::vector<std::string> argv = {GigafactBinary()};
  argv.insert(argv.end(), args.begin(), args.end());
  return RunCommand(argv, stdin_path, time_limit);
}

RunResult RunCommand(const std::vector<std::string>& argv_strings, const std::string& stdin_path,
                     double time_limit) {
  RunResult result;
  if (argv_strings.empty() || argv_strings[0].empty()) return result;
  const char* bin = argv_strings[0].c_str();
  static int runs = 0;
  fs::path base = fs::temp_directory_path() /
                  ("gigafact_run_" + std::to_string(::getpid()) + "_" + std::to_string(runs++));
  std::string out_path = base.string() + ".out", err_path = base.string() + ".err";

  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 0, stdin_path.empty() ? "/dev/null" : stdin_path.c_str(),
                                   O_RDONLY, 0);
  posix_spawn_file_actions_addopen(&actions, 1, out_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  posix_spawn_file_actions_addopen(&actions, 2, err_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  std::vector<char*> argv;
  for (const auto& a : argv_strings) argv.push_back(const_cast<char*>(a.c_str()));
  argv.push_back(nullptr);
  pid_t pid;
  auto start = std::chrono::steady_clock::now();
  auto elapsed = [&] {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  };
  int spawned = posix_spawn(&pid, bin, &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  if (spawned != 0) {
    ADD_FAILURE() << "cannot run " << bin;
    return result;
  }
  int status = 0;
  struct rusage usage {};
  if (time_limit > 0) {
    while (wait4(pid, &status, WNOHANG, &usage) == 0) {
      if (elapsed() > time_limit) {
        kill(pid, SIGKILL);
        wait4(pid, &status, 0, &usage);
        result.timed_out = true;
        break;
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
  } else {
    wait4(pid, &status, 0, &usage);
  }
  result.peak_rss_kb = usage.ru_maxrss;
  result.seconds = elapsed();
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  result.out = ReadFile(out_path);
  result.err = ReadFile(err_path);
  fs::remove(out_path);
  fs::remove(err_path);
  return result;
}

std::vector<nlohmann::json> ParseRecords(const std::string& out) {
  std::vector<nlohmann::json> records;
  std::istringstream in(out);
  std::string line;
  size_t n = 0;
  while (std::getline(in, line)) {
    ++n;
    nlohmann::json j = nlohmann::json::parse(line, nullptr, /*allow_exceptions=*/false);
    if (j.is_discarded()) {
      ADD_FAILURE() << "output line " << n << " is not JSON: " << line.substr(0, 200);
      continue;
    }
    records.push_back(std::move(j));
  }
  return records;
}

ScratchDir::ScratchDir(const std::string& name)
    : path_(fs::temp_directory_path() / ("gigafact_" + name + "_" + std::to_string(::getpid()))) {
  fs::remove_all(path_);
  fs::create_directories(path_);
}

ScratchDir::~ScratchDir() {
  std::error_code ec;
  fs::remove_all(path_, ec);
}

std::string ScratchDir::Write(const std::string& rel, const std::string& bytes) const {
  fs::path p = path_ / rel;
  fs::create_directories(p.parent_path());
  std::ofstream(p, std::ios::binary) << bytes;
  return p.string();
}

std::string JsonlLine(const std::string& id, const std::string& text) {
  nlohmann::ordered_json j;
  if (!id.empty()) j["id"] = id;
  j["text"] = text;
  return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

}  // namespace gigafact::testing
