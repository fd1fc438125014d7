#include "ingest/input_reader.h"

#include <algorithm>
#include <iostream>
#include <iterator>
#include <nlohmann/json.hpp>

#include "ingest/charset.h"

namespace gigafact {

namespace fs = std::filesystem;

namespace {

bool HasExtension(const fs::path& p, std::initializer_list<const char*> exts) {
  std::string e = p.extension().string();
  std::transform(e.begin(), e.end(), e.begin(), ::tolower);
  for (const char* x : exts)
    if (e == x) return true;
  return false;
}

bool IsArticleFile(const fs::path& p) { return HasExtension(p, {".txt", ".text", ".md"}); }
bool IsBatchFile(const fs::path& p) { return HasExtension(p, {".jsonl"}); }

// JsonString reads an optional string member; other JSON types are rendered
// as JSON text so that nothing is silently dropped.
std::string JsonString(const nlohmann::json& obj, const char* key) {
  auto it = obj.find(key);
  if (it == obj.end() || it->is_null()) return "";
  if (it->is_string()) return it->get<std::string>();
  return it->dump();
}

// UntieFromOutput stops a stream from flushing its tied output stream (cin
// flushes cout) before each read: in a batch run the reader and the writer
// are different threads, and that flush would race with the writer's output.
std::istream* UntieFromOutput(std::istream* in) {
  in->tie(nullptr);
  return in;
}

}  // namespace

std::string DocIdFromPath(const std::string& relative_path) {
  fs::path p(relative_path);
  return (p.parent_path() / p.stem()).generic_string();
}

InputReader::InputReader(std::vector<std::string> inputs, InputFormat format)
    : format_(format), inputs_(std::move(inputs)) {}

InputReader::InputReader(std::istream* stream, std::string name) : format_(InputFormat::kJsonl) {
  Source src;
  src.doc_path = name;
  src.source_path = std::move(name);
  src.stream = UntieFromOutput(stream);
  src.jsonl = true;
  pending_.push_back(std::move(src));
}

InputReader::~InputReader() = default;

void InputReader::ExpandInput(const std::string& input) {
  pending_.clear();
  next_source_ = 0;
  if (input == "-") {
    UntieFromOutput(&std::cin);
    pending_.push_back({"stdin", {}, "-", &std::cin, format_ != InputFormat::kText});
    return;
  }
  fs::path root(input);
  std::error_code ec;
  if (fs::is_directory(root, ec)) {
    std::vector<fs::path> files;
    for (fs::recursive_directory_iterator it(root, fs::directory_options::skip_permission_denied, ec),
         end;
         it != end; it.increment(ec)) {
      if (ec) break;
      if (!it->is_regular_file(ec)) continue;
      const fs::path& p = it->path();
      if (IsArticleFile(p) || IsBatchFile(p)) files.push_back(p);
    }
    std::sort(files.begin(), files.end());
    for (const fs::path& p : files) {
      std::string rel = fs::relative(p, root, ec).generic_string();
      bool jsonl = format_ == InputFormat::kJsonl ||
                   (format_ == InputFormat::kAuto && IsBatchFile(p));
      pending_.push_back({rel, p, p.generic_string(), nullptr, jsonl});
    }
    return;
  }
  if (!fs::exists(root, ec)) {
    problems_.push_back("no such file or directory: " + input);
    return;
  }
  bool jsonl = format_ == InputFormat::kJsonl || (format_ == InputFormat::kAuto && IsBatchFile(root));
  pending_.push_back({root.filename().string(), root, root.generic_string(), nullptr, jsonl});
}

void InputReader::ReadTextFile(const Source& src, RawArticle* article) {
  article->doc_id = DocIdFromPath(src.doc_path);
  article->path = src.source_path;
  if (src.stream != nullptr) {
    article->bytes.assign(std::istreambuf_iterator<char>(*src.stream), {});
  } else {
    std::ifstream in(src.fs_path, std::ios::binary);
    if (!in) {
      article->error_code = "unreadable";
      article->error_message = "cannot open " + article->path;
      return;
    }
    in.seekg(0, std::ios::end);
    std::streamoff size = in.tellg();
    in.seekg(0, std::ios::beg);
    if (size > 0) {
      article->bytes.resize(static_cast<size_t>(size));
      in.read(article->bytes.data(), size);
      article->bytes.resize(static_cast<size_t>(in.gcount()));
    }
    if (in.bad()) {
      article->error_code = "unreadable";
      article->error_message = "read error on " + article->path;
    }
  }
  bytes_read_ += article->bytes.size();
}

void ParseJsonlArticle(RawArticle* article) {
  if (!article->jsonl_pending) return;
  article->jsonl_pending = false;
  std::string line = std::move(article->bytes);
  article->bytes = std::string();
  if (!IsValidUtf8(line)) {
    // A batch written in a legacy charset: decode the line before parsing.
    DecodeResult d = DecodeToUtf8(line);
    if (d.ok) {
      line = std::move(d.utf8);
      for (std::string& w : d.warnings) article->warnings.push_back("jsonl line: " + std::move(w));
    }
  }
  nlohmann::json obj = nlohmann::json::parse(line, nullptr, /*allow_exceptions=*/false);
  line = std::string();  // the line is in obj now: hold the text once
  // Messages name no line number: a record depends on its line alone, so a
  // batch cut into shards gives the same records (a line without an id still
  // gets "<file>:<line>" as its doc_id, SPEC §1).
  if (obj.is_discarded() || !obj.is_object()) {
    article->error_code = "malformed_jsonl";
    article->error_message = "the line is not a JSON object";
    return;
  }
  std::string id = JsonString(obj, "id");
  if (!id.empty()) article->doc_id = std::move(id);
  article->url = JsonString(obj, "url");
  article->title = JsonString(obj, "title");
  article->published = JsonString(obj, "published");
  auto text = obj.find("text");
  if (text == obj.end() || !text->is_string()) {
    article->error_code = "missing_text";
    article->error_message = "the line has no string \"text\" field";
    return;
  }
  article->bytes = std::move(text->get_ref<std::string&>());
}

bool InputReader::NextFromJsonl(RawArticle* article) {
  *article = RawArticle();
  std::string& line = article->bytes;
  while (std::getline(*jsonl_, line)) {
    ++jsonl_line_;
    bytes_read_ += line.size() + 1;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    bool blank = std::all_of(line.begin(), line.end(),
                             [](char c) { return c == ' ' || c == '\t'; });
    if (blank) continue;
    article->path = jsonl_source_.source_path;
    article->doc_id = jsonl_source_.doc_path + ":" + std::to_string(jsonl_line_);
    article->jsonl_pending = true;
    article->jsonl_line = jsonl_line_;
    return true;
  }
  line = std::string();
  jsonl_file_.reset();
  jsonl_ = nullptr;
  return false;
}

bool InputReader::Next(RawArticle* article) {
  if (!NextUnparsed(article)) return false;
  ParseJsonlArticle(article);
  return true;
}

bool InputReader::NextUnparsed(RawArticle* article) {
  for (;;) {
    if (jsonl_ != nullptr && NextFromJsonl(article)) return true;
    if (next_source_ < pending_.size()) {
      const Source& src = pending_[next_source_++];
      if (src.jsonl) {
        jsonl_source_ = src;
        jsonl_line_ = 0;
        if (src.stream != nullptr) {
          jsonl_ = src.stream;
        } else {
          jsonl_file_ = std::make_unique<std::ifstream>(src.fs_path, std::ios::binary);
          if (!*jsonl_file_) {
            *article = RawArticle();
            article->doc_id = src.doc_path;
            article->path = src.source_path;
            article->error_code = "unreadable";
            article->error_message = "cannot open " + article->path;
            jsonl_file_.reset();
            return true;
          }
          jsonl_ = jsonl_file_.get();
        }
        continue;
      }
      *article = RawArticle();
      ReadTextFile(src, article);
      return true;
    }
    if (next_input_ >= inputs_.size()) return false;
    ExpandInput(inputs_[next_input_++]);
  }
}

}  // namespace gigafact
