#include "output/sqlite_sink.h"

#include <sqlite3.h>

namespace gigafact {

namespace {

// How long a writer waits for another process's transaction on the same
// file before giving up.
constexpr int kBusyTimeoutMs = 60000;
// Rows per multi-row INSERT (and ids per DELETE): fewer, larger statements
// spend less time in per-statement overhead; 32 rows of the widest table
// stay far below SQLite's parameter limit.
constexpr size_t kRowsPerStatement = 32;

bool BindValue(sqlite3_stmt* stmt, int index, const db::Value& v) {
  int rc = SQLITE_OK;
  if (const auto* i = std::get_if<int64_t>(&v)) {
    rc = sqlite3_bind_int64(stmt, index, *i);
  } else if (const auto* d = std::get_if<double>(&v)) {
    rc = sqlite3_bind_double(stmt, index, *d);
  } else if (const auto* s = std::get_if<std::string>(&v)) {
    // SQLITE_STATIC: the batch outlives the statement's step and reset.
    rc = sqlite3_bind_text(stmt, index, s->data(), static_cast<int>(s->size()), SQLITE_STATIC);
  } else {
    rc = sqlite3_bind_null(stmt, index);
  }
  return rc == SQLITE_OK;
}

}  // namespace

std::unique_ptr<SqliteSink> SqliteSink::Open(const std::string& path, const SinkOptions& options,
                                             std::string* err) {
  sqlite3* db = nullptr;
  int rc = sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr);
  if (rc != SQLITE_OK) {
    *err = "cannot open sqlite:" + path + ": " +
           (db != nullptr ? sqlite3_errmsg(db) : sqlite3_errstr(rc));
    sqlite3_close_v2(db);
    return nullptr;
  }
  std::unique_ptr<SqliteSink> sink(new SqliteSink(db, path, options));
  sqlite3_busy_timeout(db, kBusyTimeoutMs);
  // WAL: readers never block the loader; synchronous=NORMAL: a commit is
  // safe from a killed process (only an OS crash may lose the last commits,
  // never consistency), and much cheaper than a sync per batch. A 64 MB
  // page cache keeps the indexes' hot pages in memory as a load grows them.
  if (!sink->Exec("PRAGMA journal_mode=WAL", err) || !sink->Exec("PRAGMA synchronous=NORMAL", err) ||
      !sink->Exec("PRAGMA cache_size=-65536", err) || !sink->Exec("PRAGMA temp_store=MEMORY", err) ||
      !sink->CreateSchema(err) || !sink->Prepare(err))
    return nullptr;
  return sink;
}

SqliteSink::SqliteSink(sqlite3* db, std::string path, const SinkOptions& options)
    : db_(db), description_("sqlite:" + path), options_(options) {}

SqliteSink::~SqliteSink() {
  if (in_transaction_) sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr);
  for (auto* statements : {&insert_, &delete_}) {
    for (Statements& st : *statements) {
      sqlite3_finalize(st.one);
      sqlite3_finalize(st.many);
    }
  }
  sqlite3_close_v2(db_);
}

bool SqliteSink::Exec(const char* sql, std::string* err) {
  if (sqlite3_exec(db_, sql, nullptr, nullptr, nullptr) == SQLITE_OK) return true;
  *err = Fail("cannot write to " + description_);
  return false;
}

std::string SqliteSink::Fail(const std::string& what) {
  std::string message = what + ": " + sqlite3_errmsg(db_);
  if (in_transaction_) sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr);
  in_transaction_ = false;
  failed_ = true;
  entities_.Clear();
  return message;
}

bool SqliteSink::CreateSchema(std::string* err) {
  // IMMEDIATE: two loaders starting on a new file create the schema once.
  if (!Exec("BEGIN IMMEDIATE", err)) return false;
  in_transaction_ = true;
  for (const std::string& sql : db::CreateSchemaSql())
    if (!Exec(sql.c_str(), err)) return false;
  sqlite3_stmt* stmt = nullptr;
  std::string select = std::string("SELECT version FROM ") + db::kVersionTable;
  if (!PrepareOne(select, &stmt, err)) return false;
  int rc = sqlite3_step(stmt);
  bool found = rc == SQLITE_ROW;
  int version = found ? sqlite3_column_int(stmt, 0) : 0;
  sqlite3_finalize(stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
    *err = Fail("cannot read the schema version of " + description_);
    return false;
  }
  std::vector<std::string> migration;
  if (found && !db::MigrationSql(version, &migration, err)) {
    *err = description_ + ": " + *err;
    Fail("");
    return false;
  }
  for (const std::string& sql : migration)
    if (!Exec(sql.c_str(), err)) return false;
  if (!found || !migration.empty()) {
    std::string clear = std::string("DELETE FROM ") + db::kVersionTable;
    if (!Exec(clear.c_str(), err)) return false;
    std::string insert = std::string("INSERT INTO ") + db::kVersionTable + " (version) VALUES (?)";
    sqlite3_stmt* ins = nullptr;
    db::Value version_value{int64_t{db::kSchemaVersion}};
    bool ok = PrepareOne(insert, &ins, err) && Run(ins, {&version_value}, err);
    sqlite3_finalize(ins);
    if (!ok) return false;
  }
  if (!Exec("COMMIT", err)) return false;
  in_transaction_ = false;
  return true;
}

