// CorpusGenerator: turns the project's own annotated articles (corpus/) into a
// large JSONL batch for benchmarks — mixed English, Simplified and
// Traditional Chinese — by mutating them: paragraphs shuffled, dropped,
// repeated or borrowed from an article in the other language, figures
// rewritten, digits made full-width, boilerplate kept as the page had it.
// The same seed and size give the same bytes, and a smaller size gives a
// prefix of a larger one, so "peak RSS flat in corpus size" compares like
// with like.
#ifndef GIGAFACT_BENCH_CORPUS_GENERATOR_H_
#define GIGAFACT_BENCH_CORPUS_GENERATOR_H_

#include <cstdint>
#include <string>
#include <vector>

namespace gigafact {

struct GeneratedCorpus {
  uint64_t articles = 0;
  uint64_t bytes = 0;  // JSONL bytes written
};

class CorpusGenerator {
 public:
  // LoadArticles reads every *.txt below corpus_dir (sorted, so the result
  // does not depend on directory order); false with *err if there is none.
  bool LoadArticles(const std::string& corpus_dir, std::string* err);

  // Write writes JSONL lines ({"id","url","published"?,"text"}) to path
  // until at least target_bytes are written; false with *err on I/O failure.
  bool Write(const std::string& path, uint64_t target_bytes, uint64_t seed,
             GeneratedCorpus* result, std::string* err) const;

  // Article returns the text of generated article number n (0-based) for
  // seed: the same n and seed always give the same text.
  std::string Article(uint64_t n, uint64_t seed) const;

  size_t source_count() const { return sources_.size(); }

 private:
  // A source article split into paragraphs (runs of lines between blank
  // lines), each kept with its trailing newline.
  struct Source {
    std::vector<std::string> paragraphs;
    bool chinese = false;
  };
  std::vector<Source> sources_;
  std::vector<size_t> english_, chinese_;  // indexes into sources_
};

// AppendJsonString appends s as a JSON string literal (quotes included) to
// *out; s must be valid UTF-8.
void AppendJsonString(const std::string& s, std::string* out);

}  // namespace gigafact

#endif  // GIGAFACT_BENCH_CORPUS_GENERATOR_H_
