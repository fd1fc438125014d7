#include "core/offset_map.h"

#include <algorithm>

namespace gigafact {

void OffsetMap::AddRun(size_t norm_len, size_t orig_len, bool changed) {
  size_t norm_begin = 0, orig_begin = 0;
  if (!runs_.empty()) {
    const Run& last = runs_.back();
    norm_begin = last.norm_begin + last.norm_len;
    orig_begin = last.orig_begin + last.orig_len;
    // Merge adjacent unchanged runs to keep lookups short.
    if (!changed && !last.changed) {
      runs_.back().norm_len += norm_len;
      runs_.back().orig_len += orig_len;
      return;
    }
  }
  runs_.push_back({norm_begin, norm_len, orig_begin, orig_len, changed});
}

const OffsetMap::Run* OffsetMap::FindRun(size_t norm_offset) const {
  // First run whose end is beyond the offset.
  auto it = std::upper_bound(
      runs_.begin(), runs_.end(), norm_offset,
      [](size_t off, const Run& r) { return off < r.norm_begin + r.norm_len; });
  if (it == runs_.end()) return runs_.empty() ? nullptr : &runs_.back();
  return &*it;
}

size_t OffsetMap::ToOriginalBegin(size_t norm_offset) const {
  if (runs_.empty()) return norm_offset;
  const Run* run = FindRun(norm_offset);
  size_t within = norm_offset - std::min(norm_offset, run->norm_begin);
  if (within >= run->norm_len) return run->orig_begin + run->orig_len;
  if (!run->changed) return run->orig_begin + within;
  return run->orig_begin;
}

size_t OffsetMap::ToOriginalEnd(size_t norm_offset) const {
  if (runs_.empty()) return norm_offset;
  if (norm_offset == 0) return 0;
  // The byte just before the end decides which run the span ends in.
  const Run* run = FindRun(norm_offset - 1);
  size_t within = norm_offset - std::min(norm_offset, run->norm_begin);
  if (within >= run->norm_len) return run->orig_begin + run->orig_len;
  if (!run->changed) return run->orig_begin + within;
  return run->orig_begin + run->orig_len;
}

}  // namespace gigafact
