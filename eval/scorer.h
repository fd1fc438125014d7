// Scorer: SPEC §4. Matches records to gold annotations by doc_id and counts,
// per field, true positives, false positives and misses (micro-averaged),
// with the items behind each count for --per-doc.
#ifndef GIGAFACT_EVAL_SCORER_H_
#define GIGAFACT_EVAL_SCORER_H_

#include <map>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace gigafact {

// The scored fields, in report order.
extern const char* const kScoredFields[7];

struct FieldCounts {
  long tp = 0, fp = 0, fn = 0;
  double Precision() const { return tp + fp == 0 ? 1.0 : double(tp) / double(tp + fp); }
  double Recall() const { return tp + fn == 0 ? 1.0 : double(tp) / double(tp + fn); }
  double F1() const {
    double p = Precision(), r = Recall();
    return p + r == 0 ? 0.0 : 2 * p * r / (p + r);
  }
  void Add(const FieldCounts& o) { tp += o.tp; fp += o.fp; fn += o.fn; }
};

// DocScore: one article's counts and the false positives and misses behind
// them, as readable strings.
struct DocScore {
  std::string doc_id;
  bool has_record = false;
  std::map<std::string, FieldCounts> fields;
  std::map<std::string, std::vector<std::string>> false_positives, misses;
  long facts_matched = 0, facts_type_right = 0, facts_date_right = 0;
  // Matched facts whose type or date differ from the gold's, as readable
  // strings ("40 GWh CATL @ Kenli: type plan (gold construction)").
  std::vector<std::string> fact_attribute_errors;
};

struct Score {
  std::map<std::string, FieldCounts> fields;
  FieldCounts overall;
  long facts_matched = 0, facts_type_right = 0, facts_date_right = 0;
  std::vector<DocScore> docs;       // in gold doc_id order
  std::vector<std::string> unmatched_records;  // records with no gold
};

class Scorer {
 public:
  // AddGold loads every *.gold.json below dir; false with *err.
  bool AddGoldDir(const std::string& dir, std::string* err);
  // AddGold adds one gold annotation (SPEC §3 object).
  void AddGold(const nlohmann::json& gold);
  // AddRecord adds one record (SPEC §2 object); a later record for the same
  // doc_id replaces an earlier one.
  void AddRecord(const nlohmann::json& record);

  Score Compute() const;
  size_t gold_count() const { return gold_.size(); }

 private:
  std::map<std::string, nlohmann::json> gold_;     // by doc_id
  std::map<std::string, nlohmann::json> records_;  // by last path component
};

// ScoreDoc scores one record against one gold annotation; record may be null
// (no record: every gold item is a miss).
DocScore ScoreDoc(const nlohmann::json& gold, const nlohmann::json* record);

// RecordKey: a record's doc_id without any directory prefix ("zh/zh_d05" →
// "zh_d05").
std::string RecordKey(const std::string& doc_id);

}  // namespace gigafact

#endif  // GIGAFACT_EVAL_SCORER_H_
