#include "cli/progress.h"

#include <sys/resource.h>

#include <cstdlib>
#include <fstream>
#include <string>

#include <cstdio>

namespace gigafact {

namespace {

// FormatDuration writes seconds as "42s", "3m07s" or "2h05m".
std::string FormatDuration(double seconds) {
  long s = seconds > 0 ? static_cast<long>(seconds + 0.5) : 0;
  char buf[32];
  if (s < 60) std::snprintf(buf, sizeof buf, "%lds", s);
  else if (s < 3600) std::snprintf(buf, sizeof buf, "%ldm%02lds", s / 60, s % 60);
  else std::snprintf(buf, sizeof buf, "%ldh%02ldm", s / 3600, (s % 3600) / 60);
  return buf;
}

}  // namespace

Progress::Progress(std::ostream& err, bool enabled, uint64_t total_bytes)
    : err_(err), enabled_(enabled), total_bytes_(total_bytes) {}

std::string Progress::Line(const BatchStats& s) const {
  double secs = s.seconds > 0 ? s.seconds : 1e-9;
  std::string eta;
  if (total_bytes_ > s.bytes && s.bytes > 0)
    eta = "  ETA " + FormatDuration(double(total_bytes_ - s.bytes) / (double(s.bytes) / secs));
  char line[200];
  std::snprintf(line, sizeof line, "%llu articles  %.0f articles/s  %.1f MB/s  %llu errors  %s%s",
                static_cast<unsigned long long>(s.articles), double(s.articles) / secs,
                double(s.bytes) / 1e6 / secs, static_cast<unsigned long long>(s.error_records),
                FormatDuration(s.seconds).c_str(), eta.c_str());
  return line;
}

void Progress::Update(const BatchStats& s) {
  if (!enabled_) return;
  auto now = std::chrono::steady_clock::now();
  if (drawn_ && now - last_draw_ < std::chrono::milliseconds(200)) return;
  last_draw_ = now;
  drawn_ = true;
  // "\r" returns to the start of the line, "\033[K" clears what a longer
  // previous line left.
  err_ << '\r' << Line(s) << "\033[K" << std::flush;
}

namespace {
// PeakRssMb: this process's maximum resident set size so far, in MB. Linux's
// VmHWM first: getrusage's figure also counts the memory of a parent that
// started us with vfork/posix_spawn (it is carried across exec).
double PeakRssMb() {
  std::ifstream status("/proc/self/status");
  std::string line;
  while (std::getline(status, line))
    if (line.rfind("VmHWM:", 0) == 0) return std::atof(line.c_str() + 6) * 1024 / 1e6;
  struct rusage usage {};
  getrusage(RUSAGE_SELF, &usage);
  return double(usage.ru_maxrss) * 1024 / 1e6;
}
}  // namespace

std::string Progress::Summary(const BatchStats& s) {
  char line[260];
  double secs = s.seconds > 0 ? s.seconds : 1e-9;
  std::snprintf(line, sizeof line,
                "gigafact: %llu articles in, %llu records out, %llu error records, "
                "%.1f MB in %.2fs (%.1f MB/s, %.0f articles/s, peak RSS %.0f MB)",
                static_cast<unsigned long long>(s.articles_in),
                static_cast<unsigned long long>(s.articles),
                static_cast<unsigned long long>(s.error_records), double(s.bytes) / 1e6, s.seconds,
                double(s.bytes) / 1e6 / secs, double(s.articles) / secs, PeakRssMb());
  return line;
}

void Progress::Finish(const BatchStats& s) {
  if (enabled_ && drawn_) err_ << "\r\033[K";
  err_ << Summary(s) << '\n' << std::flush;
}

}  // namespace gigafact
