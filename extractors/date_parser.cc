#include "extractors/date_parser.h"

#include <cstdint>
#include <string>

#include "extractors/date_tokens.h"
#include "normalizers/date_words.h"
#include "normalizers/numbers.h"

namespace gigafact {

namespace {

constexpr std::string_view kWhiteCircle = "\xE2\x97\x8B";  // ○, Taiwanese zero (二○二四)

using Token = DateToken;

// ---------------------------------------------------------------------------
// The grammar over one line's tokens.

// Year: a year as a production found it.
struct Year {
  YearSource source = YearSource::kMissing;
  int value = 0;   // kStated
  int offset = 0;  // kRelative, kContext
};

// Part: one date of a match, over tokens [first, last].
struct Part {
  size_t first = 0, last = 0;
  TimexDate date;
  Year year;
  MonthSource month_source = MonthSource::kStated;
  int month_offset = 0;
  bool chinese = false;
};

// Match: what one production read from a token on: one date, or the two
// ends of a range.
struct Match {
  size_t end = 0;  // token after the match
  int count = 0;
  Part parts[2];
};

// DayWords: which days in words a production reads besides digits
// ("24th"): none, ordinals ("the fourth"), or cardinals too ("May twenty
// nine").
enum class DayWords { kDigitsOnly, kOrdinals, kAll };

// MonthWord: how a month name reads.
struct MonthWord {
  int month = 0;
  bool abbreviated = false;
  bool ambiguous = false;  // "may", "march": also common words
};

class LineGrammar {
 public:
  // LineGrammar reads text through its tokens and lowercased copy (see
  // TokenizeForDates); all three must outlive it.
  LineGrammar(std::string_view text, std::vector<Token>* tokens, const std::string& lower)
      : s_(text), lower_(lower), t_(*tokens), n_(t_.size()) {}

  // Run appends every date of the line to *out: at each token where a date
  // may start, the productions for that kind of token are tried and the
  // longest match wins (the first one on a tie).
  void Run(size_t base, std::vector<ParsedDate>* out) {
    for (size_t i = 0; i < n_; ++i) {
      if (!CouldStart(i)) continue;
      Match best;
      switch (t_[i].kind) {
        case Token::kNum:
          Consider(&LineGrammar::EnglishDayFirst, i, &best);
          Consider(&LineGrammar::Numeric, i, &best);
          Consider(&LineGrammar::EnglishQuarterOrHalf, i, &best);  // "3rd quarter of 2026"
          Consider(&LineGrammar::Chinese, i, &best);
          break;
        case Token::kWord:
          Consider(&LineGrammar::EnglishMonthFirst, i, &best);
          Consider(&LineGrammar::EnglishDayFirst, i, &best);
          Consider(&LineGrammar::EnglishQuarterOrHalf, i, &best);
          Consider(&LineGrammar::EnglishRelativeYear, i, &best);
          Consider(&LineGrammar::EnglishYearWords, i, &best);
          break;
        default:
          Consider(&LineGrammar::Chinese, i, &best);
          break;
      }
      if (best.end == 0) continue;
      for (int p = 0; p < best.count; ++p) Emit(best.parts[p], base, out);
      i = best.end - 1;
    }
  }

 private:
  using Production = bool (LineGrammar::*)(size_t, Match*);

  // Consider runs one production at token i and keeps its match if longer
  // than the best so far. The scratch match is reused: a production fills
  // what it reports (SetOne / SetTwo).
  void Consider(Production production, size_t i, Match* best) {
    scratch_.end = 0;
    scratch_.count = 0;
    if ((this->*production)(i, &scratch_) && scratch_.end > best->end) *best = scratch_;
  }

  void Emit(const Part& p, size_t base, std::vector<ParsedDate>* out) const {
    ParsedDate d;
    d.date = p.date;
    d.year_source = p.year.source;
    if (p.year.source == YearSource::kStated) {
      d.date.year = p.year.value;
      if (d.date.year <= 0) return;
    } else {
      d.date.year = 0;
      d.year_offset = p.year.offset;
    }
    d.month_source = p.month_source;
    d.month_offset = p.month_offset;
    if (p.month_source != MonthSource::kStated) {
      if (d.date.day > 31 || d.date.quarter || d.date.half) return;
    } else if (!IsValidTimex(d.date)) {
      return;
    }
    d.span = {base + t_[p.first].begin, base + t_[p.last].end};
    d.chinese = p.chinese;
    out->push_back(d);
  }

  // CouldStart: a cheap test that a date may begin at token i.
  bool CouldStart(size_t i) const { return t_[i].may_start; }

  // --- token predicates ----------------------------------------------------

  std::string_view Text(size_t i) const { return s_.substr(t_[i].begin, t_[i].end - t_[i].begin); }
  // Lower: a word token in lowercase.
  std::string_view Lower(size_t i) const {
    return std::string_view(lower_).substr(t_[i].begin, t_[i].end - t_[i].begin);
  }
  bool Is(size_t i, Token::Kind k) const { return i < n_ && t_[i].kind == k; }
  bool IsNum(size_t i) const { return Is(i, Token::kNum); }
  bool IsWord(size_t i, std::string_view lower) const {
    return Is(i, Token::kWord) && Lower(i) == lower;
  }
  bool IsPunct(size_t i, char c) const { return Is(i, Token::kPunct) && s_[t_[i].begin] == c; }
  bool IsHan(size_t i, std::string_view ch) const {
    return i < n_ && (t_[i].kind == Token::kHan || t_[i].kind == Token::kHanNum) && Text(i) == ch;
  }
  // Adjacent: token i exists and follows the previous one without a space.
  bool Adjacent(size_t i) const { return i < n_ && !t_[i].space_before; }
  // Num: the value of a number token below 10^8, or -1.
  int Num(size_t i) const {
    return IsNum(i) && t_[i].num >= 0 && t_[i].num < 100000000 ? static_cast<int>(t_[i].num) : -1;
  }

  // HanValue: the value of a Chinese numeral run, or -1.
  int64_t HanValue(size_t i) {
    Token& t = t_[i];
    if (!t.num_parsed) {
      t.num_parsed = true;
      std::string run(Text(i));
      for (size_t p = run.find(kWhiteCircle); p != std::string::npos; p = run.find(kWhiteCircle, p))
        run.replace(p, kWhiteCircle.size(), "〇");
      double v = 0;
      t.num = ParseChineseNumber(run, &v) && v >= 0 && v < 1e9 && v == static_cast<int64_t>(v)
                  ? static_cast<int64_t>(v)
                  : -1;
    }
    return t.num;
  }

  // Literal: the token after the literal lit when the text at token i spells
  // it exactly up to a token boundary, else npos.
  size_t Literal(size_t i, std::string_view lit) const {
    if (i >= n_ || s_.substr(t_[i].begin, lit.size()) != lit) return std::string_view::npos;
    size_t end = t_[i].begin + lit.size();
    for (size_t j = i; j < n_ && t_[j].begin < end; ++j) {
      if (t_[j].end == end) return j + 1;
      if (t_[j].end > end) break;
    }
    return std::string_view::npos;
  }

  bool IsDash(size_t i) const {
    if (IsPunct(i, '-') || IsPunct(i, '~')) return true;
    if (!Is(i, Token::kHan)) return false;
    std::string_view t = Text(i);
    return t == "–" || t == "—" || t == "〜" || t == "−" || t == "‐" || t == "‑";
  }

  // IsBlockingSymbol: a currency, number or copyright sign before a number
  // makes it no date.
  bool IsBlockingSymbol(size_t i) const {
    if (Is(i, Token::kPunct)) {
      char c = s_[t_[i].begin];
      return c == '$' || c == '#' || c == '+';
    }
    if (!Is(i, Token::kHan)) return false;
    std::string_view t = Text(i);
    return t == "©" || t == "¥" || t == "€" || t == "£" || t == "®" || t == "№";
  }

  // CleanLeft: the number at token i is not glued to what precedes it: a
  // word ("SNEC2025"), a currency sign, or the digits of a longer chain
  // ("138-2010", "3.2025", "9:30").
  bool CleanLeft(size_t i) const {
    if (i == 0) return true;
    if (IsBlockingSymbol(i - 1)) return false;
    if (t_[i].space_before) return true;
    const Token& p = t_[i - 1];
    if (p.kind == Token::kWord || p.kind == Token::kHanNum) return false;
    if (p.kind == Token::kPunct && i >= 2 && !p.space_before && t_[i - 2].kind == Token::kNum) {
      char c = s_[p.begin];
      if (c == ',' && t_[i].len != 3) return true;  // not a thousands group
      if (c == '-' && EndsNumericDate(i - 2) && t_[i].len == 4) return true;  // "1/10-2018/7/10"
      if (c == '.' || c == ',' || c == '-' || c == '/' || c == ':') return false;
    }
    return true;
  }

