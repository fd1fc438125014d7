#include "tests/extractors/test_document.h"

#include <gtest/gtest.h>

#include <cstdlib>

#include "ingest/ingest.h"
#include "extractors/places.h"
#include "pipeline/pipeline.h"

namespace gigafact {

Document MakeDocument(const std::string& text, const std::string& published) {
  RawArticle raw;
  raw.doc_id = "test";
  raw.bytes = text;
  raw.published = published;
  Document doc;
  IngestError err;
  EXPECT_TRUE(Ingest(raw, &doc, &err)) << err.message;
  return doc;
}

std::string SpanText(const Document& doc, Span span) {
  return std::string(doc.OriginalText(span));
}

const Gazetteer& TestGazetteer() {
  static const Gazetteer* gaz = [] {
    auto* g = new Gazetteer();
    std::string err;
    if (!g->LoadDir(DefaultDataDir(), &err)) ADD_FAILURE() << err;
    return g;
  }();
  return *gaz;
}

const AliasKb& TestAliasKb() {
  static const AliasKb* kb = [] {
    auto* k = new AliasKb();
    std::string err;
    if (!k->LoadFile(DefaultDataDir() + "/parties.tsv", &err)) ADD_FAILURE() << err;
    return k;
  }();
  return *kb;
}

}  // namespace gigafact

namespace gigafact {

const std::vector<std::string>& TestSurnames() {
  static const std::vector<std::string>* words = [] {
    auto* w = new std::vector<std::string>();
    std::string err;
    if (!LoadWordList(DefaultDataDir() + "/chinese_surnames.txt", w, &err)) ADD_FAILURE() << err;
    return w;
  }();
  return *words;
}

}  // namespace gigafact
