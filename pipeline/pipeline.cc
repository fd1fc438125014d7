#include "pipeline/pipeline.h"

#include <cstdlib>
#include <exception>
#include <filesystem>

#include "extractors/dates.h"
#include "extractors/parties.h"
#include "extractors/places.h"
#include "extractors/quantities.h"
#include "ingest/ingest.h"
#include "output/facts.h"
#include "output/record.h"

namespace gigafact {

std::string DefaultDataDir() {
  if (const char* env = std::getenv("GIGAFACT_DATA_DIR"); env && *env) return env;
  return GIGAFACT_SOURCE_DATA_DIR;
}

std::unique_ptr<Pipeline> Pipeline::Create(const std::string& data_dir, std::string* err) {
  std::unique_ptr<Pipeline> p(new Pipeline());
  if (!std::filesystem::is_directory(data_dir)) {
    *err = "data directory not found: " + data_dir + " (set --data-dir or GIGAFACT_DATA_DIR)";
    return nullptr;
  }
  if (!p->gazetteer_.LoadDir(data_dir, err)) return nullptr;
  std::string parties = (std::filesystem::path(data_dir) / "parties.tsv").string();
  if (std::filesystem::exists(parties) && !p->kb_.LoadFile(parties, err)) return nullptr;
  std::string bodies = (std::filesystem::path(data_dir) / "gov_departments.tsv").string();
  if (std::filesystem::exists(bodies) && !p->governments_.LoadFile(bodies, err)) return nullptr;
  std::string demonyms = (std::filesystem::path(data_dir) / "demonyms.tsv").string();
  if (std::filesystem::exists(demonyms) && !p->governments_.LoadDemonyms(demonyms, err))
    return nullptr;
  std::string ministries = (std::filesystem::path(data_dir) / "ministries.tsv").string();
  if (std::filesystem::exists(ministries) && !p->governments_.LoadMinistries(ministries, err))
    return nullptr;
  p->extractors_.push_back(std::make_unique<DateExtractor>());
  p->extractors_.push_back(std::make_unique<QuantityExtractor>());
  std::vector<std::string> surnames;
  std::string surname_file = (std::filesystem::path(data_dir) / "chinese_surnames.txt").string();
  if (std::filesystem::exists(surname_file) && !LoadWordList(surname_file, &surnames, err))
    return nullptr;
  p->extractors_.push_back(std::make_unique<PlaceExtractor>(p->gazetteer_, std::move(surnames)));
  p->extractors_.push_back(std::make_unique<PartyExtractor>(p->kb_, p->gazetteer_, p->governments_));
  p->fact_linker_ = std::make_unique<FactLinker>(&p->gazetteer_);
  std::string cues = (std::filesystem::path(data_dir) / "event_words.tsv").string();
  if (std::filesystem::exists(cues) ? !p->fact_linker_->LoadCues(cues, err)
                                    : !p->fact_linker_->cues().Compile(err))
    return nullptr;
  return p;
}

Pipeline::Output Pipeline::Process(RawArticle raw) const {
  Output out;
  Document doc;
  IngestError error;
  try {
    if (!Ingest(std::move(raw), &doc, &error, ingest_options_)) {
      out.line = SerializeRecord(BuildErrorRecord(doc, error.code, error.message));
      out.error = true;
      return out;
    }
    Extraction ex;
    for (const auto& stage : extractors_) stage->Extract(doc, &ex);
    fact_linker_->Link(doc, &ex);
    out.line = RecordLine(doc, ex);
  } catch (const std::exception& e) {
    // No exception escapes a worker: the article becomes an error record.
    out.line = SerializeRecord(
        BuildErrorRecord(doc, "internal_error", std::string("processing failed: ") + e.what()));
    out.error = true;
  }
  return out;
}

}  // namespace gigafact
