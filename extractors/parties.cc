#include "extractors/parties.h"

#include <algorithm>
#include <iterator>
#include <map>
#include <unordered_map>

namespace gigafact {

namespace {

bool IsHanLead(unsigned char c) { return c >= 0xE3 && c <= 0xE9; }

// Words that may stand between a known name and a legal suffix without
// making another company: "宁德时代新能源科技股份有限公司" is CATL.
constexpr std::string_view kGenericNameParts[] = {
    "新能源", "科技", "電池", "电池", "动力", "動力", "能源", "储能", "儲能", "材料", "汽车",
    "汽車", "电子", "電子", "技术", "技術", "股份", "实业", "實業", "投资", "投資", "发展",
    "發展", "控股", "国际", "國際", "(中国)", "(中國)", "锂电", "鋰電", "智能", "装备", "裝備",
    " ", "New Energy", "Energy", "Technology", "Technologies", "Battery", "Batteries", "Power",
    "Co.", "Co", ",", "Holding", "Holdings", "Group", "International", "Tech", "Hi-Tech",
    "High-Tech", "Automotive", "Motor", "Motors"};

// RemainderIsGeneric: whether rest consists only of generic name parts.
bool RemainderIsGeneric(std::string_view rest) {
  while (!rest.empty()) {
    bool hit = false;
    for (std::string_view g : kGenericNameParts) {
      if (rest.substr(0, g.size()) == g) {
        rest.remove_prefix(g.size());
        hit = true;
        break;
      }
    }
    if (!hit) return false;
  }
  return true;
}

// Markers of a legal name ("… Co., Limited", "…有限公司").
bool LooksLikeLegalName(std::string_view s) {
  for (std::string_view m : {"Co.", "Co ", "Ltd", "Limited", "Inc", "有限公司", "Corporation"})
    if (s.find(m) != std::string_view::npos) return true;
  return false;
}

// IsApposition: text between two names that glosses one with the other.
bool IsApposition(std::string_view gap) {
  for (std::string_view g : {" (", "(", ", or ", " or ", ", ", " ("})
    if (gap == g) return true;
  return false;
}

// A level word standing alone before a government body ("省能源局",
// "市政府", "该市发改委") and the gazetteer level it names.
struct BareLevel {
  std::string_view word;
  int level;
};
constexpr BareLevel kBareLevels[] = {{"省", 1}, {"市", 2}, {"县", 3}, {"縣", 3}, {"区", 3}, {"區", 3}};

// Characters that may stand right before a bare level word: a determiner
// ("本市", "该市", "我省") or a preposition or conjunction ("从省能源局",
// "与市政府"). Anything else makes the level word part of another word
// ("城市规划局", "上市", "园区管委会").
constexpr std::string_view kBeforeBareLevel[] = {
    "本", "该", "該", "我", "从", "從", "由", "据", "據", "和", "与", "與", "及", "经", "經",
    "向", "在", "对", "對", "同", "将", "將", "为", "為", "是", "了", "并", "並", "被", "受",
    "请", "請", "会", "會", "给", "給", "跟", "、", "，", "。", "：", "“", "”", "(", ")"};

bool MayPrecedeBareLevel(std::string_view before) {
  if (before.empty()) return true;
  unsigned char last = static_cast<unsigned char>(before.back());
  if (last < 0x80) return true;  // ASCII: space, punctuation, line start
  for (std::string_view w : kBeforeBareLevel)
    if (before.size() >= w.size() && before.substr(before.size() - w.size()) == w) return true;
  return false;
}

Entity EntityOfParty(const Party& p) {
  Entity e = p.entity;
  e.aliases = p.aliases;
  return e;
}

}  // namespace

// A candidate mention; its entity lives once in the EntityTable, however
// often the page names it.
struct PartyExtractor::Found {
  Span norm;
  size_t entity;
  enum Source { kKnown, kGovernment, kForm } source;
};

// EntityTable: the entities of one article, each stored once, by id.
class PartyExtractor::EntityTable {
 public:
  explicit EntityTable(const AliasKb& kb) : kb_(kb) {}
  size_t OfParty(int party) {
    auto [it, added] = by_party_.try_emplace(party, 0);
    if (added) it->second = Add(EntityOfParty(kb_.party(party)));
    return it->second;
  }
  size_t Add(Entity e) {
    auto [it, added] = by_id_.try_emplace(e.id, list_.size());
    if (added) list_.push_back(std::move(e));
    return it->second;
  }
  const Entity& at(size_t i) const { return list_[i]; }

