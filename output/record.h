// Record assembly: turns a Document and its Extraction into the SPEC §2
// record, one entity per real-world place or party whatever its mentions.
#ifndef GIGAFACT_OUTPUT_RECORD_H_
#define GIGAFACT_OUTPUT_RECORD_H_

#include <string>

#include <nlohmann/json.hpp>

#include "core/document.h"
#include "core/extraction.h"

namespace gigafact {

using Json = nlohmann::ordered_json;

constexpr int kSchemaVersion = 1;

// RecordLine renders the record of a successfully ingested article as one
// JSONL line (no newline), written straight from doc and ex: the form the
// pipeline emits.
std::string RecordLine(const Document& doc, const Extraction& ex);

// BuildRecord is the same record as a JSON value (RecordLine parsed), for
// callers that inspect it.
Json BuildRecord(const Document& doc, const Extraction& ex);

// BuildErrorRecord: the record of an article that could not be processed.
Json BuildErrorRecord(const Document& doc, const std::string& code, const std::string& message);

// GuessTitle returns the page's title: the JSONL title if given, else the
// first body line when it reads as a headline (short, no sentence end), else "".
std::string GuessTitle(const Document& doc);

// SerializeRecord renders a record as one JSONL line (no newline): UTF-8
// kept as is, invalid bytes replaced, so the output is always valid JSON.
std::string SerializeRecord(const Json& record);

}  // namespace gigafact

#endif  // GIGAFACT_OUTPUT_RECORD_H_
