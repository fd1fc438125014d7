#include "extractors/date_tokens.h"

#include <bitset>
#include <cstring>

#include "normalizers/date_words.h"
#include "normalizers/numbers.h"

namespace gigafact {

namespace {

constexpr uint32_t kWhiteCircle = 0x25CB;  // ○, Taiwanese zero (二○二四)

// The CJK block where every Chinese numeral lies.
constexpr uint32_t kCjkFirst = 0x3000, kCjkLast = 0x9FFF;

bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsAlpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

// Utf8Decode reads the code point at pos; *len is its byte length (1 for a
// malformed byte, which then counts as one symbol).
uint32_t Utf8Decode(std::string_view s, size_t pos, size_t* len) {
  unsigned char c = s[pos];
  size_t n = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
  if (c >= 0x80 && c < 0xC0) n = 1;
  if (pos + n > s.size()) n = 1;
  for (size_t i = 1; i < n; ++i) {
    if ((static_cast<unsigned char>(s[pos + i]) & 0xC0) != 0x80) n = 1;
  }
  *len = n;
  if (n == 1) return c;
  uint32_t cp = c & (0xFF >> (n + 1));
  for (size_t i = 1; i < n; ++i) cp = (cp << 6) | (static_cast<unsigned char>(s[pos + i]) & 0x3F);
  return cp;
}

std::string EncodeUtf8(uint32_t cp) {
  std::string out;
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
  return out;
}

// HanNumerals: which code points of the CJK block are numerals, read once
// from normalizers/numbers.h so the two never disagree.
const std::bitset<kCjkLast - kCjkFirst + 1>& HanNumerals() {
  static const auto* const kSet = [] {
    auto* set = new std::bitset<kCjkLast - kCjkFirst + 1>();
    for (uint32_t cp = kCjkFirst; cp <= kCjkLast; ++cp) {
      size_t len = 0;
      if (IsChineseNumeralChar(EncodeUtf8(cp), &len)) set->set(cp - kCjkFirst);
    }
    return set;
  }();
  return *kSet;
}

bool IsHanNumeral(uint32_t cp) {
  return cp == kWhiteCircle || (cp >= kCjkFirst && cp <= kCjkLast && HanNumerals()[cp - kCjkFirst]);
}

// IsHanUnit: the numerals that are not digits (十百千万亿, 点).
bool IsHanUnit(uint32_t cp) {
  switch (cp) {
    case 0x5341: case 0x62FE:  // 十 拾
    case 0x767E: case 0x4F70:  // 百 佰
    case 0x5343: case 0x4EDF:  // 千 仟
    case 0x4E07: case 0x842C:  // 万 萬
    case 0x4EBF: case 0x5104:  // 亿 億
    case 0x70B9: case 0x9EDE:  // 点 點
      return true;
    default:
      return false;
  }
}

// IsChineseDateStart: the characters a Chinese date may begin with besides
// numerals: relative years and months (今年 明年 来年 去年 上年 前年 本月 上月
// 下月), context years (同年 当年 次年 翌年), 民国, 第 (第三季度), 首季, 上半年 /
// 下半年 / 后半年, 昨（18）日.
bool IsChineseDateStart(uint32_t cp) {
  switch (cp) {
    case 0x4ECA:  // 今
    case 0x672C:  // 本
    case 0x660E:  // 明
    case 0x6765: case 0x4F86:  // 来 來
    case 0x53BB:  // 去
    case 0x4E0A:  // 上
    case 0x4E0B:  // 下
    case 0x524D:  // 前
    case 0x540E: case 0x5F8C:  // 后 後 (后半年)
    case 0x540C:  // 同
    case 0x5F53: case 0x7576:  // 当 當
    case 0x6B21:  // 次
    case 0x7FCC:  // 翌
    case 0x6C11:  // 民
    case 0x7B2C:  // 第
    case 0x9996:  // 首
    case 0x6628:  // 昨
      return true;
    default:
      return false;
  }
}

bool IsSpaceCodePoint(uint32_t cp) {
  return cp == 0xA0 || cp == 0x3000 || (cp >= 0x2000 && cp <= 0x200B) || cp == 0x202F;
}

bool IsIdeograph(uint32_t cp) {
  return (cp >= 0x3400 && cp <= 0x4DBF) || (cp >= 0x4E00 && cp <= 0x9FFF) ||
         (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0x20000 && cp <= 0x3FFFF);
}

// StartsDateWord: the word at the start of w begins like a month or weekday
// name, "year", or a spelled-out year ("nineteen …", "seventeen …",
// "eighteen …", "… thousand …"). By first letter, the next two letters of
// the prefixes that start with it.
bool StartsDateWord(std::string_view w) {
  static constexpr std::string_view kNextTwo[26] = {
      /*a*/ "prug", /*b*/ "", /*c*/ "", /*d*/ "ec", /*e*/ "ig", /*f*/ "ebri", /*g*/ "",
      /*h*/ "", /*i*/ "", /*j*/ "anunul", /*k*/ "", /*l*/ "", /*m*/ "arayon", /*n*/ "ovin",
      /*o*/ "ct", /*p*/ "", /*q*/ "", /*r*/ "", /*s*/ "epatunev", /*t*/ "uehuho", /*u*/ "",
      /*v*/ "", /*w*/ "ed", /*x*/ "", /*y*/ "ea", /*z*/ ""};
  if (w.size() < 3) return false;
  char c0 = static_cast<char>(w[0] | 0x20);
  if (c0 < 'a' || c0 > 'z') return false;
  char c1 = static_cast<char>(w[1] | 0x20), c2 = static_cast<char>(w[2] | 0x20);
  std::string_view next = kNextTwo[c0 - 'a'];
  for (size_t i = 0; i + 1 < next.size(); i += 2)
    if (next[i] == c1 && next[i + 1] == c2) return true;
  return false;
}

// IsDateCharAt: one of 年 月 日 号 號 季 at s[i] (a three-byte sequence).
bool IsDateCharAt(std::string_view s, size_t i) {
  if (i + 3 > s.size()) return false;
  unsigned char a = s[i], b = s[i + 1], c = s[i + 2];
  switch (a) {
    case 0xE5:  // 年 E5 B9 B4, 号 E5 8F B7, 季 E5 AD A3
      return (b == 0xB9 && c == 0xB4) || (b == 0x8F && c == 0xB7) || (b == 0xAD && c == 0xA3);
    case 0xE6:  // 月 E6 9C 88, 日 E6 97 A5
      return (b == 0x9C && c == 0x88) || (b == 0x97 && c == 0xA5);
    case 0xE8:  // 號 E8 99 9F
      return b == 0x99 && c == 0x9F;
    default:
      return false;
  }
}

// HasDigit: an ASCII digit anywhere in s, eight bytes at a time.
bool HasDigit(std::string_view s) {
  constexpr uint64_t kOnes = 0x0101010101010101ULL, kHighs = 0x8080808080808080ULL;
  size_t i = 0;
  for (; i + 8 <= s.size(); i += 8) {
    uint64_t x;
    std::memcpy(&x, s.data() + i, 8);
    // A byte of y below 10 is a digit of x: bytes >= 0x80 in x have their
    // high bit set in y too and are masked out by ~y.
    uint64_t y = x ^ (kOnes * '0');
    if (((y - kOnes * 10) & ~y & kHighs) != 0) return true;
  }
  for (; i < s.size(); ++i)
    if (IsDigit(s[i])) return true;
  return false;
}

}  // namespace

bool MayHoldDate(std::string_view s) {
  // Most lines that hold a date hold a digit: look for one first.
  if (HasDigit(s)) return true;
  for (size_t i = 0; i < s.size(); ++i) {
    unsigned char c = s[i];
    if (c >= 0xE5 && c <= 0xE8) {
      if (IsDateCharAt(s, i)) return true;
      i += 2;
    } else if (IsAlpha(static_cast<char>(c)) && (i == 0 || !IsAlpha(s[i - 1]))) {
      if (StartsDateWord(s.substr(i, 3))) return true;
      while (i + 1 < s.size() && IsAlpha(s[i + 1])) ++i;  // on to the word's end
    }
  }
  return false;
}

std::string AsciiLower(std::string_view text) {
  std::string out(text);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c | 0x20);
  return out;
}

