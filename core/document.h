// Document: one article as every stage after ingest sees it.
#ifndef GIGAFACT_CORE_DOCUMENT_H_
#define GIGAFACT_CORE_DOCUMENT_H_

#include <string>
#include <string_view>
#include <vector>

#include "core/lang.h"
#include "core/offset_map.h"
#include "core/span.h"

namespace gigafact {

// Sentence: spans are in the normalized view (Document::norm).
struct Sentence {
  Span span;
  Lang lang = Lang::kOther;
  bool boilerplate = false;  // set by the boilerplate stage
};

// Line: a line of the page (normalized view), the unit boilerplate is judged on.
struct Line {
  Span span;
  bool boilerplate = false;
};

struct Document {
  // Identity and provenance.
  std::string doc_id;
  std::string path;       // input file the article came from
  std::string url;        // from JSONL, empty if none
  std::string title_hint;      // JSONL "title"
  std::string published_hint;  // JSONL "published"
  std::string sha256;     // of the input bytes as read
  std::string charset;    // detected source charset ("UTF-8", "GB18030", …)

  // text: the original article as valid UTF-8; all record spans index it.
  std::string text;
  // norm: the NFKC view (full-width digits and letters folded) that
  // extractors match against; norm_map maps its offsets back to text.
  std::string norm;
  OffsetMap norm_map;

  std::vector<Line> lines;          // normalized view, in order
  std::vector<Sentence> sentences;  // normalized view, in order, within lines

  std::vector<std::string> warnings;

  // NormText returns the normalized text of a normalized-view span.
  std::string_view NormText(Span s) const {
    return std::string_view(norm).substr(s.begin, s.end - s.begin);
  }
  // ToOriginal maps a normalized-view span to the original text.
  Span ToOriginal(Span norm_span) const { return norm_map.ToOriginal(norm_span); }
  // OriginalText returns the original bytes of an original span.
  std::string_view OriginalText(Span s) const {
    return std::string_view(text).substr(s.begin, s.end - s.begin);
  }
  // IsBoilerplate tells whether a normalized offset lies in a boilerplate line.
  bool IsBoilerplate(size_t norm_offset) const;
  // SentenceAt returns the index of the sentence holding a normalized offset,
  // or -1.
  int SentenceAt(size_t norm_offset) const;
  // LangAt returns the language of the sentence holding a normalized offset.
  Lang LangAt(size_t norm_offset) const;
};

}  // namespace gigafact

#endif  // GIGAFACT_CORE_DOCUMENT_H_
