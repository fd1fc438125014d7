// The database sink suite against a real PostgreSQL server: the one named by
// GIGAFACT_TEST_PG_URL (as .ci/run sets it; a database the tests may create
// schemas in), else a throwaway cluster started with scripts/pg_test_server
// for this test run. When neither is possible the tests are skipped and say
// why. Each test works in a fresh schema, dropped afterwards.
#include "output/postgres_sink.h"

#include <gtest/gtest.h>
#include <libpq-fe.h>

#include <atomic>
#include <chrono>
#include <thread>
#include <cstdlib>
#include <fstream>
#include <unistd.h>

#include "tests/output/db_sink_suite.h"

namespace gigafact::dbtest {
namespace {

using nlohmann::json;

// PgServer: where the tests find their server, started on first use.
class PgServer : public ::testing::Environment {
 public:
  static PgServer* Get() { return instance_; }

  // Url returns the server's URI, or "" with *why when there is none.
  std::string Url(std::string* why) {
    if (!tried_) Start();
    *why = why_;
    return url_;
  }

  void TearDown() override {
    if (!dir_.empty())
      std::system(("'" + Script() + "' stop '" + dir_ + "' >/dev/null 2>&1").c_str());
    dir_.clear();
  }

 private:
  static std::string Script() {
    const char* root = std::getenv("GIGAFACT_SOURCE_ROOT");
    return std::string(root ? root : ".") + "/scripts/pg_test_server";
  }

