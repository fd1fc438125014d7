#include "extractors/dates.h"

#include <re2/re2.h>
#include <re2/set.h>

#include <algorithm>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "extractors/date_parser.h"
#include "extractors/date_tokens.h"
#include "extractors/publication.h"
#include "normalizers/timex.h"

namespace gigafact {

namespace {

std::string_view TrimSpaces(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

// LinksDates tells whether the text between two dates joins them as the two
// ends of a range or a pair ("Nov 18 - Dec 19, 2015", "6月1日至6月30日",
// "April and June 2017").
bool LinksDates(std::string_view between) {
  static constexpr std::string_view kLinks[] = {
      "-", "–", "—", "~", "〜", "to", "through", "thru", "till", "until", "and", "or",
      "至", "到", "和", "与", "與", "及", "或", "、"};
  std::string link = AsciiLower(TrimSpaces(between));
  for (std::string_view l : kLinks)
    if (link == l) return true;
  return false;
}

// LendYears gives the year of one end of a range to the other end that has
// none: forward a year later when the month wraps ("December 2024 to
// March"), backward a year earlier ("Nov 18 - Dec 19, 2015" keeps 2015).
// A relative or context year is lent as it is.
void LendYears(std::string_view norm, std::vector<ParsedDate>* dates) {
  for (size_t i = 0; i + 1 < dates->size(); ++i) {
    ParsedDate& a = (*dates)[i];
    ParsedDate& b = (*dates)[i + 1];
    if (a.date.month == 0 || b.date.month == 0 || a.span.end > b.span.begin) continue;
    if (!LinksDates(norm.substr(a.span.end, b.span.begin - a.span.end))) continue;
    if (a.year_source != YearSource::kMissing && b.year_source == YearSource::kMissing) {
      int wrap = b.date.month < a.date.month ? 1 : 0;
      b.year_source = a.year_source;
      b.date.year = a.date.year > 0 ? a.date.year + wrap : 0;
      b.year_offset = a.year_offset + (a.date.year > 0 ? 0 : wrap);
    } else if (a.year_source == YearSource::kMissing && b.year_source != YearSource::kMissing) {
      int wrap = a.date.month > b.date.month ? 1 : 0;
      a.year_source = b.year_source;
      a.date.year = b.date.year > 0 ? b.date.year - wrap : 0;
      a.year_offset = b.year_offset - (b.date.year > 0 ? 0 : wrap);
    }
  }
}

// YearResolver fills in the year of each body date in text order.
class YearResolver {
 public:
  explicit YearResolver(const PublicationDate* published) : published_(published) {}

  // Resolve sets d->date.year (and month, for a day alone) and returns false
  // when the date is to be left out (a relative year or month with nothing
  // to resolve it against). A planned date without a year is not rolled
  // back to the year before: a plan lies ahead ("计划10月投产" in March).
  bool Resolve(ParsedDate* d, bool planned) {
    if (d->month_source != MonthSource::kStated) return ResolveMonth(d);
    switch (d->year_source) {
      case YearSource::kStated:
        last_stated_ = d->date.year;
        break;
      case YearSource::kMissing:
        if (!published_) {
          d->date.year = 0;
        } else if (planned) {
          d->date.year = published_->date.year;
        } else {
          d->date.year = AnchoredYear(d->date, published_->date);
        }
        break;
      case YearSource::kRelative:
        if (!published_) return false;
        d->date.year = published_->date.year + d->year_offset;
        break;
      case YearSource::kContext:
        if (last_stated_ == 0) return false;
        d->date.year = last_stated_ + d->year_offset;
        break;
    }
    return IsValidTimex(d->date);
  }

 private:
  // ResolveMonth: "本月18日", "上月" count from the publication month; a day
  // alone ("12日") is in the publication month, or the month before when it
  // lies after the publication day.
  bool ResolveMonth(ParsedDate* d) const {
    if (!published_) return false;
    const TimexDate& pub = published_->date;
    int months = pub.year * 12 + (pub.month - 1) + d->month_offset;
    if (d->month_source == MonthSource::kPublication && d->date.day > pub.day) --months;
    d->date.year = months / 12;
    d->date.month = months % 12 + 1;
    return IsValidTimex(d->date);
  }

  const PublicationDate* published_;
  int last_stated_ = 0;
};

// Trigger words of the roles, matched anywhere and case-insensitively (a
// trailing space keeps "will " from matching "willing"). They are few and
// fixed by the two languages, so they live here rather than in a data file.
constexpr std::string_view kPlannedTriggers[] = {
    "expected", "expects", "expect to", "slated", "scheduled", "plans to", "planned",
    "plan to", "planning", "will ", "aims", "aim to", "aiming", "target", "set to",
    "set for", "due to", "due in", "due by", "projected", "forecast", "intends",
    "anticipated", "estimated to", "goal", "is to ", "are to ", "for commissioning",
    "for completion", "to be completed", "to be commissioned", "come online", "to begin",
    "to start",
    "预计", "计划", "将于", "将在", "将", "拟", "力争", "有望", "目标", "规划", "预期",
    "争取", "预定", "預計", "計劃", "計畫", "將於", "將在", "將", "擬", "預期", "規劃",
    "爭取", "預定"};
constexpr std::string_view kEventTriggers[] = {
    "signed", "signing", "inked", "broke ground", "breaks ground", "groundbreaking",
    "started", "starts", "began", "begins", "commenced", "launched", "held", "completed",
    "opened", "commissioned", "put into operation", "put into production", "topped out",
    "announced", "unveiled", "kicked off", "went into", "founded", "established",
    "connected to the grid", "released",
    "签署", "签约", "签订", "开工", "动工", "奠基", "投产", "开业", "举行", "举办",
    "启动", "竣工", "建成", "封顶", "并网", "发布", "宣布", "公告", "开建", "成立",
    "簽署", "簽約", "簽訂", "開工", "動工", "投產", "開業", "舉行", "舉辦", "啟動",
    "竣工", "建成", "封頂", "併網", "發布", "發佈", "宣佈", "宣布", "成立"};

// Alternation joins words into one RE2 alternation, each matched literally.
template <size_t N>
std::string Alternation(const std::string_view (&words)[N]) {
  std::string pattern;
  for (std::string_view w : words) {
    if (!pattern.empty()) pattern += '|';
    pattern += re2::RE2::QuoteMeta(re2::StringPiece(w.data(), w.size()));
  }
  return pattern;
}

// ClauseAt returns the clause of the sentence holding offset, at most
// kClauseReach bytes to either side: Chinese prose puts one event per
// comma-separated clause ("计划于10月投产，8月已完成调试").
constexpr size_t kClauseReach = 160;
Span ClauseAt(std::string_view norm, Span sentence, size_t offset) {
  // The NFKC view has folded full-width ，；！？ to ASCII; 。 stays.
  auto is_break = [&](size_t i) {
    char c = norm[i];
    if (c == ',' || c == ';' || c == '!' || c == '?') return true;
    return c == '\xE3' && i + 2 < norm.size() && norm[i + 1] == '\x80' && norm[i + 2] == '\x82';
  };
  if (offset > sentence.begin + kClauseReach) sentence.begin = offset - kClauseReach;
  sentence.end = std::min(sentence.end, offset + kClauseReach);
  Span clause = sentence;
  for (size_t i = offset; i > sentence.begin; --i) {
    if (is_break(i - 1)) {
      clause.begin = i;
      break;
    }
  }
  for (size_t i = offset; i < sentence.end; ++i) {
    if (is_break(i)) {
      clause.end = i;
      break;
    }
  }
  return clause;
}

// LiesAfter tells whether a resolved date starts after the publication day.
bool LiesAfter(const TimexDate& d, const TimexDate& pub) {
  if (!d.has_year()) return false;
  if (d.year != pub.year) return d.year > pub.year;
  int month = FirstMonth(d);
  if (month != pub.month) return month > pub.month;
  return d.day > pub.day;
}

DateMention MakeMention(const Document& doc, const ParsedDate& d, std::string role) {
  DateMention m;
  m.span = doc.ToOriginal(d.span);
  m.lang = doc.LangAt(d.span.begin);
  if (m.lang == Lang::kOther) m.lang = d.chinese ? Lang::kZh : Lang::kEn;
  m.value = TimexValue(d.date);
  m.granularity = std::string(GrainName(d.date.grain()));
  m.role = std::move(role);
  return m;
}

// Overlaps tells whether s overlaps one of spans, which are sorted and do
// not overlap each other.
bool Overlaps(const std::vector<Span>& spans, Span s) {
  auto it = std::lower_bound(spans.begin(), spans.end(), s.begin,
                             [](const Span& x, size_t offset) { return x.end <= offset; });
  return it != spans.end() && it->Overlaps(s);
}

}  // namespace

// RoleReader reads a date's role from the words around it: a plan or
// expectation makes it planned, a done deed an event, else other.
class DateExtractor::RoleReader {
 public:
  // RoleReader compiles both trigger lists into one RE2::Set, so a window
  // is scanned once: pattern 0 planned, pattern 1 event.
  RoleReader() : triggers_(SetOptions(), re2::RE2::UNANCHORED) {
    bool ok = triggers_.Add(Alternation(kPlannedTriggers), nullptr) == kPlanned &&
              triggers_.Add(Alternation(kEventTriggers), nullptr) == kEvent && triggers_.Compile();
    if (!ok) throw std::logic_error("date role triggers do not compile");
  }

