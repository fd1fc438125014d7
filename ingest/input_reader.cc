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

}  // namespace

std::string DocIdFromPath(const std::string& relative_path) {
  fs::path p(relative_path);
  return (p.parent_path() / p.stem()).generic_string();
}

InputReader::InputReader(std::vector<std::string> inputs, InputFormat format)
    : format_(format), inputs_(std::move(inputs)) {}

InputReader::~InputReader() = default;

void InputReader::ExpandInput(const std::string& input) {
  pending_.clear();
  next_source_ = 0;
  if (input == "-") {
    pending_.push_back({"stdin", {}, true, format_ != InputFormat::kText});
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
      pending_.push_back({rel, p, false, jsonl});
    }
    return;
  }
  if (!fs::exists(root, ec)) {
    problems_.push_back("no such file or directory: " + input);
    return;
  }
  bool jsonl = format_ == InputFormat::kJsonl || (format_ == InputFormat::kAuto && IsBatchFile(root));
  pending_.push_back({root.filename().string(), root, false, jsonl});
}

void InputReader::ReadTextFile(const Source& src, RawArticle* article) {
  article->doc_id = DocIdFromPath(src.doc_path);
  article->path = src.is_stdin ? "-" : src.fs_path.generic_string();
  if (src.is_stdin) {
    article->bytes.assign(std::istreambuf_iterator<char>(std::cin), {});
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

bool InputReader::ParseJsonlLine(const std::string& raw_line, RawArticle* article) {
  std::string decoded;
  const std::string* line = &raw_line;
  if (!IsValidUtf8(raw_line)) {
    // A batch written in a legacy charset: decode the line before parsing.
    DecodeResult d = DecodeToUtf8(raw_line);
    if (d.ok) {
      decoded = std::move(d.utf8);
      line = &decoded;
    }
  }
  nlohmann::json obj = nlohmann::json::parse(*line, nullptr, /*allow_exceptions=*/false);
  if (obj.is_discarded() || !obj.is_object()) {
    article->error_code = "malformed_jsonl";
    article->error_message = "line " + std::to_string(jsonl_line_) + " is not a JSON object";
    return false;
  }
  std::string id = JsonString(obj, "id");
  if (!id.empty()) article->doc_id = id;
  article->url = JsonString(obj, "url");
  article->title = JsonString(obj, "title");
  article->published = JsonString(obj, "published");
  auto text = obj.find("text");
  if (text == obj.end() || !text->is_string()) {
    article->error_code = "missing_text";
    article->error_message = "line " + std::to_string(jsonl_line_) + " has no string \"text\" field";
    return false;
  }
  article->bytes = text->get<std::string>();
  return true;
}

bool InputReader::NextFromJsonl(RawArticle* article) {
  std::string line;
  while (std::getline(*jsonl_, line)) {
    ++jsonl_line_;
    bytes_read_ += line.size() + 1;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    bool blank = std::all_of(line.begin(), line.end(),
                             [](char c) { return c == ' ' || c == '\t'; });
    if (blank) continue;
    *article = RawArticle();
    article->path = jsonl_source_.is_stdin ? "-" : jsonl_source_.fs_path.generic_string();
    article->doc_id = jsonl_source_.doc_path + ":" + std::to_string(jsonl_line_);
    ParseJsonlLine(line, article);
    return true;
  }
  jsonl_file_.reset();
  jsonl_ = nullptr;
  return false;
}

bool InputReader::Next(RawArticle* article) {
  for (;;) {
    if (jsonl_ != nullptr && NextFromJsonl(article)) return true;
    if (next_source_ < pending_.size()) {
      const Source& src = pending_[next_source_++];
      if (src.jsonl) {
        jsonl_source_ = src;
        jsonl_line_ = 0;
        if (src.is_stdin) {
          jsonl_ = &std::cin;
        } else {
          jsonl_file_ = std::make_unique<std::ifstream>(src.fs_path, std::ios::binary);
          if (!*jsonl_file_) {
            *article = RawArticle();
            article->doc_id = src.doc_path;
            article->path = src.fs_path.generic_string();
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
