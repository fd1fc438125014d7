#include "output/db_schema.h"

#include <cstring>
#include <set>

namespace gigafact::db {

namespace {

using nlohmann::json;
constexpr ColumnType kText = ColumnType::kText;
constexpr ColumnType kInt = ColumnType::kInteger;
constexpr ColumnType kReal = ColumnType::kReal;

// The indexes for the obvious queries: by article (every per-article table,
// for reloads), by entity, by value and by date.
struct Index {
  const char* name;
  const char* table;
  const char* columns;
};
constexpr Index kIndexes[] = {
    {"articles_published", "articles", "published"},
    {"dates_doc", "dates", "doc_id"},
    {"dates_value", "dates", "value"},
    {"quantities_doc", "quantities", "doc_id"},
    {"quantities_kind_value", "quantities", "kind, value"},
    {"mentions_doc", "mentions", "doc_id"},
    {"article_places_place", "article_places", "place_id"},
    {"article_parties_party", "article_parties", "party_id"},
    {"facts_place", "facts", "place_id"},
    {"facts_type", "facts", "type"},
    {"fact_parties_party", "fact_parties", "party_id"},
    {"places_parent", "places", "parent"},
};

const char* SqlType(ColumnType t) {
  switch (t) {
    case ColumnType::kText: return "TEXT";
    case ColumnType::kInteger: return "BIGINT";
    case ColumnType::kReal: return "DOUBLE PRECISION";
  }
  return "TEXT";
}

// Field returns obj[key] when obj is an object holding key, else nullptr.
const json* Field(const json& obj, const char* key) {
  if (!obj.is_object()) return nullptr;
  auto it = obj.find(key);
  return it == obj.end() ? nullptr : &*it;
}

// CleanText: databases store text without NUL bytes (PostgreSQL rejects
// them), so a JSON "\u0000" becomes U+FFFD in both backends alike.
std::string CleanText(const std::string& s) {
  if (std::memchr(s.data(), '\0', s.size()) == nullptr) return s;
  std::string out;
  out.reserve(s.size() + 8);
  for (char c : s) {
    if (c == '\0') out += "\xEF\xBF\xBD";
    else out += c;
  }
  return out;
}

Value Text(const json* v) {
  if (v == nullptr || !v->is_string()) return {};
  return CleanText(v->get_ref<const std::string&>());
}

Value Number(const json* v) {
  if (v == nullptr || !v->is_number()) return {};
  return v->get<double>();
}

Value Integer(const json* v) {
  if (v == nullptr) return {};
  if (v->is_number_integer()) return v->get<int64_t>();
  if (v->is_number_unsigned()) return static_cast<int64_t>(v->get<uint64_t>());
  return {};
}

Value Text(const json& obj, const char* key) { return Text(Field(obj, key)); }
Value Number(const json& obj, const char* key) { return Number(Field(obj, key)); }

// SpanValues: the [start, end) of obj["span"], NULLs when absent.
std::pair<Value, Value> SpanValues(const json& obj) {
  const json* span = Field(obj, "span");
  if (span == nullptr || !span->is_array() || span->size() != 2) return {};
  return {Integer(&(*span)[0]), Integer(&(*span)[1])};
}

// Elements returns obj[key] when it is an array, else an empty array.
const json& Elements(const json& obj, const char* key) {
  static const json kEmpty = json::array();
  const json* v = Field(obj, key);
  return v != nullptr && v->is_array() ? *v : kEmpty;
}

std::string Languages(const json& record) {
  std::string out;
  for (const json& l : Elements(record, "languages")) {
    if (!l.is_string()) continue;
    if (!out.empty()) out += ',';
    out += CleanText(l.get_ref<const std::string&>());
  }
  return out;
}

void MapArticle(const json& record, ArticleRows* rows) {
  const json* source = Field(record, "source");
  const json empty = json::object();
  const json& src = source != nullptr ? *source : empty;
  const json* published = Field(record, "published");
  const json* error = Field(record, "error");
  const json& err = error != nullptr ? *error : empty;
  std::string languages = Languages(record);
  rows->rows[kArticles].push_back(Row{
      rows->doc_id, Text(src, "sha256"), Text(src, "path"), Text(src, "url"),
      Text(record, "title"),
      published != nullptr ? Text(*published, "value") : Value{},
      languages.empty() ? Value{} : Value{languages}, Text(err, "code"), Text(err, "message"),
      Integer(Field(record, "schema_version"))});
}

void MapDates(const json& record, ArticleRows* rows) {
  for (const json& d : Elements(record, "dates")) {
    auto [start, end] = SpanValues(d);
    rows->rows[kDates].push_back(Row{rows->doc_id, Text(d, "value"), Text(d, "granularity"),
                                     Text(d, "role"), Text(d, "text"), Text(d, "lang"), start,
                                     end});
  }
}

void MapQuantities(const json& record, ArticleRows* rows) {
  for (const json& q : Elements(record, "quantities")) {
    auto [start, end] = SpanValues(q);
    rows->rows[kQuantities].push_back(
        Row{rows->doc_id, Text(q, "kind"), Number(q, "value"), Number(q, "min"), Number(q, "max"),
            Text(q, "unit"), Text(q, "currency"), Text(q, "qualifier"), Text(q, "text"),
            Text(q, "lang"), start, end});
  }
}

// MapEntities: one entity-table row per place or party, the article's link
// to it and a row per mention. Entities without an id cannot be linked and
// are left out.
void MapEntities(const json& record, const char* key, ArticleRows* rows) {
  const bool is_place = std::strcmp(key, "places") == 0;
  std::set<std::string> seen;
  for (const json& e : Elements(record, key)) {
    Value id = Text(e, "id");
    if (!std::holds_alternative<std::string>(id)) continue;
    const std::string& id_text = std::get<std::string>(id);
    if (id_text.empty() || !seen.insert(id_text).second) continue;
    if (is_place) {
      rows->rows[kPlaces].push_back(Row{id, Text(e, "name"), Text(e, "name_zh"), Text(e, "type"),
                                        Text(e, "country"), Text(e, "parent")});
      rows->rows[kArticlePlaces].push_back(Row{rows->doc_id, id});
    } else {
      rows->rows[kParties].push_back(
          Row{id, Text(e, "name"), Text(e, "name_zh"), Text(e, "type"), Text(e, "parent")});
      rows->rows[kArticleParties].push_back(Row{rows->doc_id, id});
    }
    for (const json& m : Elements(e, "mentions")) {
      auto [start, end] = SpanValues(m);
      rows->rows[kMentions].push_back(Row{rows->doc_id, is_place ? "place" : "party", id,
                                          Text(m, "text"), Text(m, "lang"), start, end});
    }
  }
}

void MapFacts(const json& record, ArticleRows* rows) {
  int64_t index = 0;
  for (const json& f : Elements(record, "facts")) {
    Value energy = Number(f, "energy_gwh"), power = Number(f, "power_gw");
    Value kind = !std::holds_alternative<std::monostate>(energy)  ? Value{"energy"}
                 : !std::holds_alternative<std::monostate>(power) ? Value{"power"}
                                                                  : Value{};
    const json* evidence = Field(f, "evidence");
    Value evidence_text, start, end;
    if (evidence != nullptr) {
      evidence_text = Text(*evidence, "text");
      std::tie(start, end) = SpanValues(*evidence);
    }
    rows->rows[kFacts].push_back(Row{rows->doc_id, index, Text(f, "type"), kind, energy, power,
                                     Text(f, "place"), Text(f, "date"), evidence_text, start,
                                     end});
    std::set<std::string> seen;
    for (const json& p : Elements(f, "parties")) {
      Value party = Text(&p);
      if (!std::holds_alternative<std::string>(party)) continue;
      if (!seen.insert(std::get<std::string>(party)).second) continue;
      rows->rows[kFactParties].push_back(Row{rows->doc_id, index, party});
    }
    ++index;
  }
}

}  // namespace

const std::array<Table, kTableCount>& Tables() {
  static const std::array<Table, kTableCount> kTables = {{
      {"articles", TableKind::kArticle,
       {{"doc_id", kText}, {"sha256", kText}, {"path", kText}, {"url", kText},
        {"title", kText}, {"published", kText}, {"languages", kText}, {"error_code", kText},
        {"error_message", kText}, {"schema_version", kInt}},
       "doc_id"},
      {"dates", TableKind::kArticle,
       {{"doc_id", kText}, {"value", kText}, {"granularity", kText}, {"role", kText},
        {"text", kText}, {"lang", kText}, {"span_start", kInt}, {"span_end", kInt}},
       ""},
      {"quantities", TableKind::kArticle,
       {{"doc_id", kText}, {"kind", kText}, {"value", kReal}, {"min", kReal}, {"max", kReal},
        {"unit", kText}, {"currency", kText}, {"qualifier", kText}, {"text", kText},
        {"lang", kText}, {"span_start", kInt}, {"span_end", kInt}},
       ""},
      {"mentions", TableKind::kArticle,
       {{"doc_id", kText}, {"entity", kText}, {"entity_id", kText}, {"text", kText},
        {"lang", kText}, {"span_start", kInt}, {"span_end", kInt}},
       ""},
      {"article_places", TableKind::kArticle, {{"doc_id", kText}, {"place_id", kText}},
       "doc_id, place_id"},
      {"article_parties", TableKind::kArticle, {{"doc_id", kText}, {"party_id", kText}},
       "doc_id, party_id"},
      {"facts", TableKind::kArticle,
       {{"doc_id", kText}, {"fact_index", kInt}, {"type", kText}, {"kind", kText},
        {"energy_gwh", kReal}, {"power_gw", kReal}, {"place_id", kText}, {"date", kText},
        {"evidence_text", kText}, {"span_start", kInt}, {"span_end", kInt}},
       "doc_id, fact_index"},
      {"fact_parties", TableKind::kArticle,
       {{"doc_id", kText}, {"fact_index", kInt}, {"party_id", kText}},
       "doc_id, fact_index, party_id"},
      {"places", TableKind::kEntity,
       {{"id", kText}, {"name", kText}, {"name_zh", kText}, {"type", kText},
        {"country", kText}, {"parent", kText}},
       "id"},
      {"parties", TableKind::kEntity,
       {{"id", kText}, {"name", kText}, {"name_zh", kText}, {"type", kText}, {"parent", kText}},
       "id"},
  }};
  return kTables;
}

void ArticleRows::Clear() {
  doc_id.clear();
  is_error = false;
  for (auto& r : rows) r.clear();
}

bool MapRecord(const json& record, ArticleRows* rows, std::string* err) {
  rows->Clear();
  const json* doc_id = Field(record, "doc_id");
  if (doc_id == nullptr || !doc_id->is_string() || doc_id->get_ref<const std::string&>().empty()) {
    *err = record.is_object() ? "record has no doc_id" : "not a JSON object";
    return false;
  }
  rows->doc_id = CleanText(doc_id->get_ref<const std::string&>());
  rows->is_error = Field(record, "error") != nullptr;
  MapArticle(record, rows);
  if (rows->is_error) return true;  // an error record is its articles row only
  MapDates(record, rows);
  MapQuantities(record, rows);
  MapEntities(record, "places", rows);
  MapEntities(record, "parties", rows);
  MapFacts(record, rows);
  return true;
}

void AddPlaceAncestors(const PlaceLookup& lookup, ArticleRows* rows) {
  std::vector<Row>& places = rows->rows[kPlaces];
  std::set<std::string> seen;
  for (const Row& row : places) seen.insert(std::get<std::string>(row[0]));
  // Appending while walking: each added ancestor is visited in turn.
  for (size_t i = 0; i < places.size(); ++i) {
    const Value& parent = places[i][5];
    if (!std::holds_alternative<std::string>(parent)) continue;
    const std::string& id = std::get<std::string>(parent);
    if (seen.count(id)) continue;
    const Entity* e = lookup(id);
    if (e == nullptr) continue;
    seen.insert(id);
    auto text_or_null = [](const std::string& s) { return s.empty() ? Value{} : Value{CleanText(s)}; };
    places.push_back(Row{CleanText(e->id), text_or_null(e->name), text_or_null(e->name_zh),
                         text_or_null(e->type), text_or_null(e->country), text_or_null(e->parent)});
  }
}

std::vector<std::string> CreateSchemaSql() {
  std::vector<std::string> out;
  for (const Table& t : Tables()) {
    std::string sql = std::string("CREATE TABLE IF NOT EXISTS ") + t.name + " (";
    for (size_t i = 0; i < t.columns.size(); ++i) {
      if (i) sql += ", ";
      sql += std::string(t.columns[i].name) + " " + SqlType(t.columns[i].type);
      if (i == 0) sql += " NOT NULL";
    }
    if (*t.primary_key) sql += std::string(", PRIMARY KEY (") + t.primary_key + ")";
    out.push_back(sql + ")");
  }
  for (const Index& ix : kIndexes) {
    out.push_back(std::string("CREATE INDEX IF NOT EXISTS ") + ix.name + " ON " + ix.table + " (" +
                  ix.columns + ")");
  }
  out.push_back(std::string("CREATE TABLE IF NOT EXISTS ") + kVersionTable +
                " (version BIGINT NOT NULL)");
  return out;
}

bool MigrationSql(int from, std::vector<std::string>* statements, std::string* err) {
  statements->clear();
  if (from == kSchemaVersion) return true;
  if (from > kSchemaVersion) {
    *err = "the database has gigafact schema version " + std::to_string(from) +
           ", newer than this gigafact's " + std::to_string(kSchemaVersion) +
           ": load it with a newer gigafact";
    return false;
  }
  // Each future version appends its ALTER statements here, from `from` up.
  *err = "the database has gigafact schema version " + std::to_string(from) +
         ", which this gigafact cannot migrate";
  return false;
}

std::string Placeholders(size_t n, Dialect dialect, size_t first) {
  std::string out = "(";
  for (size_t i = 0; i < n; ++i) {
    if (i) out += ", ";
    out += dialect == Dialect::kSqlite ? "?" : "$" + std::to_string(first + i);
  }
  return out + ")";
}

std::string ColumnList(TableId table) {
  std::string out;
  for (const Column& c : Tables()[table].columns) {
    if (!out.empty()) out += ", ";
    out += c.name;
  }
  return out;
}

std::string InsertSql(TableId table, Dialect dialect, size_t rows) {
  const Table& t = Tables()[table];
  const size_t n = t.columns.size();
  std::string sql = std::string("INSERT INTO ") + t.name + " (" + ColumnList(table) + ") VALUES ";
  for (size_t r = 0; r < rows; ++r) {
    if (r) sql += ", ";
    sql += Placeholders(n, dialect, r * n + 1);
  }
  return sql;
}

std::string DeleteArticlesSql(TableId table, Dialect dialect, size_t ids) {
  return std::string("DELETE FROM ") + Tables()[table].name + " WHERE doc_id IN " +
         Placeholders(ids, dialect);
}

bool EntityCache::Changed(TableId table, const Row& row) const {
  const auto& stored = stored_[table];
  auto it = stored.find(std::get<std::string>(row[0]));
  return it == stored.end() || it->second != row;
}

void EntityCache::Stored(TableId table, const Row& row) {
  stored_[table][std::get<std::string>(row[0])] = row;
}

void EntityCache::Clear() {
  for (auto& s : stored_) s.clear();
}

std::string UpsertSql(TableId table, Dialect dialect, const std::string& source) {
  const Table& t = Tables()[table];
  // SQLite's "IS NOT" is PostgreSQL's "IS DISTINCT FROM": NULL-safe inequality.
  const char* differs = dialect == Dialect::kSqlite ? " IS NOT " : " IS DISTINCT FROM ";
  std::string set, changed;
  for (size_t i = 1; i < t.columns.size(); ++i) {
    const std::string c = t.columns[i].name;
    if (i > 1) {
      set += ", ";
      changed += " OR ";
    }
    set += c + " = excluded." + c;
    changed += std::string(t.name) + "." + c + differs + "excluded." + c;
  }
  return std::string("INSERT INTO ") + t.name + " (" + ColumnList(table) + ") " + source +
         " ON CONFLICT (id) DO UPDATE SET " + set + " WHERE " + changed;
}

}  // namespace gigafact::db