  // RoleOf: in Chinese the date's clause, else the next one (the date
  // leads the sentence: "3月25日，…举行开工仪式"), else the one before (a plan
  // carries on: "计划今年三季度开工，2024年二季度开始生产"); in English a
  // window of its sentence, where "by 2030" alone makes a plan.
  std::string RoleOf(const Document& doc, Span norm) const {
    int si = doc.SentenceAt(norm.begin);
    Span sentence = si >= 0 ? doc.sentences[si].span : norm;
    if (doc.LangAt(norm.begin) == Lang::kZh) {
      Span clause = ClauseAt(doc.norm, sentence, norm.begin);
      std::string role = TriggerRole(doc.NormText(clause));
      if (role.empty() && clause.end < sentence.end) {
        Span next = ClauseAt(doc.norm, sentence, clause.end + 1);
        role = TriggerRole(doc.NormText(next));
      }
      if (role.empty() && clause.begin > sentence.begin + 1) {
        Span before = ClauseAt(doc.norm, sentence, clause.begin - 2);
        role = TriggerRole(doc.NormText(before));
      }
      return role.empty() ? "other" : role;
    }
    Span window = norm;
    window.begin = std::max(sentence.begin, norm.begin >= 100 ? norm.begin - 100 : 0);
    window.end = std::max(norm.end, std::min(sentence.end, norm.end + 100));
    if (EndsWithBy(doc.NormText({window.begin, norm.begin}))) return "planned";
    std::string role = TriggerRole(doc.NormText(window));
    return role.empty() ? "other" : role;
  }

