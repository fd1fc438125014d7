// Helpers for extractor tests: a Document built by the real ingest stage,
// and the data tables of the source tree loaded once.
#ifndef GIGAFACT_TESTS_EXTRACTORS_TEST_DOCUMENT_H_
#define GIGAFACT_TESTS_EXTRACTORS_TEST_DOCUMENT_H_

#include <string>
#include <vector>

#include "core/document.h"
#include "normalizers/alias_kb.h"
#include "normalizers/gazetteer.h"

namespace gigafact {

// MakeDocument ingests text as an article (published: the JSONL field).
Document MakeDocument(const std::string& text, const std::string& published = "");

// SpanText returns the original text of a mention's span.
std::string SpanText(const Document& doc, Span span);

// TestGazetteer / TestAliasKb: normalizers/data of the source tree.
const Gazetteer& TestGazetteer();
const AliasKb& TestAliasKb();
// TestSurnames: normalizers/data/chinese_surnames.txt.
const std::vector<std::string>& TestSurnames();

}  // namespace gigafact

#endif  // GIGAFACT_TESTS_EXTRACTORS_TEST_DOCUMENT_H_
