// The database sink tests every backend must pass (SQLite, PostgreSQL):
// corpus/ is extracted once with the real binary, loaded through
// 'gigafact load' and 'gigafact extract --db', and the tables are checked
// against the JSONL records. Each backend file instantiates DbSinkSuite
// with a TestDatabase factory.
#ifndef GIGAFACT_TESTS_OUTPUT_DB_SINK_SUITE_H_
#define GIGAFACT_TESTS_OUTPUT_DB_SINK_SUITE_H_

#include <gtest/gtest.h>

#include <functional>
#include <memory>
#include <ostream>
#include <string>
#include <vector>

namespace gigafact::dbtest {

// TestDatabase: one fresh, empty database of a backend, and a way to look
// inside it.
class TestDatabase {
 public:
  virtual ~TestDatabase() = default;
  // url: what --db takes to reach this database.
  virtual std::string url() const = 0;
  // Query returns the rows of sql's result as text, NULL as "NULL".
  virtual std::vector<std::vector<std::string>> Query(const std::string& sql) = 0;
  // RefuseArticle makes the database refuse to store the article doc_id
  // (a trigger raising an error) until AllowArticles.
  virtual void RefuseArticle(const std::string& doc_id) = 0;
  virtual void AllowArticles() = 0;
  // Quiesce waits until no other session works on the database, so a
  // killed client's last transaction has ended one way or the other.
  virtual void Quiesce() {}
};

// Backend: a name for test output and a factory that returns a fresh
// database, or nullptr with the reason the backend cannot be tested here.
struct Backend {
  const char* name;
  std::function<std::unique_ptr<TestDatabase>(std::string* skip_reason)> make;
};
inline void PrintTo(const Backend& b, std::ostream* os) { *os << b.name; }

class DbSinkSuite : public ::testing::TestWithParam<Backend> {
 protected:
  void SetUp() override;
  std::unique_ptr<TestDatabase> db_;
};

// RunResult: exit code and everything the command wrote (stdout+stderr).
struct RunResult {
  int exit_code = -1;
  std::string output;
};

// RunGigafact runs the binary under test with args (a shell fragment).
RunResult RunGigafact(const std::string& args);

// ScratchDir: a directory for this test process, removed at exit.
const std::string& ScratchDir();

// ShellQuote quotes s for /bin/sh.
std::string ShellQuote(const std::string& s);

}  // namespace gigafact::dbtest

#endif  // GIGAFACT_TESTS_OUTPUT_DB_SINK_SUITE_H_
