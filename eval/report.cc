#include "eval/report.h"

#include <cstdio>

namespace gigafact {

namespace {

std::string Row(const std::string& name, const FieldCounts& c) {
  char buf[160];
  std::snprintf(buf, sizeof buf, "%-11s %6ld %6ld %6ld %9.3f %7.3f %7.3f\n", name.c_str(), c.tp,
                c.fp, c.fn, c.Precision(), c.Recall(), c.F1());
  return buf;
}

std::string Share(long part, long whole) {
  char buf[64];
  if (whole == 0) return "n/a (no matched facts)";
  std::snprintf(buf, sizeof buf, "%.3f (%ld/%ld)", double(part) / double(whole), part, whole);
  return buf;
}

nlohmann::ordered_json CountsJson(const FieldCounts& c) {
  return {{"tp", c.tp}, {"fp", c.fp}, {"fn", c.fn},
          {"precision", c.Precision()}, {"recall", c.Recall()}, {"f1", c.F1()}};
}

}  // namespace

std::string FormatTable(const Score& score) {
  std::string out = "field           tp     fp     fn precision  recall      f1\n";
  for (const char* f : kScoredFields) out += Row(f, score.fields.at(f));
  out += Row("overall", score.overall);
  out += "facts: type accuracy " + Share(score.facts_type_right, score.facts_matched) +
         ", date accuracy " + Share(score.facts_date_right, score.facts_matched) + "\n";
  out += "documents: " + std::to_string(score.docs.size()) + " gold";
  long missing = 0;
  for (const auto& d : score.docs) missing += !d.has_record;
  if (missing) out += ", " + std::to_string(missing) + " without a record";
  if (!score.unmatched_records.empty())
    out += ", " + std::to_string(score.unmatched_records.size()) + " records without gold";
  out += "\n";
  return out;
}

std::string FormatPerDoc(const Score& score) {
  std::string out;
  for (const auto& d : score.docs) {
    bool clean = true;
    for (const auto& [f, c] : d.fields) clean = clean && c.fp == 0 && c.fn == 0;
    if (clean && d.fact_attribute_errors.empty()) continue;
    out += "== " + d.doc_id + (d.has_record ? "" : " (no record)") + "\n";
    for (const char* f : kScoredFields) {
      auto fp = d.false_positives.find(f);
      auto fn = d.misses.find(f);
      auto list = [](const std::vector<std::string>& items) {
        std::string s;
        for (const auto& i : items) s += (s.empty() ? "" : " | ") + i;
        return s;
      };
      if (fp != d.false_positives.end() && !fp->second.empty())
        out += "  " + std::string(f) + " FP: " + list(fp->second) + "\n";
      if (fn != d.misses.end() && !fn->second.empty())
        out += "  " + std::string(f) + " FN: " + list(fn->second) + "\n";
    }
    for (const auto& e : d.fact_attribute_errors) out += "  facts matched, wrong " + e + "\n";
  }
  return out;
}

nlohmann::ordered_json ScoreToJson(const Score& score, bool per_doc) {
  nlohmann::ordered_json j;
  for (const char* f : kScoredFields) j["fields"][f] = CountsJson(score.fields.at(f));
  j["overall"] = CountsJson(score.overall);
  j["facts_matched"] = score.facts_matched;
  j["facts_type_accuracy"] =
      score.facts_matched ? double(score.facts_type_right) / double(score.facts_matched) : 0.0;
  j["facts_date_accuracy"] =
      score.facts_matched ? double(score.facts_date_right) / double(score.facts_matched) : 0.0;
  if (per_doc) {
    for (const auto& d : score.docs) {
      nlohmann::ordered_json dj;
      dj["doc_id"] = d.doc_id;
      dj["has_record"] = d.has_record;
      for (const auto& [f, c] : d.fields) dj["fields"][f] = CountsJson(c);
      dj["false_positives"] = d.false_positives;
      dj["misses"] = d.misses;
      dj["fact_attribute_errors"] = d.fact_attribute_errors;
      j["docs"].push_back(std::move(dj));
    }
  }
  return j;
}

}  // namespace gigafact