bool SqliteSink::PrepareOne(const std::string& sql, sqlite3_stmt** stmt, std::string* err) {
  if (sqlite3_prepare_v3(db_, sql.c_str(), -1, SQLITE_PREPARE_PERSISTENT, stmt, nullptr) ==
      SQLITE_OK)
    return true;
  *err = Fail("cannot prepare a statement on " + description_);
  return false;
}

bool SqliteSink::Prepare(std::string* err) {
  constexpr db::Dialect kDialect = db::Dialect::kSqlite;
  for (size_t t = 0; t < db::kTableCount; ++t) {
    auto id = static_cast<db::TableId>(t);
    const db::Table& table = db::Tables()[t];
    if (table.kind == db::TableKind::kEntity) {
      std::string values = "VALUES " + db::Placeholders(table.columns.size(), kDialect);
      if (!PrepareOne(db::UpsertSql(id, kDialect, values), &insert_[t].one, err)) return false;
      continue;
    }
    if (!PrepareOne(db::InsertSql(id, kDialect), &insert_[t].one, err) ||
        !PrepareOne(db::InsertSql(id, kDialect, kRowsPerStatement), &insert_[t].many, err) ||
        !PrepareOne(db::DeleteArticlesSql(id, kDialect), &delete_[t].one, err) ||
        !PrepareOne(db::DeleteArticlesSql(id, kDialect, kRowsPerStatement), &delete_[t].many, err))
      return false;
  }
  return true;
}

bool SqliteSink::Run(sqlite3_stmt* stmt, const std::vector<const db::Value*>& values,
                     std::string* err) {
  bool bound = true;
  for (size_t i = 0; i < values.size() && bound; ++i)
    bound = BindValue(stmt, static_cast<int>(i + 1), *values[i]);
  int rc = bound ? sqlite3_step(stmt) : SQLITE_MISUSE;
  if (rc != SQLITE_DONE) *err = Fail("cannot write to " + description_);
  sqlite3_reset(stmt);
  return rc == SQLITE_DONE;
}

bool SqliteSink::RunChunked(const Statements& st, size_t each,
                            const std::vector<const db::Value*>& values, std::string* err) {
  const size_t items = values.size() / each;
  const size_t chunk = kRowsPerStatement * each;
  std::vector<const db::Value*> part;
  size_t item = 0;
  for (; item + kRowsPerStatement <= items; item += kRowsPerStatement) {
    part.assign(values.begin() + item * each, values.begin() + item * each + chunk);
    if (!Run(st.many, part, err)) return false;
  }
  for (; item < items; ++item) {
    part.assign(values.begin() + item * each, values.begin() + (item + 1) * each);
    if (!Run(st.one, part, err)) return false;
  }
  return true;
}

bool SqliteSink::WriteBatch(std::string* err) {
  if (!Exec("BEGIN IMMEDIATE", err)) return false;
  in_transaction_ = true;
  const auto articles = batch_.begin(), end = batch_.begin() + pending_;
  std::vector<db::Value> ids;
  for (auto a = articles; a != end; ++a) ids.emplace_back(a->doc_id);
  std::vector<const db::Value*> values;
  for (const db::Value& id : ids) values.push_back(&id);
  for (size_t t = 0; t < db::kTableCount; ++t)
    if (delete_[t].one != nullptr && !RunChunked(delete_[t], 1, values, err)) return false;
  for (size_t t = 0; t < db::kTableCount; ++t) {
    const db::Table& table = db::Tables()[t];
    auto id = static_cast<db::TableId>(t);
    values.clear();
    for (auto a = articles; a != end; ++a) {
      for (const db::Row& row : a->rows[t]) {
        if (table.kind == db::TableKind::kEntity) {
          if (!entities_.Changed(id, row)) continue;
          std::vector<const db::Value*> one;
          for (const db::Value& v : row) one.push_back(&v);
          if (!Run(insert_[t].one, one, err)) return false;
          entities_.Stored(id, row);
        } else {
          for (const db::Value& v : row) values.push_back(&v);
        }
      }
    }
    if (table.kind == db::TableKind::kArticle &&
        !RunChunked(insert_[t], table.columns.size(), values, err))
      return false;
  }
  if (!Exec("COMMIT", err)) return false;
  in_transaction_ = false;
  return true;
}

DatabaseSink::WriteStatus SqliteSink::Write(const nlohmann::json& record, std::string* err) {
  if (failed_) {
    *err = description_ + " failed earlier";
    return WriteStatus::kFailed;
  }
  if (pending_ == batch_.size()) batch_.emplace_back();
  if (!db::MapRecord(record, &batch_[pending_], err)) return WriteStatus::kNotARecord;
  if (options_.place_lookup) db::AddPlaceAncestors(options_.place_lookup, &batch_[pending_]);
  // A batch holds each article once (its old rows are deleted before any
  // new row is inserted): a repeat opens the next batch, replacing the
  // rows the current one stores.
  if (batch_ids_.count(batch_[pending_].doc_id)) {
    db::ArticleRows repeat = std::move(batch_[pending_]);
    if (!Commit(err)) return WriteStatus::kFailed;
    batch_[0] = std::move(repeat);
  }
  batch_ids_.insert(batch_[pending_].doc_id);
  if (++pending_ >= options_.batch_size && !Commit(err)) return WriteStatus::kFailed;
  return WriteStatus::kOk;
}

bool SqliteSink::Commit(std::string* err) {
  if (failed_) {
    *err = description_ + " failed earlier";
    return false;
  }
  if (pending_ == 0) return true;
  if (!WriteBatch(err)) return false;
  pending_ = 0;
  batch_ids_.clear();
  return true;
}

}  // namespace gigafact
