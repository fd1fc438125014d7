// Rendering a Score: the table people read, the per-document listing of
// false positives and misses, and JSON for machines.
#ifndef GIGAFACT_EVAL_REPORT_H_
#define GIGAFACT_EVAL_REPORT_H_

#include <string>

#include <nlohmann/json.hpp>

#include "eval/scorer.h"

namespace gigafact {

std::string FormatTable(const Score& score);
std::string FormatPerDoc(const Score& score);
nlohmann::ordered_json ScoreToJson(const Score& score, bool per_doc);

}  // namespace gigafact

#endif  // GIGAFACT_EVAL_REPORT_H_
