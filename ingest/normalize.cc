#include "ingest/normalize.h"

#include <unicode/bytestream.h>
#include <unicode/edits.h>
#include <unicode/normalizer2.h>
#include <unicode/stringpiece.h>
#include <unicode/utf8.h>

#include <vector>

namespace gigafact {

namespace {

const icu::Normalizer2& Nfkc() {
  UErrorCode status = U_ZERO_ERROR;
  return *icu::Normalizer2::getNFKCInstance(status);  // process-wide singleton
}

bool IsHan(UChar32 c) {
  return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF) ||
         (c >= 0xF900 && c <= 0xFAFF);
}

bool IsToneMarkedVowel(UChar32 c) {
  static const char16_t kMarked[] = u"āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ";
  for (char16_t m : kMarked)
    if (m != 0 && c == m) return true;
  return false;
}

// RubyGlossEnd: if text[pos] opens a pinyin gloss "(guó)" — lowercase pinyin
// with at least one tone mark, as some sites print after every character —
// returns the offset just past ")", else 0.
size_t RubyGlossEnd(std::string_view text, size_t pos) {
  if (pos >= text.size() || text[pos] != '(') return 0;
  int32_t i = static_cast<int32_t>(pos) + 1, n = static_cast<int32_t>(text.size());
  int letters = 0;
  bool tone = false;
  while (i < n && letters <= 7) {
    UChar32 c;
    U8_NEXT(text.data(), i, n, c);
    if (c == ')') return (tone && letters > 0) ? static_cast<size_t>(i) : 0;
    if (IsToneMarkedVowel(c)) tone = true;
    else if (!(c >= 'a' && c <= 'z') && c != u'ü') return 0;
    ++letters;
  }
  return 0;
}

// FindRubyGlosses returns the original spans of pinyin glosses that follow a
// Han character: scraped pages with ruby annotations flattened into text
// ("長(zhǎng)興縣") would otherwise break every Chinese word and number.
std::vector<Span> FindRubyGlosses(std::string_view text) {
  std::vector<Span> glosses;
  int32_t i = 0, n = static_cast<int32_t>(text.size());
  while (i < n) {
    UChar32 c;
    U8_NEXT(text.data(), i, n, c);
    if (!IsHan(c)) continue;
    size_t end = RubyGlossEnd(text, static_cast<size_t>(i));
    if (end) {
      glosses.push_back({static_cast<size_t>(i), end});
      i = static_cast<int32_t>(end);
    }
  }
  return glosses;
}

// AppendNormalized appends the NFKC form of one stretch of text to *norm and
// its runs to *map.
void AppendNormalized(std::string_view piece, std::string* norm, OffsetMap* map) {
  const icu::Normalizer2& nfkc = Nfkc();
  UErrorCode status = U_ZERO_ERROR;
  icu::StringPiece sp(piece.data(), static_cast<int32_t>(piece.size()));
  if (nfkc.isNormalizedUTF8(sp, status) && U_SUCCESS(status)) {
    norm->append(piece);
    map->AddRun(piece.size(), piece.size(), false);
    return;
  }
  status = U_ZERO_ERROR;
  std::string out;
  icu::StringByteSink<std::string> sink(&out);
  icu::Edits edits;
  nfkc.normalizeUTF8(0, sp, sink, &edits, status);
  if (U_FAILURE(status)) {  // keep the original: spans stay exact
    norm->append(piece);
    map->AddRun(piece.size(), piece.size(), false);
    return;
  }
  norm->append(out);
  icu::Edits::Iterator it = edits.getFineIterator();
  while (it.next(status)) {
    map->AddRun(static_cast<size_t>(it.newLength()), static_cast<size_t>(it.oldLength()),
                it.hasChange());
  }
}

}  // namespace

void NormalizeNfkc(std::string_view text, std::string* norm, OffsetMap* map) {
  *map = OffsetMap();
  std::vector<Span> glosses = FindRubyGlosses(text);
  UErrorCode status = U_ZERO_ERROR;
  icu::StringPiece whole(text.data(), static_cast<int32_t>(text.size()));
  if (glosses.empty() && Nfkc().isNormalizedUTF8(whole, status) && U_SUCCESS(status)) {
    norm->assign(text);  // the common case: identity map
    return;
  }
  norm->clear();
  norm->reserve(text.size());
  size_t pos = 0;
  for (const Span& g : glosses) {
    AppendNormalized(text.substr(pos, g.begin - pos), norm, map);
    map->AddRun(0, g.size(), true);  // the gloss is dropped from the view
    pos = g.end;
  }
  AppendNormalized(text.substr(pos), norm, map);
}

}  // namespace gigafact
