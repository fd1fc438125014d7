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
// An article is moved, never copied, from the reader to the record: a 100 MB
// page is held once.
struct RawArticle {
  std::string doc_id;
  std::string path;        // the file it came from ("-" for stdin)
  std::string bytes;       // the article text, in whatever charset it came
  std::string url, title, published;  // JSONL metadata, empty if absent
  std::string error_code, error_message;
  // What reading had to repair (a JSONL line decoded before parsing); the
  // record's warnings start with these.
  std::vector<std::string> warnings;
  // Set by InputReader::NextUnparsed: bytes still hold line jsonl_line of a
  // JSONL batch, for ParseJsonlArticle to turn into the fields above.
  bool jsonl_pending = false;
  uint64_t jsonl_line = 0;
};

// ParseJsonlArticle completes an article that NextUnparsed left as a JSONL
// line: parses the line (decoding it first if it is not UTF-8) and fills
// text, id, url, title and published, or error_code "malformed_jsonl" /
// "missing_text". Does nothing to other articles. Thread-safe, so a batch
// run parses lines on its worker threads rather than on its one reader.
void ParseJsonlArticle(RawArticle* article);

class InputReader {
 public:
  // Each input is a file, a directory (walked recursively, sorted) or "-".
  InputReader(std::vector<std::string> inputs, InputFormat format);
  // A JSONL batch read from *stream (not owned, must outlive the reader);
  // name stands for the file in doc ids ("name:LINE") and source paths.
  InputReader(std::istream* stream, std::string name);
  ~InputReader();

  // Next fills *article with the next article; false at the end.
  bool Next(RawArticle* article);
  // NextUnparsed is Next without parsing JSONL lines: a line comes back in
  // article->bytes with jsonl_pending set; ParseJsonlArticle completes it.
  // Reading stays a cheap split into lines, whatever the line's size.
  bool NextUnparsed(RawArticle* article);

  // Diagnostics for inputs that held no article at all (missing paths).
  const std::vector<std::string>& problems() const { return problems_; }
  uint64_t bytes_read() const { return bytes_read_; }

 private:
  struct Source {
    std::string doc_path;   // path relative to its argument, for doc ids
    std::filesystem::path fs_path;
    std::string source_path;         // what records give as source.path
    std::istream* stream = nullptr;  // stdin or a caller's stream, else null
    bool jsonl = false;
  };
  void ExpandInput(const std::string& input);
  bool NextFromJsonl(RawArticle* article);
  void ReadTextFile(const Source& src, RawArticle* article);

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
