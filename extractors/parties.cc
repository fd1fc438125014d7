#include "extractors/parties.h"

#include <algorithm>
#include <functional>
#include <cctype>
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

bool StartsWith(std::string_view s, std::string_view prefix) {
  return s.substr(0, prefix.size()) == prefix;
}

bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

bool IsAlnumAt(std::string_view s, size_t i) {
  return i < s.size() && std::isalnum(static_cast<unsigned char>(s[i]));
}

bool IsUpperAt(std::string_view s, size_t i) {
  return i < s.size() && std::isupper(static_cast<unsigned char>(s[i]));
}

// PossessiveLength: the length of a possessive "'s" or "’s" that starts s
// and ends a word, or 0.
size_t PossessiveLength(std::string_view s) {
  for (std::string_view p : {"'s", "\xE2\x80\x99s"})
    if (StartsWith(s, p) && !IsAlnumAt(s, p.size())) return p.size();
  return 0;
}

// PossessiveSuffix: the length of a possessive that ends s, or 0.
size_t PossessiveSuffix(std::string_view s) {
  for (std::string_view p : {"'s", "\xE2\x80\x99s"})
    if (s.size() > p.size() && EndsWith(s, p)) return p.size();
  return 0;
}

// CapitalisedWordEnd: the end of a capitalised word ("Industry",
// "Urban-Rural") starting at pos, or pos if none starts there.
size_t CapitalisedWordEnd(std::string_view s, size_t pos) {
  if (!IsUpperAt(s, pos)) return pos;
  size_t end = pos + 1;
  while (end < s.size() && (std::isalnum(static_cast<unsigned char>(s[end])) || s[end] == '-'))
    ++end;
  return end;
}

// MinistryFieldEnd: the end of a ministry's field of capitalised words
// starting at pos: "Industry and Trade", "Economy, Trade and Industry",
// "Foreign Affairs", "Industry and Trade of Morocco". A comma continues the
// field only as a list closed by "and" ("Investment, BKPM, said" stops
// before the comma). pos if no capitalised word starts there.
size_t MinistryFieldEnd(std::string_view s, size_t pos) {
  if (StartsWith(s.substr(pos), "the ")) pos += 4;
  size_t end = CapitalisedWordEnd(s, pos);
  if (end == pos) return pos;
  size_t before_list = std::string_view::npos;  // end before an open comma list
  for (;;) {
    size_t next = std::string_view::npos;
    for (std::string_view join : {", and ", " and ", ", ", " & ", " of the ", " of ", " for ", " "}) {
      if (!StartsWith(s.substr(end), join)) continue;
      size_t word_end = CapitalisedWordEnd(s, end + join.size());
      if (word_end == end + join.size()) continue;
      if (join == ", ") {
        if (before_list == std::string_view::npos) before_list = end;
      } else if (join == " and " || join == ", and ") {
        before_list = std::string_view::npos;
      }
      next = word_end;
      break;
    }
    if (next == std::string_view::npos) break;
    end = next;
  }
  return before_list != std::string_view::npos ? before_list : end;
}

// ExtendsAName: whether the text before an adjective ends with a capitalised
// word that makes it part of a longer name ("Western Australian
// Government" is not Australia's); "The" does not.
bool ExtendsAName(std::string_view before) {
  if (before.empty() || before.back() != ' ') return false;
  before.remove_suffix(1);
  size_t space = before.rfind(' ');
  std::string_view word = before.substr(space == std::string_view::npos ? 0 : space + 1);
  return IsUpperAt(word, 0) && word != "The" && word != "A" && word != "An";
}

// IsTickerAfter: a name followed by a stock ticker ("SZSE: 300750)",
// "NYSE: GM,") is a listing venue, not a party of the news.
bool IsTickerAfter(std::string_view after) {
  if (after.empty() || after[0] != ':') return false;
  size_t i = 1;
  if (i < after.size() && after[i] == ' ') ++i;
  size_t code = i;
  while (i < after.size() && (std::isdigit(static_cast<unsigned char>(after[i])) ||
                              std::isupper(static_cast<unsigned char>(after[i])) || after[i] == '.'))
    ++i;
  if (i == code) return false;
  return i == after.size() || after[i] == ')' || after[i] == ',' || after[i] == ';' ||
         after[i] == ']' || after[i] == ' ';
}

// CanonicalField: the usual field of a ministry named by a short form
// ("Foreign Ministry" is the Ministry of Foreign Affairs).
std::string_view CanonicalField(std::string_view field) {
  if (field == "Foreign") return "Foreign Affairs";
  return field;
}