  // EndsNumericDate: token i is the last number of a Y/M/D chain ("2018/1/10").
  bool EndsNumericDate(size_t i) const {
    return i >= 4 && t_[i].len <= 2 && Is(i - 1, Token::kPunct) && IsNum(i - 2) &&
           Is(i - 3, Token::kPunct) && IsNum(i - 4) && t_[i - 4].len == 4 &&
           s_[t_[i - 1].begin] == s_[t_[i - 3].begin];
  }

  // CleanRight: the match ending at token j is not glued to what follows:
  // letters or digits ("2025MW"), a percent sign, more digits of a chain
  // ("2010-2015-86", "2025.5", "14:30"), a stock suffix ("2015.HK"), or a
  // unit word ("2000 pieces"). With dash_ok a dash and digits may follow
  // (a range or year: "18-19", "Sep-23-2020", "q1-2019").
  bool CleanRight(size_t j, bool dash_ok = false) const {
    size_t k = j + 1;
    if (k >= n_) return true;
    const Token& q = t_[k];
    if (q.space_before) return !(q.kind == Token::kWord && IsAmountWord(Lower(k)));
    if (q.kind == Token::kWord || q.kind == Token::kNum || q.kind == Token::kHanNum) return false;
    if (q.kind == Token::kPunct) {
      char c = s_[q.begin];
      if (c == '%') return false;
      bool glued_next = k + 1 < n_ && !t_[k + 1].space_before;
      if (glued_next && t_[k + 1].kind == Token::kNum) {
        if (c == ',' && t_[k + 1].len != 3) return true;  // not a thousands group
        if (c == '-' && dash_ok) return true;
        if (c == '.' || c == ',' || c == '-' || c == '/' || c == ':') return false;
      }
      if (glued_next && c == '.' && t_[k + 1].kind == Token::kWord && t_[k + 1].len <= 2 &&
          t_[k + 1].capitalized)
        return false;
    }
    return true;
  }

  // NearCopyright: a copyright sign or word shortly before token i.
  bool NearCopyright(size_t i) const {
    for (size_t back = 1; back <= 4 && back <= i; ++back) {
      size_t j = i - back;
      if (IsHan(j, "©") || IsWord(j, "copyright") || Literal(j, "版权") != std::string_view::npos ||
          Literal(j, "版權") != std::string_view::npos)
        return true;
      if (IsPunct(j, ')') && j >= 2 && IsWord(j - 1, "c") && IsPunct(j - 2, '(')) return true;
    }
    return false;
  }

  // NameBefore: token i (a number) follows a name rather than a preposition:
  // "SNEC 2025", "Vision 2030", "FY 2025", "No. 2025".
  bool NameBefore(size_t i) const {
    if (i == 0) return false;
    size_t p = i - 1;
    if (IsPunct(p, '.') && p > 0 && IsWord(p - 1, "no")) return true;
    if (!Is(p, Token::kWord)) return false;
    std::string_view w = Lower(p);
    bool abbreviated = false;
    if (EnglishMonth(w, &abbreviated) > 0 || IsDateFunctionWord(w)) return false;
    if (w == "no" || w == "number" || w == "tel" || w == "phone" || w == "fax" || w == "code" ||
        w == "version" || w == "model" || w == "room" || w == "flight")
      return true;
    return t_[p].capitalized;
  }

  // --- building blocks -------------------------------------------------------

  // Year4: a four-digit year at token i (1000..2999), or 0.
  int Year4(size_t i) const {
    int v = Num(i);
    return IsNum(i) && t_[i].len == 4 && v >= 1000 && v <= 2999 ? v : 0;
  }

  // MonthWordAt reads a month name at token i (with its period, "Feb.").
  int MonthWordAt(size_t i, size_t* next, MonthWord* mw) const {
    if (!Is(i, Token::kWord)) return 0;
    std::string_view w = Lower(i);
    bool abbreviated = false;
    int m = EnglishMonth(w, &abbreviated);
    if (m == 0) return 0;
    size_t k = i + 1;
    // "Feb." takes its period; a full name only before a day ("October. 2").
    if (IsPunct(k, '.') && Adjacent(k) && (abbreviated || IsNum(k + 1))) ++k;
    mw->month = m;
    mw->abbreviated = abbreviated;
    mw->ambiguous = IsAmbiguousMonth(w);
    *next = k;
    return m;
  }

  // DayAt reads a day of month at token i: "24", "24th", and with number
  // words "twenty-fourth" (ordinals) or "twenty four" (all).
  int DayAt(size_t i, size_t* next, DayWords words) const {
    if (IsNum(i)) {
      int v = Num(i);
      if (t_[i].len > 2 || v < 1 || v > 31) return 0;
      size_t k = i + 1;
      if (Is(k, Token::kWord) && Adjacent(k)) {
        std::string_view suffix = Lower(k);
        if (suffix != "st" && suffix != "nd" && suffix != "rd" && suffix != "th") return 0;
        ++k;
      }
      if (!CleanRight(k - 1, /*dash_ok=*/true)) return 0;
      *next = k;
      return v;
    }
    if (words == DayWords::kDigitsOnly || !Is(i, Token::kWord)) return 0;
    bool ordinal = false;
    int v = EnglishNumberWord(Lower(i), &ordinal);
    if (v < 1) return 0;
    size_t k = i + 1;
    if ((v == 20 || v == 30) && !ordinal) {
      size_t u = k;
      if (IsPunct(u, '-') && Adjacent(u)) ++u;
      bool unit_ordinal = false;
      int unit = Is(u, Token::kWord) ? EnglishNumberWord(Lower(u), &unit_ordinal) : -1;
      if (unit >= 1 && unit <= 9) {
        v += unit;
        ordinal = unit_ordinal;
        k = u + 1;
      }
    }
    if (v > 31 || (!ordinal && words != DayWords::kAll)) return 0;
    *next = k;
    return v;
  }

  // RelativeYearAt reads "this year" (0), "next year" (+1), "last year" (-1).
  bool RelativeYearAt(size_t i, Year* y, size_t* next) const {
    if (!IsWord(i + 1, "year")) return false;
    int offset;
    if (IsWord(i, "this")) {
      offset = 0;
    } else if (IsWord(i, "next")) {
      offset = 1;
    } else if (IsWord(i, "last")) {
      offset = -1;
    } else {
      return false;
    }
    // "this year's" is still this year; "next years" is no year.
    y->source = YearSource::kRelative;
    y->offset = offset;
    *next = i + 2;
    return true;
  }

  // ExtendWithYear: when a year follows token k ("March 3, 2025", "3-5 May
  // 2024"), it is the year of *last (and of *first, a range's other end),
  // *last ends at it and *end moves past it. Returns whether one followed.
  bool ExtendWithYear(size_t k, Part* last, size_t* end, Part* first = nullptr) {
    Year y;
    size_t ky = 0;
    if (!YearTail(k, &y, &ky, true)) return false;
    last->year = y;
    if (first != nullptr) first->year = y;
    last->last = ky - 1;
    *end = ky;
    return true;
  }

  // YearTail reads the year after a month or day: ", 2025", " 2025",
  // "-2016", " of 1995", " in 2020" (allow_in), ", last year".
  bool YearTail(size_t k, Year* y, size_t* next, bool allow_in) {
    size_t j = k;
    if (IsPunct(j, ',')) {
      ++j;
    } else if ((IsPunct(j, '-') || IsPunct(j, '/')) && Adjacent(j) && Adjacent(j + 1)) {
      ++j;
    }
    if (IsWord(j, "of")) ++j;
    if (int v = Year4(j); v > 0 && CleanRight(j)) {
      y->source = YearSource::kStated;
      y->value = v;
      *next = j + 1;
      return true;
    }
    if (int v = 0; YearWordsAt(j, &v, next)) {
      y->source = YearSource::kStated;
      y->value = v;
      return true;
    }
    if (allow_in && j == k && IsWord(j, "in") && Year4(j + 1) > 0 && CleanRight(j + 1)) {
      y->source = YearSource::kStated;
      y->value = Year4(j + 1);
      *next = j + 2;
      return true;
    }
    return RelativeYearAt(j, y, next);
  }

