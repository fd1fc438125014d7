// pipeline_bench: how fast gigafact is, stage by stage and end to end.
//
//  1. Generates (once) a JSONL corpus of --size-mb from the project's corpus/
//     with mutations (bench/corpus_generator.h), in the build directory.
//  2. Per stage, one thread, in process, over the first --sample-mb of it:
//     JSONL reading, ingest (and its steps), each extractor of
//     Pipeline::extractors(), fact linking, record assembly.
//  3. End to end: runs `gigafact extract -q -o /dev/null CORPUS` at 1 and N
//     threads, and at N threads over an eighth of the corpus, reporting MB/s,
//     articles/s and the child's peak RSS (wait4), so RSS flat in corpus size
//     and the speed-up show side by side.
//
// Goals (issue 9): ≥ 50 MB/s per core end to end, ≥ 1.8× on 2 cores, peak
// RSS flat in corpus size.
#include <spawn.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <boost/program_options.hpp>
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <thread>
#include <ctime>

#include "bench/corpus_generator.h"
#include "ingest/boilerplate.h"
#include "ingest/charset.h"
#include "ingest/ingest.h"
#include "ingest/normalize.h"
#include "ingest/segment.h"
#include "output/record.h"
#include "pipeline/pipeline.h"

extern char** environ;

namespace gigafact {
namespace {

namespace po = boost::program_options;
using Clock = std::chrono::steady_clock;

constexpr double kMB = 1e6;

struct Options {
  std::string corpus, corpus_dir, gigafact, data_dir;
  double size_mb = 1100, sample_mb = 200;
  int threads = 0;
  uint64_t seed = 1;
  bool skip_end_to_end = false;
};

double Seconds(Clock::time_point since) {
  return std::chrono::duration<double>(Clock::now() - since).count();
}

// ThreadCpuSeconds: CPU time of the calling thread. Stages are timed in CPU
// time, which other processes on a shared machine do not inflate.
double ThreadCpuSeconds() {
  timespec ts;
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return double(ts.tv_sec) + double(ts.tv_nsec) * 1e-9;
}

uint64_t FileSize(const std::string& path) {
  struct stat st;
  return stat(path.c_str(), &st) == 0 ? static_cast<uint64_t>(st.st_size) : 0;
}

uint64_t CountLines(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::vector<char> buf(1 << 20);
  uint64_t n = 0;
  while (in.read(buf.data(), buf.size()) || in.gcount() > 0) {
    for (std::streamsize i = 0; i < in.gcount(); ++i) n += buf[i] == '\n';
  }
  return n;
}

// EnsureCorpus generates path with target_bytes unless a file at least that
// large is already there (the generator is deterministic, so it is the same
// corpus); returns its article count.
bool EnsureCorpus(const CorpusGenerator& gen, const std::string& path, uint64_t target_bytes,
                  uint64_t seed, uint64_t* articles, std::string* err) {
  uint64_t have = FileSize(path);
  if (have >= target_bytes && have < target_bytes + (1u << 20) * 64) {
    *articles = CountLines(path);
    return true;
  }
  auto start = Clock::now();
  GeneratedCorpus result;
  if (!gen.Write(path, target_bytes, seed, &result, err)) return false;
  std::printf("generated %s: %.1f MB, %llu articles in %.1fs\n", path.c_str(),
              double(result.bytes) / kMB, static_cast<unsigned long long>(result.articles),
              Seconds(start));
  *articles = result.articles;
  return true;
}

// StageTimes accumulates seconds per named stage, in first-seen order.
class StageTimes {
 public:
  void Add(const std::string& name, double seconds) {
    for (auto& s : stages_)
      if (s.name == name) {
        s.seconds += seconds;
        return;
      }
    stages_.push_back({name, seconds});
  }
  template <typename F>
  void Time(const std::string& name, F&& f) {
    double start = ThreadCpuSeconds();
    f();
    Add(name, ThreadCpuSeconds() - start);
  }
  void Print(double bytes, uint64_t articles) const {
    double total = 0;
    for (const auto& s : stages_) total += s.seconds;
    std::printf("  %-22s %9s %10s %12s %7s\n", "stage", "CPU s", "MB/s", "articles/s", "share");
    for (const auto& s : stages_) {
      std::printf("  %-22s %9.2f %10.1f %12.0f %6.1f%%\n", s.name.c_str(), s.seconds,
                  bytes / kMB / s.seconds, double(articles) / s.seconds,
                  100.0 * s.seconds / total);
    }
    std::printf("  %-22s %9.2f %10.1f %12.0f\n", "all stages", total, bytes / kMB / total,
                double(articles) / total);
  }

