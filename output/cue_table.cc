#include "output/cue_table.h"

#include <algorithm>
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

// Fold lower-cases ASCII letters of English words, so they match in any case.
std::string Fold(std::string_view s, int lang_index) {
  std::string out(s);
  if (lang_index == 0)
    for (char& c : out)
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
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
  int li = LangIndex(lang);
  std::string key = Fold(word, li);
  if (!key.empty()) words_[li][key] |= Bit(cls);
}

bool CueTable::Compile(std::string* err) {
  for (int li = 0; li < 2; ++li) {
    matcher_[li].reset();
    if (words_[li].empty()) continue;
    std::vector<std::string> words;
    for (const auto& entry : words_[li]) words.push_back(entry.first);
    std::sort(words.begin(), words.end());  // a stable pattern, whatever the hash order
    std::string pattern = li == 0 ? "(?i)\\b(?:" : "(?:";
    for (size_t i = 0; i < words.size(); ++i) {
      if (i) pattern += '|';
      pattern += RE2::QuoteMeta(words[i]);
    }
    pattern += li == 0 ? ")\\b" : ")";
    RE2::Options opt;
    opt.set_longest_match(true);  // "broke ground" over "broke", 建成投产 over 建成
    opt.set_log_errors(false);
    opt.set_max_mem(64 << 20);
    auto re = std::make_unique<RE2>(pattern, opt);
    if (!re->ok()) {
      *err = "cue words do not compile: " + re->error();
      return false;
    }
    matcher_[li] = std::move(re);
  }
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
  if (lang != Lang::kEn && lang != Lang::kZh) return;
  int li = LangIndex(lang);
  const RE2* re = matcher_[li].get();
  if (!re) return;
  re2::StringPiece input(text.data(), text.size());
  re2::StringPiece match;
  size_t pos = 0;
  while (pos < text.size() && re->Match(input, pos, text.size(), RE2::UNANCHORED, &match, 1)) {
    size_t b = static_cast<size_t>(match.data() - text.data());
    size_t e = b + match.size();
    if (e == b) {
      pos = b + 1;
      continue;
    }
    auto it = words_[li].find(Fold(match, li));
    if (it != words_[li].end()) hit(b, e, it->second);
    pos = e;
  }
}

}  // namespace gigafact
