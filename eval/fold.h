// FoldName: the name folding of SPEC §4, under which a predicted name equals
// a gold name: NFKC, lowercase, spaces and punctuation dropped, and one
// trailing generic word dropped (city, province, district, county,
// municipality, 市, 省, 区, 县).
#ifndef GIGAFACT_EVAL_FOLD_H_
#define GIGAFACT_EVAL_FOLD_H_

#include <string>
#include <string_view>

namespace gigafact {

std::string FoldName(std::string_view name);

}  // namespace gigafact

#endif  // GIGAFACT_EVAL_FOLD_H_