  // Connector: a range word or dash at token i ("-", "to", "through",
  // "till", "until", "and"); *next is the token after it.
  bool Connector(size_t i, size_t* next) const {
    if (IsDash(i) || IsWord(i, "to") || IsWord(i, "through") || IsWord(i, "till") ||
        IsWord(i, "until") || IsWord(i, "and") || IsWord(i, "thru")) {
      *next = i + 1;
      return true;
    }
    return false;
  }

  static Part MakePart(size_t first, size_t last, int year_value, int month, int day) {
    Part p;
    p.first = first;
    p.last = last;
    p.date.month = month;
    p.date.day = day;
    if (year_value > 0) {
      p.year.source = YearSource::kStated;
      p.year.value = year_value;
    }
    return p;
  }

  static void SetOne(Match* m, const Part& p, size_t end) {
    m->count = 1;
    m->parts[0] = p;
    m->end = end;
  }
  static void SetTwo(Match* m, const Part& a, const Part& b, size_t end) {
    m->count = 2;
    m->parts[0] = a;
    m->parts[1] = b;
    m->end = end;
  }

  // --- English productions ---------------------------------------------------

  // EnglishMonthFirst: "[Monday,] February 24[th][, 2025]", "Feb. 24",
  // "Oct2", "Sep-23-2020", "November 18-19", "March 2025", "Dec/2018",
  // "April of 1987", "November last year", "in May".
  bool EnglishMonthFirst(size_t i, Match* m) {
    size_t j = i;
    if (Is(j, Token::kWord) && IsEnglishWeekday(Lower(j))) {
      ++j;
      if (IsPunct(j, ',')) ++j;
    }
    MonthWord mw;
    size_t k = 0;
    if (MonthWordAt(j, &k, &mw) == 0) return false;

    // "August two thousand and fifteen": a year in words, not day two.
    size_t kw = 0;
    if (int v = 0; YearWordsAt(k, &v, &kw)) {
      SetOne(m, MakePart(i, kw - 1, v, mw.month, 0), kw);
      return true;
    }

    // "September-2020-23"
    if ((IsPunct(k, '-') || IsPunct(k, '/')) && Adjacent(k) && Year4(k + 1) && Adjacent(k + 1) &&
        IsPunct(k + 2, s_[t_[k].begin]) && Adjacent(k + 2)) {
      size_t kd = 0;
      if (int d = DayAt(k + 3, &kd, DayWords::kDigitsOnly); d > 0 && Adjacent(k + 3)) {
        SetOne(m, MakePart(i, kd - 1, Year4(k + 1), mw.month, d), kd);
        return true;
      }
    }

    size_t kd = k;
    bool separated = false;
    if ((IsPunct(kd, '-') || IsPunct(kd, '/')) && Adjacent(kd) && Adjacent(kd + 1)) {
      ++kd;
      separated = true;
    }
    if (!separated && IsWord(kd, "the")) ++kd;
    if (!separated && IsPunct(kd, ',') && HasOrdinalSuffix(kd + 1)) ++kd;  // "October, 1st"
    size_t ke = 0;
    if (int d = DayAt(kd, &ke, DayWords::kAll); d > 0) {
      if (IsNum(kd) && !CleanLeftOfDay(kd)) return false;
      Part p = MakePart(i, ke - 1, 0, mw.month, d);
      size_t end = ke;
      if (!ExtendWithYear(ke, &p, &end) && SecondDayOfMonth(p, end, m)) return true;
      SetOne(m, p, end);
      return true;
    }

    // "March 2025", "Dec-2018", "April of 1987", "November last year".
    Year y;
    size_t ky = 0;
    if (YearTail(k, &y, &ky, true)) {
      Part p = MakePart(i, ky - 1, 0, mw.month, 0);
      p.year = y;
      SetOne(m, p, ky);
      return true;
    }
    if (!LoneMonthReadsAsDate(j, k, mw)) return false;
    SetOne(m, MakePart(i, k - 1, 0, mw.month, 0), k);
    return true;
  }

  // SecondDayOfMonth: the second day of "November 18-19[, 2025]" or "april
  // 9th through 17th", from token k after the first (p, yet without a year).
  bool SecondDayOfMonth(Part p, size_t k, Match* m) {
    size_t kc = 0, k2 = 0, after_day = 0;
    if (!Connector(k, &kc)) return false;
    size_t kt = IsWord(kc, "the") ? kc + 1 : kc;
    MonthWord next_month;
    int d2 = DayAt(kt, &k2, DayWords::kOrdinals);
    if (d2 <= p.date.day || MonthWordAt(k2, &after_day, &next_month) > 0) return false;
    Part q = MakePart(kc, k2 - 1, 0, p.date.month, d2);
    size_t end = k2;
    ExtendWithYear(k2, &q, &end, &p);
    SetTwo(m, p, q, end);
    return true;
  }

  // CleanLeftOfDay: a day number glued to its month word ("Oct2") may touch
  // the word; otherwise it must stand clear of other digits.
  bool CleanLeftOfDay(size_t i) const {
    if (!t_[i].space_before && i > 0 && Is(i - 1, Token::kWord)) return true;
    return CleanLeft(i);
  }

  // LoneMonthReadsAsDate: a month name (token j, next token k) on its own
  // is a date after a preposition ("in May", "since August",
  // "mid-November"), as the first end of a range ("Jan-Feb 2017"), and as a
  // capitalized full name that is no common word ("August"). "may" and
  // "march" need a preposition that leaves no verb reading ("in may", not
  // "and may").
  bool LoneMonthReadsAsDate(size_t j, size_t k, const MonthWord& mw) const {
    if (j > 0) {
      size_t p = j - 1;
      if (IsPunct(p, '-') && Adjacent(j) && p > 0 && IsWord(p - 1, "mid")) return true;
      if (IsWord(p, "the") && p > 0) --p;
      if (Is(p, Token::kWord) && IsMonthContextWord(Lower(p))) {
        std::string_view w = Lower(p);
        bool weak = w == "and" || w == "to" || w == "through" || w == "between";
        MonthWord before;
        size_t unused = 0;
        if (!mw.ambiguous || !weak) return true;
        // "March and May", "December 2024 to March": a date before the link.
        if (p > 0 && (MonthWordAt(p - 1, &unused, &before) > 0 || IsNum(p - 1))) return true;
      }
    }
    size_t kc = 0, unused = 0;
    MonthWord after;
    if (Connector(k, &kc) && !IsWord(k, "and") && MonthWordAt(kc, &unused, &after) > 0) return true;
    return t_[j].capitalized && !mw.abbreviated && !mw.ambiguous;
  }

  // HasOrdinalSuffix: token i is a number with "st", "nd", "rd" or "th".
  bool HasOrdinalSuffix(size_t i) const {
    return IsNum(i) && Adjacent(i + 1) &&
           (IsWord(i + 1, "st") || IsWord(i + 1, "nd") || IsWord(i + 1, "rd") || IsWord(i + 1, "th"));
  }

