// PartyExtractor: finds organisations (companies, governments, institutions)
// in both scripts and resolves each to one canonical party (SPEC §2 parties):
//  1. knowledge-base names (normalizers/data/parties.tsv), longest first;
//  2. governments and their bodies built on a place mention ("济宁市人民政府",
//     "Shandong Provincial Department of Transportation", "Government of
//     Portugal"), named from the place's canonical name; a body after a bare
//     level word ("省能源局", "该市政府") is that of the article's main
//     place of the level;
//  3. national governments and ministries named by nationality or
//     possession ("the Hungarian government", "Indonesia's Ministry of
//     Investment", "Ministry of Industry and Trade of Morocco"), with the
//     adjectives of normalizers/data/demonyms.tsv;
//  4. organisations recognised by their form (legal suffixes, institution
//     words), mapped to the knowledge base when their core is a known name.
// A name glossed with another party's legal name ("CALB (Contemporary Amperex
// Technology Co., Limited)") resolves to the name and adds a warning. Runs
// after the place stage; removes place mentions that lie inside an
// organisation's name ("Shandong CATL", 合肥国轩).
#ifndef GIGAFACT_EXTRACTORS_PARTIES_H_
#define GIGAFACT_EXTRACTORS_PARTIES_H_

#include <functional>

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
  // MostNamedPlace: among the article's place mentions whose place passes
  // keep, the place named most often (the earliest among equals), or -1.
  int MostNamedPlace(const Extraction& ex, const std::function<bool(const Place&)>& keep) const;
  // MainPlaceOfLevel: the place of a gazetteer level the article names most
  // often (the earliest among equals), or -1.
  int MainPlaceOfLevel(const Extraction& ex, int level) const;
  // MainCountry: the country the article names most often (the earliest
  // among equals), or -1.
  int MainCountry(const Extraction& ex) const;
  void FindNationalGovernments(const Document& doc, EntityTable* entities,
                               std::vector<Found>* found) const;
  // FindMinistries: "Ministry of <field>" and "<field> Ministry" of a
  // country named around it; a bare "the Ministry of Investment" is that of
  // the country the article names most.
  void FindMinistries(const Document& doc, const Extraction& ex, EntityTable* entities,
                      std::vector<Found>* found) const;
  // MinistryParty: the entity of a country's ministry: the knowledge base's
  // when it knows one of its names, else one built by Governments.
  size_t MinistryParty(int country, std::string_view field, EntityTable* entities) const;
  // CountryNamed: the gazetteer index of the country an exact name stands
  // for ("Morocco", "South Korea"), or -1.
  int CountryNamed(std::string_view name) const;
  // NationBefore: the country named by the one to three words that end
  // text (which ends with a space): an adjective ("Hungarian "), a possessive
  // ("Indonesia's ", "South Korea’s ") or, when names_ok, a name ("Morocco ").
  // Sets *begin to where those words start. -1 if none.
  int NationBefore(std::string_view text, bool names_ok, size_t* begin) const;
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
