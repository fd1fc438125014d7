// Progress: a one-line progress display on stderr for long runs when stderr
// is a terminal (articles/s, MB/s, errors, ETA when the input size is known),
// and the final summary line, which is always written.
#ifndef GIGAFACT_CLI_PROGRESS_H_
#define GIGAFACT_CLI_PROGRESS_H_

#include <chrono>
#include <cstdint>
#include <ostream>

#include "pipeline/batch.h"

namespace gigafact {

class Progress {
 public:
  // total_bytes: the input size if known (0: unknown, no ETA).
  Progress(std::ostream& err, bool enabled, uint64_t total_bytes);
  // Update redraws the line at most a few times a second.
  void Update(const BatchStats& stats);
  // Finish clears the line and writes the summary.
  void Finish(const BatchStats& stats);

 private:
  std::ostream& err_;
  bool enabled_;
  uint64_t total_bytes_;
  std::chrono::steady_clock::time_point last_draw_{};
  bool drawn_ = false;
};

}  // namespace gigafact

#endif  // GIGAFACT_CLI_PROGRESS_H_
