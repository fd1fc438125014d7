// InputReader: walks the command line's inputs (files, directories, JSONL
// batches, stdin) in a fixed order and yields one RawArticle at a time, so a
// batch of any size streams through in bounded memory (SPEC §1).
#ifndef GIGAFACT_INGEST_INPUT_READER_H_
#define GIGAFACT_INGEST_INPUT_READER_H_

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <memory>
#include <string>
#include <vector>

namespace gigafact {

enum class InputFormat { kAuto, kText, kJsonl };

// RawArticle: an article's bytes and metadata before decoding. When
// error_code is set the article could not be read; it still becomes a record.
struct RawArticle {
  std::string doc_id;
  std::string path;        // the file it came from ("-" for stdin)
  std::string bytes;       // the article text, in whatever charset it came
  std::string url, title, published;  // JSONL metadata, empty if absent
  std::string error_code, error_message;
};

class InputReader {
 public:
  // Each input is a file, a directory (walked recursively, sorted) or "-".
  InputReader(std::vector<std::string> inputs, InputFormat format);
  ~InputReader();

  // Next fills *article with the next article; false at the end.
  bool Next(RawArticle* article);

  // Diagnostics for inputs that held no article at all (missing paths).
  const std::vector<std::string>& problems() const { return problems_; }
  uint64_t bytes_read() const { return bytes_read_; }

 private:
  struct Source {
    std::string doc_path;   // path relative to its argument, for doc ids
    std::filesystem::path fs_path;
    bool is_stdin = false;
    bool jsonl = false;
  };
  void ExpandInput(const std::string& input);
  bool NextFromJsonl(RawArticle* article);
  void ReadTextFile(const Source& src, RawArticle* article);
  bool ParseJsonlLine(const std::string& line, RawArticle* article);

  InputFormat format_;
  std::vector<std::string> inputs_;
  size_t next_input_ = 0;
  std::vector<Source> pending_;   // sources of the current input, in order
  size_t next_source_ = 0;
  // The JSONL batch being read, line by line.
  std::unique_ptr<std::ifstream> jsonl_file_;
  std::istream* jsonl_ = nullptr;
  Source jsonl_source_;
  uint64_t jsonl_line_ = 0;
  std::vector<std::string> problems_;
  uint64_t bytes_read_ = 0;
};

// DocIdFromPath: a path relative to its argument, without its extension
// ("zh/zh_d05.txt" → "zh/zh_d05").
std::string DocIdFromPath(const std::string& relative_path);

}  // namespace gigafact

#endif  // GIGAFACT_INGEST_INPUT_READER_H_
