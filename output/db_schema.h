// The database schema shared by the SQLite and PostgreSQL sinks, declared
// once: the tables, their columns and indexes, the SQL text that creates and
// fills them, and MapRecord, which turns one record (SPEC §2) into the rows
// of every table. The backends only differ in how they move rows (prepared
// statements vs COPY); what a row holds is decided here.
//
// Tables (column names are the README's, so users can write SQL directly):
//   articles(doc_id PK, sha256, path, url, title, published, languages,
//            error_code, error_message, schema_version)
//   dates(doc_id, value, granularity, role, text, lang, span_start, span_end)
//   quantities(doc_id, kind, value, min, max, unit, currency, qualifier,
//              text, lang, span_start, span_end)
//   mentions(doc_id, entity, entity_id, text, lang, span_start, span_end)
//   article_places(doc_id, place_id), article_parties(doc_id, party_id)
//   facts(doc_id, fact_index, type, kind, energy_gwh, power_gw, place_id,
//         date, evidence_text, span_start, span_end)
//   fact_parties(doc_id, fact_index, party_id)
//   places(id PK, name, name_zh, type, country, parent)
//   parties(id PK, name, name_zh, type, parent)
//   gigafact_schema(version): the database schema version, one row.
//
// The per-article tables are keyed by doc_id: loading an article again
// replaces all of its rows. places and parties are shared by all articles
// and upserted by id (the latest record's names win).
#ifndef GIGAFACT_OUTPUT_DB_SCHEMA_H_
#define GIGAFACT_OUTPUT_DB_SCHEMA_H_

#include <array>
#include <cstdint>
#include <functional>
#include <string>
#include <unordered_map>
#include <variant>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/extraction.h"

namespace gigafact::db {

// kSchemaVersion: the version of the database schema (not of the record
// schema, which articles.schema_version holds). Bump it with a migration
// in MigrationSql when a table changes.
constexpr int kSchemaVersion = 1;

enum class Dialect { kSqlite, kPostgres };

enum class ColumnType { kText, kInteger, kReal };

struct Column {
  const char* name;
  ColumnType type;
};

// TableKind: per-article tables hold rows of one article each (keyed by
// doc_id, replaced on reload); entity tables are shared and upserted by id.
enum class TableKind { kArticle, kEntity };

struct Table {
  const char* name;
  TableKind kind;
  std::vector<Column> columns;
  const char* primary_key;  // column list, or "" for none
};

// TableId indexes Tables() and ArticleRows::rows. kArticles comes first so
// the article row is written before its children.
enum TableId : size_t {
  kArticles,
  kDates,
  kQuantities,
  kMentions,
  kArticlePlaces,
  kArticleParties,
  kFacts,
  kFactParties,
  kPlaces,
  kParties,
  kTableCount
};

// Tables returns every table of the schema, indexed by TableId.
const std::array<Table, kTableCount>& Tables();

// A cell: NULL, an integer, a real or UTF-8 text (never with NUL bytes).
using Value = std::variant<std::monostate, int64_t, double, std::string>;
using Row = std::vector<Value>;  // one Value per column of its table

// ArticleRows: every row one record contributes, per table.
struct ArticleRows {
  std::string doc_id;
  bool is_error = false;
  std::array<std::vector<Row>, kTableCount> rows;
  void Clear();
};

// MapRecord fills *rows with the rows of record (a SPEC §2 record or an
// error record). It is lenient about missing or mistyped fields (they
// become NULL or no row) but a record needs a non-empty string doc_id:
// without one it returns false and sets *err.
bool MapRecord(const nlohmann::json& record, ArticleRows* rows, std::string* err);

// PlaceLookup returns the canonical place of an id (nullptr if unknown).
using PlaceLookup = std::function<const Entity*(const std::string& id)>;

// AddPlaceAncestors appends to rows->rows[kPlaces] the parent, grandparent…
// of every place already there, as lookup knows them, so the places table
// can roll a district up to its province even when no article names the
// province.
void AddPlaceAncestors(const PlaceLookup& lookup, ArticleRows* rows);

// CreateSchemaSql: the statements that create every table, index and the
// version table if they do not exist yet (safe to run on every start).
std::vector<std::string> CreateSchemaSql();

// kVersionTable holds one row: the database schema version.
constexpr const char* kVersionTable = "gigafact_schema";

// MigrationSql: the statements that bring a database at schema version
// `from` up to kSchemaVersion. False with *err when the database is newer
// than this program or no migration path exists.
bool MigrationSql(int from, std::vector<std::string>* statements, std::string* err);

// InsertSql: "INSERT INTO t (cols) VALUES (params), …" for `rows` rows,
// with the dialect's placeholders (? or $n), row by row, one per column in
// Tables() order.
std::string InsertSql(TableId table, Dialect dialect, size_t rows = 1);

// DeleteArticlesSql: "DELETE FROM t WHERE doc_id IN (params)" for `ids`
// doc ids, for a per-article table.
std::string DeleteArticlesSql(TableId table, Dialect dialect, size_t ids = 1);

// UpsertSql: insert-or-update of an entity table by id, taking its rows
// from `source` (a "VALUES (...)" or "SELECT ..." clause with the columns
// in Tables() order). A row equal to the stored one is left untouched, so
// concurrent loaders of the same entities take no needless row locks.
std::string UpsertSql(TableId table, Dialect dialect, const std::string& source);

// Placeholders: "(?, ?, ?)" or "($1, $2, $3)" for n columns; with first,
// numbering starts there ("($4, $5)").
std::string Placeholders(size_t n, Dialect dialect, size_t first = 1);

// EntityCache remembers the entity rows (places, parties) a sink has
// stored, so a place or party named by many articles is written again only
// when its names change, not once per article.
class EntityCache {
 public:
  // Changed: whether row (of entity table `table`) differs from the one
  // last stored for its id, or none was.
  bool Changed(TableId table, const Row& row) const;
  void Stored(TableId table, const Row& row);
  void Clear();

 private:
  std::array<std::unordered_map<std::string, Row>, kTableCount> stored_;
};

// ColumnList: "a, b, c", the table's columns in order.
std::string ColumnList(TableId table);

}  // namespace gigafact::db

#endif  // GIGAFACT_OUTPUT_DB_SCHEMA_H_