  void Start() {
    tried_ = true;
    if (const char* env = std::getenv("GIGAFACT_TEST_PG_URL"); env != nullptr && *env) {
      url_ = env;
      return;
    }
    std::string dir = ScratchDir() + "/pg";
    std::string log = ScratchDir() + "/pg_test_server.log";
    std::string cmd = "'" + Script() + "' start '" + dir + "' 2>'" + log + "'";
    FILE* p = popen(cmd.c_str(), "r");
    char buf[1024];
    std::string out;
    size_t n;
    while ((n = fread(buf, 1, sizeof buf, p)) > 0) out.append(buf, n);
    int status = pclose(p);
    while (!out.empty() && out.back() == '\n') out.pop_back();
    if (status == 0 && !out.empty()) {
      url_ = out;
      dir_ = dir;
      return;
    }
    std::ifstream in(log);
    std::string reason((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    while (!reason.empty() && reason.back() == '\n') reason.pop_back();
    why_ = "PostgreSQL tests skipped: GIGAFACT_TEST_PG_URL is unset and scripts/pg_test_server "
           "could not start a throwaway server (" +
           (reason.empty() ? std::string("no message") : reason) + ")";
    std::system(("'" + Script() + "' stop '" + dir + "' >/dev/null 2>&1").c_str());
  }

  static PgServer* const instance_;
  bool tried_ = false;
  std::string url_, why_, dir_;
};

// Registered before main, so gtest stops a server the tests started; the
// server itself starts only when a PostgreSQL test first runs.
PgServer* const PgServer::instance_ =
    static_cast<PgServer*>(::testing::AddGlobalTestEnvironment(new PgServer()));

// WithParam appends a libpq parameter to a URI.
std::string WithParam(const std::string& url, const std::string& param) {
  return url + (url.find('?') == std::string::npos ? "?" : "&") + param;
}

// PgDatabase: a fresh schema on the server, which the URL selects through
// search_path, dropped with everything in it at the end.
class PgDatabase : public TestDatabase {
 public:
  static std::unique_ptr<TestDatabase> Make(std::string* why) {
    std::string server = PgServer::Get()->Url(why);
    if (server.empty()) return nullptr;
    static std::atomic<int> next{0};
    std::string schema = "gigafact_test_" + std::to_string(getpid()) + "_" + std::to_string(next++);
    auto db = std::unique_ptr<PgDatabase>(new PgDatabase(server, schema));
    if (db->conn_ == nullptr) {
      ADD_FAILURE() << "cannot connect to the PostgreSQL test server";
      return nullptr;
    }
    return db;
  }
  ~PgDatabase() override {
    Exec("DROP SCHEMA IF EXISTS " + schema_ + " CASCADE");
    PQfinish(conn_);
  }
  std::string url() const override { return url_; }

  std::vector<std::vector<std::string>> Query(const std::string& sql) override {
    std::vector<std::vector<std::string>> rows;
    PGresult* res = PQexec(conn_, sql.c_str());
    if (PQresultStatus(res) != PGRES_TUPLES_OK) {
      ADD_FAILURE() << sql << ": " << PQresultErrorMessage(res);
    } else {
      for (int r = 0; r < PQntuples(res); ++r) {
        std::vector<std::string> row;
        for (int c = 0; c < PQnfields(res); ++c)
          row.push_back(PQgetisnull(res, r, c) ? "NULL"
                                               : std::string(PQgetvalue(res, r, c),
                                                             PQgetlength(res, r, c)));
        rows.push_back(std::move(row));
      }
    }
    PQclear(res);
    return rows;
  }

  void RefuseArticle(const std::string& doc_id) override {
    const char* params[] = {doc_id.c_str()};
    Exec("CREATE TABLE test_refused (doc_id TEXT)");
    PGresult* res = PQexecParams(conn_, "INSERT INTO test_refused VALUES ($1)", 1, nullptr,
                                 params, nullptr, nullptr, 0);
    PQclear(res);
    Exec("CREATE FUNCTION test_refuse() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
         "IF EXISTS (SELECT 1 FROM test_refused WHERE doc_id = NEW.doc_id) THEN "
         "RAISE EXCEPTION 'refused by the test'; END IF; RETURN NEW; END $$");
    Exec("CREATE TRIGGER test_refuse BEFORE INSERT ON articles FOR EACH ROW "
         "EXECUTE FUNCTION test_refuse()");
  }
  void AllowArticles() override { Exec("DROP TRIGGER test_refuse ON articles"); }

  // Quiesce: a killed client's server process may still be finishing its
  // last COMMIT; it ends once it reads the closed connection.
  void Quiesce() override {
    for (int i = 0; i < 300; ++i) {
      auto rows = Query(
          "SELECT COUNT(*) FROM pg_stat_activity WHERE application_name = 'gigafact' "
          "AND datname = current_database() AND pid <> pg_backend_pid()");
      if (rows.empty() || rows[0][0] == "0") return;
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    ADD_FAILURE() << "another session still works on the database";
  }

 private:
  PgDatabase(const std::string& server, const std::string& schema)
      : schema_(schema), url_(WithParam(server, "options=-csearch_path%3D" + schema)) {
    PGconn* admin = PQconnectdb(server.c_str());
    if (PQstatus(admin) == CONNECTION_OK) {
      PQclear(PQexec(admin, "SET client_min_messages = warning"));
      PQclear(PQexec(admin, ("CREATE SCHEMA " + schema).c_str()));
    }
    PQfinish(admin);
    conn_ = PQconnectdb(url_.c_str());
    if (PQstatus(conn_) != CONNECTION_OK) {
      PQfinish(conn_);
      conn_ = nullptr;
      return;
    }
    Exec("SET client_min_messages = warning");
  }
  void Exec(const std::string& sql) {
    if (conn_ == nullptr) return;
    PGresult* res = PQexec(conn_, sql.c_str());
    if (PQresultStatus(res) != PGRES_COMMAND_OK)
      ADD_FAILURE() << sql << ": " << PQresultErrorMessage(res);
    PQclear(res);
  }

  std::string schema_, url_;
  PGconn* conn_ = nullptr;
};

INSTANTIATE_TEST_SUITE_P(Postgres, DbSinkSuite,
                         ::testing::Values(Backend{"postgres", PgDatabase::Make}),
                         [](const ::testing::TestParamInfo<Backend>& info) {
                           return std::string(info.param.name);
                         });

// PostgresSinkTest: what only a PostgreSQL server shows.
class PostgresSinkTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string why;
    db_ = PgDatabase::Make(&why);
    if (!db_) GTEST_SKIP() << why;
  }
  std::unique_ptr<TestDatabase> db_;
};

// WithPassword puts a password into a URI's user-info ("postgresql://u@…"),
// or returns "" when the URI has no user to attach it to.
std::string WithPassword(const std::string& url, const std::string& password) {
  size_t start = url.find("://");
  size_t at = url.find('@');
  if (start == std::string::npos || at == std::string::npos || at < start) return "";
  if (url.substr(start + 3, at - start - 3).find(':') != std::string::npos) return "";
  return url.substr(0, at) + ":" + password + url.substr(at);
}

TEST_F(PostgresSinkTest, APasswordInTheUriNeverShows) {
  std::string url = WithPassword(db_->url(), "Sekr3t-pw");
  if (url.empty()) GTEST_SKIP() << "the test server's URI has no user name to add a password to";
  std::string path = ScratchDir() + "/pw.jsonl";
  std::ofstream(path) << R"({"schema_version":1,"doc_id":"a","source":{}})" << "\n{broken\n";
  RunResult r = RunGigafact("load " + ShellQuote(path) + " --db " + ShellQuote(url));
  EXPECT_EQ(r.exit_code, 1);  // the broken line
  EXPECT_EQ(r.output.find("Sekr3t-pw"), std::string::npos) << r.output;
  EXPECT_NE(r.output.find(":***@"), std::string::npos) << r.output;
  EXPECT_EQ(db_->Query("SELECT COUNT(*) FROM articles")[0][0], "1");
}

TEST_F(PostgresSinkTest, AMissingDatabaseIsAClearErrorWithoutThePassword) {
  std::string url = WithPassword(db_->url(), "Sekr3t-pw");
  if (url.empty()) GTEST_SKIP() << "the test server's URI has no user name to add a password to";
  size_t slash = url.find('/', url.find('@'));
  size_t end = url.find('?', slash);
  url = url.substr(0, slash) + "/no_such_database" + url.substr(end);
  std::string err;
  EXPECT_EQ(OpenDatabaseSink(url, SinkOptions(), &err), nullptr);
  EXPECT_EQ(err.rfind("cannot connect to ", 0), 0u) << err;
  EXPECT_NE(err.find("no_such_database"), std::string::npos) << err;
  EXPECT_EQ(err.find("Sekr3t-pw"), std::string::npos) << err;
}

TEST_F(PostgresSinkTest, ConcurrentLoadersOfTheSameArticlesNeitherLoseNorDouble) {
  // Two loaders of overlapping shards at once: retried races, same counts.
  std::string path = ScratchDir() + "/concurrent.jsonl";
  {
    std::ofstream out(path);
    for (int i = 0; i < 300; ++i) {
      json r = {{"schema_version", 1},
                {"doc_id", "doc" + std::to_string(i)},
                {"source", json::object()},
                {"dates", {{{"value", "2025"}, {"granularity", "year"}, {"span", {0, 4}}}}},
                {"parties", {{{"id", "p" + std::to_string(i % 7)}, {"name", "P"}, {"mentions", json::array()}}}}};
      out << r.dump() << "\n";
    }
  }
  std::string cmd = "load -q --batch 7 " + ShellQuote(path) + " --db " + ShellQuote(db_->url());
  RunResult r = RunGigafact(cmd + " & " + std::string(std::getenv("GIGAFACT_BIN")) + " " + cmd +
                            "; wait");
  EXPECT_EQ(r.output, "");
  EXPECT_EQ(db_->Query("SELECT COUNT(*) FROM articles")[0][0], "300");
  EXPECT_EQ(db_->Query("SELECT COUNT(*) FROM dates")[0][0], "300");
  EXPECT_EQ(db_->Query("SELECT COUNT(*) FROM parties")[0][0], "7");
  EXPECT_EQ(db_->Query("SELECT COUNT(*) FROM article_parties")[0][0], "300");
}

}  // namespace
}  // namespace gigafact::dbtest
