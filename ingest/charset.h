// Charset detection and conversion to UTF-8 (SPEC §1: UTF-8, GB18030/GBK,
// Big5, UTF-16 with BOM), through ICU.
#ifndef GIGAFACT_INGEST_CHARSET_H_
#define GIGAFACT_INGEST_CHARSET_H_

#include <string>
#include <string_view>
#include <vector>

namespace gigafact {

struct DecodeResult {
  bool ok = false;
  std::string utf8;          // valid UTF-8 when ok
  std::string charset;       // what the bytes were read as
  std::string error_code;    // when !ok: "binary_input", "undecodable"
  std::string error_message;
  std::vector<std::string> warnings;  // e.g. repaired bytes
};

// IsValidUtf8 tells whether bytes are well-formed UTF-8 (no surrogates,
// no overlongs).
bool IsValidUtf8(std::string_view bytes);

// DecodeToUtf8 turns the bytes of one article into valid UTF-8.
// Valid UTF-8 passes through (a UTF-8 BOM is dropped); a UTF-16 BOM selects
// UTF-16; otherwise GB18030 and Big5 are tried strictly, ICU's detector
// breaking ties; text that is UTF-8 but for a few bad bytes is repaired with
// U+FFFD and a warning. Stray control bytes (NUL, …) become spaces, with a
// warning; bytes that look binary are an error.
DecodeResult DecodeToUtf8(std::string_view bytes);

// TakeAndDecodeToUtf8 is DecodeToUtf8 for a buffer the caller gives up: valid
// UTF-8 (most pages) moves into the result instead of being copied, so a
// 100 MB article is held once. bytes is left unspecified.
DecodeResult TakeAndDecodeToUtf8(std::string&& bytes);

}  // namespace gigafact

#endif  // GIGAFACT_INGEST_CHARSET_H_
