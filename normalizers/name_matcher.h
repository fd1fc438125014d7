// NameMatcher: finds dictionary names (places, parties) in text in one pass:
// at each start position the longest name wins, and matches do not overlap
// (leftmost-longest). A byte trie walked from each candidate start; Latin
// names only start and end at word boundaries, Han names anywhere.
#ifndef GIGAFACT_NORMALIZERS_NAME_MATCHER_H_
#define GIGAFACT_NORMALIZERS_NAME_MATCHER_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/span.h"

namespace gigafact {

class NameMatcher {
 public:
  struct Match {
    Span span;         // in the searched text
    int32_t payload;   // what Add was given for that name
  };

  // Add registers name with a payload (an index into the caller's table).
  // A name added twice keeps its first payload. Add must not be called after
  // Build.
  void Add(std::string_view name, int32_t payload);
  // Build freezes the dictionary into its search form.
  void Build();

  // FindAll appends the leftmost-longest matches in text to *out.
  void FindAll(std::string_view text, std::vector<Match>* out) const;

  // Lookup returns the payload of an exact name, or -1.
  int32_t Lookup(std::string_view name) const;

  size_t size() const { return names_; }

 private:
  struct Edge { uint8_t byte; int32_t target; };
  // Build-time trie: children kept sorted by byte.
  struct BuildNode { std::vector<Edge> edges; int32_t payload = -1; };
  int32_t Child(int32_t node, uint8_t byte) const;
  // Longest match starting at text[pos]; returns its end or 0.
  size_t LongestAt(std::string_view text, size_t pos, int32_t* payload) const;

  std::vector<BuildNode> nodes_{BuildNode{}};
  // Frozen form: edges of node i are edges_[first_[i] .. first_[i+1]).
  std::vector<uint32_t> first_;
  std::vector<Edge> edges_;
  std::vector<int32_t> payload_;
  // root_child_[b]: the root's child for byte b, or -1. Every search starts
  // at the root, whose hundreds of edges a binary search would walk at each
  // character of the text.
  int32_t root_child_[256] = {};  // set by Build
  // bmp_node_[cp]: the node reached from the root by the 3-byte UTF-8 form
  // of code point cp (U+0800..U+FFFF: Han, kana, CJK punctuation), or -1 —
  // one look-up instead of three edge searches at each Chinese character.
  std::vector<int32_t> bmp_node_;
  size_t names_ = 0;
};

}  // namespace gigafact

#endif  // GIGAFACT_NORMALIZERS_NAME_MATCHER_H_
