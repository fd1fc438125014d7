#include "extractors/org_forms.h"

#include <re2/re2.h>
#include <unicode/translit.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <cctype>
#include <set>
#include <unordered_map>

namespace gigafact {

namespace {

// English legal and institution suffixes; the name words before them are
// capitalised ("Wenzhou Vigor Automobile Parts Co., Ltd").
constexpr const char* kEnglishPattern =
    R"re(((?:[A-Z][A-Za-z0-9&'’.\-]*\s+)(?:(?:[A-Z][A-Za-z0-9&'’.\-]*|of|and|&|for|de)\s+){0,6}?))re"
    R"re((Co\.?,?\s*Ltd\.?|Co\.,?\s*Limited|Company\s+Limited|Corporation|Corp\.|Inc\.|)re"
    R"re(Incorporated|GmbH|AG|SE|S\.A\.|N\.V\.|B\.V\.|LLC|Ltd\.?|Limited|plc|PLC|Group|)re"
    R"re(Holdings?|University|Institute|Academy|Association|Alliance|Federation|Council|)re"
    R"re(Commission|Agency|Authority)(?:[^A-Za-z0-9]|$))re";

constexpr const char* kInstitutionWords[] = {"University", "Institute", "Academy", "Association",
                                             "Alliance",   "Federation", "Council", "Commission",
                                             "Agency",     "Authority"};

// Capitalised words that start sentences rather than names.
const std::set<std::string>& LeadingStopWords() {
  static const std::set<std::string> words = {
      "The", "A", "An", "In", "On", "At", "By", "For", "From", "With", "This", "That", "These",
      "Its", "Their", "Our", "His", "Her", "And", "But", "As", "Of", "To", "After", "Before",
      "Under", "Chinese", "Korean", "Japanese", "German", "European", "American", "Both",
      "Meanwhile", "According", "Last", "Next", "Each", "Some", "All", "Such", "Other",
      // Titles: "Chairman of Envision Group" names a person's post.
      "Chairman", "Chairwoman", "CEO", "President", "Director", "Minister", "Secretary",
      "Mayor", "Governor", "Head", "Founder", "Vice", "General", "Manager", "Executive"};
  return words;
}

// IsConnector: a word that joins name words but cannot start a name.
bool IsConnector(std::string_view w) {
  return w == "of" || w == "and" || w == "&" || w == "for" || w == "de";
}

// Generic words that alone do not make a name ("the Group", "Energy Co.").
const std::set<std::string>& GenericWords() {
  static const std::set<std::string> words = {
      "Company", "Group", "Energy", "New", "Power", "Battery", "Batteries", "Technology",
      "Technologies", "Holding", "Holdings", "Industry", "Industrial", "International",
      "Development", "Investment", "Co", "Co.", "National", "State", "of", "and", "&", "for",
      "de", "Municipal", "Provincial", "City", "People's", "Local", "Joint", "Venture"};
  return words;
}

// Chinese suffixes, longest first within the alternation.
constexpr const char* kChineseSuffixPattern =
    R"re((股份有限公司|有限责任公司|有限責任公司|集团有限公司|集團有限公司|有限公司|集团|集團|)re"
    R"re(控股|大学|大學|研究院|研究所|科学院|科學院|协会|協會|联盟|聯盟|证券|證券|银行|銀行))re";

constexpr std::string_view kChineseInstitutions[] = {"大学", "大學", "研究院", "研究所", "科学院",
                                                     "科學院", "协会", "協會", "联盟", "聯盟"};

// Characters and words at which a Chinese organisation name cannot extend
// further back: function words, verbs of the sentence, punctuation.
constexpr std::string_view kChineseStops[] = {
    "与", "與", "和", "及", "同", "跟", "由", "在", "是", "为", "為", "对", "對", "向", "将",
    "將", "把", "被", "从", "從", "于", "於", "的", "了", "、", "称", "稱", "据", "據", "以",
    "让", "給", "给", "也", "都", "并", "並", "等", "即", "且", "或", "其", "该", "該", "这",
    "這", "此", "已", "旗下", "子公司", "签约", "簽約", "签署", "簽署", "携手", "攜手", "联合",
    "聯合", "宣布", "表示", "发布", "發布", "成立", "投资", "投資", "建设", "建設", "落户",
    "落戶", "引进", "引進", "获", "獲", "今年", "近日", "日前", "此前", "目前",
    // Generic nouns and verbs that precede a name in filings and news
    // ("本公司附屬公司江西贛鋒…", "項目有助本集團", "主要供應集團").
    "本", "公司", "附属", "附屬", "全资", "全資", "控股子", "有助", "符合", "项目", "項目", "主要",
    "供应", "供應", "报道", "報導", "讯", "訊", "董事长", "董事長", "主席", "之"};

constexpr size_t kMaxChineseNameChars = 18;

// IsHanAt: whether a CJK ideograph starts at s[pos] (CJK punctuation such as
// "〕" shares the lead bytes, so decode).
bool IsHanAt(std::string_view s, size_t pos) {
  unsigned char c = static_cast<unsigned char>(s[pos]);
  if (c < 0xE3 || c > 0xE9 || pos + 2 >= s.size()) return false;
  uint32_t cp = ((c & 0x0F) << 12) | ((static_cast<unsigned char>(s[pos + 1]) & 0x3F) << 6) |
                (static_cast<unsigned char>(s[pos + 2]) & 0x3F);
  return (cp >= 0x3400 && cp <= 0x4DBF) || (cp >= 0x4E00 && cp <= 0x9FFF);
}

// PreviousCharStart: the start of the UTF-8 character before pos.
size_t PreviousCharStart(std::string_view s, size_t pos) {
  size_t p = pos - 1;
  while (p > 0 && (static_cast<unsigned char>(s[p]) & 0xC0) == 0x80) --p;
  return p;
}

bool EndsWithStop(std::string_view s) {
  for (std::string_view w : kChineseStops)
    if (s.size() >= w.size() && s.substr(s.size() - w.size()) == w) return true;
  return false;
}

size_t CountChars(std::string_view s) {
  size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

}  // namespace

OrgFormFinder::OrgFormFinder()
    : english_(std::make_unique<re2::RE2>(kEnglishPattern)),
      chinese_suffix_(std::make_unique<re2::RE2>(kChineseSuffixPattern)) {}

OrgFormFinder::~OrgFormFinder() = default;

bool OrgFormFinder::ok() const { return english_->ok() && chinese_suffix_->ok(); }

void OrgFormFinder::FindEnglish(std::string_view line, std::vector<OrgCandidate>* out) const {
  re2::StringPiece input(line.data(), line.size());
  re2::StringPiece name, suffix;
  while (RE2::FindAndConsume(&input, *english_, &name, &suffix)) {
    // Split the name words and drop leading sentence words.
    std::vector<std::string_view> words;
    size_t begin = static_cast<size_t>(name.data() - line.data());
    std::string_view rest(name.data(), name.size());
    while (!rest.empty()) {
      size_t sp = rest.find_first_of(" \t");
      std::string_view w = rest.substr(0, sp);
      if (!w.empty()) words.push_back(w);
      if (sp == std::string_view::npos) break;
      rest.remove_prefix(sp + 1);
    }
    // Drop leading sentence words and the connectors they leave in front
    // ("Chairman of Envision Group" keeps "Envision Group").
    while (!words.empty() && (LeadingStopWords().count(std::string(words.front())) ||
                              IsConnector(words.front()))) {
      words.erase(words.begin());
    }
    bool has_name_word = std::any_of(words.begin(), words.end(), [](std::string_view w) {
      return !GenericWords().count(std::string(w));
    });
    if (words.empty() || !has_name_word) continue;
    begin = static_cast<size_t>(words.front().data() - line.data());
    size_t end = static_cast<size_t>(suffix.data() + suffix.size() - line.data());
    std::string core(line.substr(begin, static_cast<size_t>(words.back().data() + words.back().size() - line.data()) - begin));
    while (!core.empty() && (core.back() == ',' || core.back() == ' ')) core.pop_back();
    std::string suf(suffix.data(), suffix.size());
    bool institution = std::any_of(std::begin(kInstitutionWords), std::end(kInstitutionWords),
                                   [&](const char* w) { return suf == w; });
    out->push_back({{begin, end}, institution ? std::string(line.substr(begin, end - begin)) : core,
                    institution});
  }
}

void OrgFormFinder::FindChinese(std::string_view line, std::vector<OrgCandidate>* out) const {
  re2::StringPiece input(line.data(), line.size());
  re2::StringPiece suffix;
  size_t last_end = 0;
  while (RE2::FindAndConsume(&input, *chinese_suffix_, &suffix)) {
    size_t suffix_begin = static_cast<size_t>(suffix.data() - line.data());
    size_t end = suffix_begin + suffix.size();
    // Extend back over Han characters (and Latin letters, digits and
    // brackets inside names) until a stop word, punctuation or the limit.
    size_t begin = suffix_begin;
    size_t chars = 0;
    while (begin > last_end && chars < kMaxChineseNameChars) {
      size_t prev = PreviousCharStart(line, begin);
      unsigned char c = static_cast<unsigned char>(line[prev]);
      bool name_char = IsHanAt(line, prev) || std::isalnum(c) || c == '(' || c == ')';
      if (!name_char) break;
      if (EndsWithStop(line.substr(last_end, begin - last_end))) break;
      begin = prev;
      ++chars;
    }
    // A bracket cannot open a name: "(厦门时代…" starts after it.
    while (begin < suffix_begin && (line[begin] == '(' || line[begin] == ')')) ++begin;
    std::string_view core = line.substr(begin, suffix_begin - begin);
    if (CountChars(core) < 2) continue;
    bool institution = std::any_of(std::begin(kChineseInstitutions), std::end(kChineseInstitutions),
                                   [&](std::string_view w) { return std::string_view(suffix.data(), suffix.size()) == w; });
    out->push_back({{begin, end}, std::string(institution ? line.substr(begin, end - begin) : core),
                    institution});
    last_end = end;
  }
}

namespace {

// SlugifyUncached: the work behind Slugify (ICU transliteration, ~20 µs a
// name).
std::string SlugifyUncached(std::string_view name) {
  thread_local std::unique_ptr<icu::Transliterator> to_ascii = [] {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::Transliterator> t(icu::Transliterator::createInstance(
        "Any-Latin; Latin-ASCII; Lower", UTRANS_FORWARD, status));
    if (U_FAILURE(status)) t.reset();
    return t;
  }();
  std::string ascii;
  bool plain = std::all_of(name.begin(), name.end(),
                           [](char c) { return static_cast<unsigned char>(c) < 0x80; });
  if (to_ascii && !plain) {
    icu::UnicodeString u = icu::UnicodeString::fromUTF8(
        icu::StringPiece(name.data(), static_cast<int32_t>(name.size())));
    to_ascii->transliterate(u);
    u.toUTF8String(ascii);
  } else {
    ascii.assign(name);
  }
  std::string slug;
  for (char c : ascii) {
    unsigned char u = static_cast<unsigned char>(c);
    if (std::isalnum(u)) slug.push_back(static_cast<char>(std::tolower(u)));
    else if (!slug.empty() && slug.back() != '-') slug.push_back('-');
  }
  while (!slug.empty() && slug.back() == '-') slug.pop_back();
  return slug;
}

}  // namespace

std::string Slugify(std::string_view name) {
  // News repeats the same organisations across articles: a per-thread cache
  // saves the transliteration. Cleared when full, so memory stays bounded.
  constexpr size_t kMaxCached = 1 << 16;
  thread_local std::unordered_map<std::string, std::string> cache;
  std::string key(name);
  auto it = cache.find(key);
  if (it != cache.end()) return it->second;
  if (cache.size() >= kMaxCached) cache.clear();
  std::string slug = SlugifyUncached(name);
  cache.emplace(std::move(key), slug);
  return slug;
}

}  // namespace gigafact
