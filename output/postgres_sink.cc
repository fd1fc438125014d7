#include "output/postgres_sink.h"

#include <libpq-fe.h>

#include <algorithm>
#include <charconv>
#include <chrono>
#include <cstdlib>
#include <thread>

namespace gigafact {

namespace {

// A batch grows to batch_size records or this many bytes of COPY text,
// whichever comes first, so huge records do not balloon memory.
constexpr size_t kMaxBatchBytes = 64 << 20;
// Attempts of a transaction that lost a race with another loader.
constexpr int kCommitAttempts = 5;
// Serializes schema creation between loaders starting at once (an
// arbitrary key, "gigafact" in ASCII).
constexpr const char* kSchemaLockSql = "SELECT pg_advisory_xact_lock(7451895291389362548)";

std::string StageTable(const db::Table& t) { return std::string("gigafact_stage_") + t.name; }

// AppendCopyText appends s in COPY text format: backslash, tab, newline and
// carriage return escaped, everything else verbatim.
void AppendCopyText(const std::string& s, std::string* out) {
  for (char c : s) {
    switch (c) {
      case '\\': *out += "\\\\"; break;
      case '\t': *out += "\\t"; break;
      case '\n': *out += "\\n"; break;
      case '\r': *out += "\\r"; break;
      default: *out += c;
    }
  }
}

void AppendCopyValue(const db::Value& v, std::string* out) {
  char buf[32];
  if (const auto* i = std::get_if<int64_t>(&v)) {
    out->append(buf, std::to_chars(buf, buf + sizeof buf, *i).ptr);
  } else if (const auto* d = std::get_if<double>(&v)) {
    // Shortest text that reads back as the same double.
    out->append(buf, std::to_chars(buf, buf + sizeof buf, *d).ptr);
  } else if (const auto* s = std::get_if<std::string>(&v)) {
    AppendCopyText(*s, out);
  } else {
    *out += "\\N";
  }
}

void AppendCopyRow(const db::Row& row, std::string* out) {
  for (size_t i = 0; i < row.size(); ++i) {
    if (i) *out += '\t';
    AppendCopyValue(row[i], out);
  }
  *out += '\n';
}

// ArrayLiteral renders ids as a PostgreSQL text[] literal, bound as one
// parameter: every element quoted, quote and backslash escaped.
std::string ArrayLiteral(const std::vector<std::string>& ids) {
  std::string out = "{";
  for (size_t i = 0; i < ids.size(); ++i) {
    if (i) out += ',';
    out += '"';
    for (char c : ids[i]) {
      if (c == '"' || c == '\\') out += '\\';
      out += c;
    }
    out += '"';
  }
  return out + "}";
}

// IsRetryable: SQLSTATEs of a transaction that lost a race with a
// concurrent loader and may simply be run again.
bool IsRetryable(const std::string& sqlstate) {
  return sqlstate == "40P01"     // deadlock_detected
         || sqlstate == "40001"  // serialization_failure
         || sqlstate == "23505";  // unique_violation: the same article loaded at once
}

void IgnoreNotice(void*, const char*) {}

std::string OneLine(std::string s) {
  while (!s.empty() && (s.back() == '\n' || s.back() == ' ')) s.pop_back();
  for (char& c : s)
    if (c == '\n') c = ' ';
  return s;
}

}  // namespace

std::unique_ptr<PostgresSink> PostgresSink::Open(const std::string& url,
                                                 const SinkOptions& options, std::string* err) {
  // Entries before dbname may be overridden by the URI's own parameters,
  // entries after it may not (libpq's expand_dbname rule).
  const char* keys[] = {"connect_timeout", "fallback_application_name", "dbname",
                        "client_encoding", nullptr};
  const char* values[] = {"10", "gigafact", url.c_str(), "UTF8", nullptr};
  PGconn* conn = PQconnectdbParams(keys, values, /*expand_dbname=*/1);
  std::string description = RedactUrl(url);
  if (conn == nullptr) {
    *err = "cannot connect to " + description + ": out of memory";
    return nullptr;
  }
  if (PQstatus(conn) != CONNECTION_OK) {
    *err = ScrubSecrets("cannot connect to " + description + ": " + OneLine(PQerrorMessage(conn)),
                        url);
    PQfinish(conn);
    return nullptr;
  }
  PQsetNoticeProcessor(conn, IgnoreNotice, nullptr);
  std::unique_ptr<PostgresSink> sink(new PostgresSink(conn, url, options));
  if (!sink->CreateSchema(err)) return nullptr;
  return sink;
}

PostgresSink::PostgresSink(PGconn* conn, std::string url, const SinkOptions& options)
    : conn_(conn), url_(std::move(url)), description_(RedactUrl(url_)), options_(options) {}

PostgresSink::~PostgresSink() { PQfinish(conn_); }

std::string PostgresSink::Message(const std::string& what, const PGresult* res) const {
  std::string detail = res != nullptr ? PQresultErrorMessage(res) : "";
  if (detail.empty()) detail = PQerrorMessage(conn_);
  return ScrubSecrets(what + ": " + OneLine(detail), url_);
}

bool PostgresSink::Exec(const std::string& sql, const std::vector<std::string>& params,
                        std::string* err, std::string* sqlstate) {
  std::vector<const char*> values;
  for (const std::string& p : params) values.push_back(p.c_str());
  PGresult* res = PQexecParams(conn_, sql.c_str(), static_cast<int>(values.size()), nullptr,
                               values.data(), nullptr, nullptr, 0);
  ExecStatusType status = PQresultStatus(res);
  bool ok = status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK;
  if (!ok) {
    *err = Message("cannot write to " + description_, res);
    if (sqlstate != nullptr) {
      const char* state = res != nullptr ? PQresultErrorField(res, PG_DIAG_SQLSTATE) : nullptr;
      *sqlstate = state != nullptr ? state : "";
    }
  }
  PQclear(res);
  return ok;
}

bool PostgresSink::CopyIn(const std::string& target, const std::string& data, std::string* err,
                          std::string* sqlstate) {
  PGresult* res = PQexec(conn_, ("COPY " + target + " FROM STDIN").c_str());
  bool started = PQresultStatus(res) == PGRES_COPY_IN;
  if (!started) *err = Message("cannot write to " + description_, res);
  PQclear(res);
  if (!started) return false;
  // Put the data in slices: libpq buffers each call whole.
  constexpr size_t kSlice = 1 << 20;
  bool sent = true;
  for (size_t pos = 0; pos < data.size() && sent; pos += kSlice) {
    size_t n = std::min(kSlice, data.size() - pos);
    sent = PQputCopyData(conn_, data.data() + pos, static_cast<int>(n)) == 1;
  }
  sent = PQputCopyEnd(conn_, sent ? nullptr : "client failed to send") == 1 && sent;
  bool ok = true;
  while ((res = PQgetResult(conn_)) != nullptr) {
    if (PQresultStatus(res) != PGRES_COMMAND_OK && ok) {
      ok = false;
      *err = Message("cannot write to " + description_, res);
      const char* state = PQresultErrorField(res, PG_DIAG_SQLSTATE);
      *sqlstate = state != nullptr ? state : "";
    }
    PQclear(res);
  }
  if (ok && !sent) {
    *err = Message("cannot write to " + description_, nullptr);
    ok = false;
  }
  return ok;
}

bool PostgresSink::CreateSchema(std::string* err) {
  // fail rolls back and keeps the first message, not the rollback's.
  auto fail = [&](const std::string& message) {
    std::string ignored;
    Exec("ROLLBACK", {}, &ignored);
    failed_ = true;
    *err = message;
    return false;
  };
  std::string e;
  if (!Exec("SET client_min_messages = warning", {}, &e) || !Exec("BEGIN", {}, &e) ||
      !Exec(kSchemaLockSql, {}, &e))
    return fail(e);
  for (const std::string& sql : db::CreateSchemaSql())
    if (!Exec(sql, {}, &e)) return fail(e);
  std::string select = std::string("SELECT version FROM ") + db::kVersionTable;
  PGresult* res = PQexec(conn_, select.c_str());
  if (PQresultStatus(res) != PGRES_TUPLES_OK) {
    e = Message("cannot read the schema version of " + description_, res);
    PQclear(res);
    return fail(e);
  }
  bool found = PQntuples(res) > 0;
  int version = found ? std::atoi(PQgetvalue(res, 0, 0)) : 0;
  PQclear(res);
  std::vector<std::string> migration;
  if (found && !db::MigrationSql(version, &migration, &e)) return fail(description_ + ": " + e);
  for (const std::string& sql : migration)
    if (!Exec(sql, {}, &e)) return fail(e);
  if (!found || !migration.empty()) {
    if (!Exec(std::string("DELETE FROM ") + db::kVersionTable, {}, &e) ||
        !Exec(std::string("INSERT INTO ") + db::kVersionTable + " (version) VALUES ($1)",
              {std::to_string(db::kSchemaVersion)}, &e))
      return fail(e);
  }
  if (!Exec("COMMIT", {}, &e)) return fail(e);
  // Session staging tables for the entity upserts, emptied at each commit.
  for (const db::Table& t : db::Tables()) {
    if (t.kind != db::TableKind::kEntity) continue;
    if (!Exec("CREATE TEMP TABLE IF NOT EXISTS " + StageTable(t) + " (LIKE " + t.name +
                  ") ON COMMIT DELETE ROWS",
              {}, &e))
      return fail(e);
  }
  return true;
}

void PostgresSink::AddToBatch(const db::ArticleRows& rows) {
  batch_ids_.push_back(rows.doc_id);
  batch_id_set_.insert(rows.doc_id);
  for (size_t t = 0; t < db::kTableCount; ++t) {
    if (db::Tables()[t].kind == db::TableKind::kEntity) {
      auto table = static_cast<db::TableId>(t);
      for (const db::Row& row : rows.rows[t]) {
        const std::string& id = std::get<std::string>(row[0]);
        if (stored_.Changed(table, row)) entities_[t][id] = row;
        else entities_[t].erase(id);  // back to what is stored
      }
    } else {
      size_t before = copy_[t].size();
      for (const db::Row& row : rows.rows[t]) AppendCopyRow(row, &copy_[t]);
      batch_bytes_ += copy_[t].size() - before;
    }
  }
}

void PostgresSink::ClearBatch() {
  batch_ids_.clear();
  batch_id_set_.clear();
  for (auto& c : copy_) c.clear();
  for (auto& e : entities_) e.clear();
  batch_bytes_ = 0;
}

bool PostgresSink::CommitOnce(std::string* err, std::string* sqlstate) {
  sqlstate->clear();
  auto fail = [&] {
    std::string ignored;
    if (PQtransactionStatus(conn_) != PQTRANS_IDLE) Exec("ROLLBACK", {}, &ignored);
    return false;
  };
  if (!Exec("BEGIN", {}, err, sqlstate)) return fail();
  const std::vector<std::string> ids = {ArrayLiteral(batch_ids_)};
  for (const db::Table& t : db::Tables()) {
    if (t.kind != db::TableKind::kArticle) continue;
    if (!Exec(std::string("DELETE FROM ") + t.name + " WHERE doc_id = ANY($1::text[])", ids, err,
              sqlstate))
      return fail();
  }
  for (size_t i = 0; i < db::kTableCount; ++i) {
    const db::Table& t = db::Tables()[i];
    if (t.kind != db::TableKind::kEntity || entities_[i].empty()) continue;
    std::string data;
    for (const auto& [id, row] : entities_[i]) AppendCopyRow(row, &data);
    auto table = static_cast<db::TableId>(i);
    if (!CopyIn(StageTable(t) + " (" + db::ColumnList(table) + ")", data, err, sqlstate) ||
        !Exec(db::UpsertSql(table, db::Dialect::kPostgres,
                            "SELECT " + db::ColumnList(table) + " FROM " + StageTable(t) +
                                " ORDER BY id"),
              {}, err, sqlstate))
      return fail();
  }
  for (size_t i = 0; i < db::kTableCount; ++i) {
    if (copy_[i].empty()) continue;
    auto table = static_cast<db::TableId>(i);
    if (!CopyIn(std::string(db::Tables()[i].name) + " (" + db::ColumnList(table) + ")", copy_[i],
                err, sqlstate))
      return fail();
  }
  if (!Exec("COMMIT", {}, err, sqlstate)) return fail();
  return true;
}

bool PostgresSink::Commit(std::string* err) {
  if (failed_) {
    *err = description_ + " failed earlier";
    return false;
  }
  if (batch_ids_.empty()) return true;
  std::string sqlstate;
  for (int attempt = 1;; ++attempt) {
    if (CommitOnce(err, &sqlstate)) break;
    if (!IsRetryable(sqlstate) || attempt == kCommitAttempts || PQstatus(conn_) != CONNECTION_OK) {
      failed_ = true;
      return false;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(20 * attempt * attempt));
  }
  for (size_t t = 0; t < db::kTableCount; ++t)
    for (const auto& [id, row] : entities_[t]) stored_.Stored(static_cast<db::TableId>(t), row);
  ClearBatch();
  return true;
}

DatabaseSink::WriteStatus PostgresSink::Write(const nlohmann::json& record, std::string* err) {
  if (failed_) {
    *err = description_ + " failed earlier";
    return WriteStatus::kFailed;
  }
  if (!db::MapRecord(record, &rows_, err)) return WriteStatus::kNotARecord;
  if (options_.place_lookup) db::AddPlaceAncestors(options_.place_lookup, &rows_);
  // A batch holds each article once: a repeat starts a new batch, so it
  // replaces the earlier rows rather than colliding with them.
  if (batch_id_set_.count(rows_.doc_id) && !Commit(err)) return WriteStatus::kFailed;
  AddToBatch(rows_);
  if ((batch_ids_.size() >= options_.batch_size || batch_bytes_ >= kMaxBatchBytes) &&
      !Commit(err))
    return WriteStatus::kFailed;
  return WriteStatus::kOk;
}

}  // namespace gigafact
