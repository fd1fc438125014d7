// Units of measure for the quantities extractor: every written form of a unit
// ("GWh", "gigawatt-hours", "GW h", "千瓦时", "兆瓦時", "瓩", "度", "亩",
// "美元") mapped to the kind of quantity it measures and the factor that
// converts one of it to the record's canonical unit (SPEC §2 quantities):
//
//   energy → GWh    power → GW    charge → Ah    area → m2
//   money  → the currency itself (factor 1, currency code in `currency`)
//   count  → jobs
//
// Surfaces are matched on the NFKC view, so full-width "ＧＷｈ" and "㎡" arrive
// as "GWh" and "m2". ASCII surfaces match case-insensitively, and a space in a
// surface stands for an optional separator (space, hyphen or middle dot):
// "gigawatt hours" also reads "gigawatt-hours" and "gigawatthours".
//
// Scale words are not units: "万千瓦" is the number "…万" followed by the
// unit "千瓦", "8.42 million kilowatts" the number "8.42 million" followed by
// "kilowatts"; the number parser (normalizers/numbers.h) takes the scale.
//
// The table is small and compiled in (the extractor is built without a data
// directory); sources: SI prefixes, the PRC statutory units (GB 3100-1993,
// 亩 = 10000/15 m²), NIST SP 811 (acre, square foot).
#ifndef GIGAFACT_NORMALIZERS_UNITS_H_
#define GIGAFACT_NORMALIZERS_UNITS_H_

#include <string>
#include <string_view>

namespace gigafact {

struct UnitInfo {
  const char* surface;   // as written, lowercase for ASCII; ' ' = optional separator
  const char* kind;      // energy, power, charge, area, money, count
  double factor;         // canonical units per one of this unit
  const char* unit;      // canonical unit written to the record (GWh, GW, …)
  const char* currency;  // money only: ISO 4217 code, else ""
  // needs_electricity: "度" is a kilowatt-hour only when the text says so
  // ("度电", or a scaled amount "9.6万度"); "25度" is a temperature.
  bool needs_electricity;
};

// FindUnit returns the unit whose surface matches `text` (as matched by the
// pattern of UnitPattern: case and separators are folded), or nullptr.
const UnitInfo* FindUnit(std::string_view text);

// UnitPattern returns an RE2 alternation (no capturing groups) of every
// surface, longest first so that leftmost-first matching prefers "GWh" over
// "GW" and "千瓦时" over "千瓦"; ASCII surfaces end on a word boundary.
std::string UnitPattern();

// CurrencyPrefix: a currency written before the amount ("RMB 15.5 billion",
// "$1.2 billion", "€900 million").
struct CurrencyPrefix {
  const char* surface;   // exact, case-sensitive ("US$", "RMB", "€")
  const char* currency;  // ISO 4217 code
};

// FindCurrencyPrefix returns the prefix matching `text` exactly, or nullptr.
const CurrencyPrefix* FindCurrencyPrefix(std::string_view text);

// LeadingCurrencyPrefix returns the longest prefix that `text` starts with
// ("US$" before "$"), or nullptr.
const CurrencyPrefix* LeadingCurrencyPrefix(std::string_view text);

// CurrencyPrefixPattern returns an RE2 alternation of the prefixes, longest
// first; letter prefixes are bounded by \b.
std::string CurrencyPrefixPattern();

}  // namespace gigafact

#endif  // GIGAFACT_NORMALIZERS_UNITS_H_