  // EnglishDayFirst: "24 February 2025", "the 4th of July", "16. Nov. 2016",
  // "05-Aug-2016", "22 of Jan", "4-22 January, 1995", "from 4 to January 22".
  bool EnglishDayFirst(size_t i, Match* m) {
    size_t j = IsWord(i, "the") ? i + 1 : i;
    size_t k = 0;
    int d1 = DayAt(j, &k, DayWords::kAll);
    if (d1 == 0) return false;
    if (IsNum(j) && !CleanLeft(j)) return false;
    bool ordinal = false;
    if (Is(k - 1, Token::kWord) && !IsNum(j) &&
        (EnglishNumberWord(Lower(k - 1), &ordinal) < 0 || !ordinal)) {
      // "fifteen August": a cardinal word is a day only right before a month.
      MonthWord mw;
      size_t unused = 0;
      if (MonthWordAt(k, &unused, &mw) == 0) return false;
    }

    size_t kc = 0;
    if (Connector(k, &kc)) {
      size_t kt = IsWord(kc, "the") ? kc + 1 : kc;
      size_t k2 = 0;
      if (int d2 = DayAt(kt, &k2, DayWords::kOrdinals); d2 > d1) {
        size_t km = IsWord(k2, "of") ? k2 + 1 : k2;
        MonthWord mw;
        size_t ke = 0;
        if (MonthWordAt(km, &ke, &mw) > 0) {
          Part a = MakePart(i, k - 1, 0, mw.month, d1);
          Part b = MakePart(kt, ke - 1, 0, mw.month, d2);
          size_t end = ke;
          ExtendWithYear(ke, &b, &end, &a);
          SetTwo(m, a, b, end);
          return true;
        }
      }
      Match rest;
      if (IsNum(j) && EnglishMonthFirst(kc, &rest) && rest.count == 1 &&
          rest.parts[0].date.day > d1) {
        Part a = MakePart(i, k - 1, 0, rest.parts[0].date.month, d1);
        a.year = rest.parts[0].year;
        SetTwo(m, a, rest.parts[0], rest.end);
        return true;
      }
    }

    size_t km = k;
    if (IsPunct(km, '.') && Adjacent(km)) {
      ++km;
    } else if ((IsPunct(km, '-') || IsPunct(km, '/')) && Adjacent(km) && Adjacent(km + 1)) {
      ++km;
    }
    bool of = false;
    if (IsWord(km, "of")) {
      ++km;
      of = true;
    }
    MonthWord mw;
    size_t ke = 0;
    if (MonthWordAt(km, &ke, &mw) == 0) return false;
    Part p = MakePart(i, ke - 1, 0, mw.month, d1);
    size_t end = ke;
    if (!ExtendWithYear(ke, &p, &end) && mw.ambiguous && !t_[km].capitalized && !of)
      return false;  // "5 may be"
    SetOne(m, p, end);
    return true;
  }

  // EnglishQuarterOrHalf: "Q3 2026", "q1 of 2017", "H1 2026", "the third
  // quarter of 2026", "first half of this year". A quarter or half with no
  // year is left out in English ("Q3 results").
  bool EnglishQuarterOrHalf(size_t i, Match* m) {
    int quarter = 0, half = 0;
    size_t k = 0;
    if (Is(i, Token::kWord) && t_[i].len == 1 && IsNum(i + 1) && Adjacent(i + 1) && t_[i + 1].len == 1 &&
        CleanRight(i + 1, /*dash_ok=*/true) && (i == 0 || !Adjacent(i) || !Is(i - 1, Token::kWord))) {
      int v = Num(i + 1);
      if (Lower(i) == "q" && v >= 1 && v <= 4) quarter = v;
      if (Lower(i) == "h" && v >= 1 && v <= 2) half = v;
      k = i + 2;
    } else {
      size_t j = IsWord(i, "the") ? i + 1 : i;
      int ordinal = OrdinalAt(j, &k);
      if (ordinal == 0) return false;
      if (IsWord(k, "quarter") && ordinal <= 4) quarter = ordinal;
      if (IsWord(k, "half") && ordinal <= 2) half = ordinal;
      ++k;
    }
    if (quarter == 0 && half == 0) return false;
    size_t j = k;
    if (IsWord(j, "of") || IsPunct(j, ',') || (IsPunct(j, '-') && Adjacent(j))) ++j;
    if (IsWord(j, "the") && IsWord(j + 1, "year")) j += 2;
    Part p = MakePart(i, 0, 0, 0, 0);
    p.date.quarter = quarter;
    p.date.half = half;
    size_t end = 0;
    int words_year = 0;
    if (int v = Year4(j); v > 0 && CleanRight(j)) {
      p.year.source = YearSource::kStated;
      p.year.value = v;
      end = j + 1;
    } else if (YearWordsAt(j, &words_year, &end)) {
      p.year.source = YearSource::kStated;
      p.year.value = words_year;
    } else if (!RelativeYearAt(j, &p.year, &end)) {
      return false;
    }
    p.last = end - 1;
    SetOne(m, p, end);
    return true;
  }

  // OrdinalAt reads "first".."fourth", "1st".."4th", "last"/"final" (4) and
  // "latter" (2) at token i.
  int OrdinalAt(size_t i, size_t* next) const {
    if (HasOrdinalSuffix(i)) {
      *next = i + 2;
      return Num(i);
    }
    if (!Is(i, Token::kWord)) return 0;
    std::string_view w = Lower(i);
    *next = i + 1;
    if (w == "last" || w == "final") return 4;  // caller caps halves at 2
    if (w == "latter") return 2;
    bool ordinal = false;
    int v = EnglishNumberWord(w, &ordinal);
    return ordinal && v >= 1 && v <= 4 ? v : 0;
  }

  // EnglishRelativeYear: "this year", "next year", "last year" alone.
  bool EnglishRelativeYear(size_t i, Match* m) {
    Year y;
    size_t end = 0;
    if (!RelativeYearAt(i, &y, &end)) return false;
    Part p = MakePart(i, end - 1, 0, 0, 0);
    p.year = y;
    SetOne(m, p, end);
    return true;
  }

  // YearWordsAt reads a year in words: "nineteen ninety six", "two thousand
  // and fifteen", "seventeen hundred thirty three", "nineteen oh one".
  // With allow_small, "two hundred and sixty seven" (after "year") too.
  bool YearWordsAt(size_t i, int* year, size_t* next, bool allow_small = false) const {
    if (!Is(i, Token::kWord)) return false;
    size_t k = i;
    int first = NumberWordsBelow100(k, &k);
    if (first < 0) return false;
    if (allow_small && first >= 1 && first <= 9 && IsWord(k, "hundred")) {
      *year = NumberWordsBelow1000(i, next);
      return *year > 0;
    }
    if (first >= 1 && first <= 9 && IsWord(k, "thousand")) {
      int v = first * 1000;
      ++k;
      size_t save = k;
      if (IsWord(k, "and")) ++k;
      int rest = NumberWordsBelow1000(k, &k);
      if (rest < 0) {
        k = save;
        rest = 0;
      }
      *year = v + rest;
      *next = k;
      return *year >= 1000;
    }
    if (first < 10 || first > 99) return false;
    if (IsWord(k, "hundred")) {
      ++k;
      if (IsWord(k, "and")) ++k;
      int rest = NumberWordsBelow100(k, &k);
      if (rest < 0) return false;
      *year = first * 100 + rest;
      *next = k;
      return true;
    }
    // Pairs: "nineteen ninety six", "nineteen oh one", "twenty twenty".
    if (first > 20) return false;
    size_t k2 = k;
    bool oh = IsWord(k2, "oh") || IsWord(k2, "zero");
    if (oh) ++k2;
    int second = NumberWordsBelow100(k2, &k2);
    if (second < 0 || (oh && second > 9) || (!oh && second < 10)) return false;
    *year = first * 100 + second;
    *next = k2;
    return true;
  }

  // NumberWordsBelow100: "seven", "twenty", "twenty-one", "ninety six".
  int NumberWordsBelow100(size_t i, size_t* next) const {
    if (!Is(i, Token::kWord)) return -1;
    bool ordinal = false;
    int v = EnglishNumberWord(Lower(i), &ordinal);
    if (v < 0 || ordinal || Lower(i) == "oh") return -1;
    size_t k = i + 1;
    if (v >= 20 && v % 10 == 0) {
      size_t u = k;
      if (IsPunct(u, '-') && Adjacent(u)) ++u;
      bool unit_ordinal = false;
      int unit = Is(u, Token::kWord) ? EnglishNumberWord(Lower(u), &unit_ordinal) : -1;
      if (unit >= 1 && unit <= 9 && !unit_ordinal) {
        v += unit;
        k = u + 1;
      }
    }
    *next = k;
    return v;
  }

  // NumberWordsBelow1000: "fifteen", "seven hundred and eighty nine".
  int NumberWordsBelow1000(size_t i, size_t* next) const {
    size_t k = i;
    int v = NumberWordsBelow100(k, &k);
    if (v < 0) return -1;
    if (v >= 1 && v <= 9 && IsWord(k, "hundred")) {
      ++k;
      size_t save = k;
      if (IsWord(k, "and")) ++k;
      int rest = NumberWordsBelow100(k, &k);
      if (rest < 0) {
        k = save;
        rest = 0;
      }
      v = v * 100 + rest;
    }
    *next = k;
    return v;
  }

