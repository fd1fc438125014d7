#include "ingest/boilerplate.h"

#include <re2/re2.h>

namespace gigafact {

namespace {

// Lines after which the rest of the page is boilerplate (related lists,
// footers, comment widgets).
const RE2& TailTrigger() {
  static const RE2 re(
      R"((?i)^\s*(recent posts|related (posts|articles|news|stories|content)|tags?\s*:|)"
      R"(previous\s*(post|article)?\s*:|next\s*(post|article)?\s*:|read more|you may also like|)"
      R"(more news|leave a (reply|comment)|comments?\s*\(|share this|contact us|)"
      R"(相关阅读|相关新闻|相关文章|推荐阅读|延伸阅读|热门文章|上一篇|下一篇|参与评论|评论区|)"
      R"(相關閱讀|相關新聞|推薦閱讀|上一篇|下一篇|版权所有|版權所有|联系我们|聯繫我們|)"
      R"(文章内容来自网络|免责声明|免責聲明))");
  return re;
}

// Lines that are boilerplate wherever they stand.
const RE2& LineTrigger() {
  static const RE2 re(
      R"((?i)(©|\(c\)\s*\d{4}|copyright|all rights reserved|ICP备|ICP證|公网安备|)"
      R"(责任编辑|責任編輯|原创文章|如若转载|转载请注明|^\s*(来源|來源|source)\s*[:：]|)"
      R"(^\s*(share|分享到)\s*[:：]?|e-?mail\s*[:：]|tel\s*[:：]|电话\s*[:：]|電話\s*[:：]|)"
      R"(https?://|www\.))");
  return re;
}

}  // namespace

void MarkBoilerplate(Document* doc) {
  bool in_tail = false;
  for (Line& line : doc->lines) {
    re2::StringPiece text(doc->norm.data() + line.span.begin, line.span.size());
    if (!in_tail && RE2::PartialMatch(text, TailTrigger())) in_tail = true;
    line.boilerplate = in_tail || RE2::PartialMatch(text, LineTrigger());
  }
  size_t li = 0;
  for (Sentence& s : doc->sentences) {
    while (li < doc->lines.size() && doc->lines[li].span.end <= s.span.begin) ++li;
    s.boilerplate = li < doc->lines.size() && doc->lines[li].boilerplate;
  }
}

std::vector<Span> BodySpans(const Document& doc) {
  // Runs of consecutive body lines, each one span.
  std::vector<Span> merged;
  size_t prev_line = SIZE_MAX;
  size_t idx = 0;
  for (const Line& line : doc.lines) {
    if (!line.boilerplate) {
      Span orig = doc.ToOriginal(line.span);
      if (!merged.empty() && prev_line + 1 == idx) merged.back().end = orig.end;
      else merged.push_back(orig);
      prev_line = idx;
    }
    ++idx;
  }
  return merged;
}

}  // namespace gigafact
