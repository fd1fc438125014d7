// gigafact load: records already written (JSONL) into a database.
#include <unistd.h>

#include <boost/program_options.hpp>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>

#include "cli/command_line.h"
#include "cli/commands.h"
#include "cli/progress.h"
#include "normalizers/gazetteer.h"
#include "output/sink.h"
#include "pipeline/pipeline.h"

namespace gigafact {

namespace po = boost::program_options;

namespace {

struct LoadTotals {
  BatchStats stats;  // articles = records written, bytes = input bytes read
  uint64_t bad_lines = 0;
};

// LoadStream writes every record line of in to sink. Lines that are not
// records are reported and skipped; false when the database failed.
bool LoadStream(std::istream& in, const std::string& name, DatabaseSink* sink,
                Progress* progress, std::chrono::steady_clock::time_point start,
                LoadTotals* totals, std::string* err) {
  std::string line;
  uint64_t line_no = 0;
  while (std::getline(in, line)) {
    ++line_no;
    totals->stats.bytes += line.size() + 1;
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    nlohmann::json record = nlohmann::json::parse(line, nullptr, /*allow_exceptions=*/false);
    std::string problem;
    DatabaseSink::WriteStatus status =
        record.is_discarded() ? DatabaseSink::WriteStatus::kNotARecord
                              : sink->Write(record, &problem);
    if (record.is_discarded()) problem = "not valid JSON";
    if (status == DatabaseSink::WriteStatus::kFailed) {
      *err = problem;
      return false;
    }
    if (status == DatabaseSink::WriteStatus::kNotARecord) {
      std::cerr << "gigafact load: " << name << ":" << line_no << ": " << problem
                << ", skipped\n";
      ++totals->bad_lines;
      continue;
    }
    ++totals->stats.articles;
    totals->stats.error_records += record.contains("error");
    totals->stats.seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    progress->Update(totals->stats);
  }
  return true;
}

uint64_t InputSize(const std::vector<std::string>& inputs) {
  uint64_t total = 0;
  std::error_code ec;
  for (const auto& in : inputs) {
    if (in == "-") return 0;
    uint64_t n = std::filesystem::file_size(in, ec);
    if (!ec) total += n;
  }
  return total;
}

}  // namespace

int RunLoad(const std::vector<std::string>& args) {
  po::options_description opts(
      "usage: gigafact load RECORDS.jsonl... --db URL [options]\n\n"
      "Loads records written by 'gigafact extract' ('-' reads stdin) into a database:\n"
      "sqlite:FILE or postgresql://[user@]host[:port]/dbname[?param=value...]\n"
      "(a password is better kept in PGPASSWORD or ~/.pgpass than in the URI).\n"
      "Loading an article again replaces its rows; a failed run can simply be re-run.\n"
      "Exit: 0 ok, 1 the database failed or some lines were not records, 2 usage error.\n\n"
      "options");
  std::string url, data_dir;
  size_t batch = SinkOptions().batch_size;
  bool quiet = false;
  opts.add_options()
      ("help,h", "show this help")
      ("db", po::value(&url), "database URL (required)")
      ("batch", po::value(&batch)->default_value(batch), "records per transaction")
      ("data-dir", po::value(&data_dir), "gazetteer for the places' ancestors (default: built-in path)")
      ("quiet,q", po::bool_switch(&quiet), "no progress display or summary line");
  std::vector<std::string> inputs;
  if (auto exit_code = ParseCommandLine(args, opts, "load", &inputs)) return *exit_code;
  if (url.empty()) {
    std::cerr << "gigafact load: --db URL is required\n";
    return kExitUsage;
  }
  if (batch == 0) {
    std::cerr << "gigafact load: --batch must be at least 1\n";
    return kExitUsage;
  }
  if (inputs.empty()) inputs.push_back("-");

  if (data_dir.empty()) data_dir = DefaultDataDir();

  std::string err;
  // The gazetteer gives the places table every stored place's ancestors.
  Gazetteer gazetteer;
  if (!gazetteer.LoadDir(data_dir, &err)) {
    std::cerr << "gigafact load: " << err << "\n";
    return kExitSomeErrors;
  }
  SinkOptions options;
  options.batch_size = batch;
  options.place_lookup = PlaceLookupOf(gazetteer);
  std::unique_ptr<DatabaseSink> sink = OpenDatabaseSink(url, options, &err);
  if (!sink) {
    std::cerr << "gigafact load: " << err << "\n";
    return kExitSomeErrors;
  }
  auto start = std::chrono::steady_clock::now();
  Progress progress(std::cerr, !quiet && isatty(STDERR_FILENO), InputSize(inputs));
  LoadTotals totals;
  bool ok = true;
  for (const std::string& input : inputs) {
    std::ifstream file;
    if (input != "-") {
      file.open(input, std::ios::binary);
      if (!file) {
        std::cerr << "gigafact load: cannot open " << input << "\n";
        ++totals.bad_lines;
        continue;
      }
    }
    std::istream& in = input == "-" ? std::cin : file;
    ok = LoadStream(in, input, sink.get(), &progress, start, &totals, &err);
    if (!ok) break;
  }
  if (ok) ok = sink->Commit(&err);
  if (!quiet && isatty(STDERR_FILENO)) std::cerr << "\r\033[K";
  if (!ok) {
    std::cerr << "gigafact load: " << err << "\n"
              << "gigafact load: stopped; the articles committed so far are stored whole, "
                 "and running the same command again completes the load\n";
    return kExitSomeErrors;
  }
  double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  if (!quiet) {
    char rate[96];
    std::snprintf(rate, sizeof rate, " in %.2fs (%.0f records/s)\n", secs,
                  double(totals.stats.articles) / (secs > 0 ? secs : 1e-9));
    std::cerr << "gigafact load: " << totals.stats.articles << " records ("
              << totals.stats.error_records << " error records) into " << sink->description()
              << rate;
  }
  return totals.bad_lines > 0 ? kExitSomeErrors : kExitOk;
}

}  // namespace gigafact
