// AliasKb: the knowledge base of organisations the battery industry's news
// names most, each with a stable id, canonical English and Chinese names,
// every alias (legal names, Traditional forms, abbreviations) and its parent
// company. Loaded once from normalizers/data/parties.tsv.
#ifndef GIGAFACT_NORMALIZERS_ALIAS_KB_H_
#define GIGAFACT_NORMALIZERS_ALIAS_KB_H_

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/extraction.h"
#include "normalizers/name_matcher.h"

namespace gigafact {

struct Party {
  Entity entity;                     // id, name, name_zh, type, parent
  std::vector<std::string> aliases;
};

class AliasKb {
 public:
  struct Hit {
    Span span;
    int party;  // index
  };

  // LoadFile reads parties.tsv and builds the matcher; false with *err.
  bool LoadFile(const std::string& path, std::string* err);

  // Find appends every known name in text to *out (leftmost-longest).
  void Find(std::string_view text, std::vector<Hit>* out) const;
  // Lookup returns the party an exact name stands for, or -1.
  int Lookup(std::string_view name) const;

  const Party& party(int index) const { return parties_[index]; }
  int IndexOf(std::string_view id) const;
  size_t size() const { return parties_.size(); }

 private:
  std::vector<Party> parties_;
  std::unordered_map<std::string, int> by_id_;
  NameMatcher matcher_;
};

}  // namespace gigafact

#endif  // GIGAFACT_NORMALIZERS_ALIAS_KB_H_