bool IsHanNumeralAt(std::string_view text, size_t* len) {
  if (text.empty() || static_cast<unsigned char>(text[0]) < 0x80) return false;
  uint32_t cp = Utf8Decode(text, 0, len);
  return IsHanNumeral(cp);
}

void TokenizeForDates(std::string_view s, std::vector<DateToken>* tokens, std::string* lower) {
  tokens->clear();
  lower->assign(s.data(), s.size());
  bool space = false;
  size_t pos = 0;
  while (pos < s.size()) {
    char c = s[pos];
    if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
      space = true;
      ++pos;
      continue;
    }
    DateToken t;
    t.begin = static_cast<uint32_t>(pos);
    t.space_before = space;
    if (IsDigit(c)) {
      t.kind = DateToken::kNum;
      t.may_start = true;
      int64_t v = 0;
      while (pos < s.size() && IsDigit(s[pos])) {
        if (t.len < 18) v = v * 10 + (s[pos] - '0');
        ++t.len;
        ++pos;
      }
      t.num = t.len <= 18 ? v : -1;
    } else if (IsAlpha(c)) {
      t.kind = DateToken::kWord;
      t.capitalized = c >= 'A' && c <= 'Z';
      while (pos < s.size() && IsAlpha(s[pos])) {
        (*lower)[pos] = static_cast<char>(s[pos] | 0x20);
        ++t.len;
        ++pos;
      }
      t.may_start = MayStartEnglishDate(std::string_view(*lower).substr(t.begin, t.len));
    } else if (static_cast<unsigned char>(c) < 0x80) {
      t.kind = DateToken::kPunct;
      ++pos;
    } else {
      size_t len = 0;
      uint32_t cp = Utf8Decode(s, pos, &len);
      if (IsSpaceCodePoint(cp)) {
        space = true;
        pos += len;
        continue;
      }
      if (IsHanNumeral(cp)) {
        t.kind = DateToken::kHanNum;
        t.may_start = true;
        while (true) {
          t.has_unit = t.has_unit || IsHanUnit(cp);
          ++t.len;
          pos += len;
          if (pos >= s.size() || static_cast<unsigned char>(s[pos]) < 0x80) break;
          cp = Utf8Decode(s, pos, &len);
          if (!IsHanNumeral(cp)) break;
        }
      } else {
        t.kind = DateToken::kHan;
        t.ideograph = IsIdeograph(cp);
        t.may_start = IsChineseDateStart(cp);
        pos += len;
      }
    }
    t.end = static_cast<uint32_t>(pos);
    space = false;
    tokens->push_back(t);
  }
}

}  // namespace gigafact
