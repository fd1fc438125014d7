// RunBatch: the ordered, bounded parallel run — one reader, N workers, one
// writer that emits records in input order — so output is byte-identical
// whatever the thread count and memory is bounded by the number of articles
// in flight, not by corpus size.
#ifndef GIGAFACT_PIPELINE_BATCH_H_
#define GIGAFACT_PIPELINE_BATCH_H_

#include <cstdint>
#include <functional>
#include <string>

#include "ingest/input_reader.h"
#include "pipeline/pipeline.h"

namespace gigafact {

struct BatchStats {
  uint64_t articles = 0;       // articles read (= records written)
  uint64_t error_records = 0;
  uint64_t bytes = 0;          // input bytes read
  double seconds = 0;
};

// RecordSink receives each record line, in input order, on one thread.
using RecordSink = std::function<void(const std::string& line, bool is_error)>;
// ProgressHook is called after each record with the running totals.
using ProgressHook = std::function<void(const BatchStats&)>;

// RunBatch runs every article of reader through pipeline with `threads`
// workers (0: all cores).
BatchStats RunBatch(InputReader* reader, const Pipeline& pipeline, int threads,
                    const RecordSink& sink, const ProgressHook& progress = nullptr);

}  // namespace gigafact

#endif  // GIGAFACT_PIPELINE_BATCH_H_
