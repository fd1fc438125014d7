// QuantityExtractor: every energy, power and other figure the article body
// states, normalized (SPEC §2 quantities): energy in GWh, power in GW,
// charge in Ah, area in m2, money in its currency, job counts.
//
// What it reads (on the NFKC view, boilerplate lines skipped):
//   - a number and a unit: "40 gigawatt-hours (GWh)", "60GWh", "８.42 million
//     kilowatts", "30万千瓦", "1亿千瓦时", "9.6萬度", "二十五吉瓦時", "fifty-two
//     kilowatt-hours"; the number may be Arabic with separators, Chinese,
//     mixed ("1.2万") or English words (normalizers/numbers.h), the unit any
//     surface of normalizers/units.h;
//   - ranges "20-30 GWh", "20 to 30 GWh", "between 20 and 30 GWh", "20至30GWh"
//     (value null, min and max, qualifier "range"; a scale on the upper end
//     carries to a bare lower end: "2-3万千瓦" is 20,000 to 30,000 kW);
//   - lists "10, 20 and 30 GWh", "8、12和20GWh": one mention per number;
//   - pairs "200MW/400MWh": one power and one energy mention;
//   - qualifiers before ("about", "over", "up to", "nearly", 约, 超过, 逾, 近)
//     or after (以上, 左右, 余, 多, "+", "or more") the figure;
//   - vague amounts "several GWh", "数十GWh", "hundreds of megawatts": value
//     null, qualifier "several";
//   - money written with a currency before the amount ("RMB 15.5 billion",
//     "$1.2 billion", "€900 million").
//
// What it leaves out: numbers without a unit (model names, stock codes,
// years, percentages), "度" without electricity ("25度"), specific energy
// and rates ("250 Wh/kg", "15 kWh per 100 km"), and a parenthesized
// restatement of a figure just stated ("12.7億瓦時（約1.27GWh）",
// "9.6萬度（60MW/96MWh）"), which counts once; a unit-only gloss "(GWh)" joins
// the mention's text.
//
// Mentions are appended in text order with original-text spans. One RE2
// pass finds the figures; everything else reads a bounded window around
// each, so the stage stays linear in the page size.
#ifndef GIGAFACT_EXTRACTORS_QUANTITIES_H_
#define GIGAFACT_EXTRACTORS_QUANTITIES_H_

#include <memory>

#include "extractors/extractor.h"

namespace gigafact {

class QuantityExtractor : public Extractor {
 public:
  // The constructor compiles the patterns; it aborts only on a programming
  // error in them (they are built from fixed tables).
  QuantityExtractor();
  ~QuantityExtractor() override;
  const char* Name() const override { return "quantities"; }
  void Extract(const Document& doc, Extraction* out) const override;

 private:
  struct Patterns;  // the compiled RE2 pattern, defined in quantities.cc
  std::unique_ptr<const Patterns> patterns_;
};

}  // namespace gigafact

#endif  // GIGAFACT_EXTRACTORS_QUANTITIES_H_
