#include "output/record.h"

#include <algorithm>
#include <charconv>
#include <cstdio>
#include <map>
#include <simdjson.h>

#include "ingest/boilerplate.h"

namespace gigafact {

namespace {

// JsonOut appends JSON text to a string as the caller walks the record:
// records are written straight to their line, with no JSON tree in between
// (building nlohmann trees of every mention cost more than the writing, and
// several times the article's size in memory for a big page). Members and
// elements are separated as they come: a value needs a comma when anything
// came before it in its container.
class JsonOut {
 public:
  explicit JsonOut(std::string* out) : out_(out) {}

  void BeginObject() { Open('{'); }
  void EndObject() { Close('}'); }
  void BeginArray() { Open('['); }
  void EndArray() { Close(']'); }
  // Key writes an object member's key; its value follows.
  JsonOut& Key(std::string_view key) {
    Separate();
    AppendString(key);
    out_->push_back(':');
    need_comma_ = false;
    return *this;
  }
  void String(std::string_view s) {
    Separate();
    AppendString(s);
  }
  // StringOrNull: an empty string stands for an absent value.
  void StringOrNull(std::string_view s) {
    if (s.empty()) Null();
    else String(s);
  }
  void Null() { Raw("null"); }
  void Unsigned(uint64_t v) {
    char buf[24];
    Raw(std::string_view(buf, std::to_chars(buf, buf + sizeof buf, v).ptr - buf));
  }
  void Integer(int64_t v) {
    char buf[24];
    Raw(std::string_view(buf, std::to_chars(buf, buf + sizeof buf, v).ptr - buf));
  }
  // Double writes a number as nlohmann's dump does (shortest form that reads
  // back, "40.0" for whole numbers, null for NaN and infinities).
  void Double(double v) { Raw(Json(v).dump()); }
  void OptionalDouble(const std::optional<double>& v) {
    if (v) Double(*v);
    else Null();
  }
  void SpanArray(Span s) {
    BeginArray();
    Unsigned(s.begin);
    Unsigned(s.end);
    EndArray();
  }
  void Strings(const std::vector<std::string>& list) {
    BeginArray();
    for (const std::string& s : list) String(s);
    EndArray();
  }
  // Value writes a JSON tree (error records, and callers that build one).
  void Value(const Json& j);

 private:
  void Separate() {
    if (need_comma_) out_->push_back(',');
    need_comma_ = true;
  }
  void Open(char c) {
    Separate();
    out_->push_back(c);
    need_comma_ = false;
  }
  void Close(char c) {
    out_->push_back(c);
    need_comma_ = true;
  }
  void Raw(std::string_view text) {
    Separate();
    out_->append(text);
  }
  void AppendString(std::string_view s);

