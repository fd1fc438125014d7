#include "ingest/ingest.h"

#include <openssl/evp.h>

#include "ingest/boilerplate.h"
#include "ingest/charset.h"
#include "ingest/normalize.h"
#include "ingest/segment.h"

namespace gigafact {

std::string Sha256Hex(std::string_view bytes) {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int len = 0;
  EVP_Digest(bytes.data(), bytes.size(), digest, &len, EVP_sha256(), nullptr);
  static const char kHex[] = "0123456789abcdef";
  std::string hex;
  hex.reserve(len * 2);
  for (unsigned int i = 0; i < len; ++i) {
    hex.push_back(kHex[digest[i] >> 4]);
    hex.push_back(kHex[digest[i] & 15]);
  }
  return hex;
}

bool TruncateUtf8(std::string* text, size_t max_bytes) {
  if (text->size() <= max_bytes) return false;
  size_t cut = max_bytes;
  size_t line_end = text->rfind('\n', max_bytes - 1);
  if (line_end != std::string::npos && line_end + 1 > max_bytes / 2) {
    cut = line_end + 1;
  } else {
    // Back up over continuation bytes so no character is split.
    while (cut > 0 && (static_cast<unsigned char>((*text)[cut]) & 0xC0) == 0x80) --cut;
  }
  text->resize(cut);
  text->shrink_to_fit();
  return true;
}

bool Ingest(RawArticle raw, Document* doc, IngestError* error, const IngestOptions& options) {
  *doc = Document();
  doc->doc_id = std::move(raw.doc_id);
  doc->path = std::move(raw.path);
  doc->url = std::move(raw.url);
  doc->title_hint = std::move(raw.title);
  doc->published_hint = std::move(raw.published);
  doc->sha256 = Sha256Hex(raw.bytes);
  if (!raw.error_code.empty()) {
    *error = {raw.error_code, raw.error_message};
    return false;
  }
  if (raw.bytes.empty()) {
    *error = {"empty_input", "the article is empty (0 bytes)"};
    return false;
  }
  DecodeResult decoded = TakeAndDecodeToUtf8(std::move(raw.bytes));
  if (!decoded.ok) {
    *error = {decoded.error_code, decoded.error_message};
    return false;
  }
  raw.bytes.clear();
  raw.bytes.shrink_to_fit();
  doc->text = std::move(decoded.utf8);
  doc->charset = std::move(decoded.charset);
  doc->warnings = std::move(raw.warnings);
  for (std::string& w : decoded.warnings) doc->warnings.push_back(std::move(w));
  size_t full_size = doc->text.size();
  if (TruncateUtf8(&doc->text, options.max_text_bytes))
    doc->warnings.push_back("truncated_input: only the first " + std::to_string(doc->text.size()) +
                            " of " + std::to_string(full_size) +
                            " bytes of text were read (limit --max-article-mb)");

  NormalizeNfkc(doc->text, &doc->norm, &doc->norm_map);
  doc->lines = SplitLines(doc->norm);
  if (doc->lines.empty()) {
    *error = {"empty_input", "the article holds only white space"};
    return false;
  }
  doc->sentences = SplitSentences(doc->norm, doc->lines);
  if (options.mark_boilerplate) MarkBoilerplate(doc);
  return true;
}

}  // namespace gigafact
