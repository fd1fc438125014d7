#include "cli/progress.h"

#include <cstdio>

namespace gigafact {

Progress::Progress(std::ostream& err, bool enabled, uint64_t total_bytes)
    : err_(err), enabled_(enabled), total_bytes_(total_bytes) {}

void Progress::Update(const BatchStats& s) {
  if (!enabled_) return;
  auto now = std::chrono::steady_clock::now();
  if (drawn_ && now - last_draw_ < std::chrono::milliseconds(200)) return;
  last_draw_ = now;
  drawn_ = true;
  double secs = s.seconds > 0 ? s.seconds : 1e-9;
  double mb = double(s.bytes) / 1e6;
  char eta[48] = "";
  if (total_bytes_ > s.bytes && s.bytes > 0) {
    double rest = double(total_bytes_ - s.bytes) / (double(s.bytes) / secs);
    std::snprintf(eta, sizeof eta, "  ETA %.0fs", rest);
  }
  char line[200];
  std::snprintf(line, sizeof line, "\r%llu articles  %.0f art/s  %.1f MB/s  %llu errors%s   ",
                static_cast<unsigned long long>(s.articles), double(s.articles) / secs, mb / secs,
                static_cast<unsigned long long>(s.error_records), eta);
  err_ << line << std::flush;
}

void Progress::Finish(const BatchStats& s) {
  if (enabled_ && drawn_) err_ << "\r\033[K";
  char line[240];
  double secs = s.seconds > 0 ? s.seconds : 1e-9;
  std::snprintf(line, sizeof line,
                "gigafact: %llu articles in, %llu records out, %llu error records, "
                "%.1f MB in %.2fs (%.1f MB/s, %.0f articles/s)\n",
                static_cast<unsigned long long>(s.articles),
                static_cast<unsigned long long>(s.articles),
                static_cast<unsigned long long>(s.error_records), double(s.bytes) / 1e6, s.seconds,
                double(s.bytes) / 1e6 / secs, double(s.articles) / secs);
  err_ << line << std::flush;
}

}  // namespace gigafact
