// DatabaseSink: writes records (SPEC §2, parsed JSON) into a database with
// the schema of output/db_schema.h. Two backends share this contract:
// SQLite ("sqlite:FILE") and PostgreSQL ("postgresql://…" or "postgres://…").
//
// Guarantees, whatever the backend:
// - Atomic articles: an article's rows are written in one transaction, so a
//   run killed at any moment leaves each article fully present or absent.
//   Transactions are batched (several whole articles each) for speed.
// - Idempotent: writing a doc_id again replaces all of its rows, so re-runs
//   and retried shards neither lose nor double anything. Error records get
//   an articles row with their error code: records in = articles rows.
// - Safe: every value travels as a bound parameter or COPY data, never as
//   SQL text; the password of a connection URI never appears in an error
//   message (messages name the database by RedactUrl).
//
// A sink is used from one thread.
#ifndef GIGAFACT_OUTPUT_SINK_H_
#define GIGAFACT_OUTPUT_SINK_H_

#include <cstddef>
#include <memory>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "output/db_schema.h"

namespace gigafact {

class Gazetteer;

struct SinkOptions {
  // Records per transaction: bigger batches load faster, smaller ones lose
  // less work to a crash (the uncommitted batch is re-done by a re-run).
  size_t batch_size = 1000;
  // When set, the places table also gets every ancestor of a stored place
  // (see db::AddPlaceAncestors).
  db::PlaceLookup place_lookup;
};

// PlaceLookupOf: a PlaceLookup over a loaded gazetteer, which must outlive it.
db::PlaceLookup PlaceLookupOf(const Gazetteer& gazetteer);

class DatabaseSink {
 public:
  enum class WriteStatus {
    kOk,
    kNotARecord,  // the record has no doc_id; nothing written, sink still usable
    kFailed,      // the database refused; the sink is unusable from now on
  };

  virtual ~DatabaseSink() = default;

  // Write adds one record. Its rows become durable at the next commit,
  // which Write does by itself every batch_size records. On kFailed the
  // records since the last commit are not stored (a re-run stores them).
  virtual WriteStatus Write(const nlohmann::json& record, std::string* err) = 0;

  // Commit makes every record written so far durable. A sink destroyed
  // without Commit discards the records since the last commit.
  virtual bool Commit(std::string* err) = 0;

  // description: the database URL with any password masked, for messages.
  virtual const std::string& description() const = 0;
};

// OpenDatabaseSink connects to url, creates the schema on first use (or
// checks and migrates its version) and returns the sink; nullptr with a
// message in *err (free of any password) when the URL is not understood or
// the database cannot be reached or refuses.
std::unique_ptr<DatabaseSink> OpenDatabaseSink(const std::string& url, const SinkOptions& options,
                                               std::string* err);

// RedactUrl masks the password of a URL ("postgresql://ann:***@host/db"),
// in the user-info part and in a password= query parameter alike.
std::string RedactUrl(const std::string& url);

// UrlSecrets: the password of url as written and percent-decoded (empty
// strings left out), which messages from a database library must not show.
std::vector<std::string> UrlSecrets(const std::string& url);

// ScrubSecrets replaces every secret (and the raw url, by its redacted
// form) in message with "***".
std::string ScrubSecrets(std::string message, const std::string& url);

}  // namespace gigafact

#endif  // GIGAFACT_OUTPUT_SINK_H_
