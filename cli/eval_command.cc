// gigafact eval: scores records against gold annotations (SPEC §4).
#include <boost/program_options.hpp>
#include <fstream>
#include <iostream>

#include "cli/command_line.h"
#include "cli/commands.h"
#include "eval/report.h"
#include "eval/scorer.h"
#include "pipeline/batch.h"
#include "pipeline/pipeline.h"

namespace gigafact {

namespace po = boost::program_options;

namespace {

// IsRecordsFile: a .jsonl whose first line is a gigafact record (it has
// schema_version) holds records to score; any other input holds articles.
bool IsRecordsFile(const std::string& path) {
  if (path.size() < 6 || path.compare(path.size() - 6, 6, ".jsonl") != 0) return false;
  std::ifstream in(path);
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty()) continue;
    auto j = nlohmann::json::parse(line, nullptr, false);
    return j.is_object() && j.contains("schema_version");
  }
  return false;
}

bool LoadRecords(const std::string& path, Scorer* scorer, std::string* err) {
  std::ifstream in(path);
  if (!in) {
    *err = "cannot open " + path;
    return false;
  }
  std::string line;
  size_t n = 0;
  while (std::getline(in, line)) {
    ++n;
    if (line.empty()) continue;
    auto j = nlohmann::json::parse(line, nullptr, false);
    if (j.is_discarded() || !j.is_object()) {
      *err = path + ":" + std::to_string(n) + ": not a JSON record";
      return false;
    }
    scorer->AddRecord(j);
  }
  return true;
}

}  // namespace

int RunEval(const std::vector<std::string>& args) {
  po::options_description opts(
      "usage: gigafact eval --gold DIR RECORDS.jsonl\n"
      "       gigafact eval --gold DIR PATH...     (extract and score in one go)\n\n"
      "Scores records against the *.gold.json files below DIR (SPEC §4) and prints\n"
      "per-field precision, recall and F1, micro-averaged over the articles.\n\noptions");
  std::string gold_dir, data_dir;
  bool per_doc = false, as_json = false, keep_boilerplate = false;
  int threads = 0;
  opts.add_options()
      ("help,h", "show this help")
      ("gold", po::value(&gold_dir), "directory of gold annotations (required)")
      ("per-doc", po::bool_switch(&per_doc), "list each document's false positives and misses")
      ("json", po::bool_switch(&as_json), "print the scores as JSON")
      ("threads", po::value(&threads)->default_value(0), "worker threads when extracting")
      ("data-dir", po::value(&data_dir), "gazetteer and alias tables when extracting")
      ("keep-boilerplate", po::bool_switch(&keep_boilerplate),
       "extract from every line, boilerplate too (to measure what its marking gains)");
  std::vector<std::string> inputs;
  if (auto exit_code = ParseCommandLine(args, opts, "eval", &inputs)) return *exit_code;
  if (gold_dir.empty() || inputs.empty()) {
    std::cerr << "gigafact eval: --gold DIR and at least one input are required\n" << opts;
    return kExitUsage;
  }
  Scorer scorer;
  std::string err;
  if (!scorer.AddGoldDir(gold_dir, &err)) {
    std::cerr << "gigafact eval: " << err << "\n";
    return kExitUsage;
  }
  std::vector<std::string> articles;
  for (const auto& in : inputs) {
    if (IsRecordsFile(in)) {
      if (!LoadRecords(in, &scorer, &err)) {
        std::cerr << "gigafact eval: " << err << "\n";
        return kExitSomeErrors;
      }
    } else {
      articles.push_back(in);
    }
  }
  if (!articles.empty()) {
    if (data_dir.empty()) data_dir = DefaultDataDir();
    std::unique_ptr<Pipeline> pipeline = Pipeline::Create(data_dir, &err);
    if (!pipeline) {
      std::cerr << "gigafact eval: " << err << "\n";
      return kExitSomeErrors;
    }
    IngestOptions ingest;
    ingest.mark_boilerplate = !keep_boilerplate;
    pipeline->set_ingest_options(ingest);
    InputReader reader(articles, InputFormat::kAuto);
    RunBatch(&reader, *pipeline, threads, [&](const std::string& line, bool) {
      scorer.AddRecord(nlohmann::json::parse(line));
    });
    for (const auto& p : reader.problems()) std::cerr << "gigafact eval: " << p << "\n";
  }
  Score score = scorer.Compute();
  if (as_json) {
    std::cout << ScoreToJson(score, per_doc).dump(2) << "\n";
  } else {
    if (per_doc) std::cout << FormatPerDoc(score) << "\n";
    std::cout << FormatTable(score);
  }
  return kExitOk;
}

}  // namespace gigafact