  std::string* out_;
  bool need_comma_ = false;
};

// EscapeTable: of[c] is the escape of byte c in a JSON string, or nullptr
// to copy the byte as is (nlohmann's escapes, so output stays the same).
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

void JsonOut::AppendString(std::string_view s) {
  if (!simdjson::validate_utf8(s.data(), s.size())) {
    // Invalid bytes (only from a caller's tree): nlohmann replaces them with
    // U+FFFD, which keeps the line valid JSON.
    out_->append(Json(std::string(s)).dump(-1, ' ', false, Json::error_handler_t::replace));
    return;
  }
  out_->push_back('"');
  size_t run = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    const char* escape = kEscape.of[static_cast<unsigned char>(s[i])];
    if (escape == nullptr) continue;
    out_->append(s.data() + run, i - run);
    out_->append(escape);
    run = i + 1;
  }
  out_->append(s.data() + run, s.size() - run);
  out_->push_back('"');
}

void JsonOut::Value(const Json& j) {
  switch (j.type()) {
    case Json::value_t::object:
      BeginObject();
      for (const auto& [key, value] : j.get_ref<const Json::object_t&>()) {
        Key(key);
        Value(value);
      }
      EndObject();
      return;
    case Json::value_t::array:
      BeginArray();
      for (const Json& value : j.get_ref<const Json::array_t&>()) Value(value);
      EndArray();
      return;
    case Json::value_t::string:
      String(j.get_ref<const std::string&>());
      return;
    case Json::value_t::number_integer:
      Integer(j.get<Json::number_integer_t>());
      return;
    case Json::value_t::number_unsigned:
      Unsigned(j.get<Json::number_unsigned_t>());
      return;
    default:  // floats, booleans, null
      Raw(j.dump());
      return;
  }
}

std::string_view MentionText(const Document& doc, Span s) { return doc.OriginalText(s); }

// WriteLanguages: every language that carries a fair part of the body, so
// one stray English word in a Chinese page does not make it bilingual.
void WriteLanguages(const Document& doc, JsonOut* out) {
  size_t en = 0, zh = 0, total = 0;
  for (const Sentence& s : doc.sentences) {
    if (s.boilerplate) continue;
    total += s.span.size();
    if (s.lang == Lang::kEn) en += s.span.size();
    if (s.lang == Lang::kZh) zh += s.span.size();
  }
  auto carries = [&](size_t n) { return n > 0 && (n * 10 >= total || n >= 200); };
  out->BeginArray();
  if (carries(en)) out->String("en");
  if (carries(zh)) out->String("zh");
  out->EndArray();
}

// WriteEntities writes places or parties: one entry per entity, in order of
// first mention, with all its mentions.
void WriteEntities(const Document& doc, const std::vector<EntityMention>& mentions,
                   const std::map<std::string, Entity>& entities, bool is_place, JsonOut* out) {
  // Group mentions by entity, entities in order of first mention.
  std::vector<const EntityMention*> sorted;
  sorted.reserve(mentions.size());
  for (const auto& m : mentions) sorted.push_back(&m);
  std::stable_sort(sorted.begin(), sorted.end(),
                   [](const EntityMention* a, const EntityMention* b) { return a->span < b->span; });
  std::vector<const std::string*> order;
  std::map<std::string_view, std::vector<const EntityMention*>> by_id;
  for (const EntityMention* m : sorted) {
    auto& list = by_id[m->id];
    if (list.empty()) order.push_back(&m->id);
    list.push_back(m);
  }
  out->BeginArray();
  for (const std::string* id : order) {
    auto it = entities.find(*id);
    if (it == entities.end()) continue;
    const Entity& e = it->second;
    const std::vector<const EntityMention*>& its_mentions = by_id[*id];
    out->BeginObject();
    out->Key("id").String(e.id);
    out->Key("name").String(e.name);
    out->Key("name_zh").StringOrNull(e.name_zh);
    out->Key("type").String(e.type);
    if (is_place) {
      out->Key("country").StringOrNull(e.country);
      out->Key("parent").StringOrNull(e.parent);
    } else if (!e.parent.empty()) {
      out->Key("parent").String(e.parent);
    }
    // Every other name the entity goes by, the mentions' own spellings
    // included, so a reader can see how each name was resolved.
    std::vector<std::string_view> aliases(e.aliases.begin(), e.aliases.end());
    for (const EntityMention* m : its_mentions) {
      std::string_view t = MentionText(doc, m->span);
      if (t != e.name && t != e.name_zh &&
          std::find(aliases.begin(), aliases.end(), t) == aliases.end())
        aliases.push_back(t);
    }
    if (!aliases.empty()) {
      out->Key("aliases").BeginArray();
      for (std::string_view a : aliases) out->String(a);
      out->EndArray();
    }
    out->Key("mentions").BeginArray();
    for (const EntityMention* m : its_mentions) {
      out->BeginObject();
      out->Key("text").String(MentionText(doc, m->span));
      out->Key("lang").String(LangCode(m->lang));
      out->Key("span").SpanArray(m->span);
      out->EndObject();
    }
    out->EndArray();
    out->EndObject();
  }
  out->EndArray();
}

void WriteDates(const Document& doc, const Extraction& ex, JsonOut* out) {
  out->BeginArray();
  for (const DateMention& d : ex.dates) {
    out->BeginObject();
    out->Key("value").String(d.value);
    out->Key("granularity").String(d.granularity);
    out->Key("text").String(MentionText(doc, d.span));
    out->Key("lang").String(LangCode(d.lang));
    out->Key("span").SpanArray(d.span);
    out->Key("role").String(d.role);
    out->EndObject();
  }
  out->EndArray();
}

void WriteQuantities(const Document& doc, const Extraction& ex, JsonOut* out) {
  out->BeginArray();
  for (const QuantityMention& q : ex.quantities) {
    out->BeginObject();
    out->Key("kind").String(q.kind);
    out->Key("value").OptionalDouble(q.value);
    if (q.min || q.max) {
      out->Key("min").OptionalDouble(q.min);
      out->Key("max").OptionalDouble(q.max);
    }
    out->Key("unit").String(q.unit);
    if (!q.currency.empty()) out->Key("currency").String(q.currency);
    out->Key("qualifier").String(q.qualifier);
    out->Key("text").String(MentionText(doc, q.span));
    out->Key("lang").String(LangCode(q.lang));
    out->Key("span").SpanArray(q.span);
    out->EndObject();
  }
  out->EndArray();
}

void WriteFacts(const Document& doc, const Extraction& ex, JsonOut* out) {
  out->BeginArray();
  for (const Fact& f : ex.facts) {
    out->BeginObject();
    out->Key("type").String(f.type);
    out->Key("parties").Strings(f.parties);
    out->Key("place").StringOrNull(f.place);
    out->Key(f.kind == "energy" ? "energy_gwh" : "power_gw").Double(f.value);
    out->Key("date").StringOrNull(f.date);
    out->Key("evidence").BeginObject();
    out->Key("text").String(MentionText(doc, f.evidence));
    out->Key("span").SpanArray(f.evidence);
    out->EndObject();
    out->EndObject();
  }
  out->EndArray();
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

std::string RecordLine(const Document& doc, const Extraction& ex) {
  std::string line;
  line.reserve(4096 + doc.text.size());
  JsonOut out(&line);
  out.BeginObject();
  out.Key("schema_version").Integer(kSchemaVersion);
  out.Key("doc_id").String(doc.doc_id);
  out.Key("source").BeginObject();
  out.Key("path").StringOrNull(doc.path);
  out.Key("url").StringOrNull(doc.url);
  out.Key("sha256").String(doc.sha256);
  out.Key("charset").String(doc.charset);
  out.EndObject();
  out.Key("languages");
  WriteLanguages(doc, &out);
  out.Key("title").StringOrNull(GuessTitle(doc));
  out.Key("published");
  if (ex.published) {
    out.BeginObject();
    out.Key("value").String(ex.published->value);
    out.Key("text").String(ex.published->text);
    out.Key("span");
    if (ex.published->span) out.SpanArray(*ex.published->span);
    else out.Null();
    out.EndObject();
  } else {
    out.Null();
  }
  out.Key("dates");
  WriteDates(doc, ex, &out);
  out.Key("quantities");
  WriteQuantities(doc, ex, &out);
  out.Key("places");
  WriteEntities(doc, ex.places, ex.entities, /*is_place=*/true, &out);
  out.Key("parties");
  WriteEntities(doc, ex.parties, ex.entities, /*is_place=*/false, &out);
  out.Key("facts");
  WriteFacts(doc, ex, &out);
  out.Key("body_spans").BeginArray();
  for (Span s : BodySpans(doc)) out.SpanArray(s);
  out.EndArray();
  out.Key("warnings").BeginArray();
  for (const auto& w : doc.warnings) out.String(w);
  for (const auto& w : ex.warnings) out.String(w);
  out.EndArray();
  out.EndObject();
  return line;
}

Json BuildRecord(const Document& doc, const Extraction& ex) {
  return Json::parse(RecordLine(doc, ex));
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

std::string SerializeRecord(const Json& record) {
  std::string line;
  JsonOut out(&line);
  out.Value(record);
  return line;
}

}  // namespace gigafact
