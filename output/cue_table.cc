#include "output/cue_table.h"

#include <algorithm>
#include <utility>
#include <vector>

#include "normalizers/tsv.h"

namespace gigafact {

namespace {

struct NamedClass {
  const char* name;
  CueClass cls;
};
constexpr NamedClass kClassNames[] = {
    {"plan", CueClass::kPlan},
    {"agreement", CueClass::kAgreement},
    {"construction", CueClass::kConstruction},
    {"operation", CueClass::kOperation},
    {"capacity", CueClass::kCapacity},
    {"other", CueClass::kOther},
    {"future", CueClass::kFuture},
    {"done", CueClass::kDone},
    {"weak", CueClass::kWeak},
    {"same_day", CueClass::kSameDay},
    {"as_of", CueClass::kAsOf},
    {"deadline", CueClass::kDeadline},
    {"announce", CueClass::kAnnounce},
    {"facility_ref", CueClass::kFacilityRef},
    {"company_ref", CueClass::kCompanyRef},
    {"it_ref", CueClass::kItRef},
    {"event_ref", CueClass::kEventRef},
    {"country_ref", CueClass::kCountryRef},
    {"province_ref", CueClass::kProvinceRef},
    {"city_ref", CueClass::kCityRef},
    {"source", CueClass::kSource},
    {"domicile", CueClass::kDomicile},
    {"scope", CueClass::kScope},
    {"product", CueClass::kProduct},
    {"locative", CueClass::kLocative},
    {"respectively", CueClass::kRespectively},
};

int LangIndex(Lang lang) { return lang == Lang::kZh ? 1 : 0; }

bool IsAsciiAlnum(unsigned char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
char Lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

// WordKey: the hash of an ASCII word, lower-cased (FNV-1a).
uint64_t WordKey(std::string_view word) {
  uint64_t h = 1469598103934665603ull;
  for (char c : word) h = (h ^ static_cast<unsigned char>(Lower(c))) * 1099511628211ull;
  return h;
}

// FirstWord: the leading run of ASCII letters and digits.
std::string_view FirstWord(std::string_view text) {
  size_t n = 0;
  while (n < text.size() && IsAsciiAlnum(static_cast<unsigned char>(text[n]))) ++n;
  return text.substr(0, n);
}

// CharLength: the byte length of the UTF-8 character a lead byte opens.
size_t CharLength(unsigned char lead) {
  if (lead < 0x80) return 1;
  if (lead >= 0xF0) return 4;
  if (lead >= 0xE0) return 3;
  return lead >= 0xC0 ? 2 : 1;
}

// CharKey: the bytes of the first character of text, as a number.
uint64_t CharKey(std::string_view text) {
  size_t n = std::min(CharLength(static_cast<unsigned char>(text[0])), text.size());
  uint64_t key = 0;
  for (size_t i = 0; i < n; ++i) key = (key << 8) | static_cast<unsigned char>(text[i]);
  return key;
}

}  // namespace

CueTable::CueTable() = default;
CueTable::~CueTable() = default;

bool CueTable::ParseClass(std::string_view name, CueClass* out) {
  for (const NamedClass& n : kClassNames) {
    if (name == n.name) {
      *out = n.cls;
      return true;
    }
  }
  return false;
}

void CueTable::Add(Lang lang, CueClass cls, std::string_view word) {
  if (word.empty()) return;
  int li = LangIndex(lang);
  std::string key(word);
  if (li == 0)
    for (char& c : key) c = Lower(c);
  words_[li][key] |= Bit(cls);
}

bool CueTable::Compile(std::string* err) {
  (void)err;
  for (int li = 0; li < 2; ++li) {
    phrases_[li].clear();
    by_first_[li].clear();
    std::vector<std::pair<std::string, ClassSet>> sorted(words_[li].begin(), words_[li].end());
    std::sort(sorted.begin(), sorted.end());  // the same index, whatever the hash order
    for (const auto& [word, classes] : sorted) {
      // An English word must begin with a letter or digit to be found at a
      // word start; a Chinese one is found at any character.
      if (li == 0 && FirstWord(word).empty()) continue;
      uint64_t key = li == 0 ? WordKey(FirstWord(word)) : CharKey(word);
      by_first_[li][key].push_back(static_cast<uint32_t>(phrases_[li].size()));
      phrases_[li].push_back({word, classes});
    }
    for (auto& [key, list] : by_first_[li])
      std::stable_sort(list.begin(), list.end(), [&](uint32_t a, uint32_t b) {
        return phrases_[li][a].text.size() > phrases_[li][b].text.size();
      });
  }
  compiled_ = true;
  return true;
}

bool CueTable::LoadFile(const std::string& path, std::string* err) {
  std::vector<TsvRow> rows;
  if (!ReadTsv(path, &rows, err)) return false;
  size_t row_number = 0;
  for (const TsvRow& row : rows) {
    ++row_number;
    auto lang = row.find("lang"), cls = row.find("class"), words = row.find("words");
    if (lang == row.end() || cls == row.end() || words == row.end()) {
      *err = path + ": the header must name the columns lang, class and words";
      return false;
    }
    std::string where = path + ": row " + std::to_string(row_number) + ": ";
    CueClass c;
    if (!ParseClass(cls->second, &c)) {
      *err = where + "unknown class '" + cls->second + "'";
      return false;
    }
    if (lang->second != "en" && lang->second != "zh") {
      *err = where + "lang must be en or zh, not '" + lang->second + "'";
      return false;
    }
    Lang l = lang->second == "zh" ? Lang::kZh : Lang::kEn;
    for (const std::string& w : SplitList(words->second)) Add(l, c, w);
  }
  return Compile(err);
}

void CueTable::Find(std::string_view text, Lang lang,
                    const std::function<void(size_t, size_t, ClassSet)>& hit) const {
  if (!compiled_) return;
  if (lang == Lang::kEn) FindEnglish(text, hit);
  if (lang == Lang::kZh) FindChinese(text, hit);
}

void CueTable::FindEnglish(std::string_view text,
                           const std::function<void(size_t, size_t, ClassSet)>& hit) const {
  const auto& index = by_first_[0];
  size_t i = 0;
  while (i < text.size()) {
    if (!IsAsciiAlnum(static_cast<unsigned char>(text[i]))) {
      ++i;
      continue;
    }
    std::string_view word = FirstWord(text.substr(i));
    size_t next = i + word.size();
    auto it = index.find(WordKey(word));
    if (it != index.end()) {
      for (uint32_t p : it->second) {  // longest first
        const Phrase& phrase = phrases_[0][p];
        size_t n = phrase.text.size();
        if (i + n > text.size()) continue;
        bool same = true;
        for (size_t k = 0; k < n && same; ++k) same = Lower(text[i + k]) == phrase.text[k];
        // Whole words only: "signed" not in "signedness".
        if (!same || (i + n < text.size() && IsAsciiAlnum(static_cast<unsigned char>(text[i + n]))))
          continue;
        hit(i, i + n, phrase.classes);
        next = i + n;
        break;
      }
    }
    // The next word start.
    i = next;
    while (i < text.size() && IsAsciiAlnum(static_cast<unsigned char>(text[i]))) ++i;
  }
}

void CueTable::FindChinese(std::string_view text,
                           const std::function<void(size_t, size_t, ClassSet)>& hit) const {
  const auto& index = by_first_[1];
  size_t i = 0;
  while (i < text.size()) {
    unsigned char lead = static_cast<unsigned char>(text[i]);
    size_t len = CharLength(lead);
    if (lead < 0x80) {
      ++i;
      continue;
    }
    size_t next = i + len;
    auto it = index.find(CharKey(text.substr(i)));
    if (it != index.end()) {
      for (uint32_t p : it->second) {  // longest first
        const std::string& word = phrases_[1][p].text;
        if (text.compare(i, word.size(), word) != 0) continue;
        hit(i, i + word.size(), phrases_[1][p].classes);
        next = i + word.size();
        break;
      }
    }
    i = next;
  }
}

}  // namespace gigafact
