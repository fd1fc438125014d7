#include "pipeline/batch.h"

#include <oneapi/tbb/global_control.h>
#include <oneapi/tbb/info.h>
#include <oneapi/tbb/parallel_pipeline.h>

#include <atomic>
#include <chrono>

namespace gigafact {

size_t ArticlesInFlight(int workers) {
  // Enough to keep every worker busy while the writer waits for the
  // slowest article, few enough that memory stays flat.
  return static_cast<size_t>(workers > 0 ? workers : 1) * 4;
}

BatchStats RunBatch(InputReader* reader, const Pipeline& pipeline, int threads,
                    const RecordSink& sink, const ProgressHook& progress) {
  auto start = std::chrono::steady_clock::now();
  auto elapsed = [&] {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  };
  int workers = threads > 0 ? threads : static_cast<int>(tbb::info::default_concurrency());
  tbb::global_control limit(tbb::global_control::max_allowed_parallelism,
                            static_cast<size_t>(workers));
  BatchStats stats;
  // Written by the reader, read by the writer: atomics, as the two serial
  // filters may run on different threads at the same time.
  std::atomic<uint64_t> articles_in{0}, bytes_in{0};

  // Tokens travel by value: TBB moves them between filters and destroys the
  // ones in flight if the sink throws, so nothing leaks and nothing is copied.
  tbb::parallel_pipeline(
      ArticlesInFlight(workers),
      tbb::make_filter<void, RawArticle>(
          tbb::filter_mode::serial_in_order,
          [&](tbb::flow_control& fc) -> RawArticle {
            RawArticle raw;
            if (!reader->NextUnparsed(&raw)) {
              fc.stop();
              return RawArticle();
            }
            articles_in.fetch_add(1, std::memory_order_relaxed);
            bytes_in.store(reader->bytes_read(), std::memory_order_relaxed);
            return raw;
          }) &
          tbb::make_filter<RawArticle, Pipeline::Output>(
              tbb::filter_mode::parallel,
              [&](RawArticle raw) {
                ParseJsonlArticle(&raw);
                return pipeline.Process(std::move(raw));
              }) &
          tbb::make_filter<Pipeline::Output, void>(
              tbb::filter_mode::serial_in_order, [&](Pipeline::Output out) {
                sink(out.line, out.error);
                ++stats.articles;
                stats.error_records += out.error;
                if (progress) {
                  stats.articles_in = articles_in.load(std::memory_order_relaxed);
                  stats.bytes = bytes_in.load(std::memory_order_relaxed);
                  stats.seconds = elapsed();
                  progress(stats);
                }
              }));
  stats.articles_in = articles_in.load();
  stats.bytes = reader->bytes_read();
  stats.seconds = elapsed();
  return stats;
}

}  // namespace gigafact
