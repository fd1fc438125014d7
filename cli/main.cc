// gigafact: battery-industry news → structured, normalized JSON records.
#include <iostream>
#include <string>
#include <vector>

#include "cli/commands.h"

namespace {

constexpr const char* kUsage =
    "usage: gigafact <command> [options]\n"
    "\n"
    "commands:\n"
    "  extract [PATH...|-]          articles in, one JSON record per article out (JSONL)\n"
    "  eval --gold DIR INPUT...     score records (or extract and score) against gold\n"
    "  load RECORDS... --db URL     load records into SQLite or PostgreSQL\n"
    "\n"
    "'gigafact <command> --help' describes a command.\n";

}  // namespace

int main(int argc, char** argv) {
  std::ios::sync_with_stdio(false);
  if (argc < 2) {
    std::cerr << kUsage;
    return gigafact::kExitUsage;
  }
  std::string command = argv[1];
  std::vector<std::string> args(argv + 2, argv + argc);
  if (command == "extract") return gigafact::RunExtract(args);
  if (command == "eval") return gigafact::RunEval(args);
  if (command == "load") return gigafact::RunLoad(args);
  if (command == "--help" || command == "-h" || command == "help") {
    std::cout << kUsage;
    return gigafact::kExitOk;
  }
  std::cerr << "gigafact: unknown command '" << command << "'\n" << kUsage;
  return gigafact::kExitUsage;
}
