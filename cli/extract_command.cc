// gigafact extract: articles in, one JSON record per article out.
#include <unistd.h>

#include <boost/program_options.hpp>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <stdexcept>

#include "cli/command_line.h"
#include "cli/commands.h"
#include "cli/progress.h"
#include "normalizers/gazetteer.h"
#include "output/sink.h"
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

// DatabaseFailure stops the run from inside the ordered writer when the
// database refuses a record: the pipeline unwinds and RunExtract reports.
struct DatabaseFailure : std::runtime_error {
  using std::runtime_error::runtime_error;
};

}  // namespace

int RunExtract(const std::vector<std::string>& args) {
  po::options_description opts(
      "usage: gigafact extract [PATH...|-] [options]\n\n"
      "Reads articles (files, directories walked recursively, *.jsonl batches, or '-' for\n"
      "stdin) and writes one JSON record per article, in input order, to stdout.\n"
      "With --db URL the records go into a database (sqlite:FILE or postgresql://…) as\n"
      "they are made, and to JSONL only with -o FILE ('-o -': stdout).\n"
      "Exit: 0 ok, 1 some inputs became error records (or the database failed, with a\n"
      "message), 2 usage error.\n\noptions");
  std::string output, format = "auto", data_dir, db_url;
  size_t db_batch = SinkOptions().batch_size;
  int threads = 0;
  double max_article_mb = double(kDefaultMaxArticleBytes) / (1 << 20);
  bool quiet = false, keep_boilerplate = false;
  opts.add_options()
      ("help,h", "show this help")
      ("output,o", po::value(&output), "write records to FILE instead of stdout ('-': stdout)")
      ("db", po::value(&db_url), "also write records into a database: sqlite:FILE or postgresql://…")
      ("db-batch", po::value(&db_batch)->default_value(db_batch), "records per database transaction")
      ("format", po::value(&format)->default_value("auto"), "input format: auto|text|jsonl")
      ("threads", po::value(&threads)->default_value(0), "worker threads (0: all cores)")
      ("data-dir", po::value(&data_dir), "gazetteer and alias tables (default: built-in path)")
      ("max-article-mb", po::value(&max_article_mb)->default_value(max_article_mb),
       "read at most this many MiB of one article's text; the rest is skipped with a "
       "'truncated_input' warning")
      ("keep-boilerplate", po::bool_switch(&keep_boilerplate),
       "treat every line as article body (to see what boilerplate marking drops)")
      ("quiet,q", po::bool_switch(&quiet), "no progress display or summary line");
  std::vector<std::string> inputs;
  if (auto exit_code = ParseCommandLine(args, opts, "extract", &inputs)) return *exit_code;
  InputFormat fmt;
  if (!ParseFormat(format, &fmt)) {
    std::cerr << "gigafact extract: --format must be auto, text or jsonl, not '" << format << "'\n";
    return kExitUsage;
  }
  if (threads < 0) {
    std::cerr << "gigafact extract: --threads must be 0 or more\n";
    return kExitUsage;
  }
  if (!(max_article_mb > 0)) {
    std::cerr << "gigafact extract: --max-article-mb must be more than 0\n";
    return kExitUsage;
  }
  if (inputs.empty()) inputs.push_back("-");
  if (data_dir.empty()) data_dir = DefaultDataDir();

  std::string err;
  // The database first: an unreachable one is reported before the tables load.
  std::unique_ptr<DatabaseSink> sink;
  Gazetteer gazetteer;  // the places' ancestors for the database
  if (!db_url.empty()) {
    SinkOptions sink_options;
    sink_options.batch_size = db_batch > 0 ? db_batch : 1;
    if (!gazetteer.LoadDir(data_dir, &err)) {
      std::cerr << "gigafact extract: " << err << "\n";
      return kExitSomeErrors;
    }
    sink_options.place_lookup = PlaceLookupOf(gazetteer);
    sink = OpenDatabaseSink(db_url, sink_options, &err);
    if (!sink) {
      std::cerr << "gigafact extract: " << err << "\n";
      return kExitSomeErrors;
    }
  }
  std::unique_ptr<Pipeline> pipeline = Pipeline::Create(data_dir, &err);
  if (!pipeline) {
    std::cerr << "gigafact extract: " << err << "\n";
    return kExitSomeErrors;
  }
  IngestOptions ingest;
  ingest.max_text_bytes = static_cast<size_t>(max_article_mb * (1 << 20));
  ingest.mark_boilerplate = !keep_boilerplate;
  pipeline->set_ingest_options(ingest);
  std::ofstream file;
  // With --db the database is the output; JSONL too only when -o asks.
  std::ostream* out = sink && output.empty() ? nullptr : &std::cout;
  if (!output.empty() && output != "-") {
    file.open(output, std::ios::binary);
    if (!file) {
      std::cerr << "gigafact extract: cannot write " << output << "\n";
      return kExitUsage;
    }
    out = &file;
  }
  InputReader reader(inputs, fmt);
  Progress progress(std::cerr, !quiet && isatty(STDERR_FILENO), InputSize(inputs));
  auto write_record = [&](const std::string& line, bool) {
    if (out) *out << line << '\n';
    if (!sink) return;
    std::string db_err;
    nlohmann::json record = nlohmann::json::parse(line, nullptr, /*allow_exceptions=*/false);
    if (sink->Write(record, &db_err) != DatabaseSink::WriteStatus::kOk)
      throw DatabaseFailure(db_err);
  };
  BatchStats stats;
  std::string db_err;
  try {
    stats = RunBatch(&reader, *pipeline, threads, write_record,
                     [&](const BatchStats& s) { progress.Update(s); });
    if (sink && !sink->Commit(&db_err)) throw DatabaseFailure(db_err);
  } catch (const DatabaseFailure& e) {
    if (out) out->flush();
    if (!quiet && isatty(STDERR_FILENO)) std::cerr << "\r\033[K";
    std::cerr << "gigafact extract: " << e.what() << "\n"
              << "gigafact extract: stopped; the articles committed so far are stored whole, "
                 "and running the same command again completes the load\n";
    return kExitSomeErrors;
  }
  if (out) out->flush();
  for (const auto& p : reader.problems()) std::cerr << "gigafact extract: " << p << "\n";
  if (!quiet) progress.Finish(stats);
  if (out && !*out) {
    std::cerr << "gigafact extract: write error\n";
    return kExitSomeErrors;
  }
  if (!reader.problems().empty() && stats.articles == 0) return kExitUsage;
  return (stats.error_records > 0 || !reader.problems().empty()) ? kExitSomeErrors : kExitOk;
}

}  // namespace gigafact
