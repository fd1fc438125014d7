#include "ingest/segment.h"

#include <unicode/brkiter.h>
#include <unicode/locid.h>
#include <unicode/utext.h>
#include <unicode/utf8.h>

#include <memory>

namespace gigafact {

namespace {

bool IsBlank(std::string_view s) {
  for (char c : s)
    if (c != ' ' && c != '\t' && c != '\r' && c != '\f') return false;
  return true;
}

bool IsHan(UChar32 c) {
  return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF) ||
         (c >= 0x20000 && c <= 0x2FA1F) || (c >= 0xF900 && c <= 0xFAFF);
}

// The sentence BreakIterator is costly to build and not thread-safe: one per
// thread, built on first use.
icu::BreakIterator* SentenceBreaker() {
  thread_local std::unique_ptr<icu::BreakIterator> breaker = [] {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::BreakIterator> b(
        icu::BreakIterator::createSentenceInstance(icu::Locale::getRoot(), status));
    if (U_FAILURE(status)) b.reset();
    return b;
  }();
  return breaker.get();
}

// Trim returns span without leading and trailing ASCII white space.
Span Trim(std::string_view text, Span s) {
  while (s.begin < s.end && (text[s.begin] == ' ' || text[s.begin] == '\t' ||
                             text[s.begin] == '\r'))
    ++s.begin;
  while (s.end > s.begin && (text[s.end - 1] == ' ' || text[s.end - 1] == '\t' ||
                             text[s.end - 1] == '\r'))
    --s.end;
  return s;
}

}  // namespace

std::vector<Line> SplitLines(std::string_view text) {
  std::vector<Line> lines;
  size_t start = 0;
  while (start <= text.size()) {
    size_t nl = text.find('\n', start);
    size_t end = nl == std::string_view::npos ? text.size() : nl;
    Span s = Trim(text, {start, end});
    if (!s.empty() && !IsBlank(text.substr(s.begin, s.size()))) lines.push_back({s, false});
    if (nl == std::string_view::npos) break;
    start = nl + 1;
  }
  return lines;
}

Lang TagLanguage(std::string_view text) {
  size_t han = 0, latin = 0;
  int32_t i = 0, n = static_cast<int32_t>(text.size());
  while (i < n) {
    UChar32 c;
    U8_NEXT(text.data(), i, n, c);
    if (c < 0) continue;
    if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z')) ++latin;
    else if (IsHan(c)) ++han;
  }
  if (han == 0 && latin == 0) return Lang::kOther;
  // A Han character carries about as much as a short word: three Latin
  // letters per Han character decide, so "宁德时代与LG签约" is zh.
  return han * 3 >= latin ? Lang::kZh : Lang::kEn;
}

std::vector<Sentence> SplitSentences(std::string_view text, const std::vector<Line>& lines) {
  std::vector<Sentence> sentences;
  icu::BreakIterator* breaker = SentenceBreaker();
  for (const Line& line : lines) {
    std::string_view lt = text.substr(line.span.begin, line.span.size());
    auto add = [&](size_t b, size_t e) {
      Span s = Trim(text, {line.span.begin + b, line.span.begin + e});
      if (s.empty()) return;
      sentences.push_back({s, TagLanguage(text.substr(s.begin, s.size())), false});
    };
    if (breaker == nullptr) {
      add(0, lt.size());
      continue;
    }
    UErrorCode status = U_ZERO_ERROR;
    UText* ut = utext_openUTF8(nullptr, lt.data(), static_cast<int64_t>(lt.size()), &status);
    if (U_FAILURE(status)) {
      add(0, lt.size());
      continue;
    }
    breaker->setText(ut, status);
    int32_t prev = breaker->first();
    for (int32_t b = breaker->next(); b != icu::BreakIterator::DONE; b = breaker->next()) {
      add(static_cast<size_t>(prev), static_cast<size_t>(b));
      prev = b;
    }
    utext_close(ut);
  }
  return sentences;
}

}  // namespace gigafact