 private:
  const AliasKb& kb_;
  std::vector<Entity> list_;
  std::unordered_map<std::string, size_t> by_id_;
  std::unordered_map<int, size_t> by_party_;
};

PartyExtractor::PartyExtractor(const AliasKb& kb, const Gazetteer& gazetteer,
                               const Governments& governments)
    : kb_(kb), gazetteer_(gazetteer), governments_(governments) {}

void PartyExtractor::FindKnown(const Document& doc, EntityTable* entities,
                               std::vector<Found>* found) const {
  std::vector<AliasKb::Hit> hits;
  for (const Line& line : doc.lines) {
    if (line.boilerplate) continue;
    hits.clear();
    kb_.Find(doc.NormText(line.span), &hits);
    for (const auto& h : hits)
      found->push_back({{line.span.begin + h.span.begin, line.span.begin + h.span.end},
                        entities->OfParty(h.party), Found::kKnown});
  }
}

void PartyExtractor::FindGovernments(const Document& doc, const Extraction& ex,
                                     EntityTable* entities, std::vector<Found>* found) const {
  for (const EntityMention& m : ex.places) {
    int place = gazetteer_.IndexOf(m.id);
    if (place < 0) continue;
    auto it = std::upper_bound(doc.lines.begin(), doc.lines.end(), m.norm.begin,
                               [](size_t off, const Line& l) { return off < l.span.end; });
    if (it == doc.lines.end() || it->span.begin > m.norm.begin || m.norm.end > it->span.end)
      continue;
    size_t line = static_cast<size_t>(it - doc.lines.begin());
    Span ls = doc.lines[line].span;
    std::string_view after(doc.norm.data() + m.norm.end, ls.end - m.norm.end);
    std::string_view before(doc.norm.data() + ls.begin, m.norm.begin - ls.begin);
    bool han = IsHanLead(static_cast<unsigned char>(doc.norm[m.norm.begin]));
    size_t len = 0;
    const GovernmentBody* body =
        han ? governments_.MatchZhAfter(after, &len) : governments_.MatchEnAfter(after, &len);
    Span span{m.norm.begin, m.norm.end + len};
    if (body == nullptr && !han) {
      // "Government of Portugal", "the government of Hungary".
      for (std::string_view lead : {"Government of ", "government of "}) {
        if (before.size() >= lead.size() && before.substr(before.size() - lead.size()) == lead) {
          for (const GovernmentBody& b : governments_.bodies())
            if (b.slug == "government") body = &b;
          span = {m.norm.begin - lead.size(), m.norm.end};
        }
      }
    }
    if (body == nullptr) continue;
    found->push_back({span, entities->Add(governments_.EntityFor(gazetteer_.place(place), *body)),
                      Found::kGovernment});
  }
}

int PartyExtractor::MainPlaceOfLevel(const Extraction& ex, int level) const {
  std::map<int, std::pair<int, size_t>> seen;  // place → (mentions, first offset)
  for (const EntityMention& m : ex.places) {
    int place = gazetteer_.IndexOf(m.id);
    if (place < 0 || gazetteer_.place(place).level != level) continue;
    auto [it, added] = seen.try_emplace(place, 0, m.norm.begin);
    ++it->second.first;
  }
  int best = -1;
  std::pair<int, size_t> best_key{0, 0};
  for (const auto& [place, key] : seen)
    if (best < 0 || key.first > best_key.first ||
        (key.first == best_key.first && key.second < best_key.second)) {
      best = place;
      best_key = key;
    }
  return best;
}

void PartyExtractor::FindBareLevelGovernments(const Document& doc, const Extraction& ex,
                                              EntityTable* entities,
                                              std::vector<Found>* found) const {
  std::vector<Span> place_spans;
  for (const EntityMention& m : ex.places) place_spans.push_back(m.norm);
  std::sort(place_spans.begin(), place_spans.end());
  auto inside_place = [&](size_t off) {
    auto after = std::upper_bound(place_spans.begin(), place_spans.end(), Span{off, SIZE_MAX});
    return after != place_spans.begin() && std::prev(after)->end > off;
  };
  int main_place[4] = {-2, -2, -2, -2};  // per level, computed when first needed
  for (const Line& line : doc.lines) {
    if (line.boilerplate) continue;
    std::string_view text = doc.NormText(line.span);
    for (const BareLevel& level : kBareLevels) {
      for (size_t at = text.find(level.word); at != std::string_view::npos;
           at = text.find(level.word, at + level.word.size())) {
        if (inside_place(line.span.begin + at) || !MayPrecedeBareLevel(text.substr(0, at)))
          continue;
        size_t len = 0;
        const GovernmentBody* body = governments_.MatchZhAfter(text.substr(at), &len);
        if (body == nullptr || len <= level.word.size()) continue;
        int& place = main_place[level.level];
        if (place == -2) place = MainPlaceOfLevel(ex, level.level);
        if (place < 0) continue;
        found->push_back({{line.span.begin + at, line.span.begin + at + len},
                          entities->Add(governments_.EntityFor(gazetteer_.place(place), *body)),
                          Found::kGovernment});
      }
    }
  }
}

void PartyExtractor::FindByForm(const Document& doc, EntityTable* entities,
                                std::vector<Found>* found) const {
  std::vector<OrgCandidate> candidates;
  for (const Line& line : doc.lines) {
    if (line.boilerplate) continue;
    std::string_view text = doc.NormText(line.span);
    candidates.clear();
    forms_.FindEnglish(text, &candidates);
    forms_.FindChinese(text, &candidates);
    for (const OrgCandidate& c : candidates) {
      std::string_view written = text.substr(c.span.begin, c.span.size());
      Span norm{line.span.begin + c.span.begin, line.span.begin + c.span.end};
      // A known company under its legal name: the core is a known name, or
      // starts with one followed only by generic words.
      int known = kb_.Lookup(c.core);
      if (known < 0) {
        std::vector<AliasKb::Hit> inner;
        kb_.Find(c.core, &inner);
        if (!inner.empty() && inner[0].span.begin == 0 &&
            RemainderIsGeneric(std::string_view(c.core).substr(inner[0].span.end)))
          known = inner[0].party;
      }
      if (known >= 0) {
        found->push_back({norm, entities->OfParty(known), Found::kForm});
        continue;
      }
      std::string slug = Slugify(c.core);
      if (slug.empty()) continue;
      Entity e;
      e.id = "org-" + slug;
      e.type = c.institution ? "organisation" : "company";
      bool han = IsHanLead(static_cast<unsigned char>(written[0]));
      e.name = han ? std::string(written) : c.core;
      if (han) e.name_zh = std::string(written);
      if (std::string(written) != e.name) e.aliases.push_back(std::string(written));
      found->push_back({norm, entities->Add(std::move(e)), Found::kForm});
    }
  }
}

void PartyExtractor::ResolveLegalNameGlosses(const Document& doc, const EntityTable& entities,
                                             std::vector<Found>* found,
                                             std::vector<std::string>* warnings) const {
  for (size_t i = 0; i + 1 < found->size(); ++i) {
    Found& a = (*found)[i];
    Found& b = (*found)[i + 1];
    if (a.entity == b.entity || a.source == Found::kGovernment ||
        b.source == Found::kGovernment || b.norm.begin < a.norm.end)
      continue;
    std::string_view gap(doc.norm.data() + a.norm.end, b.norm.begin - a.norm.end);
    if (!IsApposition(gap)) continue;
    std::string_view ta = doc.NormText(a.norm), tb = doc.NormText(b.norm);
    bool a_legal = LooksLikeLegalName(ta), b_legal = LooksLikeLegalName(tb);
    if (a_legal == b_legal) continue;
    Found& name = a_legal ? b : a;
    Found& legal = a_legal ? a : b;
    warnings->push_back("party_conflict: '" + std::string(doc.NormText(name.norm)) +
                        "' is glossed with the legal name of " + entities.at(legal.entity).name + " ('" +
                        std::string(doc.NormText(legal.norm)) + "'); resolved to " +
                        entities.at(name.entity).name);
    legal.entity = name.entity;
  }
}

void PartyExtractor::Extract(const Document& doc, Extraction* out) const {
  EntityTable entities(kb_);
  std::vector<Found> candidates;
  FindKnown(doc, &entities, &candidates);
  FindGovernments(doc, *out, &entities, &candidates);
  FindBareLevelGovernments(doc, *out, &entities, &candidates);
  FindByForm(doc, &entities, &candidates);
  // Longest first; among equals, knowledge base before governments before
  // forms. Accept those that do not overlap an accepted one.
  std::stable_sort(candidates.begin(), candidates.end(), [](const Found& a, const Found& b) {
    if (a.norm.size() != b.norm.size()) return a.norm.size() > b.norm.size();
    return a.source < b.source;
  });
  // Accepted spans kept ordered by start, so each overlap test is a
  // logarithmic look-up (pages may repeat a name hundreds of thousands of times).
  std::vector<Found> accepted;
  std::map<size_t, size_t> taken;  // begin → end
  for (Found& c : candidates) {
    auto next = taken.lower_bound(c.norm.begin);
    if (next != taken.end() && next->first < c.norm.end) continue;
    if (next != taken.begin() && std::prev(next)->second > c.norm.begin) continue;
    taken.emplace(c.norm.begin, c.norm.end);
    accepted.push_back(std::move(c));
  }
  std::sort(accepted.begin(), accepted.end(),
            [](const Found& a, const Found& b) { return a.norm < b.norm; });
  ResolveLegalNameGlosses(doc, entities, &accepted, &out->warnings);

  std::vector<Span> org_spans;
  for (const Found& f : accepted) {
    EntityMention m;
    m.norm = f.norm;
    m.span = doc.ToOriginal(f.norm);
    m.lang = doc.LangAt(f.norm.begin);
    const Entity& entity = entities.at(f.entity);
    m.id = entity.id;
    out->parties.push_back(m);
    if (f.source != Found::kGovernment) org_spans.push_back(f.norm);
    if (!out->entities.count(entity.id)) out->entities.emplace(entity.id, entity);
  }
  // A place named inside an organisation's name ("Shandong CATL", 合肥国轩)
  // is not a place mention of its own; a government's place is. org_spans
  // are ordered and disjoint, so only the last one starting at or before the
  // place can hold it.
  auto inside_org = [&](const EntityMention& place) {
    auto after = std::upper_bound(org_spans.begin(), org_spans.end(), place.norm.begin,
                                  [](size_t off, const Span& s) { return off < s.begin; });
    if (after == org_spans.begin()) return false;
    const Span& s = *std::prev(after);
    return s.begin <= place.norm.begin && place.norm.end <= s.end;
  };
  out->places.erase(std::remove_if(out->places.begin(), out->places.end(), inside_org),
                    out->places.end());
}

}  // namespace gigafact
