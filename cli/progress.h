// Progress: a one-line progress display on stderr for long runs when stderr
// is a terminal (articles, articles/s, MB/s, errors, elapsed, and the ETA when
// the input size is known), silent otherwise; and the final summary line
// (articles in, records out, error records, elapsed), which is always written.
#ifndef GIGAFACT_CLI_PROGRESS_H_
#define GIGAFACT_CLI_PROGRESS_H_

#include <chrono>
#include <cstdint>
#include <ostream>
#include <string>

#include "pipeline/batch.h"

namespace gigafact {

class Progress {
 public:
  // enabled: draw the progress line (the caller passes isatty(stderr)).
  // total_bytes: the input size if known (0: unknown, no ETA).
  Progress(std::ostream& err, bool enabled, uint64_t total_bytes);
  // Update redraws the line at most five times a second.
  void Update(const BatchStats& stats);
  // Finish clears the line and writes the summary.
  void Finish(const BatchStats& stats);

  // Line is the progress line for stats, without terminal controls.
  std::string Line(const BatchStats& stats) const;
  // Summary is the final summary line, without newline.
  static std::string Summary(const BatchStats& stats);

 private:
  std::ostream& err_;
  bool enabled_;
  uint64_t total_bytes_;
  std::chrono::steady_clock::time_point last_draw_{};
  bool drawn_ = false;
};

}  // namespace gigafact

#endif  // GIGAFACT_CLI_PROGRESS_H_
