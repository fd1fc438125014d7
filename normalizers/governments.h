// Governments: canonical government parties named from a place and a body
// ("济宁市人民政府" = "Jining municipal government" = gov-cn-370800), read
// from normalizers/data/gov_departments.tsv; national ministries named from a
// country and a field ("Ministry of Investment" of Indonesia =
// gov-id-ministry-investment); and the English adjectival forms of country
// names ("Hungarian" → HU) from normalizers/data/demonyms.tsv, so "the
// Hungarian government" is the Government of Hungary. Matching text to these
// forms is the party extractor's job; this unit names and identifies them.
#ifndef GIGAFACT_NORMALIZERS_GOVERNMENTS_H_
#define GIGAFACT_NORMALIZERS_GOVERNMENTS_H_

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/extraction.h"
#include "normalizers/gazetteer.h"

namespace gigafact {

struct GovernmentBody {
  std::string slug;                   // "government", "drc", …
  std::vector<std::string> zh_forms;  // forms after a Chinese place name
  std::string en;                     // canonical English name of the body
  std::vector<std::string> en_forms;  // forms after an English place name
};

class Governments {
 public:
  // LoadFile reads gov_departments.tsv; false with *err.
  bool LoadFile(const std::string& path, std::string* err);

  // MatchZhAfter: the body whose Chinese form starts text (longest form
  // wins); sets *length to the form's byte length. nullptr if none. An
  // administrative suffix (市/省/县/区) may come first and is included.
  const GovernmentBody* MatchZhAfter(std::string_view text, size_t* length) const;
  // MatchEnAfter: the same for English: text starts with " " + a form.
  const GovernmentBody* MatchEnAfter(std::string_view text, size_t* length) const;
  // MatchEnBefore: the body named in front of a place: text ends with
  // "<English name or form> of " or "... of the " ("Government of ",
  // "Administrative Committee of the "); sets *length to the bytes taken from
  // text's end. Generic one-word forms ("Council") are not taken: "State
  // Council of China" is not China's council. nullptr if none.
  const GovernmentBody* MatchEnBefore(std::string_view text, size_t* length) const;
  // Body returns the body with a slug ("government"), or nullptr.
  const GovernmentBody* Body(std::string_view slug) const;

  // LoadDemonyms reads demonyms.tsv (columns id, forms); false with *err.
  bool LoadDemonyms(const std::string& path, std::string* err);
  // CountryOfDemonym: the place id an adjectival form names ("Hungarian" →
  // "HU"), or "" (case-sensitive: the forms are capitalised).
  std::string_view CountryOfDemonym(std::string_view form) const;
  // LoadMinistries reads ministries.tsv (columns field, zh); false with *err.
  bool LoadMinistries(const std::string& path, std::string* err);
  // MatchMinistryZhAfter: the English field of the ministry whose Chinese
  // form starts text ("工业和贸易部…" → "Industry and Trade"), longest form
  // first; sets *length. Empty if none.
  std::string_view MatchMinistryZhAfter(std::string_view text, size_t* length) const;

  // DemonymOf: the first adjectival form of a place id ("HU" → "Hungarian"), or "".
  std::string_view DemonymOf(std::string_view place_id) const;

  // Entity builds the canonical party for a body of a place.
  Entity EntityFor(const Place& place, const GovernmentBody& body) const;
  // MinistryEntity builds the party of a country's ministry from its field
  // ("Industry and Trade"): id gov-<country>-ministry-<field slug>, named
  // "<Demonym> Ministry of <field>" (or "Ministry of <field> of <Country>"
  // when the table has no adjective), with the other usual English forms as
  // aliases; its Chinese name is the country's followed by the field's
  // form in ministries.tsv, when listed. The Government of the country is its parent.
  Entity MinistryEntity(const Place& country, std::string_view field) const;

  const std::vector<GovernmentBody>& bodies() const { return bodies_; }

 private:
  std::vector<GovernmentBody> bodies_;
  std::unordered_map<std::string, std::string> country_of_demonym_;
  std::unordered_map<std::string, std::string> demonym_of_country_;
  struct MinistryForm {
    std::string zh;
    std::string field;
  };
  std::vector<MinistryForm> ministry_forms_;                       // longest first
  std::unordered_map<std::string, std::string> zh_of_field_;      // usual form
};

}  // namespace gigafact

#endif  // GIGAFACT_NORMALIZERS_GOVERNMENTS_H_
