#include "output/record.h"

#include <algorithm>
#include <charconv>
#include <cstdio>
#include <map>
#include <simdjson.h>

#include "ingest/boilerplate.h"

namespace gigafact {

namespace {

Json SpanJson(Span s) { return Json::array({s.begin, s.end}); }

Json OptionalNumber(const std::optional<double>& v) {
  return v ? Json(*v) : Json(nullptr);
}

std::string MentionText(const Document& doc, Span s) { return std::string(doc.OriginalText(s)); }

// Languages: every language that carries a fair part of the body, so one
// stray English word in a Chinese page does not make it bilingual.
Json Languages(const Document& doc) {
  size_t en = 0, zh = 0, total = 0;
  for (const Sentence& s : doc.sentences) {
    if (s.boilerplate) continue;
    total += s.span.size();
    if (s.lang == Lang::kEn) en += s.span.size();
    if (s.lang == Lang::kZh) zh += s.span.size();
  }
  Json langs = Json::array();
  auto carries = [&](size_t n) { return n > 0 && (n * 10 >= total || n >= 200); };
  if (carries(en)) langs.push_back("en");
  if (carries(zh)) langs.push_back("zh");
  return langs;
}

Json EntitiesJson(const Document& doc, const std::vector<EntityMention>& mentions,
                  const std::map<std::string, Entity>& entities, bool is_place) {
  // Group mentions by entity, entities in order of first mention.
  std::vector<std::string> order;
  std::map<std::string, std::vector<const EntityMention*>> by_id;
  std::vector<const EntityMention*> sorted;
  for (const auto& m : mentions) sorted.push_back(&m);
  std::stable_sort(sorted.begin(), sorted.end(),
                   [](const EntityMention* a, const EntityMention* b) { return a->span < b->span; });
  for (const EntityMention* m : sorted) {
    auto& list = by_id[m->id];
    if (list.empty()) order.push_back(m->id);
    list.push_back(m);
  }
  Json out = Json::array();
  for (const std::string& id : order) {
    auto it = entities.find(id);
    if (it == entities.end()) continue;
    const Entity& e = it->second;
    Json j;
    j["id"] = e.id;
    j["name"] = e.name;
    j["name_zh"] = e.name_zh.empty() ? Json(nullptr) : Json(e.name_zh);
    j["type"] = e.type;
    if (is_place) {
      j["country"] = e.country.empty() ? Json(nullptr) : Json(e.country);
      j["parent"] = e.parent.empty() ? Json(nullptr) : Json(e.parent);
    } else if (!e.parent.empty()) {
      j["parent"] = e.parent;
    }
    // Every other name the entity goes by, the mentions' own spellings
    // included, so a reader can see how each name was resolved.
    std::vector<std::string> aliases = e.aliases;
    for (const EntityMention* m : by_id[id]) {
      std::string t = MentionText(doc, m->span);
      if (t != e.name && t != e.name_zh &&
          std::find(aliases.begin(), aliases.end(), t) == aliases.end())
        aliases.push_back(t);
    }
    if (!aliases.empty()) j["aliases"] = aliases;
    Json ms = Json::array();
    for (const EntityMention* m : by_id[id]) {
      ms.push_back({{"text", MentionText(doc, m->span)},
                    {"lang", LangCode(m->lang)},
                    {"span", SpanJson(m->span)}});
    }
    j["mentions"] = std::move(ms);
    out.push_back(std::move(j));
  }
  return out;
}

}  // namespace

std::string GuessTitle(const Document& doc) {
  if (!doc.title_hint.empty()) return doc.title_hint;
  for (const Line& line : doc.lines) {
    if (line.boilerplate) continue;
    std::string_view t = doc.NormText(line.span);
    if (t.size() > 300) return "";
    // A headline has no sentence end and is not just a date or a number.
    static constexpr std::string_view kSentenceEnds[] = {"。", ". ", "！", "？"};
    for (std::string_view end : kSentenceEnds)
      if (t.find(end) != std::string_view::npos) return "";
    if (!t.empty() && t.back() == '.') return "";
    size_t letters = 0;
    for (unsigned char c : t) letters += (c >= 0x80) || isalpha(c);
    if (letters < 6) continue;  // a date line or a number: look further
    return std::string(doc.OriginalText(doc.ToOriginal(line.span)));
  }
  return "";
}

Json BuildRecord(const Document& doc, const Extraction& ex) {
  Json r;
  r["schema_version"] = kSchemaVersion;
  r["doc_id"] = doc.doc_id;
  r["source"] = {{"path", doc.path.empty() ? Json(nullptr) : Json(doc.path)},
                 {"url", doc.url.empty() ? Json(nullptr) : Json(doc.url)},
                 {"sha256", doc.sha256},
                 {"charset", doc.charset}};
  r["languages"] = Languages(doc);
  std::string title = GuessTitle(doc);
  r["title"] = title.empty() ? Json(nullptr) : Json(title);
  if (ex.published) {
    Json p = {{"value", ex.published->value}, {"text", ex.published->text}};
    p["span"] = ex.published->span ? SpanJson(*ex.published->span) : Json(nullptr);
    r["published"] = std::move(p);
  } else {
    r["published"] = nullptr;
  }

  Json dates = Json::array();
  for (const DateMention& d : ex.dates) {
    dates.push_back({{"value", d.value},
                     {"granularity", d.granularity},
                     {"text", MentionText(doc, d.span)},
                     {"lang", LangCode(d.lang)},
                     {"span", SpanJson(d.span)},
                     {"role", d.role}});
  }
  r["dates"] = std::move(dates);

  Json quantities = Json::array();
  for (const QuantityMention& q : ex.quantities) {
    Json j;
    j["kind"] = q.kind;
    j["value"] = OptionalNumber(q.value);
    if (q.min || q.max) {
      j["min"] = OptionalNumber(q.min);
      j["max"] = OptionalNumber(q.max);
    }
    j["unit"] = q.unit;
    if (!q.currency.empty()) j["currency"] = q.currency;
    j["qualifier"] = q.qualifier;
    j["text"] = MentionText(doc, q.span);
    j["lang"] = LangCode(q.lang);
    j["span"] = SpanJson(q.span);
    quantities.push_back(std::move(j));
  }
  r["quantities"] = std::move(quantities);

  r["places"] = EntitiesJson(doc, ex.places, ex.entities, /*is_place=*/true);
  r["parties"] = EntitiesJson(doc, ex.parties, ex.entities, /*is_place=*/false);

  Json facts = Json::array();
  for (const Fact& f : ex.facts) {
    Json j;
    j["type"] = f.type;
    j["parties"] = f.parties;
    j["place"] = f.place.empty() ? Json(nullptr) : Json(f.place);
    j[f.kind == "energy" ? "energy_gwh" : "power_gw"] = f.value;
    j["date"] = f.date.empty() ? Json(nullptr) : Json(f.date);
    j["evidence"] = {{"text", MentionText(doc, f.evidence)}, {"span", SpanJson(f.evidence)}};
    facts.push_back(std::move(j));
  }
  r["facts"] = std::move(facts);

  Json body = Json::array();
  for (Span s : BodySpans(doc)) body.push_back(SpanJson(s));
  r["body_spans"] = std::move(body);

  Json warnings = Json::array();
  for (const auto& w : doc.warnings) warnings.push_back(w);
  for (const auto& w : ex.warnings) warnings.push_back(w);
  r["warnings"] = std::move(warnings);
  return r;
}

Json BuildErrorRecord(const Document& doc, const std::string& code, const std::string& message) {
  Json r;
  r["schema_version"] = kSchemaVersion;
  r["doc_id"] = doc.doc_id;
  r["source"] = {{"path", doc.path.empty() ? Json(nullptr) : Json(doc.path)},
                 {"url", doc.url.empty() ? Json(nullptr) : Json(doc.url)},
                 {"sha256", doc.sha256}};
  r["error"] = {{"code", code}, {"message", message}};
  return r;
}

namespace {

// Fast record serialization: the same bytes as
// record.dump(-1, ' ', false, error_handler_t::replace), about ten times
// faster, since nlohmann's dump decodes every byte of every string through a
// UTF-8 state machine and records are mostly text. Strings are checked with
// simdjson's UTF-8 validation instead, and escaped run by run.

// EscapeTable: of[c] is the escape of byte c in a JSON string, or nullptr
// to copy the byte as is.
struct EscapeTable {
  const char* of[256] = {};
  char storage[32][8] = {};
  EscapeTable() {
    for (int c = 0; c < 0x20; ++c) {
      std::snprintf(storage[c], sizeof storage[c], "\\u%04x", c);
      of[c] = storage[c];
    }
    of['\b'] = "\\b";
    of['\t'] = "\\t";
    of['\n'] = "\\n";
    of['\f'] = "\\f";
    of['\r'] = "\\r";
    of['"'] = "\\\"";
    of['\\'] = "\\\\";
  }
};
const EscapeTable kEscape;

void WriteString(const std::string& s, std::string* out) {
  if (!simdjson::validate_utf8(s.data(), s.size())) {
    // Invalid bytes: nlohmann's replacement (U+FFFD) keeps the output valid.
    *out += Json(s).dump(-1, ' ', false, Json::error_handler_t::replace);
    return;
  }
  out->push_back('"');
  size_t run = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    const char* escape = kEscape.of[static_cast<unsigned char>(s[i])];
    if (escape == nullptr) continue;
    out->append(s, run, i - run);
    out->append(escape);
    run = i + 1;
  }
  out->append(s, run, std::string::npos);
  out->push_back('"');
}

template <typename Int>
void WriteInteger(Int v, std::string* out) {
  char buf[24];
  auto end = std::to_chars(buf, buf + sizeof buf, v).ptr;
  out->append(buf, end);
}

void WriteJson(const Json& j, std::string* out) {
  switch (j.type()) {
    case Json::value_t::object: {
      out->push_back('{');
      bool first = true;
      for (const auto& [key, value] : j.get_ref<const Json::object_t&>()) {
        if (!first) out->push_back(',');
        first = false;
        WriteString(key, out);
        out->push_back(':');
        WriteJson(value, out);
      }
      out->push_back('}');
      return;
    }
    case Json::value_t::array: {
      out->push_back('[');
      bool first = true;
      for (const Json& value : j.get_ref<const Json::array_t&>()) {
        if (!first) out->push_back(',');
        first = false;
        WriteJson(value, out);
      }
      out->push_back(']');
      return;
    }
    case Json::value_t::string:
      WriteString(j.get_ref<const std::string&>(), out);
      return;
    case Json::value_t::number_integer:
      WriteInteger(j.get<Json::number_integer_t>(), out);
      return;
    case Json::value_t::number_unsigned:
      WriteInteger(j.get<Json::number_unsigned_t>(), out);
      return;
    default:  // floats, booleans, null: few, and nlohmann's form is the reference
      *out += j.dump();
      return;
  }
}

}  // namespace

std::string SerializeRecord(const Json& record) {
  std::string out;
  out.reserve(4096);
  WriteJson(record, &out);
  return out;
}

}  // namespace gigafact
