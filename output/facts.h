// Fact linking: ties each energy and power figure of the body to what it
// measures — owners, place, event type and date (SPEC §2 facts).
#ifndef GIGAFACT_OUTPUT_FACTS_H_
#define GIGAFACT_OUTPUT_FACTS_H_

#include "core/document.h"
#include "core/extraction.h"

namespace gigafact {

// LinkFacts appends to ex->facts one fact per figure and thing measured.
void LinkFacts(const Document& doc, Extraction* ex);

}  // namespace gigafact

#endif  // GIGAFACT_OUTPUT_FACTS_H_
