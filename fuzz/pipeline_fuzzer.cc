// pipeline_fuzzer: libFuzzer target over the whole pipeline. Each input is
// fed twice: as the bytes of one article (Pipeline::Process), and as a JSONL
// batch through the ordered batch run (InputReader + RunBatch), once as is
// and once wrapped as the "text" of a JSONL line. It checks what SPEC §2
// promises for any input: one record per article, every record valid JSON
// with schema_version and doc_id, and every mention's span inside the article
// text with text == utf8[start:end].
//
// Build and run: scripts/fuzz (clang, AddressSanitizer + UBSan, libFuzzer).
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <iostream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>

#include "ingest/ingest.h"
#include "pipeline/batch.h"
#include "pipeline/pipeline.h"

namespace gigafact {
namespace {

using nlohmann::json;

const Pipeline& SharedPipeline() {
  static const Pipeline* pipeline = [] {
    std::string err;
    std::unique_ptr<Pipeline> p = Pipeline::Create(DefaultDataDir(), &err);
    if (!p) {
      std::cerr << "pipeline_fuzzer: " << err << "\n";
      std::abort();
    }
    return p.release();
  }();
  return *pipeline;
}

// Check aborts (so libFuzzer keeps the input) when a promise is broken.
void Check(bool ok, const char* what, const std::string& record) {
  if (ok) return;
  std::cerr << "pipeline_fuzzer: " << what << "\nrecord: " << record.substr(0, 2000) << "\n";
  std::abort();
}

// CheckSpans checks text == utf8[start:end] for every mention of a record
// whose article text is `text`.
void CheckSpans(const json& record, const std::string& text, const std::string& line) {
  auto check = [&](const json& m) {
    if (!m.is_object() || !m.contains("span") || !m["span"].is_array()) return;
    const json& span = m["span"];
    Check(span.size() == 2 && span[0].is_number_unsigned() && span[1].is_number_unsigned(),
          "a span is not two offsets", line);
    size_t b = span[0], e = span[1];
    Check(b <= e && e <= text.size(), "a span is outside the article text", line);
    if (m.contains("text"))
      Check(m["text"] == text.substr(b, e - b), "a mention's text is not utf8[start:end]", line);
  };
  for (const char* field : {"dates", "quantities"})
    for (const json& m : record.value(field, json::array())) check(m);
  for (const char* field : {"places", "parties"})
    for (const json& e : record.value(field, json::array()))
      for (const json& m : e.value("mentions", json::array())) check(m);
  for (const json& f : record.value("facts", json::array()))
    if (f.contains("evidence")) check(f["evidence"]);
}

json ParseRecord(const std::string& line) {
  Check(line.find('\n') == std::string::npos, "a record spans several lines", line);
  json record = json::parse(line, nullptr, /*allow_exceptions=*/false);
  Check(record.is_object(), "a record is not a JSON object", line);
  Check(record.value("schema_version", 0) == 1, "a record has no schema_version 1", line);
  Check(record.contains("doc_id"), "a record has no doc_id", line);
  return record;
}

void FuzzArticle(const std::string& bytes) {
  RawArticle raw;
  raw.doc_id = "fuzz";
  raw.bytes = bytes;
  Pipeline::Output out = SharedPipeline().Process(raw);
  json record = ParseRecord(out.line);
  Check(out.error == record.contains("error"), "Output::error disagrees with the record",
        out.line);
  if (out.error) return;
  // The text spans index: the article as ingest decoded it.
  Document doc;
  IngestError error;
  Check(Ingest(std::move(raw), &doc, &error), "ingest fails on an article that has a record",
        out.line);
  CheckSpans(record, doc.text, out.line);
}

size_t CountArticleLines(const std::string& jsonl) {
  size_t n = 0;
  std::istringstream in(jsonl);
  std::string line;
  while (std::getline(in, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    n += line.find_first_not_of(" \t") != std::string::npos;
  }
  return n;
}

void FuzzBatch(const std::string& jsonl) {
  std::istringstream in(jsonl);
  InputReader reader(&in, "fuzz.jsonl");
  size_t records = 0;
  BatchStats stats = RunBatch(&reader, SharedPipeline(), 1, [&](const std::string& line, bool) {
    ParseRecord(line);
    ++records;
  });
  Check(records == CountArticleLines(jsonl), "records out differ from article lines in", jsonl);
  Check(stats.articles == records && stats.articles_in == records, "batch counts disagree", jsonl);
}

std::string AsJsonlLine(const std::string& bytes) {
  // Raw bytes in a JSON string, control characters escaped: invalid UTF-8
  // stays invalid, as a damaged batch would carry it.
  std::string line = "{\"id\":\"f\",\"text\":\"";
  for (unsigned char c : bytes) {
    if (c == '"' || c == '\\') line += '\\';
    if (c < 0x20) {
      char esc[8];
      std::snprintf(esc, sizeof esc, "\\u%04x", c);
      line += esc;
    } else {
      line += static_cast<char>(c);
    }
  }
  return line + "\"}\n";
}

}  // namespace
}  // namespace gigafact

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string bytes(reinterpret_cast<const char*>(data), size);
  gigafact::FuzzArticle(bytes);
  gigafact::FuzzBatch(bytes);
  gigafact::FuzzBatch(gigafact::AsJsonlLine(bytes));
  return 0;
}
