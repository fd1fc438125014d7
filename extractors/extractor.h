// Extractor: one stage that reads a Document and appends mentions to an
// Extraction. Stages hold their compiled tables (built once at start-up) and
// are shared read-only by all worker threads, so Extract must be const and
// thread-safe. Stages skip boilerplate lines (Document::IsBoilerplate).
#ifndef GIGAFACT_EXTRACTORS_EXTRACTOR_H_
#define GIGAFACT_EXTRACTORS_EXTRACTOR_H_

#include "core/document.h"
#include "core/extraction.h"

namespace gigafact {

class Extractor {
 public:
  virtual ~Extractor() = default;
  // Name identifies the stage in benchmarks and diagnostics ("dates").
  virtual const char* Name() const = 0;
  // Extract appends what the stage finds in doc to *out. It may read what
  // earlier stages appended.
  virtual void Extract(const Document& doc, Extraction* out) const = 0;
};

}  // namespace gigafact

#endif  // GIGAFACT_EXTRACTORS_EXTRACTOR_H_
