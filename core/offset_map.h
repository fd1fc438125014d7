// OffsetMap: maps byte offsets of the normalized (NFKC) view of an article back
// to byte offsets of the original UTF-8 text, so every mention found in the
// normalized view can report a span into the original.
#ifndef GIGAFACT_CORE_OFFSET_MAP_H_
#define GIGAFACT_CORE_OFFSET_MAP_H_

#include <cstddef>
#include <vector>

#include "core/span.h"

namespace gigafact {

class OffsetMap {
 public:
  // One run of the mapping: normalized bytes [norm_begin, norm_begin+norm_len)
  // came from original bytes [orig_begin, orig_begin+orig_len). Unchanged runs
  // map byte for byte; changed runs map only as a whole.
  struct Run {
    size_t norm_begin, norm_len, orig_begin, orig_len;
    bool changed;
  };

  // An empty map is the identity (the common case: most pages are already NFKC).
  OffsetMap() = default;

  // AddRun appends the next run; runs must be added in order and be contiguous.
  void AddRun(size_t norm_len, size_t orig_len, bool changed);

  bool identity() const { return runs_.empty(); }

  // ToOriginalBegin maps a normalized offset that starts a span: inside a
  // changed run it maps to the start of that run's original bytes.
  size_t ToOriginalBegin(size_t norm_offset) const;
  // ToOriginalEnd maps a normalized offset that ends a span: inside a changed
  // run it maps to the end of that run's original bytes.
  size_t ToOriginalEnd(size_t norm_offset) const;
  Span ToOriginal(Span norm) const {
    return {ToOriginalBegin(norm.begin), ToOriginalEnd(norm.end)};
  }

 private:
  const Run* FindRun(size_t norm_offset) const;
  std::vector<Run> runs_;
};

}  // namespace gigafact

#endif  // GIGAFACT_CORE_OFFSET_MAP_H_
