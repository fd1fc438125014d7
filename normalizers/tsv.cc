#include "normalizers/tsv.h"

#include <fstream>

namespace gigafact {

namespace {
std::vector<std::string> SplitTabs(const std::string& line) {
  std::vector<std::string> fields;
  size_t start = 0;
  for (;;) {
    size_t tab = line.find('\t', start);
    fields.push_back(line.substr(start, tab == std::string::npos ? std::string::npos : tab - start));
    if (tab == std::string::npos) break;
    start = tab + 1;
  }
  return fields;
}
}  // namespace

bool ReadTsv(const std::string& path, std::vector<TsvRow>* rows, std::string* err) {
  std::ifstream in(path);
  if (!in) {
    *err = "cannot open data file " + path;
    return false;
  }
  std::vector<std::string> header;
  std::string line;
  size_t line_no = 0;
  while (std::getline(in, line)) {
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty() || line[0] == '#') continue;
    std::vector<std::string> fields = SplitTabs(line);
    if (header.empty()) {
      header = std::move(fields);
      continue;
    }
    if (fields.size() != header.size()) {
      *err = path + ":" + std::to_string(line_no) + ": " + std::to_string(fields.size()) +
             " fields, header has " + std::to_string(header.size());
      return false;
    }
    TsvRow row;
    for (size_t i = 0; i < header.size(); ++i) row[header[i]] = std::move(fields[i]);
    rows->push_back(std::move(row));
  }
  return true;
}

std::vector<std::string> SplitList(std::string_view list) {
  std::vector<std::string> items;
  size_t start = 0;
  while (start <= list.size()) {
    size_t bar = list.find('|', start);
    std::string_view item = list.substr(start, bar == std::string_view::npos ? std::string_view::npos : bar - start);
    while (!item.empty() && item.front() == ' ') item.remove_prefix(1);
    while (!item.empty() && item.back() == ' ') item.remove_suffix(1);
    if (!item.empty()) items.emplace_back(item);
    if (bar == std::string_view::npos) break;
    start = bar + 1;
  }
  return items;
}

}  // namespace gigafact
