#include "ingest/normalize.h"

#include <unicode/bytestream.h>
#include <unicode/edits.h>
#include <unicode/normalizer2.h>
#include <unicode/stringpiece.h>

namespace gigafact {

namespace {
const icu::Normalizer2& Nfkc() {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* n = icu::Normalizer2::getNFKCInstance(status);
  return *n;  // ICU's singleton lives for the process; failure means no ICU data.
}
}  // namespace

void NormalizeNfkc(std::string_view text, std::string* norm, OffsetMap* map) {
  *map = OffsetMap();
  const icu::Normalizer2& nfkc = Nfkc();
  UErrorCode status = U_ZERO_ERROR;
  icu::StringPiece piece(text.data(), static_cast<int32_t>(text.size()));
  if (nfkc.isNormalizedUTF8(piece, status) && U_SUCCESS(status)) {
    norm->assign(text);
    return;
  }
  status = U_ZERO_ERROR;
  norm->clear();
  norm->reserve(text.size());
  icu::StringByteSink<std::string> sink(norm);
  icu::Edits edits;
  nfkc.normalizeUTF8(0, piece, sink, &edits, status);
  if (U_FAILURE(status)) {
    norm->assign(text);  // fall back to the original: spans stay exact
    return;
  }
  icu::Edits::Iterator it = edits.getFineIterator();
  while (it.next(status)) {
    map->AddRun(static_cast<size_t>(it.newLength()), static_cast<size_t>(it.oldLength()),
                it.hasChange());
  }
}

}  // namespace gigafact
