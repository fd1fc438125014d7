#include "normalizers/name_matcher.h"

#include <algorithm>

namespace gigafact {

namespace {

bool IsAsciiAlnum(unsigned char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

// A Latin letter or digit of any script counts as a word character for
// boundaries; bytes of multi-byte characters (Han, …) do not, so an English
// name may touch Chinese text ("在Debrecen建厂").
bool IsWordByte(unsigned char c) { return IsAsciiAlnum(c); }

// ThreeByteCodePoint: the code point of the 3-byte UTF-8 sequence at
// text[pos], or -1 if there is none.
int32_t ThreeByteCodePoint(std::string_view text, size_t pos) {
  unsigned char c0 = static_cast<unsigned char>(text[pos]);
  if ((c0 & 0xF0) != 0xE0 || pos + 3 > text.size()) return -1;
  unsigned char c1 = static_cast<unsigned char>(text[pos + 1]);
  unsigned char c2 = static_cast<unsigned char>(text[pos + 2]);
  if ((c1 & 0xC0) != 0x80 || (c2 & 0xC0) != 0x80) return -1;
  return ((c0 & 0x0F) << 12) | ((c1 & 0x3F) << 6) | (c2 & 0x3F);
}


}  // namespace

void NameMatcher::Add(std::string_view name, int32_t payload) {
  if (name.empty()) return;
  int32_t node = 0;
  for (unsigned char c : name) {
    auto& edges = nodes_[node].edges;
    auto it = std::lower_bound(edges.begin(), edges.end(), c,
                               [](const Edge& e, uint8_t b) { return e.byte < b; });
    if (it != edges.end() && it->byte == c) {
      node = it->target;
      continue;
    }
    int32_t next = static_cast<int32_t>(nodes_.size());
    edges.insert(it, Edge{c, next});
    nodes_.emplace_back();
    node = next;
  }
  if (nodes_[node].payload < 0) {
    nodes_[node].payload = payload;
    ++names_;
  }
}

void NameMatcher::Build() {
  first_.assign(nodes_.size() + 1, 0);
  payload_.assign(nodes_.size(), -1);
  edges_.clear();
  for (size_t i = 0; i < nodes_.size(); ++i) {
    first_[i] = static_cast<uint32_t>(edges_.size());
    edges_.insert(edges_.end(), nodes_[i].edges.begin(), nodes_[i].edges.end());
    payload_[i] = nodes_[i].payload;
  }
  first_[nodes_.size()] = static_cast<uint32_t>(edges_.size());
  std::fill(std::begin(root_child_), std::end(root_child_), -1);
  for (uint32_t e = first_[0]; e < first_[1]; ++e) root_child_[edges_[e].byte] = edges_[e].target;
  bmp_node_.assign(0x10000, -1);
  for (int32_t cp = 0x800; cp < 0x10000; ++cp) {
    int32_t node = root_child_[0xE0 | (cp >> 12)];
    if (node >= 0) node = Child(node, static_cast<uint8_t>(0x80 | ((cp >> 6) & 0x3F)));
    if (node >= 0) node = Child(node, static_cast<uint8_t>(0x80 | (cp & 0x3F)));
    bmp_node_[cp] = node;
  }
  nodes_.clear();
  nodes_.shrink_to_fit();
}

int32_t NameMatcher::Child(int32_t node, uint8_t byte) const {
  if (node == 0) return root_child_[byte];
  auto begin = edges_.begin() + first_[node];
  auto end = edges_.begin() + first_[node + 1];
  auto it = std::lower_bound(begin, end, byte,
                             [](const Edge& e, uint8_t b) { return e.byte < b; });
  return (it != end && it->byte == byte) ? it->target : -1;
}

size_t NameMatcher::LongestAt(std::string_view text, size_t pos, int32_t* payload) const {
  int32_t node = 0;
  size_t best_end = 0;
  size_t i = pos;
  if (int32_t cp = ThreeByteCodePoint(text, pos); cp >= 0 && !bmp_node_.empty()) {
    node = bmp_node_[cp];
    if (node < 0) return 0;
    i = pos + 3;
    if (payload_[node] >= 0) {
      best_end = i;
      *payload = payload_[node];
    }
  }
  for (; i < text.size(); ++i) {
    node = Child(node, static_cast<uint8_t>(text[i]));
    if (node < 0) break;
    if (payload_[node] >= 0) {
      size_t end = i + 1;
      // A Latin name must end at a word boundary.
      bool latin_end = IsWordByte(static_cast<unsigned char>(text[i]));
      if (latin_end && end < text.size() &&
          IsWordByte(static_cast<unsigned char>(text[end])))
        continue;
      best_end = end;
      *payload = payload_[node];
    }
  }
  return best_end;
}

void NameMatcher::FindAll(std::string_view text, std::vector<Match>* out) const {
  if (first_.empty()) return;
  size_t pos = 0;
  while (pos < text.size()) {
    unsigned char c = static_cast<unsigned char>(text[pos]);
    bool boundary_ok = !IsWordByte(c) || pos == 0 ||
                       !IsWordByte(static_cast<unsigned char>(text[pos - 1]));
    if (root_child_[c] >= 0 && boundary_ok) {
      int32_t payload = -1;
      size_t end = LongestAt(text, pos, &payload);
      if (end > pos) {
        out->push_back({{pos, end}, payload});
        pos = end;
        continue;
      }
    }
    // Advance one whole UTF-8 character.
    ++pos;
    while (pos < text.size() && (static_cast<unsigned char>(text[pos]) & 0xC0) == 0x80) ++pos;
  }
}

int32_t NameMatcher::Lookup(std::string_view name) const {
  if (first_.empty() || name.empty()) return -1;
  int32_t node = 0;
  for (unsigned char c : name) {
    node = Child(node, c);
    if (node < 0) return -1;
  }
  return payload_[node];
}

}  // namespace gigafact
