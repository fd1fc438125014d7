// Boilerplate marking: flags the lines of a scraped page that are not the
// article body (navigation, related headlines, share bars, contact blocks,
// copyright and licence lines, comment widgets). Extractors skip them
// (SPEC §2: only what the article body says counts).
#ifndef GIGAFACT_INGEST_BOILERPLATE_H_
#define GIGAFACT_INGEST_BOILERPLATE_H_

#include <vector>

#include "core/document.h"

namespace gigafact {

// MarkBoilerplate sets Line::boilerplate and Sentence::boilerplate on doc.
// Requires doc->lines and doc->sentences. Never marks every line: a page
// whose every line looks like boilerplate keeps its longest prose block.
void MarkBoilerplate(Document* doc);

// BodySpans returns the original-text spans of the runs of body lines, for
// the record's body_spans.
std::vector<Span> BodySpans(const Document& doc);

}  // namespace gigafact

#endif  // GIGAFACT_INGEST_BOILERPLATE_H_
