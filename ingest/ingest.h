// Ingest: RawArticle bytes → Document (decode, normalize, segment, mark
// boilerplate, tag language). The first stage of the pipeline.
#ifndef GIGAFACT_INGEST_INGEST_H_
#define GIGAFACT_INGEST_INGEST_H_

#include <string>

#include "core/document.h"
#include "ingest/input_reader.h"

namespace gigafact {

struct IngestError {
  std::string code;     // "empty_input", "binary_input", "undecodable", …
  std::string message;  // a sentence a user can act on
};

// Ingest builds *doc from raw. On failure it returns false and fills *error;
// doc then still carries doc_id, path, url and sha256 for the error record.
bool Ingest(RawArticle raw, Document* doc, IngestError* error);

// Sha256Hex returns the lowercase hex SHA-256 of bytes.
std::string Sha256Hex(std::string_view bytes);

}  // namespace gigafact

#endif  // GIGAFACT_INGEST_INGEST_H_
