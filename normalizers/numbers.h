// Number parsing for the extractors: Arabic numerals with thousands
// separators, decimal points and scale words ("8.42 million", "1.2万"), and
// Chinese numerals ("二十五", "一百五十", "两", "二〇二五", Traditional 萬/億/兩).
//
// Input is expected in the NFKC view (Document::norm): full-width digits and
// separators ("１２，３４５") are already folded to ASCII there, so these
// functions only read ASCII digits, ',', '.', ' ', and Chinese numeral
// characters. Every function is pure and thread-safe.
#ifndef GIGAFACT_NORMALIZERS_NUMBERS_H_
#define GIGAFACT_NORMALIZERS_NUMBERS_H_

#include <cstddef>
#include <string_view>

namespace gigafact {

// ParseArabicNumber parses the whole of `text` as one Arabic number and
// returns true with *out set, or false (leaving *out alone) when `text` is not
// exactly one number. Accepted:
//   "40", "8.42", ".5"            plain integers and decimals
//   "1,000", "12,345.6"           comma thousands groups (groups of 3)
//   "1.000,5", "1.000.000"        dot thousands groups with a comma decimal,
//                                 only where unambiguous (two dot groups, or a
//                                 dot group followed by a ",d" decimal part)
//   "1 000", "12 345"             thousands split by single spaces
//   "2'000", "2’000"              thousands split by apostrophes (Swiss)
//   "1,5"                         a comma decimal when not a thousands group
//                                 (1-3 digits before the comma, 1-2 after)
// Rejected: "", "1,00,0", "1..2", "abc", "1.2.3" (dot groups not of 3).
// A lone "1.000" reads as 1.0 (English decimal), never as one thousand.
bool ParseArabicNumber(std::string_view text, double* out);

// ParseChineseNumber parses the whole of `text` as one Chinese number and
// returns true with *out set, or false when it is not one. Accepted:
//   "十二" 12, "二十五" 25, "一百五十" 150, "三千" 3000, "两" 2, "六十" 60,
//   "一万二千" 12000, "三亿" 3e8, "十万" 100000, "零点五" 0.5 (点 decimal),
//   "百万" 1e6 and "千亿" 1e11 (a bare 百/千 only before 万/亿),
//   "二〇二五" / "二零二五" / "二○二五" 2025 (two or more digits in a row
//   read digit by digit; such a run may take a decimal point and a big
//   unit: "二.一" 2.1, "一六○億" 1.6e10),
//   mixed Arabic digits with 万/亿/千/百/十: "1.2万" 12000, "3亿" 3e8,
//   "1.5万亿" 1.5e12, "3千" 3000;
//   Traditional 萬 億 兩 and financial 壹贰叁… / 拾佰仟.
// Plain Arabic text ("2025", "1,000") is also accepted (via
// ParseArabicNumber), so callers can hand any numeral token here.
// Rejected: "", "万" (a unit character without a number), "十十", "亿万",
// "千" and "百" alone, "二三十" (an approximate "twenty or thirty").
bool ParseChineseNumber(std::string_view text, double* out);

// ParseEnglishNumber parses the whole of `text` as English number words and
// returns true with *out set, or false when it is not one. Words are
// separated by spaces and/or hyphens ("fifty-two", "fifty - two"), "and" may
// join parts, "point" starts digit-by-digit decimals:
//   "sixteen" 16, "one hundred and sixty-one" 161, "two hundred and two
//   thousand" 202000, "twenty-one trillion three hundred" 21e12 + 300,
//   "two hundred point seventy-one" 200.71, "naught point five" 0.5,
//   "a hundred" 100; an Arabic number may lead: "322 hundred" 32200,
//   "1,674.5 million" 1.6745e9.
// Case-insensitive. Rejected: "", "and", "fifty sixty", "two three",
// "point five" (nothing before point), "hundred" alone.
bool ParseEnglishNumber(std::string_view text, double* out);

// ScaleWordFactor returns the multiplier of an English scale word
// ("hundred" 100, "thousand" 1e3, "million" 1e6, "billion" 1e9, "trillion"
// 1e12, also "mn", "bn"; "m" and "k" are NOT accepted: too ambiguous) or of a
// Chinese one
// ("千" 1e3, "万"/"萬" 1e4, "亿"/"億" 1e8, "万亿" 1e12, "百万" 1e6,
// "千万" 1e7), matched case-insensitively for ASCII; 0 when `word` is none.
double ScaleWordFactor(std::string_view word);

// IsChineseNumeralChar tells whether the UTF-8 character at the start of
// `text` is a Chinese numeral or numeral unit character (〇零一…九两十百千万亿
// and Traditional/financial forms) and sets *len to its byte length.
bool IsChineseNumeralChar(std::string_view text, size_t* len);

}  // namespace gigafact

#endif  // GIGAFACT_NORMALIZERS_NUMBERS_H_
