// gigafact extract: articles in, one JSON record per article out.
#include <unistd.h>

#include <boost/program_options.hpp>
#include <filesystem>
#include <fstream>
#include <iostream>

#include "cli/commands.h"
#include "cli/progress.h"
#include "pipeline/batch.h"
#include "pipeline/pipeline.h"

namespace gigafact {

namespace po = boost::program_options;

namespace {

bool ParseFormat(const std::string& s, InputFormat* f) {
  if (s == "auto") *f = InputFormat::kAuto;
  else if (s == "text") *f = InputFormat::kText;
  else if (s == "jsonl") *f = InputFormat::kJsonl;
  else return false;
  return true;
}

// InputSize sums the sizes of the inputs, for the progress ETA.
uint64_t InputSize(const std::vector<std::string>& inputs) {
  namespace fs = std::filesystem;
  uint64_t total = 0;
  std::error_code ec;
  for (const auto& in : inputs) {
    if (in == "-") return 0;
    if (fs::is_regular_file(in, ec)) total += fs::file_size(in, ec);
    else if (fs::is_directory(in, ec))
      for (fs::recursive_directory_iterator it(in, ec), end; it != end; it.increment(ec))
        if (it->is_regular_file(ec)) total += it->file_size(ec);
  }
  return total;
}

}  // namespace

int RunExtract(const std::vector<std::string>& args) {
  po::options_description opts(
      "usage: gigafact extract [PATH...|-] [options]\n\n"
      "Reads articles (files, directories walked recursively, *.jsonl batches, or '-' for\n"
      "stdin) and writes one JSON record per article, in input order, to stdout.\n"
      "Exit: 0 ok, 1 some inputs became error records, 2 usage error.\n\noptions");
  std::string output, format = "auto", data_dir;
  int threads = 0;
  bool quiet = false;
  opts.add_options()
      ("help,h", "show this help")
      ("output,o", po::value(&output), "write records to FILE instead of stdout")
      ("format", po::value(&format)->default_value("auto"), "input format: auto|text|jsonl")
      ("threads", po::value(&threads)->default_value(0), "worker threads (0: all cores)")
      ("data-dir", po::value(&data_dir), "gazetteer and alias tables (default: built-in path)")
      ("quiet,q", po::bool_switch(&quiet), "no progress display or summary line");
  po::options_description hidden;
  std::vector<std::string> inputs;
  hidden.add_options()("input", po::value(&inputs));
  po::options_description all;
  all.add(opts).add(hidden);
  po::positional_options_description pos;
  pos.add("input", -1);
  po::variables_map vm;
  try {
    po::store(po::command_line_parser(args).options(all).positional(pos).run(), vm);
    po::notify(vm);
  } catch (const po::error& e) {
    std::cerr << "gigafact extract: " << e.what() << "\n" << opts;
    return kExitUsage;
  }
  if (vm.count("help")) {
    std::cout << opts;
    return kExitOk;
  }
  InputFormat fmt;
  if (!ParseFormat(format, &fmt)) {
    std::cerr << "gigafact extract: --format must be auto, text or jsonl, not '" << format << "'\n";
    return kExitUsage;
  }
  if (threads < 0) {
    std::cerr << "gigafact extract: --threads must be 0 or more\n";
    return kExitUsage;
  }
  if (inputs.empty()) inputs.push_back("-");
  if (data_dir.empty()) data_dir = DefaultDataDir();

  std::string err;
  std::unique_ptr<Pipeline> pipeline = Pipeline::Create(data_dir, &err);
  if (!pipeline) {
    std::cerr << "gigafact extract: " << err << "\n";
    return kExitSomeErrors;
  }
  std::ofstream file;
  std::ostream* out = &std::cout;
  if (!output.empty()) {
    file.open(output, std::ios::binary);
    if (!file) {
      std::cerr << "gigafact extract: cannot write " << output << "\n";
      return kExitUsage;
    }
    out = &file;
  }
  InputReader reader(inputs, fmt);
  Progress progress(std::cerr, !quiet && isatty(STDERR_FILENO), InputSize(inputs));
  BatchStats stats = RunBatch(
      &reader, *pipeline, threads,
      [&](const std::string& line, bool) { *out << line << '\n'; },
      [&](const BatchStats& s) { progress.Update(s); });
  out->flush();
  for (const auto& p : reader.problems()) std::cerr << "gigafact extract: " << p << "\n";
  if (!quiet) progress.Finish(stats);
  if (!*out) {
    std::cerr << "gigafact extract: write error\n";
    return kExitSomeErrors;
  }
  if (!reader.problems().empty() && stats.articles == 0) return kExitUsage;
  return (stats.error_records > 0 || !reader.problems().empty()) ? kExitSomeErrors : kExitOk;
}

}  // namespace gigafact