 private:
  static re2::RE2::Options SetOptions() {
    re2::RE2::Options options;
    options.set_case_sensitive(false);
    return options;
  }

  // TriggerRole: the role the words of text give a date ("" when none); a
  // plan outweighs a deed in the same stretch.
  std::string TriggerRole(std::string_view text) const {
    std::vector<int> hits;
    if (!triggers_.Match(re2::StringPiece(text.data(), text.size()), &hits)) return "";
    for (int h : hits)
      if (h == kPlanned) return "planned";
    return "event";
  }

  // EndsWithBy: "… by" or "… by the end of" right before the date.
  static bool EndsWithBy(std::string_view before) {
    std::string b(TrimSpaces(before.substr(before.size() > 16 ? before.size() - 16 : 0)));
    b = AsciiLower(b);
    auto ends = [&](std::string_view tail) {
      return b.size() >= tail.size() && b.compare(b.size() - tail.size(), tail.size(), tail) == 0 &&
             (b.size() == tail.size() || b[b.size() - tail.size() - 1] == ' ');
    };
    return ends("by") || ends("by the end of") || ends("by end of");
  }

  static constexpr int kPlanned = 0, kEvent = 1;
  re2::RE2::Set triggers_;
};

DateExtractor::DateExtractor() : roles_(std::make_unique<RoleReader>()) {}
DateExtractor::~DateExtractor() = default;

void DateExtractor::Extract(const Document& doc, Extraction* out) const {
  // Every line is read: the publication date often sits in page furniture.
  std::vector<std::vector<ParsedDate>> line_dates(doc.lines.size());
  DateParser parser;
  for (size_t i = 0; i < doc.lines.size(); ++i) {
    parser.Parse(doc.NormText(doc.lines[i].span), doc.lines[i].span.begin, &line_dates[i]);
    LendYears(doc.norm, &line_dates[i]);
  }

  PublicationDate published;
  bool has_published = FindPublicationDate(doc, line_dates, &published);
  if (has_published) {
    Published p;
    p.value = TimexValue(published.date);
    if (published.from_text) {
      p.span = doc.ToOriginal(published.source);
      p.text = std::string(doc.OriginalText(*p.span));
    } else {
      p.text = doc.published_hint;
    }
    out->published = std::move(p);
  }

  YearResolver resolver(has_published ? &published : nullptr);
  for (size_t i = 0; i < doc.lines.size(); ++i) {
    bool body = !doc.lines[i].boilerplate;
    for (ParsedDate d : line_dates[i]) {
      bool is_publication = has_published && Overlaps(published.mentions, d.span);
      if (!body && !is_publication) continue;
      std::string role = is_publication ? std::string("publication") : roles_->RoleOf(doc, d.span);
      if (!resolver.Resolve(&d, role == "planned")) continue;
      // What lies ahead of the article's own date can only be planned.
      if (has_published && role != "publication" && LiesAfter(d.date, published.date))
        role = "planned";
      out->dates.push_back(MakeMention(doc, d, std::move(role)));
    }
  }
}

}  // namespace gigafact