  // EnglishYearWords: a year in words after "in" or "year" ("in nineteen
  // twenty eight", "year two hundred and sixty seven"), or after another
  // preposition when it ends the phrase ("from two thousand until …").
  bool EnglishYearWords(size_t i, Match* m) {
    if (i == 0 || !Is(i - 1, Token::kWord)) return false;
    std::string_view before = Lower(i - 1);
    bool strong = before == "in" || before == "year";
    if (!strong && !IsDateFunctionWord(before)) return false;
    int year = 0;
    size_t end = 0;
    if (!YearWordsAt(i, &year, &end, /*allow_small=*/before == "year")) return false;
    if (!strong && (year < 1000 || !(end >= n_ || Is(end, Token::kPunct) ||
                                     (Is(end, Token::kWord) && IsDateFunctionWord(Lower(end))))))
      return false;
    SetOne(m, MakePart(i, end - 1, year, 0, 0), end);
    return true;
  }

  // --- numeric forms -----------------------------------------------------------

  // Numeric: dates written with digits and separators only, and bare years.
  bool Numeric(size_t i, Match* m) {
    if (!IsNum(i) || !CleanLeft(i)) return false;
    switch (t_[i].len) {
      case 8: return CompactDate(i, m);
      case 4: return YearFirst(i, m);
      case 3: return YearAfterWordYear(i, m);
      case 1:
      case 2: return SmallNumberFirst(i, m);
      default: return false;
    }
  }

  // CompactDate: "20250224", only standing clear of letters and Han ("备20210123号"
  // is a licence number).
  bool CompactDate(size_t i, Match* m) {
    int v = Num(i);
    int y = v / 10000, mo = v / 100 % 100, d = v % 100;
    if (y < 1900 || y > 2100) return false;
    if (i > 0 && Adjacent(i) && (Is(i - 1, Token::kHan) || Is(i - 1, Token::kHanNum))) return false;
    if (Adjacent(i + 1) && (Is(i + 1, Token::kHan) || Is(i + 1, Token::kHanNum))) return false;
    if (!CleanRight(i)) return false;
    SetOne(m, MakePart(i, i, y, mo, d), i + 1);
    return true;
  }

  // YearAfterWordYear: "year 247".
  bool YearAfterWordYear(size_t i, Match* m) {
    if (i == 0 || !IsWord(i - 1, "year") || !CleanRight(i)) return false;
    SetOne(m, MakePart(i, i, Num(i), 0, 0), i + 1);
    return true;
  }

  // Separator: '-', '/' or '.' at token i; dashes and slashes may stand
  // between spaces ("2016 - 11"), a dot must touch both sides.
  bool Separator(size_t i, char* sep) const {
    if (!Is(i, Token::kPunct) || i + 1 >= n_) return false;
    char c = s_[t_[i].begin];
    if (c == '.') {
      if (!Adjacent(i) || !Adjacent(i + 1)) return false;
    } else if (c != '-' && c != '/') {
      return false;
    }
    *sep = c;
    return true;
  }

  // YearFirst: a four-digit number first: "2025-02-24", "2025/2/24",
  // "2025.2.24", "2019/aug/01", "2025-02", "2015.3", "2014-2018",
  // "2017-q1" (YearThenSeparator); "2014–2018", "2016 10 16", "2016H2",
  // "2016 the third quarter", "2016, nov"; else the bare year.
  bool YearFirst(size_t i, Match* m) {
    int y = Num(i);
    if (y < 1000 || y > 2999) return false;
    char sep = 0;
    if (Separator(i + 1, &sep)) return YearThenSeparator(i, sep, m);
    if ((IsDash(i + 1) || IsPunct(i + 1, '~')) && Year4(i + 2) > y && Year4(i + 2) - y <= 100 &&
        CleanRight(i + 2) && !NameBefore(i) && !NearCopyright(i)) {
      return YearRange(i, i + 2, m);  // "2014–2018", "2014~2018"
    }
    // "2016 10 16": space-separated and zero-padded.
    if (IsNum(i + 1) && t_[i + 1].len == 2 && IsNum(i + 2) && t_[i + 2].len == 2 &&
        t_[i + 1].space_before && t_[i + 2].space_before && CleanRight(i + 2) && Num(i + 1) <= 12) {
      SetOne(m, MakePart(i, i + 2, y, Num(i + 1), Num(i + 2)), i + 3);
      return true;
    }
    if (YearThenQuarterOrHalf(i, i + 1, m)) return true;
    if (IsWord(i + 1, "the")) {  // "2016 the third quarter"
      size_t k = 0;
      int ord = OrdinalAt(i + 2, &k);
      if (ord >= 1 && ord <= 4 && IsWord(k, "quarter")) {
        Part p = MakePart(i, k, y, 0, 0);
        p.date.quarter = ord;
        SetOne(m, p, k + 1);
        return true;
      }
    }
    // "2017 april", "2016, nov" ("2019 may see" is no month).
    size_t k = IsPunct(i + 1, ',') ? i + 2 : i + 1;
    MonthWord mw;
    size_t ke = 0;
    if (MonthWordAt(k, &ke, &mw) > 0 && !Adjacent(k) && !IsNum(ke) &&
        !(mw.ambiguous && !t_[k].capitalized && !AtEnd(ke))) {
      SetOne(m, MakePart(i, ke - 1, y, mw.month, 0), ke);
      return true;
    }
    return BareYear(i, m);
  }

  // YearThenSeparator: what follows "2025-", "2025/" or "2025.": a month and
  // day, a month, a month name and day, a second year, a quarter or half. A
  // separator that leads to none of them makes no date at all ("2015-1-32",
  // "2030/31").
  bool YearThenSeparator(size_t i, char sep, Match* m) {
    int y = Num(i);
    size_t k = i + 2;
    char sep2 = 0;
    if (IsNum(k) && t_[k].len <= 2) {
      int a = Num(k);
      if (Separator(k + 1, &sep2) && sep2 == sep && IsNum(k + 2)) {  // "2025-02-24"
        if (t_[k + 2].len > 2 || a > 12 || !CleanRight(k + 2, /*dash_ok=*/true)) return false;
        SetOne(m, MakePart(i, k + 2, y, a, Num(k + 2)), k + 3);
        return true;
      }
      if (a >= 1 && a <= 12 && CleanRight(k) && !(sep == '.' && AmountFollows(k))) {
        SetOne(m, MakePart(i, k, y, a, 0), k + 1);  // "2025-02", "2015.3"
        return true;
      }
      MonthWord mw;
      size_t ke = 0;
      if (Separator(k + 1, &sep2) && sep2 == sep && MonthWordAt(k + 2, &ke, &mw) > 0) {
        SetOne(m, MakePart(i, ke - 1, y, mw.month, a), ke);  // "2020/23/Sep"
        return true;
      }
      return false;
    }
    if (sep != '.' && Year4(k) > y && Year4(k) - y <= 100 && CleanRight(k)) {
      if (NameBefore(i) || NearCopyright(i)) return false;
      return YearRange(i, k, m);  // "2014-2018"
    }
    MonthWord mw;
    size_t ke = 0;
    if (MonthWordAt(k, &ke, &mw) > 0 && Separator(ke, &sep2) && sep2 == sep) {
      size_t kd = 0;
      if (int d = DayAt(ke + 1, &kd, DayWords::kDigitsOnly); d > 0) {
        SetOne(m, MakePart(i, kd - 1, y, mw.month, d), kd);  // "2019/aug/01"
        return true;
      }
    }
    return YearThenQuarterOrHalf(i, k, m);  // "2017-q1", "2019-H2"
  }

  bool AtEnd(size_t i) const { return i >= n_ || Is(i, Token::kPunct); }

  // AmountFollows: a unit or scale word after token j ("2025.5 million").
  bool AmountFollows(size_t j) const {
    return j + 1 < n_ && ((Is(j + 1, Token::kWord) && IsAmountWord(Lower(j + 1))) ||
                          Is(j + 1, Token::kHanNum) || (Is(j + 1, Token::kHan) && t_[j + 1].ideograph &&
                                                        Adjacent(j + 1)));
  }

  // YearRange: both ends of "2014-2018" (tokens i and k), and of
  // "2022-2025年".
  bool YearRange(size_t i, size_t k, Match* m) {
    size_t end = k + 1;
    if (IsHan(end, "年")) ++end;
    Part a = MakePart(i, i, Num(i), 0, 0);
    Part b = MakePart(k, end - 1, Num(k), 0, 0);
    a.chinese = b.chinese = end > k + 1;
    SetTwo(m, a, b, end);
    return true;
  }

