#include "core/document.h"

#include <algorithm>

namespace gigafact {

namespace {
template <typename T>
int IndexAt(const std::vector<T>& items, size_t offset) {
  auto it = std::upper_bound(items.begin(), items.end(), offset,
                             [](size_t off, const T& s) { return off < s.span.end; });
  if (it == items.end() || offset < it->span.begin) return -1;
  return static_cast<int>(it - items.begin());
}
}  // namespace

bool Document::IsBoilerplate(size_t norm_offset) const {
  int i = IndexAt(lines, norm_offset);
  return i >= 0 && lines[i].boilerplate;
}

int Document::SentenceAt(size_t norm_offset) const {
  return IndexAt(sentences, norm_offset);
}

Lang Document::LangAt(size_t norm_offset) const {
  int i = SentenceAt(norm_offset);
  return i >= 0 ? sentences[i].lang : Lang::kOther;
}

}  // namespace gigafact
