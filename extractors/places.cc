#include "extractors/places.h"

#include <algorithm>
#include <set>

namespace gigafact {

namespace {

struct Found {
  Span norm;
  const std::vector<int>* places;
  int chosen = -1;
};

// ChoosePlace picks the reading of an ambiguous name that fits the places the
// article names without ambiguity: one inside or around a sure place wins,
// otherwise the broadest reading (the group's first).
int ChoosePlace(const Gazetteer& gaz, const std::vector<int>& readings,
                const std::set<int>& sure) {
  if (readings.size() == 1) return readings[0];
  for (int r : readings)
    for (int s : sure)
      if (s != r && (gaz.IsWithin(r, s) || gaz.IsWithin(s, r))) return r;
  return readings[0];
}

}  // namespace

PlaceExtractor::PlaceExtractor(const Gazetteer& gazetteer) : gazetteer_(gazetteer) {}

void PlaceExtractor::Extract(const Document& doc, Extraction* out) const {
  std::vector<Found> found;
  std::vector<Gazetteer::Candidate> candidates;
  for (const Line& line : doc.lines) {
    if (line.boilerplate) continue;
    candidates.clear();
    gazetteer_.Find(doc.NormText(line.span), &candidates);
    for (const auto& c : candidates)
      found.push_back({{line.span.begin + c.span.begin, line.span.begin + c.span.end}, c.places});
  }
  std::set<int> sure;
  for (const Found& f : found)
    if (f.places->size() == 1) sure.insert((*f.places)[0]);
  for (Found& f : found) {
    f.chosen = ChoosePlace(gazetteer_, *f.places, sure);
    const Place& p = gazetteer_.place(f.chosen);
    EntityMention m;
    m.span = doc.ToOriginal(f.norm);
    m.lang = doc.LangAt(f.norm.begin);
    m.id = p.entity.id;
    out->places.push_back(std::move(m));
    out->entities.emplace(p.entity.id, p.entity);
  }
}

}  // namespace gigafact