  // YearThenQuarterOrHalf: "2016 Q3", "2016H2", "2019-H2" (k: the letter).
  bool YearThenQuarterOrHalf(size_t i, size_t k, Match* m) {
    if (!Is(k, Token::kWord) || t_[k].len != 1 || !IsNum(k + 1) || !Adjacent(k + 1) ||
        t_[k + 1].len != 1 || !CleanRight(k + 1))
      return false;
    int v = Num(k + 1);
    Part p = MakePart(i, k + 1, Num(i), 0, 0);
    if (Lower(k) == "q" && v >= 1 && v <= 4) {
      p.date.quarter = v;
    } else if (Lower(k) == "h" && v >= 1 && v <= 2) {
      p.date.half = v;
    } else {
      return false;
    }
    SetOne(m, p, k + 2);
    return true;
  }

  // BareYear: a four-digit number alone is a year when it reads as one:
  // 1900..2100 (wider after "in" or "year"), clear of units, names,
  // currency and copyright, and in Chinese text not glued to a following
  // word ("2021三季报", "2025储能").
  bool BareYear(size_t i, Match* m) {
    int y = Num(i);
    // Outside 1900..2100 only "year 1391", or "in 2150" closing a phrase
    // ("in 2170 cells" is a cell format).
    bool wide = i > 0 && (IsWord(i - 1, "year") ||
                          (IsWord(i - 1, "in") && y < 2200 && (i + 1 >= n_ || Is(i + 1, Token::kPunct))));
    if (!(y >= 1900 && y <= 2100) && !(wide && y >= 1000 && y <= 2999)) return false;
    if (!CleanRight(i) || NameBefore(i) || NearCopyright(i)) return false;
    if (i >= 2 && IsDash(i - 1) && IsNum(i - 2)) return false;  // "32 - 2015"
    if ((i > 0 && IsNum(i - 1)) || IsNum(i + 1)) return false;  // "+86 21 2025 1234"
    if (i + 1 < n_ && Adjacent(i + 1) && t_[i + 1].kind == Token::kHan && t_[i + 1].ideograph &&
        !IsRangeHan(i + 1))
      return false;
    SetOne(m, MakePart(i, i, y, 0, 0), i + 1);
    return true;
  }

  bool IsRangeHan(size_t i) const {
    static constexpr std::string_view kLinks[] = {"到", "至", "和", "与", "與", "及", "或", "、"};
    for (std::string_view l : kLinks)
      if (IsHan(i, l)) return true;
    return false;
  }

  // SmallNumberFirst: "02/24/2025", "24.2.2025", "9-18-15", "3/2015",
  // "11 - 2016", and after "on" a year-less "4/22".
  bool SmallNumberFirst(size_t i, Match* m) {
    char s1 = 0;
    if (!Separator(i + 1, &s1) || !IsNum(i + 2)) return false;
    int a = Num(i);
    size_t k = i + 2;
    int b = Num(k);
    char s2 = 0;
    if (t_[k].len <= 2 && Separator(k + 1, &s2) && s2 == s1 && IsNum(k + 2)) {
      size_t ky = k + 2;
      int y = 0;
      if (t_[ky].len == 4) {
        y = Num(ky);
      } else if (t_[ky].len == 2 && s1 != '.') {
        y = ExpandTwoDigitYear(Num(ky));
      } else {
        return false;
      }
      if (!CleanRight(ky) || y < 1000) return false;
      int month = 0, day = 0;
      if (!MonthAndDay(a, b, s1 == '.', &month, &day)) return false;
      SetOne(m, MakePart(i, ky, y, month, day), ky + 1);
      return true;
    }
    if (t_[k].len == 4 && s1 != '.' && a >= 1 && a <= 12 && Year4(k) && CleanRight(k)) {
      SetOne(m, MakePart(i, k, Num(k), a, 0), k + 1);
      return true;
    }
    // A year-less "4/22" only after "on": elsewhere it is a fraction or score
    // ("on 3/4 of the site" still is one).
    if (t_[k].len <= 2 && i > 0 && IsWord(i - 1, "on") && CleanRight(k) && !Separator(k + 1, &s2) &&
        !IsWord(k + 1, "of")) {
      int month = 0, day = 0;
      if (!MonthAndDay(a, b, false, &month, &day)) return false;
      Part p = MakePart(i, k, 0, month, day);
      SetOne(m, p, k + 1);
      return true;
    }
    return false;
  }

  // MonthAndDay orders two numbers as month and day: the one above 12 is the
  // day; when both could be months, day first for dotted dates (13.5.2015
  // style) and month first otherwise (US 02/24/2025).
  static bool MonthAndDay(int a, int b, bool dotted, int* month, int* day) {
    if (a < 1 || b < 1) return false;
    if (a > 12 && b <= 12) {
      *day = a;
      *month = b;
    } else if (b > 12 && a <= 12) {
      *month = a;
      *day = b;
    } else if (a <= 12 && b <= 12) {
      *month = dotted ? b : a;
      *day = dotted ? a : b;
    } else {
      return false;
    }
    return true;
  }

  // --- Chinese ---------------------------------------------------------------

  // ChineseYear reads the year part at token i: "2025年", "二〇二五年",
  // "07年", "两千零四年", "民國113年", "今年", "同年"; *next is after it.
  bool ChineseYear(size_t i, Year* y, size_t* next) {
    if (i >= n_) return false;
    if (t_[i].kind == Token::kHan) {
      if (ChineseYearWord(i, y, next)) return true;
      size_t k = Literal(i, "民国");
      if (k == std::string_view::npos) k = Literal(i, "民國");
      if (k == std::string_view::npos || !ChineseNumeralYear(k, /*republic=*/true, y, next))
        return false;
      y->value += 1911;
      return true;
    }
    return ChineseNumeralYear(i, /*republic=*/false, y, next);
  }

  // ChineseYearWord: a relative year (今年 明年 去年, against publication) or
  // a context year (同年 次年, against the text's previous year).
  bool ChineseYearWord(size_t i, Year* y, size_t* next) const {
    std::string_view rest = s_.substr(t_[i].begin);
    int offset = 0;
    YearSource source = YearSource::kRelative;
    size_t len = ChineseRelativeYear(rest, &offset);
    if (len == 0) {
      len = ChineseContextYear(rest, &offset);
      source = YearSource::kContext;
    }
    if (len == 0) return false;
    size_t k = Literal(i, rest.substr(0, len));
    if (k == std::string_view::npos || !YearWordStandsAlone(i, k)) return false;
    y->source = source;
    y->offset = offset;
    *next = k;
    return true;
  }

  // ChineseNumeralYear: a number and 年 at token k: four digits ("2025年",
  // "二〇二五年", "三六七年"), two with a leading zero or a month after them
  // ("07年", "零八年", "18年10月"), or a 千 number ("两千零四年"). A
  // four-digit number before 月月 is a mistyped year ("2021月12月"). After
  // 民国 (republic) any small number counts ("民國113年", "民国三年"); the
  // caller adds 1911.
  bool ChineseNumeralYear(size_t k, bool republic, Year* y, size_t* next) {
    size_t after = k + 1;
    bool year_char = IsHan(after, "年");
    bool month_follows = ChineseMonthAt(after + 1, nullptr) > 0;
    int value = 0;
    if (IsNum(k)) {
      if (!CleanLeft(k)) return false;
      size_t len = t_[k].len;
      if (!year_char && len == 4 && IsHan(after, "月") && month_follows) year_char = true;
      if (!year_char) return false;
      if (republic && len <= 3) {
        value = Num(k);
      } else if (len == 4) {
        value = Num(k);
      } else if (len == 2 && (s_[t_[k].begin] == '0' || month_follows)) {
        value = ExpandTwoDigitYear(Num(k));
      } else {
        return false;
      }
    } else if (Is(k, Token::kHanNum) && year_char) {
      int64_t v = HanValue(k);
      const Token& t = t_[k];
      if (v < 0) return false;
      if (republic && v >= 1 && v <= 200) {
        value = static_cast<int>(v);
      } else if (!t.has_unit && t.len >= 3 && t.len <= 4) {
        value = static_cast<int>(v);
      } else if (!t.has_unit && t.len == 2 && (StartsWithHanZero(k) || month_follows)) {
        value = ExpandTwoDigitYear(static_cast<int>(v));
      } else if (t.has_unit && v >= 1000 && v <= 2999 && Text(k).find("千") != std::string_view::npos) {
        value = static_cast<int>(v);
      } else {
        return false;
      }
    } else {
      return false;
    }
    if (value < 1 || value > 2999) return false;
    y->source = YearSource::kStated;
    y->value = value;
    *next = after + 1;
    return true;
  }

