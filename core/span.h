// Span: a [begin, end) byte range into an article's original UTF-8 text
// (SPEC §2: after charset conversion, before any normalization).
#ifndef GIGAFACT_CORE_SPAN_H_
#define GIGAFACT_CORE_SPAN_H_

#include <cstddef>

namespace gigafact {

struct Span {
  size_t begin = 0;
  size_t end = 0;

  size_t size() const { return end - begin; }
  bool empty() const { return end <= begin; }
  bool Contains(size_t offset) const { return offset >= begin && offset < end; }
  bool Overlaps(const Span& other) const {
    return begin < other.end && other.begin < end;
  }
  bool operator==(const Span& o) const { return begin == o.begin && end == o.end; }
  bool operator<(const Span& o) const {
    return begin != o.begin ? begin < o.begin : end < o.end;
  }
};

}  // namespace gigafact

#endif  // GIGAFACT_CORE_SPAN_H_
