// Extraction: the mentions the extractors find in one Document, by kind.
// Extractors append to it in pipeline order (dates, quantities, places,
// parties); a later stage may read what an earlier one found.
#ifndef GIGAFACT_CORE_EXTRACTION_H_
#define GIGAFACT_CORE_EXTRACTION_H_

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/lang.h"
#include "core/span.h"

namespace gigafact {

// DateMention: a date the text states, with its TIMEX value (SPEC §2 dates).
struct DateMention {
  Span span;                 // original text
  Lang lang = Lang::kOther;
  std::string value;         // "2025-02-24", "2026-Q3", "XXXX-08-18"
  std::string granularity;   // day, month, quarter, half, year
  std::string role = "other";  // publication, event, planned, other
};

// QuantityMention: a normalized figure (SPEC §2 quantities).
struct QuantityMention {
  Span span;
  Lang lang = Lang::kOther;
  std::string kind;          // energy, power, charge, area, money, count
  std::optional<double> value, min, max;
  std::string unit;          // GWh, GW, Ah, m2, the currency code for money
  std::string qualifier = "exact";  // exact, approx, over, under, range, several
  std::string currency;      // money only
};

// EntityMention: one mention of a place or party, resolved to a canonical id.
struct EntityMention {
  Span span;
  Lang lang = Lang::kOther;
  std::string id;            // canonical id (gazetteer / knowledge base / built)
  Span norm;                 // the same mention in the normalized view
  bool dateline = false;     // a wire story's dateline: where the news was filed
};

// Entity: a canonical place or party as the record reports it.
struct Entity {
  std::string id;
  std::string name;          // canonical English name
  std::string name_zh;       // canonical Simplified Chinese name
  std::string type;          // place: country, province, …; party: company, …
  std::string country;       // places only
  std::string parent;        // places: parent place id; parties: parent company id
  std::vector<std::string> aliases;  // other names the entity goes by
};

// Published: the article's own publication date, if found.
struct Published {
  std::string value;         // "2025-03-26"
  std::string text;          // as written
  std::optional<Span> span;  // none when it came from JSONL metadata
};

// Fact: a capacity figure tied to what it measures (SPEC §2 facts).
struct Fact {
  std::string type;                  // plan, agreement, construction, operation, capacity, other
  std::vector<std::string> parties;  // party ids
  std::string place;                 // place id, empty if none
  std::string kind;                  // energy or power
  double value = 0;                  // GWh or GW
  std::string date;                  // TIMEX, empty if none
  Span evidence;                     // original text of the sentence
};

struct Extraction {
  std::optional<Published> published;
  std::vector<DateMention> dates;
  std::vector<QuantityMention> quantities;
  std::vector<EntityMention> places;
  std::vector<EntityMention> parties;
  // entities: what every id in places/parties stands for, by id.
  std::map<std::string, Entity> entities;
  std::vector<Fact> facts;
  std::vector<std::string> warnings;
};

}  // namespace gigafact

#endif  // GIGAFACT_CORE_EXTRACTION_H_