  // YearWordStandsAlone: the relative-year word over tokens [i, next) is not
  // the tail of one word and the head of another: "不同年份" (不同 + 年份),
  // "过去年均" (过去 + 年均), "投产前年产能" (投产前 + 年产能).
  bool YearWordStandsAlone(size_t i, size_t next) const {
    if (i == 0 || !Adjacent(i) || !Is(i - 1, Token::kHan) || !t_[i - 1].ideograph) return true;
    static constexpr std::string_view kWordHeads[] = {"不", "相", "过", "過", "如", "每", "共",
                                                      "提", "之", "此", "最", "以"};
    for (std::string_view head : kWordHeads)
      if (Text(i - 1) == head) return false;
    static constexpr std::string_view kAnnualTails[] = {
        "产", "產", "均", "销", "銷", "营", "營", "发", "發", "处", "處", "减", "減", "节",
        "節", "收", "供", "用", "出", "消", "可", "新", "运", "運", "份"};
    for (std::string_view tail : kAnnualTails)
      if (IsHan(next, tail) && Adjacent(next)) return false;
    return true;
  }

  bool StartsWithHanZero(size_t i) const {
    std::string_view t = Text(i);
    return t.substr(0, 3) == "零" || t.substr(0, 3) == "〇" || t.substr(0, 3) == kWhiteCircle;
  }

  // SmallValue: a 1-2 digit number or a Chinese numeral at token i, or -1.
  int SmallValue(size_t i) {
    if (IsNum(i)) return t_[i].len <= 2 ? Num(i) : -1;
    if (Is(i, Token::kHanNum)) {
      int64_t v = HanValue(i);
      return v >= 0 && v <= 99 ? static_cast<int>(v) : -1;
    }
    return -1;
  }

  // ChineseMonthAt reads "2月", "十二月", "3月份" at token i; *next is after
  // it (may be null). After a range link ("1-9月") the number may touch the
  // digits before it.
  int ChineseMonthAt(size_t i, size_t* next, bool after_link = false) {
    int v = SmallValue(i);
    if (v < 1 || v > 12) return 0;
    if (IsNum(i) && !after_link && !CleanLeft(i)) return 0;
    size_t k = i + 1;
    if (!IsHan(k, "月")) return 0;
    ++k;
    if (IsHan(k, "份")) ++k;
    if (next) *next = k;
    return v;
  }

  // ChineseDayAt reads "24日", "二十四号", "12號" at token i.
  int ChineseDayAt(size_t i, size_t* next) {
    int v = SmallValue(i);
    if (v < 1 || v > 31) return 0;
    size_t k = i + 1;
    if (!(IsHan(k, "日") || IsHan(k, "号") || IsHan(k, "號"))) return 0;
    *next = k + 1;
    return v;
  }

  // ChineseQuarterAt reads "二季度", "第二季度", "第三季" (with 第 or after a
  // year), "Q2" at token i; a report ("三季报") is no quarter.
  int ChineseQuarterAt(size_t i, size_t* next, bool after_year) {
    if (i > 0 && IsHan(i - 1, "前") && Adjacent(i)) return 0;  // 前三季度: Q1 to Q3
    for (std::string_view first_quarter : {"首季度", "首季"}) {
      size_t k = Literal(i, first_quarter);
      if (k != std::string_view::npos && !IsHan(k, "报") && !IsHan(k, "報")) {
        *next = k;
        return 1;
      }
    }
    size_t k = i;
    bool di = IsHan(k, "第");
    if (di) ++k;
    if (Is(k, Token::kWord) && Lower(k) == "q" && after_year && IsNum(k + 1) && Adjacent(k + 1)) {
      int v = Num(k + 1);
      if (v < 1 || v > 4 || !CleanRight(k + 1)) return 0;
      *next = k + 2;
      return v;
    }
    int v = SmallValue(k);
    if (v < 1 || v > 4) return 0;
    ++k;
    if (!IsHan(k, "季")) return 0;
    ++k;
    if (IsHan(k, "度")) {
      ++k;
    } else if (!after_year) {
      return 0;  // "第一季" alone is as often a season of a show
    }
    if (IsHan(k, "报") || IsHan(k, "報")) return 0;
    *next = k;
    return v;
  }

  // ChineseHalfAt reads 上半年 / 下半年 / 前半年 / 后半年 at token i.
  int ChineseHalfAt(size_t i, size_t* next) {
    static constexpr struct { std::string_view text; int half; } kHalves[] = {
        {"上半年", 1}, {"前半年", 1}, {"下半年", 2}, {"后半年", 2}, {"後半年", 2}};
    for (const auto& h : kHalves) {
      size_t k = Literal(i, h.text);
      if (k == std::string_view::npos) continue;
      if (IsHan(k, "度")) ++k;
      if (IsHan(k, "报") || IsHan(k, "報")) return 0;
      *next = k;
      return h.half;
    }
    return 0;
  }

  // IsPeriodReport: a periodic report's name at token i: 年报, 中报, 一季报…
  // (the half-year report 半年度报告 is read as its half, the first).
  bool IsPeriodReport(size_t i) const {
    static constexpr std::string_view kReports[] = {
        "报", "報", "中报", "中報", "一季报", "二季报", "三季报", "四季报", "一季報",
        "二季報", "三季報", "四季報", "第一季报", "第三季报", "第一季報", "第三季報"};
    for (std::string_view r : kReports)
      if (Literal(i, r) != std::string_view::npos) return true;
    return false;
  }

  // ChineseRelativeMonth: "本月18日", "上月", "下月底": a month counted from
  // the publication month.
  bool ChineseRelativeMonth(size_t i, Match* m) {
    static constexpr struct { std::string_view text; int offset; } kMonths[] = {
        {"本月", 0}, {"上月", -1}, {"下月", 1}};
    for (const auto& rel : kMonths) {
      size_t k = Literal(i, rel.text);
      if (k == std::string_view::npos) continue;
      if (IsHan(k, "份") || IsHan(k, "度")) return false;  // 上月份 reads fine, 下月度 no date
      Part p;
      p.first = i;
      p.last = k - 1;
      p.chinese = true;
      p.year.source = YearSource::kRelative;
      p.month_source = MonthSource::kRelative;
      p.month_offset = rel.offset;
      size_t kd = 0;
      if (int day = ChineseDayAt(k, &kd); day > 0) {
        p.date.day = day;
        p.last = kd - 1;
        k = kd;
      }
      SetOne(m, p, k);
      return true;
    }
    return false;
  }

  // ChineseDayAlone: a day of the month with no month, "12日在法國宣布",
  // "昨（18）日", "台北27日電": in news it means the publication month. Only
  // with 日 (a number before 号 is as often a label: 1号线, 2号机组), and
  // not as a length of time ("近7日", "30日内", "每5日").
  bool ChineseDayAlone(size_t i, Match* m) {
    size_t k = i;
    size_t first = i;
    bool bracketed = false;
    if ((IsHan(k, "昨") || IsHan(k, "今")) && IsPunct(k + 1, '(')) {
      k += 2;  // 昨（18）日: NFKC folds the brackets to ASCII
      bracketed = true;
    }
    int day = SmallValue(k);
    if (day < 1 || day > 31) return false;
    if (IsNum(k) && !CleanLeft(k)) return false;
    size_t kd = k + 1;
    if (bracketed) {
      if (!IsPunct(kd, ')')) return false;
      ++kd;
    }
    if (!IsHan(kd, "日")) return false;
    if (!bracketed && k > 0 && Adjacent(k)) {
      static constexpr std::string_view kCountHeads[] = {
          "近", "连", "連", "每", "历", "歷", "个", "個", "第", "数", "數", "余", "餘", "多",
          "几", "幾", "满", "滿", "逾", "超", "共", "约", "約", "仅", "僅", "月", "前", "后",
          "後", "的", "隔", "周", "週", "星期", "礼拜", "禮拜"};
      for (std::string_view head : kCountHeads)
        if (k >= 1 && Text(k - 1) == head) return false;
      if (Is(k - 1, Token::kHanNum) || IsNum(k - 1)) return false;
    }
    static constexpr std::string_view kSpanTails[] = {"内", "內", "后", "後", "以", "之", "前",
                                                      "左", "期", "间", "間", "均", "元"};
    for (std::string_view tail : kSpanTails)
      if (IsHan(kd + 1, tail) && Adjacent(kd + 1)) return false;
    Part p;
    p.first = first;
    p.last = kd;
    p.chinese = true;
    p.date.day = day;
    p.year.source = YearSource::kRelative;
    p.month_source = MonthSource::kPublication;
    SetOne(m, p, kd + 1);
    return true;
  }

