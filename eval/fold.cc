#include "eval/fold.h"

#include <unicode/normalizer2.h>
#include <unicode/unistr.h>
#include <utf8proc.h>

#include <cstdlib>

namespace gigafact {

namespace {

constexpr std::string_view kEnglishGeneric[] = {"municipality", "province", "district",
                                                "county", "city"};
constexpr std::string_view kChineseGeneric[] = {"市", "省", "区", "县"};

bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

std::string Nfkc(std::string_view s) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfkc = icu::Normalizer2::getNFKCInstance(status);
  if (U_FAILURE(status)) return std::string(s);
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(icu::StringPiece(s.data(), static_cast<int32_t>(s.size())));
  icu::UnicodeString n = nfkc->normalize(u, status);
  if (U_FAILURE(status)) return std::string(s);
  std::string out;
  n.toUTF8String(out);
  return out;
}

// LowercaseWords lowercases (utf8proc case folding) and turns every space
// or punctuation character into a single space, so words stay visible for
// the generic-word rule.
std::string LowercaseWords(std::string_view s) {
  std::string out;
  utf8proc_ssize_t i = 0, n = static_cast<utf8proc_ssize_t>(s.size());
  const auto* bytes = reinterpret_cast<const utf8proc_uint8_t*>(s.data());
  while (i < n) {
    utf8proc_int32_t c;
    utf8proc_ssize_t len = utf8proc_iterate(bytes + i, n - i, &c);
    if (len <= 0) { ++i; continue; }
    i += len;
    utf8proc_category_t cat = utf8proc_category(c);
    bool separator = cat == UTF8PROC_CATEGORY_ZS || cat == UTF8PROC_CATEGORY_ZL ||
                     cat == UTF8PROC_CATEGORY_ZP || c == '\t' || c == '\n' || c == '\r' ||
                     (cat >= UTF8PROC_CATEGORY_PC && cat <= UTF8PROC_CATEGORY_PO);
    if (separator) {
      if (!out.empty() && out.back() != ' ') out.push_back(' ');
      continue;
    }
    c = utf8proc_tolower(c);
    utf8proc_uint8_t buf[4];
    utf8proc_ssize_t w = utf8proc_encode_char(c, buf);
    out.append(reinterpret_cast<char*>(buf), static_cast<size_t>(w));
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

// DropGenericWord drops one trailing generic word; an English one must be a
// whole word, and something must remain.
void DropGenericWord(std::string* words) {
  for (std::string_view g : kEnglishGeneric) {
    if (EndsWith(*words, g) && words->size() > g.size() &&
        (*words)[words->size() - g.size() - 1] == ' ') {
      words->resize(words->size() - g.size() - 1);
      return;
    }
  }
  for (std::string_view g : kChineseGeneric) {
    if (EndsWith(*words, g) && words->size() > g.size()) {
      words->resize(words->size() - g.size());
      return;
    }
  }
}

}  // namespace

std::string FoldName(std::string_view name) {
  std::string words = LowercaseWords(Nfkc(name));
  DropGenericWord(&words);
  std::string out;
  for (char c : words)
    if (c != ' ') out.push_back(c);
  return out;
}

}  // namespace gigafact
