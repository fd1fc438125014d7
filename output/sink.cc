#include "output/sink.h"

#include <algorithm>
#include <cctype>

#include "normalizers/gazetteer.h"
#include "output/postgres_sink.h"
#include "output/sqlite_sink.h"

namespace gigafact {

namespace {

constexpr std::string_view kSqlitePrefix = "sqlite:";

bool StartsWith(std::string_view s, std::string_view prefix) {
  return s.substr(0, prefix.size()) == prefix;
}

bool IsPostgresUrl(std::string_view url) {
  return StartsWith(url, "postgresql://") || StartsWith(url, "postgres://");
}

// SecretRange: a [begin, end) byte range of a URL holding a password.
struct SecretRange {
  size_t begin, end;
};

// PasswordRanges finds the password in the user-info part
// ("scheme://user:PASSWORD@host") and in password= query parameters.
// The user-info ends at the last '@' before the query, so a password with a
// raw '@' or '/' is still masked whole.
std::vector<SecretRange> PasswordRanges(std::string_view url) {
  std::vector<SecretRange> out;
  size_t scheme_end = url.find("://");
  size_t query = url.find('?');
  if (scheme_end != std::string_view::npos && (query == std::string_view::npos || scheme_end < query)) {
    size_t start = scheme_end + 3;
    size_t limit = query == std::string_view::npos ? url.size() : query;
    size_t at = url.substr(0, limit).rfind('@');
    if (at != std::string_view::npos && at > start) {
      size_t colon = url.substr(0, at).find(':', start);
      if (colon != std::string_view::npos) out.push_back({colon + 1, at});
    }
  }
  // password=… as a query parameter or a key=value pair.
  for (size_t pos = 0; (pos = url.find("password", pos)) != std::string_view::npos; pos += 8) {
    bool key_start = pos == 0 || url[pos - 1] == '?' || url[pos - 1] == '&' ||
                     std::isspace(static_cast<unsigned char>(url[pos - 1]));
    size_t eq = pos + 8;
    while (eq < url.size() && url[eq] == ' ') ++eq;
    if (!key_start || eq >= url.size() || url[eq] != '=') continue;
    size_t begin = eq + 1;
    while (begin < url.size() && url[begin] == ' ') ++begin;
    size_t end = url.find_first_of("& ", begin);
    if (end == std::string_view::npos) end = url.size();
    out.push_back({begin, end});
  }
  return out;
}

int HexDigit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

std::string PercentDecode(std::string_view s) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    int hi = -1, lo = -1;
    if (s[i] == '%' && i + 2 < s.size()) {
      hi = HexDigit(s[i + 1]);
      lo = HexDigit(s[i + 2]);
    }
    if (hi >= 0 && lo >= 0) {
      out += static_cast<char>(hi * 16 + lo);
      i += 2;
    } else {
      out += s[i];
    }
  }
  return out;
}

}  // namespace

std::string RedactUrl(const std::string& url) {
  std::vector<SecretRange> ranges = PasswordRanges(url);
  std::sort(ranges.begin(), ranges.end(),
            [](const SecretRange& a, const SecretRange& b) { return a.begin > b.begin; });
  std::string out = url;
  for (const SecretRange& r : ranges) out.replace(r.begin, r.end - r.begin, "***");
  return out;
}

std::vector<std::string> UrlSecrets(const std::string& url) {
  std::vector<std::string> out;
  for (const SecretRange& r : PasswordRanges(url)) {
    std::string raw = url.substr(r.begin, r.end - r.begin);
    for (std::string s : {raw, PercentDecode(raw)})
      if (!s.empty() && std::find(out.begin(), out.end(), s) == out.end()) out.push_back(s);
  }
  return out;
}

std::string ScrubSecrets(std::string message, const std::string& url) {
  if (!url.empty()) {
    std::string redacted = RedactUrl(url);
    for (size_t pos = 0; (pos = message.find(url, pos)) != std::string::npos;
         pos += redacted.size())
      message.replace(pos, url.size(), redacted);
  }
  std::vector<std::string> secrets = UrlSecrets(url);
  // Longest first, so a secret containing another is masked whole.
  std::sort(secrets.begin(), secrets.end(),
            [](const std::string& a, const std::string& b) { return a.size() > b.size(); });
  for (const std::string& s : secrets)
    for (size_t pos = 0; (pos = message.find(s, pos)) != std::string::npos; pos += 3)
      message.replace(pos, s.size(), "***");
  return message;
}

db::PlaceLookup PlaceLookupOf(const Gazetteer& gazetteer) {
  return [&gazetteer](const std::string& id) -> const Entity* {
    int i = gazetteer.IndexOf(id);
    return i < 0 ? nullptr : &gazetteer.place(i).entity;
  };
}

std::unique_ptr<DatabaseSink> OpenDatabaseSink(const std::string& url, const SinkOptions& options,
                                               std::string* err) {
  if (StartsWith(url, kSqlitePrefix)) {
    std::string path = url.substr(kSqlitePrefix.size());
    if (path.empty()) {
      *err = "--db sqlite: needs a file name (sqlite:FILE)";
      return nullptr;
    }
    return SqliteSink::Open(path, options, err);
  }
  if (IsPostgresUrl(url)) return PostgresSink::Open(url, options, err);
  *err = "--db takes sqlite:FILE or a postgresql:// URI, not '" + RedactUrl(url) + "'";
  return nullptr;
}

}  // namespace gigafact
