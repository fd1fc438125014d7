// PostgresSink: the DatabaseSink over a PostgreSQL server (libpq).
// Records are buffered into a batch; a commit is one transaction that
// deletes the batch's articles (doc_id = ANY of a bound array), upserts the
// places and parties (COPY into a session temp table, then INSERT … ON
// CONFLICT in id order, so concurrent loaders lock entities in one order)
// and COPYs every other row in. A transaction that loses a race with
// another loader (deadlock, serialization failure, an article loaded twice
// at once) is retried; any other refusal stops the sink.
//
// Authentication is libpq's: a password in the URI, PGPASSWORD or
// ~/.pgpass. No message of this sink shows the password.
#ifndef GIGAFACT_OUTPUT_POSTGRES_SINK_H_
#define GIGAFACT_OUTPUT_POSTGRES_SINK_H_

#include <array>
#include <map>
#include <memory>
#include <string>
#include <unordered_set>
#include <vector>

#include "output/db_schema.h"
#include "output/sink.h"

struct pg_conn;
struct pg_result;

namespace gigafact {

class PostgresSink : public DatabaseSink {
 public:
  // Open connects to url (a postgresql:// URI) and creates or checks the
  // schema; nullptr with *err (password-free) when it cannot.
  static std::unique_ptr<PostgresSink> Open(const std::string& url, const SinkOptions& options,
                                            std::string* err);
  ~PostgresSink() override;

  WriteStatus Write(const nlohmann::json& record, std::string* err) override;
  bool Commit(std::string* err) override;
  const std::string& description() const override { return description_; }

 private:
  PostgresSink(pg_conn* conn, std::string url, const SinkOptions& options);
  // Exec runs sql (no values in it) or, with params, binds them; *sqlstate
  // receives the error's SQLSTATE when it fails.
  bool Exec(const std::string& sql, const std::vector<std::string>& params, std::string* err,
            std::string* sqlstate = nullptr);
  // CopyIn streams data (COPY text format) into `target` ("table (cols)").
  bool CopyIn(const std::string& target, const std::string& data, std::string* err,
              std::string* sqlstate);
  bool CreateSchema(std::string* err);
  bool CommitOnce(std::string* err, std::string* sqlstate);
  void AddToBatch(const db::ArticleRows& rows);
  void ClearBatch();
  // Message: "what: <server message>", the password scrubbed out.
  std::string Message(const std::string& what, const pg_result* res) const;

  pg_conn* conn_;
  std::string url_;  // only to scrub messages; never shown
  std::string description_;
  SinkOptions options_;
  bool failed_ = false;
  db::ArticleRows rows_;  // reused for every record
  // The batch: the doc ids, COPY text per per-article table and the
  // entity rows by id (the last record's names win).
  std::vector<std::string> batch_ids_;
  std::unordered_set<std::string> batch_id_set_;
  std::array<std::string, db::kTableCount> copy_;
  std::array<std::map<std::string, db::Row>, db::kTableCount> entities_;
  db::EntityCache stored_;  // entity rows committed by this sink
  size_t batch_bytes_ = 0;
};

}  // namespace gigafact

#endif  // GIGAFACT_OUTPUT_POSTGRES_SINK_H_
