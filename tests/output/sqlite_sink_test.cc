#include "output/sqlite_sink.h"

#include <gtest/gtest.h>
#include <sqlite3.h>

#include <atomic>
#include <filesystem>
#include <fstream>

#include "tests/output/db_sink_suite.h"

namespace gigafact::dbtest {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

// SqliteDatabase: a fresh database file in the scratch directory, read
// through its own connection (WAL lets it read while gigafact writes).
class SqliteDatabase : public TestDatabase {
 public:
  SqliteDatabase() {
    static std::atomic<int> next{0};
    path_ = ScratchDir() + "/test_" + std::to_string(next++) + ".sqlite";
    fs::remove(path_);
  }
  ~SqliteDatabase() override {
    if (db_ != nullptr) sqlite3_close_v2(db_);
  }
  std::string url() const override { return "sqlite:" + path_; }

  std::vector<std::vector<std::string>> Query(const std::string& sql) override {
    std::vector<std::vector<std::string>> rows;
    sqlite3_stmt* stmt = nullptr;
    if (sqlite3_prepare_v2(Connection(), sql.c_str(), -1, &stmt, nullptr) != SQLITE_OK) {
      ADD_FAILURE() << sql << ": " << sqlite3_errmsg(db_);
      return rows;
    }
    while (sqlite3_step(stmt) == SQLITE_ROW) {
      std::vector<std::string> row;
      for (int i = 0; i < sqlite3_column_count(stmt); ++i) {
        const unsigned char* text = sqlite3_column_text(stmt, i);
        row.push_back(text == nullptr ? "NULL"
                                      : std::string(reinterpret_cast<const char*>(text),
                                                    sqlite3_column_bytes(stmt, i)));
      }
      rows.push_back(std::move(row));
    }
    sqlite3_finalize(stmt);
    return rows;
  }

  void RefuseArticle(const std::string& doc_id) override {
    Exec("CREATE TRIGGER test_refuse BEFORE INSERT ON articles WHEN NEW.doc_id = " +
         Quote(doc_id) + " BEGIN SELECT RAISE(ABORT, 'refused by the test'); END");
  }
  void AllowArticles() override { Exec("DROP TRIGGER test_refuse"); }

  const std::string& path() const { return path_; }

 private:
  sqlite3* Connection() {
    if (db_ == nullptr) sqlite3_open(path_.c_str(), &db_);
    return db_;
  }
  void Exec(const std::string& sql) {
    char* err = nullptr;
    if (sqlite3_exec(Connection(), sql.c_str(), nullptr, nullptr, &err) != SQLITE_OK)
      ADD_FAILURE() << sql << ": " << err;
    sqlite3_free(err);
  }
  static std::string Quote(const std::string& s) {
    std::string out = "'";
    for (char c : s) out += c == '\'' ? std::string("''") : std::string(1, c);
    return out + "'";
  }

