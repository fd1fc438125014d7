#include "extractors/parties.h"

#include <algorithm>

namespace gigafact {

PartyExtractor::PartyExtractor(const AliasKb& kb, const Gazetteer& gazetteer)
    : kb_(kb), gazetteer_(gazetteer) {}

void PartyExtractor::Extract(const Document& doc, Extraction* out) const {
  std::vector<AliasKb::Hit> hits;
  std::vector<Span> org_spans;  // original spans of organisation names
  for (const Line& line : doc.lines) {
    if (line.boilerplate) continue;
    hits.clear();
    kb_.Find(doc.NormText(line.span), &hits);
    for (const auto& h : hits) {
      Span norm{line.span.begin + h.span.begin, line.span.begin + h.span.end};
      const Party& p = kb_.party(h.party);
      EntityMention m;
      m.span = doc.ToOriginal(norm);
      m.lang = doc.LangAt(norm.begin);
      m.id = p.entity.id;
      org_spans.push_back(m.span);
      out->parties.push_back(std::move(m));
      out->entities.emplace(p.entity.id, p.entity);
    }
  }
  // A place named inside an organisation's name ("Shandong CATL", 合肥国轩)
  // is not a place mention of its own.
  auto inside_org = [&](const EntityMention& place) {
    return std::any_of(org_spans.begin(), org_spans.end(), [&](const Span& s) {
      return s.begin <= place.span.begin && place.span.end <= s.end;
    });
  };
  out->places.erase(std::remove_if(out->places.begin(), out->places.end(), inside_org),
                    out->places.end());
}

}  // namespace gigafact
