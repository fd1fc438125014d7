// ReadTsv: reads a data table (UTF-8, tab-separated, '#' comment lines at the
// top, then a header line) into rows keyed by the header's column names.
#ifndef GIGAFACT_NORMALIZERS_TSV_H_
#define GIGAFACT_NORMALIZERS_TSV_H_

#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace gigafact {

using TsvRow = std::map<std::string, std::string, std::less<>>;

// ReadTsv returns false with *err set ("places.tsv:12: 7 fields, header has
// 8") when the file cannot be read or a row is malformed.
bool ReadTsv(const std::string& path, std::vector<TsvRow>* rows, std::string* err);

// SplitList splits a '|'-separated list, dropping empty items.
std::vector<std::string> SplitList(std::string_view list);

}  // namespace gigafact

#endif  // GIGAFACT_NORMALIZERS_TSV_H_
