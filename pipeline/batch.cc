#include "pipeline/batch.h"

#include <oneapi/tbb/global_control.h>
#include <oneapi/tbb/info.h>
#include <oneapi/tbb/parallel_pipeline.h>

#include <chrono>

namespace gigafact {

BatchStats RunBatch(InputReader* reader, const Pipeline& pipeline, int threads,
                    const RecordSink& sink, const ProgressHook& progress) {
  auto start = std::chrono::steady_clock::now();
  int workers = threads > 0 ? threads : static_cast<int>(tbb::info::default_concurrency());
  tbb::global_control limit(tbb::global_control::max_allowed_parallelism,
                            static_cast<size_t>(workers));
  BatchStats stats;
  // Articles in flight: enough to keep every worker busy while the writer
  // waits for the slowest, few enough that memory stays flat.
  const size_t tokens = static_cast<size_t>(workers) * 4;

  tbb::parallel_pipeline(
      tokens,
      tbb::make_filter<void, RawArticle*>(
          tbb::filter_mode::serial_in_order,
          [&](tbb::flow_control& fc) -> RawArticle* {
            auto* raw = new RawArticle();
            if (!reader->Next(raw)) {
              delete raw;
              fc.stop();
              return nullptr;
            }
            return raw;
          }) &
          tbb::make_filter<RawArticle*, Pipeline::Output*>(
              tbb::filter_mode::parallel,
              [&](RawArticle* raw) {
                auto* out = new Pipeline::Output(pipeline.Process(std::move(*raw)));
                delete raw;
                return out;
              }) &
          tbb::make_filter<Pipeline::Output*, void>(
              tbb::filter_mode::serial_in_order, [&](Pipeline::Output* out) {
                sink(out->line, out->error);
                ++stats.articles;
                stats.error_records += out->error;
                stats.bytes = reader->bytes_read();
                if (progress) {
                  stats.seconds = std::chrono::duration<double>(
                                      std::chrono::steady_clock::now() - start)
                                      .count();
                  progress(stats);
                }
                delete out;
              }));
  stats.bytes = reader->bytes_read();
  stats.seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return stats;
}

}  // namespace gigafact
