// Governments: canonical government parties named from a place and a body
// ("济宁市人民政府" = "Jining municipal government" = gov-cn-370800), read
// from normalizers/data/gov_departments.tsv. Matching text to these forms is
// the party extractor's job; this unit names and identifies them.
#ifndef GIGAFACT_NORMALIZERS_GOVERNMENTS_H_
#define GIGAFACT_NORMALIZERS_GOVERNMENTS_H_

#include <string>
#include <string_view>
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

  // Entity builds the canonical party for a body of a place.
  Entity EntityFor(const Place& place, const GovernmentBody& body) const;

  const std::vector<GovernmentBody>& bodies() const { return bodies_; }

 private:
  std::vector<GovernmentBody> bodies_;
};

}  // namespace gigafact

#endif  // GIGAFACT_NORMALIZERS_GOVERNMENTS_H_
