// Lang: the language tag of a sentence or mention. Only the two languages the
// pipeline reads are told apart; Traditional and Simplified Chinese are both kZh.
#ifndef GIGAFACT_CORE_LANG_H_
#define GIGAFACT_CORE_LANG_H_

#include <string_view>

namespace gigafact {

enum class Lang { kEn, kZh, kOther };

// LangCode returns the tag written to records: "en", "zh" or "und".
inline std::string_view LangCode(Lang lang) {
  switch (lang) {
    case Lang::kEn: return "en";
    case Lang::kZh: return "zh";
    default: return "und";
  }
}

}  // namespace gigafact

#endif  // GIGAFACT_CORE_LANG_H_
