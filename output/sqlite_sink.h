// SqliteSink: the DatabaseSink over an embedded SQLite file (libsqlite3).
//
// Records are mapped to rows in memory; a commit writes the whole batch in
// one transaction: the batch's articles are deleted from every per-article
// table, changed places and parties upserted, and the new rows inserted
// with prepared multi-row statements. The file's write lock is held only
// while writing, so several processes (say, `extract --db` on shards) can
// load one file, taking turns (BEGIN IMMEDIATE, with a generous busy
// timeout). WAL journal, synchronous=NORMAL: a killed process never loses a
// committed batch nor leaves part of one.
#ifndef GIGAFACT_OUTPUT_SQLITE_SINK_H_
#define GIGAFACT_OUTPUT_SQLITE_SINK_H_

#include <array>
#include <memory>
#include <string>
#include <unordered_set>
#include <vector>

#include "output/db_schema.h"
#include "output/sink.h"

struct sqlite3;
struct sqlite3_stmt;

namespace gigafact {

class SqliteSink : public DatabaseSink {
 public:
  // Open opens (creating if needed) the database file at path and its
  // schema; nullptr with *err when it cannot.
  static std::unique_ptr<SqliteSink> Open(const std::string& path, const SinkOptions& options,
                                          std::string* err);
  ~SqliteSink() override;

  WriteStatus Write(const nlohmann::json& record, std::string* err) override;
  bool Commit(std::string* err) override;
  const std::string& description() const override { return description_; }

 private:
  // A statement for one row (or id) and one for kRowsPerStatement at once.
  struct Statements {
    sqlite3_stmt* one = nullptr;
    sqlite3_stmt* many = nullptr;
  };

  SqliteSink(sqlite3* db, std::string path, const SinkOptions& options);
  bool Exec(const char* sql, std::string* err);
  bool CreateSchema(std::string* err);
  bool Prepare(std::string* err);
  bool PrepareOne(const std::string& sql, sqlite3_stmt** stmt, std::string* err);
  // Run binds `values` (in order) to stmt's parameters and steps it once.
  bool Run(sqlite3_stmt* stmt, const std::vector<const db::Value*>& values, std::string* err);
  // RunChunked runs `each` values per item through st.many in chunks of
  // kRowsPerStatement items, the rest through st.one.
  bool RunChunked(const Statements& st, size_t each, const std::vector<const db::Value*>& values,
                  std::string* err);
  bool WriteBatch(std::string* err);
  // Fail: the message for a failed statement, naming the database; rolls
  // back and marks the sink failed.
  std::string Fail(const std::string& what);

  sqlite3* db_;
  std::string description_;
  SinkOptions options_;
  bool in_transaction_ = false;
  bool failed_ = false;
  // The batch: batch_[0, pending_) are its articles' rows; the slots are
  // reused from batch to batch, their buffers with them. batch_ids_ holds
  // their doc ids: an article appears once per batch.
  std::vector<db::ArticleRows> batch_;
  size_t pending_ = 0;
  std::unordered_set<std::string> batch_ids_;
  db::EntityCache entities_;
  std::array<Statements, db::kTableCount> insert_;  // upsert for entity tables
  std::array<Statements, db::kTableCount> delete_;  // per-article tables only
};

}  // namespace gigafact

#endif  // GIGAFACT_OUTPUT_SQLITE_SINK_H_