  std::string path_;
  sqlite3* db_ = nullptr;
};

INSTANTIATE_TEST_SUITE_P(Sqlite, DbSinkSuite,
                         ::testing::Values(Backend{"sqlite", [](std::string*) {
                                                     return std::unique_ptr<TestDatabase>(
                                                         new SqliteDatabase());
                                                   }}),
                         [](const ::testing::TestParamInfo<Backend>& info) {
                           return std::string(info.param.name);
                         });

json SmallRecord(const std::string& doc_id) {
  return {{"schema_version", 1},
          {"doc_id", doc_id},
          {"source", {{"path", "a.txt"}, {"url", nullptr}, {"sha256", "ab"}}},
          {"languages", {"en"}},
          {"title", nullptr},
          {"published", nullptr},
          {"dates", json::array()},
          {"quantities", json::array()},
          {"places", json::array()},
          {"parties",
           {{{"id", "catl"}, {"name", "CATL"}, {"name_zh", "宁德时代"}, {"type", "company"},
             {"mentions", {{{"text", "CATL"}, {"lang", "en"}, {"span", {0, 4}}}}}}}},
          {"facts", json::array()}};
}

TEST(SqliteSinkTest, OpenReportsAnUnreachableFile) {
  std::string err;
  auto sink = OpenDatabaseSink("sqlite:/nonexistent-dir/x.sqlite", SinkOptions(), &err);
  EXPECT_EQ(sink, nullptr);
  EXPECT_EQ(err, "cannot open sqlite:/nonexistent-dir/x.sqlite: unable to open database file");
}

TEST(SqliteSinkTest, OpenRefusesAFileThatIsNotADatabase) {
  std::string path = ScratchDir() + "/not_a_db.sqlite";
  std::ofstream(path) << std::string(4096, 'x');
  std::string err;
  auto sink = OpenDatabaseSink("sqlite:" + path, SinkOptions(), &err);
  EXPECT_EQ(sink, nullptr);
  EXPECT_EQ(err, "cannot write to sqlite:" + path + ": file is not a database");
}

TEST(SqliteSinkTest, OpenRefusesANewerSchemaVersion) {
  SqliteDatabase db;
  std::string err;
  ASSERT_NE(OpenDatabaseSink(db.url(), SinkOptions(), &err), nullptr) << err;
  sqlite3* raw = nullptr;
  sqlite3_open(db.path().c_str(), &raw);
  sqlite3_exec(raw, "UPDATE gigafact_schema SET version = 99", nullptr, nullptr, nullptr);
  sqlite3_close(raw);
  EXPECT_EQ(OpenDatabaseSink(db.url(), SinkOptions(), &err), nullptr);
  EXPECT_EQ(err, db.url() +
                     ": the database has gigafact schema version 99, newer than this gigafact's "
                     "1: load it with a newer gigafact");
}

TEST(SqliteSinkTest, UsesWriteAheadLogging) {
  SqliteDatabase db;
  std::string err;
  ASSERT_NE(OpenDatabaseSink(db.url(), SinkOptions(), &err), nullptr) << err;
  EXPECT_EQ(db.Query("PRAGMA journal_mode")[0][0], "wal");
}

TEST(SqliteSinkTest, WriteWithoutDocIdIsNotARecordAndTheSinkGoesOn) {
  SqliteDatabase db;
  std::string err;
  auto sink = OpenDatabaseSink(db.url(), SinkOptions(), &err);
  ASSERT_NE(sink, nullptr) << err;
  EXPECT_EQ(sink->Write(json{{"title", "x"}}, &err), DatabaseSink::WriteStatus::kNotARecord);
  EXPECT_EQ(err, "record has no doc_id");
  EXPECT_EQ(sink->Write(json::array(), &err), DatabaseSink::WriteStatus::kNotARecord);
  EXPECT_EQ(err, "not a JSON object");
  EXPECT_EQ(sink->Write(SmallRecord("a"), &err), DatabaseSink::WriteStatus::kOk) << err;
  ASSERT_TRUE(sink->Commit(&err)) << err;
  EXPECT_EQ(db.Query("SELECT COUNT(*) FROM articles")[0][0], "1");
}

TEST(SqliteSinkTest, RecordsAreDurableOnlyAfterCommit) {
  SqliteDatabase db;
  std::string err;
  SinkOptions options;
  options.batch_size = 2;
  {
    auto sink = OpenDatabaseSink(db.url(), options, &err);
    ASSERT_NE(sink, nullptr) << err;
    ASSERT_EQ(sink->Write(SmallRecord("a"), &err), DatabaseSink::WriteStatus::kOk);
    EXPECT_EQ(db.Query("SELECT COUNT(*) FROM articles")[0][0], "0");
    ASSERT_EQ(sink->Write(SmallRecord("b"), &err), DatabaseSink::WriteStatus::kOk);  // batch full
    EXPECT_EQ(db.Query("SELECT COUNT(*) FROM articles")[0][0], "2");
    ASSERT_EQ(sink->Write(SmallRecord("c"), &err), DatabaseSink::WriteStatus::kOk);
  }  // destroyed without Commit: "c" is discarded
  EXPECT_EQ(db.Query("SELECT doc_id FROM articles ORDER BY doc_id"),
            (std::vector<std::vector<std::string>>{{"a"}, {"b"}}));
}

TEST(SqliteSinkTest, AnEntityTakesTheNamesOfItsLatestRecord) {
  SqliteDatabase db;
  std::string err;
  auto sink = OpenDatabaseSink(db.url(), SinkOptions(), &err);
  ASSERT_NE(sink, nullptr) << err;
  json a = SmallRecord("a"), b = SmallRecord("b");
  b["parties"][0]["name"] = "CATL Ltd";
  ASSERT_EQ(sink->Write(a, &err), DatabaseSink::WriteStatus::kOk);
  ASSERT_EQ(sink->Write(b, &err), DatabaseSink::WriteStatus::kOk);
  ASSERT_TRUE(sink->Commit(&err));
  EXPECT_EQ(db.Query("SELECT id, name, name_zh FROM parties"),
            (std::vector<std::vector<std::string>>{{"catl", "CATL Ltd", "宁德时代"}}));
  EXPECT_EQ(db.Query("SELECT COUNT(*) FROM article_parties")[0][0], "2");
}

TEST(SqliteSinkTest, LoadReportsAMissingInputAndLoadsTheOthers) {
  SqliteDatabase db;
  std::string path = ScratchDir() + "/small.jsonl";
  std::ofstream(path) << SmallRecord("a").dump() << "\n";
  RunResult r = RunGigafact("load -q " + ShellQuote(ScratchDir() + "/missing.jsonl") + " " +
                            ShellQuote(path) + " --db " + ShellQuote(db.url()));
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.output.find("cannot open"), std::string::npos) << r.output;
  EXPECT_EQ(db.Query("SELECT COUNT(*) FROM articles")[0][0], "1");
}

TEST(SqliteSinkTest, LoadReadsStdin) {
  SqliteDatabase db;
  std::string path = ScratchDir() + "/stdin.jsonl";
  std::ofstream(path) << SmallRecord("a").dump() << "\n" << SmallRecord("b").dump() << "\n";
  RunResult r = RunGigafact("load --db " + ShellQuote(db.url()) + " < " + ShellQuote(path));
  EXPECT_EQ(r.exit_code, 0) << r.output;
  EXPECT_NE(r.output.find("gigafact load: 2 records (0 error records) into " + db.url()),
            std::string::npos)
      << r.output;
}

}  // namespace
}  // namespace gigafact::dbtest
