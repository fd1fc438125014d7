// Pipeline: the stages in order — ingest, extractors (dates, quantities,
// places, parties), fact linking, record assembly — for one article at a
// time. Built once (tables loaded, patterns compiled), then shared read-only
// by all worker threads.
#ifndef GIGAFACT_PIPELINE_PIPELINE_H_
#define GIGAFACT_PIPELINE_PIPELINE_H_

#include <memory>
#include <string>
#include <vector>

#include "extractors/extractor.h"
#include "ingest/ingest.h"
#include "ingest/input_reader.h"
#include "normalizers/alias_kb.h"
#include "normalizers/gazetteer.h"
#include "normalizers/governments.h"
#include "output/facts.h"

namespace gigafact {

// DefaultDataDir: $GIGAFACT_DATA_DIR if set, else the source tree's
// normalizers/data (compiled in).
std::string DefaultDataDir();

class Pipeline {
 public:
  // Create loads the data tables from data_dir; nullptr with *err on failure.
  static std::unique_ptr<Pipeline> Create(const std::string& data_dir, std::string* err);

  struct Output {
    std::string line;   // the record as one JSON line, without newline
    bool error = false; // the article became an error record
  };
  // Process turns one article into its record. Thread-safe; never throws.
  Output Process(RawArticle raw) const;

  // How articles are read (size limit, boilerplate marking); see Ingest.
  void set_ingest_options(const IngestOptions& options) { ingest_options_ = options; }

  const std::vector<std::unique_ptr<Extractor>>& extractors() const { return extractors_; }
  const FactLinker& fact_linker() const { return *fact_linker_; }

 private:
  Pipeline() = default;
  Gazetteer gazetteer_;
  AliasKb kb_;
  Governments governments_;
  std::vector<std::unique_ptr<Extractor>> extractors_;
  std::unique_ptr<FactLinker> fact_linker_;
  IngestOptions ingest_options_;
};

}  // namespace gigafact

#endif  // GIGAFACT_PIPELINE_PIPELINE_H_
