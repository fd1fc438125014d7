// RunBatch: the ordered, bounded parallel run — one reader, N workers, one
// writer that emits records in input order — so output is byte-identical
// whatever the thread count and memory is bounded by the number of articles
// in flight (4 per worker), not by corpus size.
#ifndef GIGAFACT_PIPELINE_BATCH_H_
#define GIGAFACT_PIPELINE_BATCH_H_

#include <cstdint>
#include <functional>
#include <string>

#include "ingest/input_reader.h"
#include "pipeline/pipeline.h"

namespace gigafact {

struct BatchStats {
  uint64_t articles_in = 0;    // articles read so far
  uint64_t articles = 0;       // records written (= articles_in at the end)
  uint64_t error_records = 0;
  uint64_t bytes = 0;          // input bytes read
  double seconds = 0;
};

// RecordSink receives each record line, in input order, on one thread. It
// may throw to stop the run: RunBatch then unwinds, frees every article in
// flight and rethrows.
using RecordSink = std::function<void(const std::string& line, bool is_error)>;
// ProgressHook is called after each record with the running totals, on the
// sink's thread.
using ProgressHook = std::function<void(const BatchStats&)>;

// ArticlesInFlight: how many articles a run with `workers` threads holds at
// most, read but not yet written; the bound on its memory.
size_t ArticlesInFlight(int workers);

// RunBatch runs every article of reader through pipeline with `threads`
// workers (0: all cores). The reader only splits the input into articles;
// JSONL lines are parsed by the workers (ParseJsonlArticle).
BatchStats RunBatch(InputReader* reader, const Pipeline& pipeline, int threads,
                    const RecordSink& sink, const ProgressHook& progress = nullptr);

}  // namespace gigafact

#endif  // GIGAFACT_PIPELINE_BATCH_H_