  // ChineseMayFollow: a quick test of the token after i, which in every
  // Chinese date is a date character (年 月 日 号 季, 半 of 上半年, 国 of
  // 民国), a numeral (第三, 今年 aside), a range link or a bracket (昨（18）日).
  bool ChineseMayFollow(size_t i) const {
    size_t k = i + 1;
    if (k >= n_) return false;
    const Token& t = t_[k];
    if (t.kind == Token::kNum || t.kind == Token::kHanNum) return t_[i].kind == Token::kHan;
    if (t.kind == Token::kPunct) return s_[t.begin] == '(' || s_[t.begin] == '-' || s_[t.begin] == '~';
    if (t.kind == Token::kWord) return t.len == 1;  // 2024年Q2 comes after 年; Q after a number
    static constexpr std::string_view kNext[] = {"年", "月", "日", "号", "號", "季", "半", "国",
                                                 "國", "至", "到", "–", "—", "〜"};
    std::string_view text = Text(k);
    for (std::string_view n : kNext)
      if (text == n) return true;
    return false;
  }

  // ChineseRangeLink: a dash, 至 or 到 at token i.
  bool ChineseRangeLink(size_t i, size_t* next) const {
    if (IsDash(i) || IsHan(i, "至") || IsHan(i, "到")) {
      *next = i + 1;
      return true;
    }
    return false;
  }

  // ChineseMonthRange: "1-5月", "2023年1-5月": both ends of a month range
  // from token j on; p carries the year part.
  bool ChineseMonthRange(const Part& p, size_t j, Match* m) {
    int a = SmallValue(j);
    size_t kl = 0, km = 0;
    if (a < 1 || a > 12 || !ChineseRangeLink(j + 1, &kl)) return false;
    int b = ChineseMonthAt(kl, &km, /*after_link=*/true);
    if (b <= a) return false;
    Part first = p, last = p;
    first.date.month = a;
    first.last = j;
    last.first = kl;
    last.date.month = b;
    last.last = km - 1;
    SetTwo(m, first, last, km);
    return true;
  }

  // ChineseMonthAndDay: a month from token j on, with its day if any:
  // "2月", "2月24日", "八月十五" (a day in numerals without 日 ending the
  // phrase), and the day ranges "一月十日到十二日", "6月1-30日".
  bool ChineseMonthAndDay(Part p, size_t j, Match* m) {
    size_t km = 0;
    int month = ChineseMonthAt(j, &km);
    if (month == 0) return false;
    p.date.month = month;
    p.last = km - 1;
    size_t kd = 0, kl = 0, ke = 0;
    if (int day = ChineseDayAt(km, &kd); day > 0) {
      p.date.day = day;
      p.last = kd - 1;
      if (ChineseRangeLink(kd, &kl)) {
        if (int day2 = ChineseDayAt(kl, &ke); day2 > day) {
          Part q = p;
          q.first = kl;
          q.last = ke - 1;
          q.date.day = day2;
          SetTwo(m, p, q, ke);
          return true;
        }
      }
      SetOne(m, p, kd);
      return true;
    }
    int first_day = SmallValue(km);
    if (first_day >= 1 && first_day <= 31 && Adjacent(km)) {
      if (Is(km, Token::kHanNum) &&
          (km + 1 >= n_ || !Is(km + 1, Token::kHan) || !t_[km + 1].ideograph)) {
        p.date.day = first_day;
        p.last = km;
        SetOne(m, p, km + 1);
        return true;
      }
      if (ChineseRangeLink(km + 1, &kl)) {
        if (int day2 = ChineseDayAt(kl, &ke); day2 > first_day) {
          Part first = p, last = p;
          first.date.day = first_day;
          first.last = km;
          last.first = kl;
          last.date.day = day2;
          last.last = ke - 1;
          SetTwo(m, first, last, ke);
          return true;
        }
      }
    }
    SetOne(m, p, km);
    return true;
  }

  // Chinese: a year with what follows it (month, day, quarter, half, or a
  // second year of a range), or a month-day, quarter or half without one.
  bool Chinese(size_t i, Match* m) {
    if (!ChineseMayFollow(i)) return false;
    Year year;
    size_t j = i;
    bool has_year = ChineseYear(i, &year, &j);
    if (has_year && year.source == YearSource::kStated && IsPeriodReport(j)) {
      return false;  // 2023年报, 2022年三季报: a report, not its period
    }
    Part p;
    p.first = i;
    p.chinese = true;
    if (has_year) p.year = year;

    if (has_year && ChineseYearRange(p, j, m)) return true;
    if (ChineseMonthRange(p, j, m) || ChineseMonthAndDay(p, j, m)) return true;
    if (!has_year) {
      if (ChineseRelativeMonth(i, m) || ChineseDayAlone(i, m)) return true;
    }
    size_t kq = 0;
    if (int q = ChineseQuarterAt(j, &kq, has_year); q > 0) {
      p.date.quarter = q;
      p.last = kq - 1;
      SetOne(m, p, kq);
      return true;
    }
    if (int h = ChineseHalfAt(j, &kq); h > 0) {
      p.date.half = h;
      p.last = kq - 1;
      SetOne(m, p, kq);
      return true;
    }
    if (!has_year) return false;
    ChineseYearAlone(p, j, m);
    return true;
  }

  // ChineseYearRange: "2022年-2025年", both ends (p: the first year, ending
  // before token j). "2022年3月-2025年" is read mention by mention instead.
  bool ChineseYearRange(const Part& p, size_t j, Match* m) {
    size_t k = 0, end = 0;
    Year second;
    if (p.year.source != YearSource::kStated || !ChineseRangeLink(j, &k) ||
        !ChineseYear(k, &second, &end) || second.source != YearSource::kStated ||
        second.value <= p.year.value)
      return false;
    Part a = p, b;
    a.last = j - 1;
    b.first = k;
    b.last = end - 1;
    b.year = second;
    b.chinese = true;
    SetTwo(m, a, b, end);
    return true;
  }

  // ChineseYearAlone: a year with nothing finer after it, save two forms
  // that name a period: "2025年半年度报告" (the half-year report covers the
  // first half) and "2021年的第三个月".
  void ChineseYearAlone(Part p, size_t j, Match* m) {
    for (std::string_view half_report : {"半年度", "半年报", "半年報"}) {
      if (size_t k = Literal(j, half_report); k != std::string_view::npos) {
        p.date.half = 1;
        p.last = k - 1;
        SetOne(m, p, k);
        return;
      }
    }
    size_t k = IsHan(j, "的") ? j + 1 : j;
    if (IsHan(k, "第")) {
      int v = SmallValue(k + 1);
      size_t end = Literal(k + 2, "个月");
      if (end == std::string_view::npos) end = Literal(k + 2, "個月");
      if (v >= 1 && v <= 12 && end != std::string_view::npos) {
        p.date.month = v;
        p.last = end - 1;
        SetOne(m, p, end);
        return;
      }
    }
    p.last = j - 1;
    SetOne(m, p, j);
  }

  std::string_view s_;
  std::string_view lower_;  // s_ with ASCII letters lowercased
  std::vector<Token>& t_;
  size_t n_;
  Match scratch_;
};

}  // namespace

void DateParser::Parse(std::string_view text, size_t base, std::vector<ParsedDate>* out) {
  if (!MayHoldDate(text)) return;
  TokenizeForDates(text, &tokens_, &lower_);
  LineGrammar grammar(text, &tokens_, lower_);
  grammar.Run(base, out);
}

void ParseDates(std::string_view text, size_t base, std::vector<ParsedDate>* out) {
  DateParser parser;
  parser.Parse(text, base, out);
}

}  // namespace gigafact
