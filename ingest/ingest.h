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

// kDefaultMaxArticleBytes: how much decoded text of one article is read.
// Real articles are well under 1 MB; a page of many megabytes is a dump or
// an attack, and every byte read costs ~25 bytes of mentions and record while
// the article is in flight, so one huge page must not set the batch's memory.
constexpr size_t kDefaultMaxArticleBytes = size_t{4} << 20;

struct IngestOptions {
  // Text beyond this is not read: it is cut at the last line break (or
  // character) before the limit and the record warns "truncated_input".
  size_t max_text_bytes = kDefaultMaxArticleBytes;
  // false: every line counts as body (to see what the detector drops).
  bool mark_boilerplate = true;
};

// Ingest builds *doc from raw. On failure it returns false and fills *error;
// doc then still carries doc_id, path, url and sha256 for the error record.
bool Ingest(RawArticle raw, Document* doc, IngestError* error,
            const IngestOptions& options = IngestOptions());

// TruncateUtf8 cuts *text to at most max_bytes, at the last line break in the
// second half of the allowed bytes if there is one, else at a character
// boundary. Returns whether it cut.
bool TruncateUtf8(std::string* text, size_t max_bytes);

// Sha256Hex returns the lowercase hex SHA-256 of bytes.
std::string Sha256Hex(std::string_view bytes);

}  // namespace gigafact

#endif  // GIGAFACT_INGEST_INGEST_H_
