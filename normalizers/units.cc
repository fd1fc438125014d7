#include "normalizers/units.h"

#include <algorithm>
#include <cstring>
#include <vector>

#include <re2/re2.h>

namespace gigafact {

// ---------------------------------------------------------------------------
// The tables.

namespace {

constexpr double kAcreM2 = 4046.8564224;        // NIST SP 811
constexpr double kSquareFootM2 = 0.09290304;    // NIST SP 811
constexpr double kMuM2 = 10000.0 / 15.0;        // 亩, PRC statutory

// kUnits: every surface. Plural and singular forms are listed separately so
// that the longest-first alternation never stops halfway through a word.
constexpr UnitInfo kUnits[] = {
    // Energy, canonical GWh.
    {"twh", "energy", 1e3, "GWh", "", false},
    {"tw h", "energy", 1e3, "GWh", "", false},
    {"terawatt hours", "energy", 1e3, "GWh", "", false},
    {"terawatt hour", "energy", 1e3, "GWh", "", false},
    {"gwh", "energy", 1, "GWh", "", false},
    {"gw h", "energy", 1, "GWh", "", false},
    {"gigawatt hours", "energy", 1, "GWh", "", false},
    {"gigawatt hour", "energy", 1, "GWh", "", false},
    {"mwh", "energy", 1e-3, "GWh", "", false},
    {"mw h", "energy", 1e-3, "GWh", "", false},
    {"megawatt hours", "energy", 1e-3, "GWh", "", false},
    {"megawatt hour", "energy", 1e-3, "GWh", "", false},
    {"kwh", "energy", 1e-6, "GWh", "", false},
    {"kw h", "energy", 1e-6, "GWh", "", false},
    {"kilowatt hours", "energy", 1e-6, "GWh", "", false},
    {"kilowatt hour", "energy", 1e-6, "GWh", "", false},
    {"wh", "energy", 1e-9, "GWh", "", false},
    {"watt hours", "energy", 1e-9, "GWh", "", false},
    {"watt hour", "energy", 1e-9, "GWh", "", false},
    {"太瓦时", "energy", 1e3, "GWh", "", false},
    {"太瓦時", "energy", 1e3, "GWh", "", false},
    {"吉瓦时", "energy", 1, "GWh", "", false},
    {"吉瓦時", "energy", 1, "GWh", "", false},
    {"兆瓦时", "energy", 1e-3, "GWh", "", false},
    {"兆瓦時", "energy", 1e-3, "GWh", "", false},
    {"千瓦时", "energy", 1e-6, "GWh", "", false},
    {"千瓦時", "energy", 1e-6, "GWh", "", false},
    {"千瓦小时", "energy", 1e-6, "GWh", "", false},
    {"千瓦小時", "energy", 1e-6, "GWh", "", false},
    {"千瓦·时", "energy", 1e-6, "GWh", "", false},
    {"千瓦·時", "energy", 1e-6, "GWh", "", false},
    {"瓩时", "energy", 1e-6, "GWh", "", false},   // Taiwan: 瓩 = kilowatt
    {"瓩時", "energy", 1e-6, "GWh", "", false},
    {"瓦时", "energy", 1e-9, "GWh", "", false},   // "12.7億瓦時"
    {"瓦時", "energy", 1e-9, "GWh", "", false},
    {"度", "energy", 1e-6, "GWh", "", true},      // 度 (电) = kWh
    // Power, canonical GW.
    {"gw", "power", 1, "GW", "", false},
    {"gwp", "power", 1, "GW", "", false},   // peak (solar)
    {"gwac", "power", 1, "GW", "", false},  // alternating / direct current side
    {"gwdc", "power", 1, "GW", "", false},
    {"gwe", "power", 1, "GW", "", false},   // electric
    {"gigawatts", "power", 1, "GW", "", false},
    {"gigawatt", "power", 1, "GW", "", false},
    {"mw", "power", 1e-3, "GW", "", false},
    {"mwp", "power", 1e-3, "GW", "", false},
    {"mwac", "power", 1e-3, "GW", "", false},
    {"mwdc", "power", 1e-3, "GW", "", false},
    {"mwe", "power", 1e-3, "GW", "", false},
    {"megawatts", "power", 1e-3, "GW", "", false},
    {"megawatt", "power", 1e-3, "GW", "", false},
    {"kw", "power", 1e-6, "GW", "", false},
    {"kwp", "power", 1e-6, "GW", "", false},
    {"kwac", "power", 1e-6, "GW", "", false},
    {"kwdc", "power", 1e-6, "GW", "", false},
    {"kilowatts", "power", 1e-6, "GW", "", false},
    {"kilowatt", "power", 1e-6, "GW", "", false},
    {"吉瓦", "power", 1, "GW", "", false},
    {"兆瓦", "power", 1e-3, "GW", "", false},
    {"千瓦", "power", 1e-6, "GW", "", false},
    {"瓩", "power", 1e-6, "GW", "", false},
    // Charge, canonical Ah.
    {"ah", "charge", 1, "Ah", "", false},
    {"mah", "charge", 1e-3, "Ah", "", false},
    {"安时", "charge", 1, "Ah", "", false},
    {"安時", "charge", 1, "Ah", "", false},
    {"毫安时", "charge", 1e-3, "Ah", "", false},
    {"毫安時", "charge", 1e-3, "Ah", "", false},
    // Area, canonical m2.
    {"m2", "area", 1, "m2", "", false},
    {"sq m", "area", 1, "m2", "", false},
    {"sqm", "area", 1, "m2", "", false},
    {"square meters", "area", 1, "m2", "", false},
    {"square metres", "area", 1, "m2", "", false},
    {"square meter", "area", 1, "m2", "", false},
    {"square metre", "area", 1, "m2", "", false},
    {"km2", "area", 1e6, "m2", "", false},
    {"sq km", "area", 1e6, "m2", "", false},
    {"square kilometers", "area", 1e6, "m2", "", false},
    {"square kilometres", "area", 1e6, "m2", "", false},
    {"hectares", "area", 1e4, "m2", "", false},
    {"hectare", "area", 1e4, "m2", "", false},
    {"ha", "area", 1e4, "m2", "", false},
    {"acres", "area", kAcreM2, "m2", "", false},
    {"acre", "area", kAcreM2, "m2", "", false},
    {"square feet", "area", kSquareFootM2, "m2", "", false},
    {"sq ft", "area", kSquareFootM2, "m2", "", false},
    {"平方米", "area", 1, "m2", "", false},
    {"平方公尺", "area", 1, "m2", "", false},
    {"平米", "area", 1, "m2", "", false},
    {"平方公里", "area", 1e6, "m2", "", false},
    {"平方千米", "area", 1e6, "m2", "", false},
    {"公顷", "area", 1e4, "m2", "", false},
    {"公頃", "area", 1e4, "m2", "", false},
    {"亩", "area", kMuM2, "m2", "", false},
    {"畝", "area", kMuM2, "m2", "", false},
    // Money written after the amount.
    {"元", "money", 1, "CNY", "CNY", false},
    {"人民币元", "money", 1, "CNY", "CNY", false},
    {"美元", "money", 1, "USD", "USD", false},
    {"欧元", "money", 1, "EUR", "EUR", false},
    {"歐元", "money", 1, "EUR", "EUR", false},
    {"英镑", "money", 1, "GBP", "GBP", false},
    {"英鎊", "money", 1, "GBP", "GBP", false},
    {"日元", "money", 1, "JPY", "JPY", false},
    {"日圓", "money", 1, "JPY", "JPY", false},
    {"港元", "money", 1, "HKD", "HKD", false},
    {"港币", "money", 1, "HKD", "HKD", false},
    {"港幣", "money", 1, "HKD", "HKD", false},
    {"新台币", "money", 1, "TWD", "TWD", false},
    {"新台幣", "money", 1, "TWD", "TWD", false},
    {"韩元", "money", 1, "KRW", "KRW", false},
    {"韓元", "money", 1, "KRW", "KRW", false},
    {"令吉", "money", 1, "MYR", "MYR", false},
    {"yuan", "money", 1, "CNY", "CNY", false},
    {"euros", "money", 1, "EUR", "EUR", false},
    {"euro", "money", 1, "EUR", "EUR", false},
    {"us dollars", "money", 1, "USD", "USD", false},
    {"dollars", "money", 1, "USD", "USD", false},
    {"forints", "money", 1, "HUF", "HUF", false},
    {"forint", "money", 1, "HUF", "HUF", false},
    // Counts.
    {"jobs", "count", 1, "jobs", "", false},
    {"new jobs", "count", 1, "jobs", "", false},
    {"个就业岗位", "count", 1, "jobs", "", false},
    {"個就業崗位", "count", 1, "jobs", "", false},
    {"个工作岗位", "count", 1, "jobs", "", false},
    {"個工作崗位", "count", 1, "jobs", "", false},
    {"就业岗位", "count", 1, "jobs", "", false},
    {"就業崗位", "count", 1, "jobs", "", false},
};

constexpr CurrencyPrefix kCurrencyPrefixes[] = {
    {"RMB", "CNY"}, {"CNY", "CNY"}, {"USD", "USD"}, {"US$", "USD"},
    {"$", "USD"},   {"EUR", "EUR"}, {"€", "EUR"},   {"GBP", "GBP"},
    {"£", "GBP"},   {"HK$", "HKD"}, {"HKD", "HKD"}, {"NT$", "TWD"},
    {"TWD", "TWD"}, {"NTD", "TWD"}, {"¥", "CNY"},   {"人民币", "CNY"}, {"人民幣", "CNY"},
    {"新台币", "TWD"}, {"新台幣", "TWD"}, {"台币", "TWD"}, {"台幣", "TWD"},
    {"港币", "HKD"}, {"港幣", "HKD"},
    {"JPY", "JPY"}, {"KRW", "KRW"}, {"HUF", "HUF"},
};

// ---------------------------------------------------------------------------
// Implementation details.

bool IsAsciiText(std::string_view s) {
  return std::all_of(s.begin(), s.end(),
                     [](char c) { return static_cast<unsigned char>(c) < 0x80; });
}

bool IsAsciiWordChar(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

// FoldUnitKey lowercases ASCII and drops separators (space, hyphen, middle
// dot), the same folding for table surfaces and matched text ("kW·h" and
// "kW h" both read "kwh"). It writes into buf and returns false when the key
// would not fit (no unit is that long).
bool FoldUnitKey(std::string_view text, char* buf, size_t cap, size_t* len) {
  size_t n = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c == ' ' || c == '-') continue;
    if (c == '\xC2' && i + 1 < text.size() && text[i + 1] == '\xB7') {  // U+00B7
      ++i;
      continue;
    }
    if (n == cap) return false;
    buf[n++] = (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  }
  *len = n;
  return true;
}

// SurfacePattern turns one surface into a regex: literal text, each space an
// optional separator.
std::string SurfacePattern(std::string_view surface) {
  std::string out;
  size_t start = 0;
  while (start <= surface.size()) {
    size_t space = surface.find(' ', start);
    std::string_view piece =
        surface.substr(start, space == std::string_view::npos ? std::string_view::npos
                                                                : space - start);
    out += RE2::QuoteMeta(piece);
    if (space == std::string_view::npos) break;
    out += "(?:[ \\-]|\xC2\xB7)?";
    start = space + 1;
  }
  return out;
}

// UnitIndex: folded surface → unit, sorted for binary search without
// allocating per lookup.
constexpr size_t kMaxKey = 48;

struct UnitIndex {
  std::vector<std::pair<std::string, const UnitInfo*>> by_key;
  UnitIndex() {
    for (const UnitInfo& u : kUnits) {
      char buf[kMaxKey];
      size_t len = 0;
      if (FoldUnitKey(u.surface, buf, kMaxKey, &len)) by_key.emplace_back(std::string(buf, len), &u);
    }
    // Stable: the first surface listed wins among equal keys.
    std::stable_sort(by_key.begin(), by_key.end(),
                     [](const auto& a, const auto& b) { return a.first < b.first; });
  }
};

const UnitIndex& Index() {
  static const UnitIndex index;
  return index;
}

// LongestFirst orders surfaces so that a leftmost-first alternation takes
// the longest one that matches.
template <typename T>
std::vector<const T*> LongestFirst(const T* begin, const T* end) {
  std::vector<const T*> v;
  for (const T* p = begin; p != end; ++p) v.push_back(p);
  std::stable_sort(v.begin(), v.end(), [](const T* a, const T* b) {
    return std::strlen(a->surface) > std::strlen(b->surface);
  });
  return v;
}

}  // namespace

// ---------------------------------------------------------------------------
// Public API.

const UnitInfo* FindUnit(std::string_view text) {
  char buf[kMaxKey];
  size_t len = 0;
  if (!FoldUnitKey(text, buf, kMaxKey, &len)) return nullptr;
  std::string_view key(buf, len);
  const auto& index = Index().by_key;
  auto it = std::lower_bound(index.begin(), index.end(), key,
                             [](const auto& entry, std::string_view k) { return entry.first < k; });
  return it != index.end() && it->first == key ? it->second : nullptr;
}

std::string UnitPattern() {
  std::string ascii, other;
  for (const UnitInfo* u : LongestFirst(std::begin(kUnits), std::end(kUnits))) {
    std::string_view s = u->surface;
    if (IsAsciiText(s)) {
      if (!ascii.empty()) ascii += '|';
      ascii += SurfacePattern(s);
    } else {
      if (!other.empty()) other += '|';
      other += SurfacePattern(s);
    }
  }
  // ASCII surfaces are case-insensitive and must not run into a word
  // ("GW" in "GWe", "ha" in "half").
  return "(?:(?i:" + ascii + ")\\b|" + other + ")";
}

const CurrencyPrefix* FindCurrencyPrefix(std::string_view text) {
  for (const CurrencyPrefix& p : kCurrencyPrefixes) {
    if (text == p.surface) return &p;
  }
  return nullptr;
}

const CurrencyPrefix* LeadingCurrencyPrefix(std::string_view text) {
  const CurrencyPrefix* best = nullptr;
  size_t best_len = 0;
  for (const CurrencyPrefix& p : kCurrencyPrefixes) {
    std::string_view s = p.surface;
    if (s.size() > best_len && text.substr(0, s.size()) == s) {
      best = &p;
      best_len = s.size();
    }
  }
  return best;
}

std::string CurrencyPrefixPattern() {
  std::string out;
  for (const CurrencyPrefix* p :
       LongestFirst(std::begin(kCurrencyPrefixes), std::end(kCurrencyPrefixes))) {
    if (!out.empty()) out += '|';
    std::string_view s = p->surface;
    // Letter prefixes must stand alone ("RMB", not "xRMBy"); "$" need not.
    out += (IsAsciiWordChar(s.front()) ? "\\b" : "") + RE2::QuoteMeta(s) +
           (IsAsciiWordChar(s.back()) ? "\\b" : "");
  }
  return "(?:" + out + ")";
}

}  // namespace gigafact