// IsStateOfAbroad: "the State of Kansas" names a US state's government,
// unless it says where something is
// ("in the State of Kansas").
bool IsStateOfAbroad(std::string_view before, const Place& place) {
  if (place.entity.type != "province" || place.entity.country != "US") return false;
  if (!EndsWith(before, "State of ")) return false;
  before.remove_suffix(std::string_view("State of ").size());
  if (EndsWith(before, "the ")) before.remove_suffix(4);
  for (std::string_view where : {"in ", "In ", "across ", "throughout ", "of "})
    if (EndsWith(before, where)) return false;
  return true;
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
    std::string_view text = doc.NormText(line.span);
    kb_.Find(text, &hits);
    for (const auto& h : hits) {
      if (IsTickerAfter(text.substr(h.span.end))) continue;
      found->push_back({{line.span.begin + h.span.begin, line.span.begin + h.span.end},
                        entities->OfParty(h.party), Found::kKnown});
    }
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
      // "Indonesia's government", "Kansas's Department of Commerce".
      size_t poss = PossessiveLength(after);
      if (poss > 0 && (body = governments_.MatchEnAfter(after.substr(poss), &len)) != nullptr)
        span = {m.norm.begin, m.norm.end + poss + len};
    }
    if (body == nullptr && !han) {
      // "Government of Portugal", "the Administrative Committee of the
      // Chongqing Liangjiang New Area".
      size_t lead = 0;
      body = governments_.MatchEnBefore(before, &lead);
      if (body == nullptr && IsStateOfAbroad(before, gazetteer_.place(place))) {
        body = governments_.Body("government");
        lead = std::string_view("State of ").size();
      }
      if (body != nullptr) span = {m.norm.begin - lead, m.norm.end};
    }
    if (body == nullptr && han && gazetteer_.place(place).entity.type == "country" &&
        m.id != "CN") {
      // "摩洛哥工业和贸易部": a foreign country's ministry.
      std::string_view field = governments_.MatchMinistryZhAfter(after, &len);
      if (!field.empty())
        found->push_back({{m.norm.begin, m.norm.end + len}, MinistryParty(place, field, entities),
                          Found::kGovernment});
      continue;
    }
    if (body == nullptr) continue;
    found->push_back({span, entities->Add(governments_.EntityFor(gazetteer_.place(place), *body)),
                      Found::kGovernment});
  }
}

