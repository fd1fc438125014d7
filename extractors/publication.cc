#include "extractors/publication.h"

#include <algorithm>
#include <string>

#include "extractors/date_tokens.h"

namespace gigafact {

namespace {

// How far a page's furniture reaches: a date line counts among the first
// kHeadLines lines or the last kTailLines.
constexpr size_t kHeadLines = 12;
constexpr size_t kTailLines = 8;
// What may stand beside the date on a date line, in bytes (digits, ':' and
// spaces of a time of day not counted): a source name, a section, a
// separator.
constexpr size_t kHeadLineExtra = 40;
constexpr size_t kTailLineExtra = 24;
// A wire dateline opens its line: the date stands within this many bytes.
constexpr size_t kDatelineReach = 80;
// A date line is short; longer lines are read for labels only.
constexpr size_t kDateLineMaxBytes = 400;

// Ranks, most trusted first.
enum Rank { kLabelled = 1, kHeadLine = 2, kUpdateLabel = 4, kTailLine = 5 };

struct Label {
  std::string_view text;  // lowercase for ASCII labels
  Rank rank;
};

// The first label that ends the text before a date wins, so a label comes
// before any shorter one that ends it (更新时间 before 时间, "last updated"
// before "updated").
constexpr Label kLabels[] = {
    {"更新时间", kUpdateLabel}, {"更新日期", kUpdateLabel}, {"更新于", kUpdateLabel},
    {"更新時間", kUpdateLabel}, {"更新於", kUpdateLabel}, {"修改时间", kUpdateLabel},
    {"最后更新", kUpdateLabel}, {"最後更新", kUpdateLabel},
    {"发布时间", kLabelled},  {"发布日期", kLabelled},  {"发表时间", kLabelled},
    {"发表日期", kLabelled},  {"发布于", kLabelled},    {"发表于", kLabelled},
    {"发稿时间", kLabelled},  {"出版日期", kLabelled},  {"刊发时间", kLabelled},
    {"發布時間", kLabelled},  {"發佈時間", kLabelled},  {"發表時間", kLabelled},
    {"發布日期", kLabelled},  {"發佈日期", kLabelled},  {"發表日期", kLabelled},
    {"發布於", kLabelled},    {"發佈於", kLabelled},    {"发布", kLabelled},
    {"日期", kLabelled},      {"时间", kLabelled},      {"時間", kLabelled},
    {"last updated", kUpdateLabel}, {"last modified", kUpdateLabel},
    {"updated on", kUpdateLabel}, {"updated at", kUpdateLabel}, {"updated", kUpdateLabel},
    {"published on", kLabelled}, {"published at", kLabelled}, {"published in", kLabelled},
    {"published", kLabelled}, {"release time", kLabelled}, {"publish time", kLabelled},
    {"publish date", kLabelled}, {"publication date", kLabelled},
    {"posted on", kLabelled}, {"posted at", kLabelled}, {"posted", kLabelled},
    {"release date", kLabelled}, {"released on", kLabelled}, {"released", kLabelled},
    {"date", kLabelled},
};

bool IsAsciiAlpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

// TrimLabelJoint drops the spaces, colons and dashes that join a label to
// its date.
std::string_view TrimLabelJoint(std::string_view s) {
  while (!s.empty()) {
    char c = s.back();
    if (c == ' ' || c == '\t' || c == ':' || c == '-') {
      s.remove_suffix(1);
    } else if (s.size() >= 3 && s.substr(s.size() - 3) == "：") {
      s.remove_suffix(3);
    } else {
      break;
    }
  }
  return s;
}

// OpensField tells whether a label after `before` opens a field of the
// page: at the start of the line, after a separator or a wide gap, or after
// a single space following non-ASCII text ("来源:综合报道 发布时间:"); not
// inside an English sentence ("the report was published on March 3, …").
bool OpensField(std::string_view before) {
  size_t spaces = 0;
  while (!before.empty() && (before.back() == ' ' || before.back() == '\t')) {
    before.remove_suffix(1);
    ++spaces;
  }
  if (before.empty() || spaces >= 2) return true;
  char c = before.back();
  if (c == '|' || c == '/' || c == ']' || c == '[' || c == '(' || c == ')') return true;
  static constexpr std::string_view kSeparators[] = {"·", "】", "【", "丨"};
  for (std::string_view sep : kSeparators)
    if (before.size() >= sep.size() && before.substr(before.size() - sep.size()) == sep) return true;
  return spaces == 1 && static_cast<unsigned char>(c) >= 0x80;
}

// LabelRank returns the rank of the label right before the date at offset
// `at` of the line, or 0.
int LabelRank(std::string_view line, size_t at) {
  std::string_view before = TrimLabelJoint(line.substr(0, at));
  std::string lower = AsciiLower(before.substr(before.size() > 24 ? before.size() - 24 : 0));
  for (const Label& label : kLabels) {
    if (lower.size() < label.text.size() ||
        lower.compare(lower.size() - label.text.size(), label.text.size(), label.text) != 0)
      continue;
    size_t start = before.size() - label.text.size();
    if (IsAsciiAlpha(label.text[0]) && start > 0 && IsAsciiAlpha(before[start - 1])) continue;
    if (!OpensField(before.substr(0, start))) continue;
    return label.rank;
  }
  return 0;
}

// ExtraBytes counts what a line holds beside the date at [begin, end): bytes
// that are not spaces, digits or ':' (a time of day after the date is fine).
size_t ExtraBytes(std::string_view line, size_t begin, size_t end) {
  size_t extra = 0;
  for (size_t i = 0; i < line.size(); ++i) {
    if (i >= begin && i < end) continue;
    char c = line[i];
    if (c == ' ' || c == '\t' || c == ':' || (c >= '0' && c <= '9')) continue;
    ++extra;
  }
  return extra;
}

bool StartsWithDash(std::string_view s) {
  return s.substr(0, 1) == "-" || s.substr(0, 3) == "—" || s.substr(0, 3) == "–";
}
bool EndsWithDash(std::string_view s) {
  return (!s.empty() && s.back() == '-') ||
         (s.size() >= 3 && (s.substr(s.size() - 3) == "—" || s.substr(s.size() - 3) == "–"));
}

// LooksLikeSentence tells whether the text around a date reads as prose
// rather than a date line: it ends a sentence, the date follows a
// preposition ("On March 5, 2025, CATL signed …"), or the rest holds several
// lowercase English words.
bool LooksLikeSentence(std::string_view line, size_t begin, size_t end) {
  std::string_view rest = line;
  while (!rest.empty() && (rest.back() == ' ' || rest.back() == '\t')) rest.remove_suffix(1);
  if (!rest.empty() && end < rest.size()) {
    char last = rest.back();
    if (last == '.' || last == '!' || last == '?') return true;
    for (std::string_view stop : {"。", "！", "？"})
      if (rest.size() >= stop.size() && rest.substr(rest.size() - stop.size()) == stop) return true;
  }
  std::string_view head = line.substr(0, begin);
  while (!head.empty() && head.back() == ' ') head.remove_suffix(1);
  size_t word_start = head.size();
  while (word_start > 0 && IsAsciiAlpha(head[word_start - 1])) --word_start;
  std::string last_word = AsciiLower(head.substr(word_start));
  for (std::string_view prep : {"on", "in", "by", "since", "from", "until", "at"})
    if (last_word == prep) return true;
  size_t words = 0;
  for (size_t i = 0; i < line.size();) {
    if (i >= begin && i < end) {
      i = end;
      continue;
    }
    size_t j = i;
    while (j < line.size() && line[j] >= 'a' && line[j] <= 'z') ++j;
    if (j - i >= 2 && (i == 0 || !IsAsciiAlpha(line[i - 1]))) ++words;
    i = j > i ? j : i + 1;
  }
  return words >= 3;
}

// IsWireDateline: "GOTTINGEN, Germany, Sept. 18, 2023 /PRNewswire/ --",
// "COLUMBIA, S.C. – Dec. 6, 2022 – AESC …": the date between the place
// and a slash or dash that opens the story.
bool IsWireDateline(std::string_view line, size_t begin, size_t end) {
  std::string_view before = line.substr(0, begin);
  while (!before.empty() && before.back() == ' ') before.remove_suffix(1);
  if (before.empty() || (before.back() != ',' && !EndsWithDash(before))) return false;
  std::string_view after = line.substr(end);
  while (!after.empty() && after.front() == ' ') after.remove_prefix(1);
  return after.substr(0, 1) == "/" || StartsWithDash(after);
}

struct Candidate {
  int rank;
  size_t line;
  TimexDate date;
  Span span;  // normalized
};

bool IsStatedDay(const ParsedDate& d) {
  return d.year_source == YearSource::kStated && d.date.grain() == Grain::kDay;
}

// HintDate reads the JSONL `published` field: ISO first, any stated day else.
bool HintDate(std::string_view hint, TimexDate* date) {
  while (!hint.empty() && hint.front() == ' ') hint.remove_prefix(1);
  if (ParseIsoDay(hint, date)) return true;
  std::vector<ParsedDate> dates;
  ParseDates(hint, 0, &dates);
  for (const ParsedDate& d : dates) {
    if (IsStatedDay(d)) {
      *date = d.date;
      return true;
    }
  }
  return false;
}

std::vector<Candidate> Candidates(const Document& doc,
                                  const std::vector<std::vector<ParsedDate>>& line_dates) {
  std::vector<Candidate> out;
  size_t n = doc.lines.size();
  for (size_t li = 0; li < n && li < line_dates.size(); ++li) {
    const Line& line = doc.lines[li];
    std::string_view text = doc.NormText(line.span);
    for (const ParsedDate& d : line_dates[li]) {
      if (!IsStatedDay(d)) continue;
      size_t begin = d.span.begin - line.span.begin, end = d.span.end - line.span.begin;
      int rank = LabelRank(text, begin);
      bool short_line = text.size() <= kDateLineMaxBytes;
      if (rank == 0 && li < kHeadLines &&
          ((short_line && ExtraBytes(text, begin, end) <= kHeadLineExtra &&
            !LooksLikeSentence(text, begin, end)) ||
           (begin < kDatelineReach && IsWireDateline(text, begin, end)))) {
        rank = kHeadLine;
      }
      if (rank == 0 && short_line && li + kTailLines >= n &&
          ExtraBytes(text, begin, end) <= kTailLineExtra &&
          !LooksLikeSentence(text, begin, end)) {
        rank = kTailLine;
      }
      if (rank != 0) out.push_back({rank, li, d.date, d.span});
    }
  }
  return out;
}

}  // namespace

bool FindPublicationDate(const Document& doc,
                         const std::vector<std::vector<ParsedDate>>& line_dates,
                         PublicationDate* out) {
  std::vector<Candidate> candidates = Candidates(doc, line_dates);
  PublicationDate found;
  bool have = false;
  if (!doc.published_hint.empty() && HintDate(doc.published_hint, &found.date)) {
    have = true;
  } else {
    const Candidate* best = nullptr;
    for (const Candidate& c : candidates) {
      if (!best || c.rank < best->rank) best = &c;
    }
    // A tail line is trusted only when the tail states one date: several
    // are a list of related articles.
    if (best && best->rank == kTailLine) {
      for (const Candidate& c : candidates)
        if (c.rank == kTailLine && c.date != best->date) return false;
    }
    if (best) {
      found.date = best->date;
      found.from_text = true;
      found.source = best->span;
      have = true;
    }
  }
  if (!have) return false;
  for (const Candidate& c : candidates)
    if (c.date == found.date) found.mentions.push_back(c.span);
  *out = std::move(found);
  return true;
}

}  // namespace gigafact
