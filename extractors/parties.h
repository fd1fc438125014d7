// PartyExtractor: finds organisations (companies, governments, institutions)
// in both scripts and resolves each to one canonical party (SPEC §2 parties):
//  1. knowledge-base names (normalizers/data/parties.tsv), longest first;
//  2. governments and their bodies built on a place mention ("济宁市人民政府",
//     "Shandong Provincial Department of Transportation", "Government of
//     Portugal"), named from the place's canonical name; a body after a bare
//     level word ("省能源局", "该市政府") is that of the article's main
//     place of the level;
//  3. organisations recognised by their form (legal suffixes, institution
//     words), mapped to the knowledge base when their core is a known name.
// A name glossed with another party's legal name ("CALB (Contemporary Amperex
// Technology Co., Limited)") resolves to the name and adds a warning. Runs
// after the place stage; removes place mentions that lie inside an
// organisation's name ("Shandong CATL", 合肥国轩).
#ifndef GIGAFACT_EXTRACTORS_PARTIES_H_
#define GIGAFACT_EXTRACTORS_PARTIES_H_

#include "extractors/extractor.h"
#include "extractors/org_forms.h"
#include "normalizers/alias_kb.h"
#include "normalizers/gazetteer.h"
#include "normalizers/governments.h"

namespace gigafact {

class PartyExtractor : public Extractor {
 public:
  // kb, gazetteer and governments must outlive the extractor.
  PartyExtractor(const AliasKb& kb, const Gazetteer& gazetteer, const Governments& governments);
  const char* Name() const override { return "parties"; }
  void Extract(const Document& doc, Extraction* out) const override;

 private:
  struct Found;
  class EntityTable;
  void FindKnown(const Document& doc, EntityTable* entities, std::vector<Found>* found) const;
  void FindGovernments(const Document& doc, const Extraction& ex, EntityTable* entities,
                       std::vector<Found>* found) const;
  void FindBareLevelGovernments(const Document& doc, const Extraction& ex, EntityTable* entities,
                                std::vector<Found>* found) const;
  // MainPlaceOfLevel: the place of a gazetteer level the article names most
  // often (the earliest among equals), or -1.
  int MainPlaceOfLevel(const Extraction& ex, int level) const;
  void FindByForm(const Document& doc, EntityTable* entities, std::vector<Found>* found) const;
  void ResolveLegalNameGlosses(const Document& doc, const EntityTable& entities,
                               std::vector<Found>* found, std::vector<std::string>* warnings) const;

  const AliasKb& kb_;
  const Gazetteer& gazetteer_;
  const Governments& governments_;
  OrgFormFinder forms_;
};

}  // namespace gigafact

#endif  // GIGAFACT_EXTRACTORS_PARTIES_H_
