// OrgFormFinder: finds organisations that no table lists, from their form —
// legal suffixes (Co., Ltd., Inc., GmbH, Group, 有限公司, 集团, 控股) and
// institution words (University, Institute, 大学, 研究院) — in English and
// Chinese lines of the normalized view.
#ifndef GIGAFACT_EXTRACTORS_ORG_FORMS_H_
#define GIGAFACT_EXTRACTORS_ORG_FORMS_H_

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/span.h"

namespace re2 {
class RE2;
}

namespace gigafact {

struct OrgCandidate {
  Span span;           // within the searched line
  std::string core;    // the name without its legal suffix ("Vigor Automobile Parts")
  bool institution = false;  // university, institute, association…: an organisation
};

class OrgFormFinder {
 public:
  OrgFormFinder();
  ~OrgFormFinder();

  // ok tells whether the patterns compiled (checked by the tests).
  bool ok() const;

  // FindEnglish appends candidates of an English line.
  void FindEnglish(std::string_view line, std::vector<OrgCandidate>* out) const;
  // FindChinese appends candidates of a Chinese line.
  void FindChinese(std::string_view line, std::vector<OrgCandidate>* out) const;

 private:
  std::unique_ptr<re2::RE2> english_;
  std::unique_ptr<re2::RE2> chinese_suffix_;
};

// Slugify: a stable lowercase ASCII id part from a name in any script
// (Han via pinyin): "Vigor Automobile Parts" → "vigor-automobile-parts".
std::string Slugify(std::string_view name);

}  // namespace gigafact

#endif  // GIGAFACT_EXTRACTORS_ORG_FORMS_H_
