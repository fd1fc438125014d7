// Segmentation of the normalized view into lines and sentences, and the
// language tag of each sentence.
#ifndef GIGAFACT_INGEST_SEGMENT_H_
#define GIGAFACT_INGEST_SEGMENT_H_

#include <string_view>
#include <vector>

#include "core/document.h"

namespace gigafact {

// SplitLines returns the non-blank lines of text (spans without the newline).
std::vector<Line> SplitLines(std::string_view text);

// SplitSentences splits each line into sentences with ICU's BreakIterator
// (sentences never cross a line) and tags each with TagLanguage.
std::vector<Sentence> SplitSentences(std::string_view text, const std::vector<Line>& lines);

// TagLanguage tags a stretch of text by script: zh when Han characters carry
// it (Simplified or Traditional alike), en when Latin letters do, else other.
Lang TagLanguage(std::string_view text);

}  // namespace gigafact

#endif  // GIGAFACT_INGEST_SEGMENT_H_
