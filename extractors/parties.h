// PartyExtractor: finds organisations (companies, governments, institutions)
// in both scripts and resolves each to a canonical party (SPEC §2 parties):
// knowledge-base names first, then organisations recognised by their form
// (legal suffixes, institution words, governments built on a place).
#ifndef GIGAFACT_EXTRACTORS_PARTIES_H_
#define GIGAFACT_EXTRACTORS_PARTIES_H_

#include "extractors/extractor.h"
#include "normalizers/alias_kb.h"
#include "normalizers/gazetteer.h"

namespace gigafact {

class PartyExtractor : public Extractor {
 public:
  // kb and gazetteer must outlive the extractor.
  PartyExtractor(const AliasKb& kb, const Gazetteer& gazetteer);
  const char* Name() const override { return "parties"; }
  void Extract(const Document& doc, Extraction* out) const override;

 private:
  const AliasKb& kb_;
  const Gazetteer& gazetteer_;
};

}  // namespace gigafact

#endif  // GIGAFACT_EXTRACTORS_PARTIES_H_
