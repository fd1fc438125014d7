// Date tokens: the units the date grammar (extractors/date_parser.h) reads a
// line in: runs of ASCII digits, runs of ASCII letters, runs of Chinese
// numeral characters (〇一二…十百千, Traditional and financial forms, and the
// Taiwanese ○ as zero), and every other character on its own. Whitespace
// (ASCII, no-break and ideographic spaces) separates tokens and only sets
// space_before. Each token also tells whether a date may begin at it, so the
// grammar skips the bulk of a line at the cost of one flag test.
#ifndef GIGAFACT_EXTRACTORS_DATE_TOKENS_H_
#define GIGAFACT_EXTRACTORS_DATE_TOKENS_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace gigafact {

struct DateToken {
  enum Kind : uint8_t { kNum, kWord, kHanNum, kHan, kPunct };
  Kind kind = kPunct;
  bool space_before = false;
  bool capitalized = false;  // kWord: starts with an upper-case letter
  bool ideograph = false;    // kHan: a CJK ideograph, not punctuation
  bool has_unit = false;     // kHanNum: holds 十百千万亿 or 点 (not digit by digit)
  bool may_start = false;    // a date may begin here
  bool num_parsed = false;   // kHanNum: num is computed (see the grammar)
  uint32_t begin = 0, end = 0;  // byte offsets into the line
  uint32_t len = 0;          // kNum: digits; kWord: letters; kHanNum: characters
  int64_t num = -1;          // kNum: value (-1 beyond 18 digits); kHanNum: see num_parsed
};

// TokenizeForDates splits text into *tokens (cleared first) and writes text
// with ASCII letters lowercased to *lower, so word tokens can be read
// case-insensitively. Malformed UTF-8 bytes become one-byte tokens.
void TokenizeForDates(std::string_view text, std::vector<DateToken>* tokens, std::string* lower);

// MayHoldDate tells, from one cheap pass over the bytes, whether text may
// state a date at all: every date form the grammar reads holds an ASCII
// digit, one of 年 月 日 号 號 季, a word starting like a month or weekday name
// or "year", or a spelled-out year ("nineteen …", "… thousand …"). Lines
// without any are skipped without tokenizing.
bool MayHoldDate(std::string_view text);

// AsciiLower returns text with its ASCII letters lowercased (as in the
// lowered copy TokenizeForDates writes); other bytes stay as they are.
std::string AsciiLower(std::string_view text);

// IsHanNumeralAt tells whether the character at the start of text is a
// Chinese numeral (as normalizers/numbers.h reads them) or ○, and sets *len
// to its byte length.
bool IsHanNumeralAt(std::string_view text, size_t* len);

}  // namespace gigafact

#endif  // GIGAFACT_EXTRACTORS_DATE_TOKENS_H_