int PartyExtractor::MostNamedPlace(const Extraction& ex,
                                   const std::function<bool(const Place&)>& keep) const {
  std::map<int, std::pair<int, size_t>> seen;  // place → (mentions, first offset)
  for (const EntityMention& m : ex.places) {
    int place = gazetteer_.IndexOf(m.id);
    if (place < 0 || !keep(gazetteer_.place(place))) continue;
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

int PartyExtractor::MainPlaceOfLevel(const Extraction& ex, int level) const {
  return MostNamedPlace(ex, [level](const Place& p) { return p.level == level; });
}

int PartyExtractor::MainCountry(const Extraction& ex) const {
  return MostNamedPlace(ex, [](const Place& p) { return p.entity.type == "country"; });
}

int PartyExtractor::CountryNamed(std::string_view name) const {
  const std::vector<int>* places = gazetteer_.ResolveName(name);
  if (places == nullptr) return -1;
  for (int p : *places)
    if (gazetteer_.place(p).entity.type == "country") return p;
  return -1;
}

int PartyExtractor::NationBefore(std::string_view text, bool names_ok, size_t* begin) const {
  if (text.empty() || text.back() != ' ') return -1;
  std::string_view words = text.substr(0, text.size() - 1);
  // Starts of the last one, two and three words.
  size_t starts[3];
  int n = 0;
  for (size_t cut = words.size(); n < 3 && cut > 0;) {
    size_t space = words.rfind(' ', cut - 1);
    size_t start = space == std::string_view::npos ? 0 : space + 1;
    if (start >= cut) break;
    starts[n++] = start;
    if (space == std::string_view::npos) break;
    cut = space;
  }
  for (int i = n - 1; i >= 0; --i) {  // longest phrase first
    std::string_view phrase = words.substr(starts[i]);
    if (!IsUpperAt(phrase, 0)) continue;
    int country = -1;
    if (size_t poss = PossessiveSuffix(phrase)) {
      country = CountryNamed(phrase.substr(0, phrase.size() - poss));
    } else if (std::string_view id = governments_.CountryOfDemonym(phrase); !id.empty()) {
      country = gazetteer_.IndexOf(id);
    } else if (names_ok) {
      country = CountryNamed(phrase);
    }
    if (country >= 0 && !ExtendsAName(words.substr(0, starts[i]))) {
      *begin = starts[i];
      return country;
    }
  }
  return -1;
}

void PartyExtractor::FindNationalGovernments(const Document& doc, EntityTable* entities,
                                             std::vector<Found>* found) const {
  const GovernmentBody* government = governments_.Body("government");
  if (government == nullptr) return;
  constexpr std::string_view kWord = "overnment";  // after 'g' or 'G'
  for (const Line& line : doc.lines) {
    if (line.boilerplate) continue;
    std::string_view text = doc.NormText(line.span);
    for (size_t at = text.find(kWord); at != std::string_view::npos;
         at = text.find(kWord, at + kWord.size())) {
      if (at == 0 || (text[at - 1] != 'g' && text[at - 1] != 'G')) continue;
      size_t end = at + kWord.size();
      if (IsAlnumAt(text, end)) continue;  // "governments", "governmental"
      size_t begin = 0;
      int country = NationBefore(text.substr(0, at - 1), /*names_ok=*/false, &begin);
      if (country < 0) continue;
      found->push_back({{line.span.begin + begin, line.span.begin + end},
                        entities->Add(governments_.EntityFor(gazetteer_.place(country), *government)),
                        Found::kGovernment});
    }
  }
}

size_t PartyExtractor::MinistryParty(int country, std::string_view field,
                                     EntityTable* entities) const {
  Entity e = governments_.MinistryEntity(gazetteer_.place(country), CanonicalField(field));
  int known = kb_.Lookup(e.name);
  if (known < 0 && !e.name_zh.empty()) known = kb_.Lookup(e.name_zh);
  for (size_t i = 0; known < 0 && i < e.aliases.size(); ++i)
    if (e.aliases[i].find(' ') != std::string::npos && e.aliases[i].rfind("Ministry of ", 0) != 0)
      known = kb_.Lookup(e.aliases[i]);  // "Indonesia's Ministry of Investment"; not the bare name
  return known >= 0 ? entities->OfParty(known) : entities->Add(std::move(e));
}

void PartyExtractor::FindMinistries(const Document& doc, const Extraction& ex,
                                    EntityTable* entities, std::vector<Found>* found) const {
  constexpr std::string_view kWord = "Ministry";
  int main_country = -2;  // computed when first needed
  for (const Line& line : doc.lines) {
    if (line.boilerplate) continue;
    std::string_view text = doc.NormText(line.span);
    for (size_t at = text.find(kWord); at != std::string_view::npos;
         at = text.find(kWord, at + kWord.size())) {
      if (IsAlnumAt(text, at - 1) || IsAlnumAt(text, at + kWord.size())) continue;
      size_t end = at + kWord.size();
      size_t begin = at;
      int country = -1;
      std::string_view field;
      if (StartsWith(text.substr(end), " of ")) {
        // "Ministry of <field>", qualified after ("… of Morocco") or before
        // ("Moroccan", "Morocco's", "Morocco").
        size_t field_begin = end + 4;
        end = MinistryFieldEnd(text, field_begin);
        if (end == field_begin) continue;
        if (StartsWith(text.substr(field_begin), "the ")) field_begin += 4;
        field = text.substr(field_begin, end - field_begin);
        for (size_t of = field.rfind(" of "); of != std::string_view::npos && of > 0;
             of = field.rfind(" of ", of - 1)) {
          std::string_view tail = field.substr(of + 4);
          if (StartsWith(tail, "the ")) tail.remove_prefix(4);
          if ((country = CountryNamed(tail)) >= 0) {
            field = field.substr(0, of);
            break;
          }
        }
        if (country < 0) country = NationBefore(text.substr(0, at), /*names_ok=*/true, &begin);
        if (country < 0 && kb_.Lookup(text.substr(at, end - at)) < 0) {
          // A bare "the Ministry of Investment": the main country's.
          if (main_country == -2) main_country = MainCountry(ex);
          country = main_country;
        }
      } else {
        // "<Country>'s Investment Ministry", "the Hungarian Foreign Ministry":
        // one to three capitalised words of field after the country.
        size_t field_begin = at;
        for (int words = 0; words < 3 && country < 0; ++words) {
          if (field_begin < 2 || text[field_begin - 1] != ' ') break;
          size_t word = text.rfind(' ', field_begin - 2);
          word = word == std::string_view::npos ? 0 : word + 1;
          if (CapitalisedWordEnd(text, word) != field_begin - 1) break;
          field_begin = word;
          country = NationBefore(text.substr(0, field_begin), /*names_ok=*/false, &begin);
        }
        if (country >= 0) field = text.substr(field_begin, at - 1 - field_begin);
      }
      if (country < 0 || field.empty()) continue;
      found->push_back({{line.span.begin + begin, line.span.begin + end},
                        MinistryParty(country, field, entities), Found::kGovernment});
    }
  }
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
  FindNationalGovernments(doc, &entities, &candidates);
  FindMinistries(doc, *out, &entities, &candidates);
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
