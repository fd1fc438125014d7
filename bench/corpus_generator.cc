#include "bench/corpus_generator.h"

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <memory>
#include <random>
#include <sstream>

namespace gigafact {

namespace {

namespace fs = std::filesystem;

// SplitParagraphs cuts text into paragraphs at blank lines; each keeps its
// newlines, so joining them gives the text back.
std::vector<std::string> SplitParagraphs(const std::string& text) {
  std::vector<std::string> paragraphs;
  std::string current;
  std::istringstream in(text);
  std::string line;
  while (std::getline(in, line)) {
    current += line;
    current += '\n';
    bool blank = line.find_first_not_of(" \t\r") == std::string::npos;
    if (blank) {
      paragraphs.push_back(std::move(current));
      current.clear();
    }
  }
  if (!current.empty()) paragraphs.push_back(std::move(current));
  return paragraphs;
}

bool LooksChinese(const std::string& text) {
  size_t high = 0;
  for (unsigned char c : text) high += c >= 0x80;
  return high * 10 > text.size() * 3;
}

// ArticleRng: one generator per article, seeded from (seed, n) with
// SplitMix64 so that article n is the same whatever was generated before it.
std::mt19937_64 ArticleRng(uint64_t seed, uint64_t n) {
  uint64_t z = seed * 0x9E3779B97F4A7C15ULL + n + 1;
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
  return std::mt19937_64(z ^ (z >> 31));
}

bool Chance(std::mt19937_64& rng, double p) {
  return std::uniform_real_distribution<double>(0, 1)(rng) < p;
}

size_t Pick(std::mt19937_64& rng, size_t n) { return static_cast<size_t>(rng() % n); }

// RewriteFigures gives about half the digit runs new digits of the same
// length, so figures, dates and ids vary while keeping their shape.
void RewriteFigures(std::mt19937_64& rng, std::string* text) {
  for (size_t i = 0; i < text->size();) {
    if (!isdigit(static_cast<unsigned char>((*text)[i]))) {
      ++i;
      continue;
    }
    size_t end = i;
    while (end < text->size() && isdigit(static_cast<unsigned char>((*text)[end]))) ++end;
    if (Chance(rng, 0.5)) {
      for (size_t k = i; k < end; ++k) {
        int lowest = (k == i && (*text)[k] != '0') ? 1 : 0;
        (*text)[k] = static_cast<char>('0' + lowest + Pick(rng, 10 - lowest));
      }
    }
    i = end;
  }
}

// MakeDigitsFullWidth writes every ASCII digit as its full-width form
// (U+FF10..U+FF19), as some Chinese sites do.
std::string MakeDigitsFullWidth(const std::string& text) {
  std::string out;
  out.reserve(text.size() + text.size() / 4);
  for (char c : text) {
    if (c >= '0' && c <= '9') {
      out += "\xEF\xBC";
      out += static_cast<char>(0x90 + (c - '0'));
    } else {
      out += c;
    }
  }
  return out;
}

}  // namespace

void AppendJsonString(const std::string& s, std::string* out) {
  static const char kHex[] = "0123456789abcdef";
  out->push_back('"');
  for (char ch : s) {
    unsigned char c = static_cast<unsigned char>(ch);
    switch (c) {
      case '"': *out += "\\\""; break;
      case '\\': *out += "\\\\"; break;
      case '\n': *out += "\\n"; break;
      case '\r': *out += "\\r"; break;
      case '\t': *out += "\\t"; break;
      default:
        if (c < 0x20) {
          *out += "\\u00";
          out->push_back(kHex[c >> 4]);
          out->push_back(kHex[c & 15]);
        } else {
          out->push_back(ch);
        }
    }
  }
  out->push_back('"');
}

bool CorpusGenerator::LoadArticles(const std::string& corpus_dir, std::string* err) {
  std::vector<fs::path> files;
  std::error_code ec;
  for (fs::recursive_directory_iterator it(corpus_dir, ec), end; it != end; it.increment(ec)) {
    if (ec) break;
    if (it->is_regular_file(ec) && it->path().extension() == ".txt") files.push_back(it->path());
  }
  std::sort(files.begin(), files.end());
  for (const fs::path& p : files) {
    std::ifstream in(p, std::ios::binary);
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (text.empty()) continue;
    Source src{SplitParagraphs(text), LooksChinese(text)};
    (src.chinese ? chinese_ : english_).push_back(sources_.size());
    sources_.push_back(std::move(src));
  }
  if (sources_.empty()) {
    *err = "no *.txt articles found below " + corpus_dir;
    return false;
  }
  return true;
}

std::string CorpusGenerator::Article(uint64_t n, uint64_t seed) const {
  std::mt19937_64 rng = ArticleRng(seed, n);
  const Source& src = sources_[Pick(rng, sources_.size())];
  std::vector<std::string> paragraphs = src.paragraphs;
  // The first and last paragraphs are usually the page's navigation and
  // footer: mutations work on the ones between.
  auto middle_size = [&] { return paragraphs.size() > 2 ? paragraphs.size() - 2 : 0; };
  if (middle_size() > 1 && Chance(rng, 0.3))
    std::shuffle(paragraphs.begin() + 1, paragraphs.end() - 1, rng);
  if (middle_size() > 2 && Chance(rng, 0.15))
    paragraphs.erase(paragraphs.begin() + 1 + Pick(rng, middle_size()));
  // A paragraph from an article in the other language: a bilingual page.
  const std::vector<size_t>& other = src.chinese ? english_ : chinese_;
  if (!other.empty() && Chance(rng, 0.25)) {
    const Source& donor = sources_[other[Pick(rng, other.size())]];
    const std::string& borrowed = donor.paragraphs[Pick(rng, donor.paragraphs.size())];
    paragraphs.insert(paragraphs.begin() + 1 + Pick(rng, middle_size() + 1), borrowed);
  }
  // A long page: the body repeated a few times.
  if (middle_size() > 0 && Chance(rng, 0.1)) {
    std::vector<std::string> body(paragraphs.begin() + 1, paragraphs.end() - 1);
    size_t repeats = 1 + Pick(rng, 4);
    for (size_t r = 0; r < repeats; ++r)
      paragraphs.insert(paragraphs.end() - 1, body.begin(), body.end());
  }
  std::string text;
  for (const std::string& p : paragraphs) text += p;
  RewriteFigures(rng, &text);
  if (Chance(rng, 0.05)) text = MakeDigitsFullWidth(text);
  return text;
}

bool CorpusGenerator::Write(const std::string& path, uint64_t target_bytes, uint64_t seed,
                            GeneratedCorpus* result, std::string* err) const {
  std::unique_ptr<FILE, int (*)(FILE*)> out(std::fopen(path.c_str(), "wb"), &std::fclose);
  if (!out) {
    *err = "cannot write " + path;
    return false;
  }
  *result = GeneratedCorpus();
  std::string buffer;
  char head[160];
  while (result->bytes < target_bytes) {
    uint64_t n = result->articles;
    std::string text = Article(n, seed);
    std::mt19937_64 meta = ArticleRng(seed ^ 0x5EED, n);
    size_t before = buffer.size();
    std::snprintf(head, sizeof head, "{\"id\":\"gen-%08llu\",\"url\":\"https://news.example/a/%llu\",",
                  static_cast<unsigned long long>(n), static_cast<unsigned long long>(n));
    buffer += head;
    if (Chance(meta, 0.3)) {
      std::snprintf(head, sizeof head, "\"published\":\"20%02d-%02d-%02d\",",
                    static_cast<int>(18 + Pick(meta, 8)), static_cast<int>(1 + Pick(meta, 12)),
                    static_cast<int>(1 + Pick(meta, 28)));
      buffer += head;
    }
    buffer += "\"text\":";
    AppendJsonString(text, &buffer);
    buffer += "}\n";
    result->bytes += buffer.size() - before;
    ++result->articles;
    if (buffer.size() >= (1u << 20)) {
      if (std::fwrite(buffer.data(), 1, buffer.size(), out.get()) != buffer.size()) {
        *err = "write error on " + path;
        return false;
      }
      buffer.clear();
    }
  }
  if (std::fwrite(buffer.data(), 1, buffer.size(), out.get()) != buffer.size() ||
      std::fflush(out.get()) != 0) {
    *err = "write error on " + path;
    return false;
  }
  return true;
}

}  // namespace gigafact