 private:
  struct Stage {
    std::string name;
    double seconds;
  };
  std::vector<Stage> stages_;
};

// TimeIngestSteps times the steps of Ingest one by one on an article already
// ingested (its raw bytes and its Document), for the breakdown under ingest.
void TimeIngestSteps(const std::string& raw_bytes, const Document& doc, StageTimes* times) {
  times->Time("sha256", [&] { Sha256Hex(raw_bytes); });
  times->Time("decode", [&] { DecodeToUtf8(raw_bytes); });
  std::string norm;
  OffsetMap map;
  times->Time("nfkc", [&] { NormalizeNfkc(doc.text, &norm, &map); });
  times->Time("lines", [&] { SplitLines(doc.norm); });
  times->Time("sentences", [&] { SplitSentences(doc.norm, doc.lines); });
  Document copy = doc;
  for (Line& l : copy.lines) l.boilerplate = false;
  for (Sentence& s : copy.sentences) s.boilerplate = false;
  times->Time("boilerplate", [&] { MarkBoilerplate(&copy); });
}

// RunStages runs the pipeline's stages one by one over the first sample
// bytes of the corpus, on this thread, timing each.
void RunStages(const Pipeline& pipeline, const std::string& corpus, double sample_bytes) {
  InputReader reader({corpus}, InputFormat::kJsonl);
  StageTimes times;
  StageTimes steps;
  uint64_t articles = 0, errors = 0;
  RawArticle raw;
  for (;;) {
    if (double(reader.bytes_read()) >= sample_bytes) break;
    bool more = false;
    times.Time("read jsonl", [&] { more = reader.Next(&raw); });
    if (!more) break;
    ++articles;
    std::string raw_bytes = raw.bytes;
    Document doc;
    IngestError error;
    bool ok = false;
    times.Time("ingest", [&] { ok = Ingest(std::move(raw), &doc, &error); });
    if (!ok) {
      ++errors;
      continue;
    }
    TimeIngestSteps(raw_bytes, doc, &steps);
    Extraction ex;
    for (const auto& stage : pipeline.extractors())
      times.Time(stage->Name(), [&] { stage->Extract(doc, &ex); });
    times.Time("facts", [&] { pipeline.fact_linker().Link(doc, &ex); });
    std::string line;
    times.Time("record", [&] { line = RecordLine(doc, ex); });
  }
  double bytes = double(reader.bytes_read());
  std::printf("\nper stage, 1 thread, in process: first %.1f MB, %llu articles (%llu errors)\n",
              bytes / kMB, static_cast<unsigned long long>(articles),
              static_cast<unsigned long long>(errors));
  times.Print(bytes, articles);
  std::printf("\n  the steps of ingest, timed apart from the run above:\n");
  steps.Print(bytes, articles);
}

struct RunResult {
  bool ok = false;
  double seconds = 0;      // wall clock
  double cpu_seconds = 0;  // user + system, all threads
  double peak_rss_mb = 0;
};

// RunGigafact runs `gigafact extract` over corpus with `threads` workers,
// output discarded, and reports its wall time and peak RSS.
RunResult RunGigafact(const Options& opt, const std::string& corpus, int threads) {
  std::string threads_arg = std::to_string(threads);
  std::vector<std::string> args = {opt.gigafact, "extract", "-q",       "-o", "/dev/null",
                                   "--threads",  threads_arg, "--format", "jsonl", corpus};
  if (!opt.data_dir.empty()) {
    args.push_back("--data-dir");
    args.push_back(opt.data_dir);
  }
  std::vector<char*> argv;
  for (auto& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);
  RunResult r;
  auto start = Clock::now();
  pid_t pid;
  if (posix_spawn(&pid, opt.gigafact.c_str(), nullptr, nullptr, argv.data(), environ) != 0) {
    std::fprintf(stderr, "pipeline_bench: cannot run %s\n", opt.gigafact.c_str());
    return r;
  }
  int status = 0;
  struct rusage usage;
  if (wait4(pid, &status, 0, &usage) < 0) return r;
  r.seconds = Seconds(start);
  r.peak_rss_mb = double(usage.ru_maxrss) * 1024 / kMB;
  auto secs = [](const timeval& t) { return double(t.tv_sec) + double(t.tv_usec) * 1e-6; };
  r.cpu_seconds = secs(usage.ru_utime) + secs(usage.ru_stime);
  // Exit 1 only says some articles became error records; the run finished.
  r.ok = WIFEXITED(status) && (WEXITSTATUS(status) == 0 || WEXITSTATUS(status) == 1);
  if (!r.ok) std::fprintf(stderr, "pipeline_bench: gigafact failed (status %d)\n", status);
  return r;
}

// WritePrefix copies the first lines of corpus holding about `bytes` to path.
bool WritePrefix(const std::string& corpus, const std::string& path, uint64_t bytes,
                 uint64_t* articles) {
  std::ifstream in(corpus, std::ios::binary);
  std::ofstream out(path, std::ios::binary);
  std::string line;
  uint64_t written = 0;
  *articles = 0;
  while (written < bytes && std::getline(in, line)) {
    out << line << '\n';
    written += line.size() + 1;
    ++*articles;
  }
  return bool(out);
}

bool RunEndToEnd(const Options& opt, const std::string& corpus, uint64_t articles, int cores) {
  struct Run {
    int threads;
    std::string corpus;
    uint64_t articles;
    const char* label;
  };
  std::string small = corpus + ".eighth.jsonl";
  uint64_t small_articles = 0;
  if (!WritePrefix(corpus, small, FileSize(corpus) / 8, &small_articles)) return false;
  std::vector<Run> runs = {{1, corpus, articles, "whole"},
                           {opt.threads, corpus, articles, "whole"},
                           {opt.threads, small, small_articles, "1/8"}};
  std::printf("\nend to end: gigafact extract --threads T -o /dev/null (%d cores; wall clock,\n"
              "and CPU time = user + system of all threads)\n", cores);
  std::printf("  %-7s %-6s %8s %8s %8s %9s %11s %11s %9s\n", "threads", "corpus", "MB", "wall s",
              "CPU s", "MB/s", "MB/CPU-s", "articles/s", "RSS MB");
  std::vector<RunResult> results;
  for (const Run& run : runs) {
    RunResult r = RunGigafact(opt, run.corpus, run.threads);
    if (!r.ok) return false;
    double mb = double(FileSize(run.corpus)) / kMB;
    std::printf("  %-7d %-6s %8.1f %8.2f %8.2f %9.1f %11.1f %11.0f %9.1f\n", run.threads,
                run.label, mb, r.seconds, r.cpu_seconds, mb / r.seconds, mb / r.cpu_seconds,
                double(run.articles) / r.seconds, r.peak_rss_mb);
    std::fflush(stdout);
    results.push_back(r);
  }
  std::remove(small.c_str());
  double mb = double(FileSize(corpus)) / kMB;
  double per_core = mb / results[0].cpu_seconds;
  double speedup = results[0].seconds / results[1].seconds;
  // The speed-up the CPU time allows: what N threads would reach on N idle
  // cores, for a run on a loaded machine where wall clock says little.
  double cpu_speedup = std::min<double>(opt.threads, results[0].cpu_seconds /
                                                         results[1].cpu_seconds * opt.threads);
  double load = 0;
  if (FILE* f = std::fopen("/proc/loadavg", "r")) {
    if (std::fscanf(f, "%lf", &load) != 1) load = 0;
    std::fclose(f);
  }
  std::printf("\ngoals (load average now %.1f on %d cores):\n", load, cores);
  std::printf("  MB/s per core (1 thread, per CPU second)  %7.1f   goal >= 50    %s\n", per_core,
              per_core >= 50 ? "met" : "NOT met");
  std::printf("  speed-up %d threads vs 1, wall clock       %7.2fx  goal >= 1.8x  %s\n",
              opt.threads, speedup, speedup >= 1.8 ? "met" : "NOT met");
  std::printf("  speed-up bound by CPU time (idle cores)   %7.2fx\n", cpu_speedup);
  std::printf("  peak RSS, 1/8 corpus vs whole             %7.1f MB vs %.1f MB, goal flat  %s\n",
              results[2].peak_rss_mb, results[1].peak_rss_mb,
              results[1].peak_rss_mb <= results[2].peak_rss_mb * 1.25 + 16 ? "met" : "NOT met");
  return true;
}

bool ParseOptions(int argc, char** argv, Options* opt, int* exit_code) {
  po::options_description desc(
      "usage: pipeline_bench --corpus FILE --gigafact BIN [options]\n\n"
      "Generates a JSONL corpus (once) and measures gigafact per stage and end to end.\n\n"
      "options");
  desc.add_options()
      ("help,h", "show this help")
      ("corpus", po::value(&opt->corpus), "generated JSONL corpus (written if missing)")
      ("corpus-dir", po::value(&opt->corpus_dir), "the project's corpus/ to mutate")
      ("gigafact", po::value(&opt->gigafact), "gigafact binary for the end-to-end runs")
      ("data-dir", po::value(&opt->data_dir), "gazetteer and alias tables")
      ("size-mb", po::value(&opt->size_mb)->default_value(1100), "corpus size in MB")
      ("sample-mb", po::value(&opt->sample_mb)->default_value(200), "MB for the per-stage pass")
      ("threads", po::value(&opt->threads)->default_value(0), "N of the N-thread run (0: all cores)")
      ("seed", po::value(&opt->seed)->default_value(1), "corpus generator seed")
      ("skip-end-to-end", po::bool_switch(&opt->skip_end_to_end), "per-stage pass only");
  po::variables_map vm;
  try {
    po::store(po::parse_command_line(argc, argv, desc), vm);
    po::notify(vm);
  } catch (const po::error& e) {
    std::cerr << "pipeline_bench: " << e.what() << "\n" << desc;
    *exit_code = 2;
    return false;
  }
  if (vm.count("help")) {
    std::cout << desc;
    *exit_code = 0;
    return false;
  }
  if (opt->corpus.empty() || opt->corpus_dir.empty() ||
      (opt->gigafact.empty() && !opt->skip_end_to_end)) {
    std::cerr << "pipeline_bench: --corpus, --corpus-dir and --gigafact are required\n" << desc;
    *exit_code = 2;
    return false;
  }
  return true;
}

int Main(int argc, char** argv) {
  Options opt;
  int exit_code = 0;
  if (!ParseOptions(argc, argv, &opt, &exit_code)) return exit_code;
  int cores = static_cast<int>(std::thread::hardware_concurrency());
  if (opt.threads <= 0) opt.threads = cores;
  if (opt.data_dir.empty()) opt.data_dir = DefaultDataDir();

  std::string err;
  CorpusGenerator generator;
  if (!generator.LoadArticles(opt.corpus_dir, &err)) {
    std::cerr << "pipeline_bench: " << err << "\n";
    return 1;
  }
  uint64_t articles = 0;
  if (!EnsureCorpus(generator, opt.corpus, static_cast<uint64_t>(opt.size_mb * kMB), opt.seed,
                    &articles, &err)) {
    std::cerr << "pipeline_bench: " << err << "\n";
    return 1;
  }
  std::printf("gigafact pipeline benchmark: %d cores, corpus %s (%.1f MB, %llu articles, "
              "from %zu source articles)\n",
              cores, opt.corpus.c_str(), double(FileSize(opt.corpus)) / kMB,
              static_cast<unsigned long long>(articles), generator.source_count());

  std::unique_ptr<Pipeline> pipeline = Pipeline::Create(opt.data_dir, &err);
  if (!pipeline) {
    std::cerr << "pipeline_bench: " << err << "\n";
    return 1;
  }
  RunStages(*pipeline, opt.corpus, opt.sample_mb * kMB);
  std::fflush(stdout);
  if (!opt.skip_end_to_end && !RunEndToEnd(opt, opt.corpus, articles, cores)) return 1;
  return 0;
}

}  // namespace
}  // namespace gigafact

int main(int argc, char** argv) { return gigafact::Main(argc, argv); }
