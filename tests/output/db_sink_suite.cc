#include "tests/output/db_sink_suite.h"

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <random>
#include <set>
#include <sstream>
#include <thread>

namespace gigafact::dbtest {

namespace fs = std::filesystem;
using nlohmann::json;

const std::string& ScratchDir() {
  // Removed by the destructor of a function-local static, after gtest's
  // environments (the PostgreSQL server living inside) have torn down.
  struct Dir {
    Dir() : path((fs::temp_directory_path() / ("gigafact_db_test_" + std::to_string(getpid()))).string()) {
      fs::remove_all(path);
      fs::create_directories(path);
    }
    ~Dir() {
      std::error_code ec;
      fs::remove_all(path, ec);
    }
    std::string path;
  };
  static const Dir dir;
  return dir.path;
}

std::string ShellQuote(const std::string& s) {
  std::string out = "'";
  for (char c : s) {
    if (c == '\'') out += "'\\''";
    else out += c;
  }
  return out + "'";
}

RunResult RunGigafact(const std::string& args) {
  const char* bin = std::getenv("GIGAFACT_BIN");
  RunResult r;
  if (bin == nullptr) {
    r.output = "GIGAFACT_BIN is not set";
    return r;
  }
  std::string cmd = ShellQuote(bin) + " " + args + " 2>&1";
  FILE* p = popen(cmd.c_str(), "r");
  char buf[4096];
  size_t n;
  while ((n = fread(buf, 1, sizeof buf, p)) > 0) r.output.append(buf, n);
  int status = pclose(p);
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return r;
}

namespace {

// The tables whose rows belong to one article, with how many rows a record
// gives each of them, counted straight from the record's JSON.
const char* const kChildTables[] = {"dates",          "quantities", "mentions",
                                    "article_places", "article_parties", "facts",
                                    "fact_parties"};

size_t ArraySize(const json& r, const char* key) {
  return r.contains(key) && r[key].is_array() ? r[key].size() : 0;
}

std::map<std::string, int64_t> ChildRowsOf(const json& r) {
  std::map<std::string, int64_t> n;
  n["dates"] = ArraySize(r, "dates");
  n["quantities"] = ArraySize(r, "quantities");
  n["article_places"] = ArraySize(r, "places");
  n["article_parties"] = ArraySize(r, "parties");
  n["facts"] = ArraySize(r, "facts");
  int64_t mentions = 0, fact_parties = 0;
  for (const char* key : {"places", "parties"})
    for (const json& e : r.value(key, json::array())) mentions += ArraySize(e, "mentions");
  for (const json& f : r.value("facts", json::array())) {
    std::set<std::string> parties(f["parties"].begin(), f["parties"].end());
    fact_parties += parties.size();
  }
  n["mentions"] = mentions;
  n["fact_parties"] = fact_parties;
  return n;
}

std::vector<json> ReadRecords(const std::string& path) {
  std::vector<json> out;
  std::ifstream in(path);
  std::string line;
  while (std::getline(in, line))
    if (!line.empty()) out.push_back(json::parse(line));
  return out;
}

void WriteRecords(const std::string& path, const std::vector<json>& records) {
  std::ofstream out(path);
  for (const json& r : records) out << r.dump() << '\n';
}

std::string SourceRoot() {
  const char* root = std::getenv("GIGAFACT_SOURCE_ROOT");
  return root != nullptr ? root : ".";
}

// CorpusRecordsFile: corpus/ extracted once per process by the real binary;
// *output receives what the extraction said.
const std::string& CorpusRecordsFile(std::string* output = nullptr) {
  static std::string said;
  static const std::string path = [] {
    std::string p = ScratchDir() + "/corpus.jsonl";
    RunResult r =
        RunGigafact("extract -q " + ShellQuote(SourceRoot() + "/corpus") + " -o " + ShellQuote(p));
    said = "exit " + std::to_string(r.exit_code) + ": " + r.output;
    return p;
  }();
  if (output != nullptr) *output = said;
  return path;
}

const std::vector<json>& CorpusRecords() {
  static const std::vector<json> records = ReadRecords(CorpusRecordsFile());
  return records;
}

}  // namespace

void DbSinkSuite::SetUp() {
  std::string said;
  CorpusRecordsFile(&said);
  ASSERT_FALSE(CorpusRecords().empty()) << "extracting corpus/ gave no records (" << said << ")";
  std::string reason;
  db_ = GetParam().make(&reason);
  if (!db_) GTEST_SKIP() << reason;
}

namespace {

// Copies: the corpus records `times` over under new doc ids, a bigger load.
std::string CorpusCopies(int times) {
  std::string path = ScratchDir() + "/corpus_x" + std::to_string(times) + ".jsonl";
  if (fs::exists(path)) return path;
  std::vector<json> out;
  for (int i = 0; i < times; ++i)
    for (json r : CorpusRecords()) {
      r["doc_id"] = r["doc_id"].get<std::string>() + "#" + std::to_string(i);
      out.push_back(std::move(r));
    }
  WriteRecords(path, out);
  return path;
}

int64_t Count(TestDatabase* db, const std::string& table) {
  auto rows = db->Query("SELECT COUNT(*) FROM " + table);
  return rows.empty() ? -1 : std::stoll(rows[0][0]);
}

// ExpectArticleTablesMatch checks the row counts of articles and of every
// per-article table against records.
void ExpectArticleTablesMatch(TestDatabase* db, const std::vector<json>& records) {
  std::map<std::string, int64_t> expected;
  std::set<std::string> doc_ids;
  for (const json& r : records) {
    doc_ids.insert(r["doc_id"].get<std::string>());
    if (r.contains("error")) continue;
    for (const auto& [table, n] : ChildRowsOf(r)) expected[table] += n;
  }
  EXPECT_EQ(Count(db, "articles"), static_cast<int64_t>(doc_ids.size()));
  for (const char* table : kChildTables) EXPECT_EQ(Count(db, table), expected[table]) << table;
}

std::set<std::string> Column(TestDatabase* db, const std::string& sql) {
  std::set<std::string> out;
  for (const auto& row : db->Query(sql)) out.insert(row[0]);
  return out;
}

// ExpectTablesMatch also checks places and parties: one row per entity id
// (places add their ancestors from the gazetteer, which no record names).
void ExpectTablesMatch(TestDatabase* db, const std::vector<json>& records) {
  ExpectArticleTablesMatch(db, records);
  std::set<std::string> places, parties;
  for (const json& r : records) {
    for (const json& p : r.value("places", json::array())) places.insert(p["id"].get<std::string>());
    for (const json& p : r.value("parties", json::array())) parties.insert(p["id"].get<std::string>());
  }
  std::set<std::string> stored_places = Column(db, "SELECT id FROM places");
  EXPECT_EQ(Count(db, "places"), static_cast<int64_t>(stored_places.size()));
  for (const std::string& id : places) EXPECT_TRUE(stored_places.count(id)) << id;
  EXPECT_EQ(Column(db, "SELECT id FROM parties"), parties);
}

// RowsByDoc: table's row count per doc_id.
std::map<std::string, int64_t> RowsByDoc(TestDatabase* db, const std::string& table) {
  std::map<std::string, int64_t> out;
  for (const auto& row : db->Query("SELECT doc_id, COUNT(*) FROM " + table + " GROUP BY doc_id"))
    out[row[0]] = std::stoll(row[1]);
  return out;
}

std::string Load(TestDatabase* db, const std::string& file, const std::string& extra = "") {
  RunResult r = RunGigafact("load " + ShellQuote(file) + " --db " + ShellQuote(db->url()) + " " + extra);
  EXPECT_EQ(r.exit_code, 0) << r.output;
  return r.output;
}

// CreateSchema loads nothing, which creates the tables.
void CreateSchema(TestDatabase* db) {
  std::string empty = ScratchDir() + "/empty.jsonl";
  WriteRecords(empty, {});
  Load(db, empty);
}

TEST_P(DbSinkSuite, CorpusLoadHasTheRowsOfTheRecords) {
  Load(db_.get(), CorpusRecordsFile());
  ExpectTablesMatch(db_.get(), CorpusRecords());
  EXPECT_EQ(db_->Query("SELECT version FROM gigafact_schema"),
            (std::vector<std::vector<std::string>>{{"1"}}));
}

TEST_P(DbSinkSuite, ArticleColumnsHoldTheRecordFields) {
  const json& r = CorpusRecords().front();
  Load(db_.get(), CorpusRecordsFile());
  auto rows = db_->Query(
      "SELECT sha256, path, title, schema_version, error_code FROM articles WHERE doc_id = '" +
      r["doc_id"].get<std::string>() + "'");
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0][0], r["source"]["sha256"].get<std::string>());
  EXPECT_EQ(rows[0][1], r["source"]["path"].get<std::string>());
  EXPECT_EQ(rows[0][2], r["title"].is_null() ? "NULL" : r["title"].get<std::string>());
  EXPECT_EQ(rows[0][3], "1");
  EXPECT_EQ(rows[0][4], "NULL");
}

TEST_P(DbSinkSuite, GwhPerPartyEqualsTheSumOverTheJsonl) {
  std::map<std::string, double> expected;
  for (const json& r : CorpusRecords()) {
    for (const json& f : r.value("facts", json::array())) {
      if (!f.contains("energy_gwh") || f["energy_gwh"].is_null()) continue;
      std::set<std::string> parties(f["parties"].begin(), f["parties"].end());
      for (const std::string& p : parties) expected[p] += f["energy_gwh"].get<double>();
    }
  }
  Load(db_.get(), CorpusRecordsFile());
  auto rows = db_->Query(
      "SELECT fp.party_id, SUM(f.energy_gwh) FROM facts f "
      "JOIN fact_parties fp ON fp.doc_id = f.doc_id AND fp.fact_index = f.fact_index "
      "WHERE f.energy_gwh IS NOT NULL GROUP BY fp.party_id");
  std::map<std::string, double> got;
  for (const auto& row : rows) got[row[0]] = std::stod(row[1]);
  ASSERT_EQ(got.size(), expected.size());
  for (const auto& [party, gwh] : expected) {
    ASSERT_TRUE(got.count(party)) << party;
    EXPECT_NEAR(got[party], gwh, 1e-9 * std::max(1.0, std::abs(gwh))) << party;
  }
}

TEST_P(DbSinkSuite, LoadingTwiceChangesNoCount) {
  Load(db_.get(), CorpusRecordsFile());
  Load(db_.get(), CorpusRecordsFile());
  ExpectTablesMatch(db_.get(), CorpusRecords());
}

TEST_P(DbSinkSuite, ReloadReplacesAnArticlesRows) {
  std::vector<json> records = {CorpusRecords().front()};
  std::string path = ScratchDir() + "/one.jsonl";
  WriteRecords(path, records);
  Load(db_.get(), path);
  // The same article again, now with no dates, quantities, entities or facts.
  for (const char* key : {"dates", "quantities", "places", "parties", "facts"})
    records[0][key] = json::array();
  records[0]["title"] = "Replaced";
  WriteRecords(path, records);
  Load(db_.get(), path);
  ExpectArticleTablesMatch(db_.get(), records);
  EXPECT_EQ(db_->Query("SELECT title FROM articles")[0][0], "Replaced");
}

TEST_P(DbSinkSuite, TheSameArticleTwiceInOneBatchIsStoredOnce) {
  json r = CorpusRecords().front();
  std::string path = ScratchDir() + "/twice.jsonl";
  WriteRecords(path, {r, r, r});
  Load(db_.get(), path);
  ExpectTablesMatch(db_.get(), {r});
}

TEST_P(DbSinkSuite, ErrorRecordsLandInArticlesWithTheirCode) {
  std::vector<json> records = {
      {{"schema_version", 1},
       {"doc_id", "broken"},
       {"source", {{"path", "in/broken.txt"}, {"url", nullptr}, {"sha256", "00"}}},
       {"error", {{"code", "empty"}, {"message", "the article is empty"}}}},
      CorpusRecords().front()};
  std::string path = ScratchDir() + "/errors.jsonl";
  WriteRecords(path, records);
  Load(db_.get(), path);
  EXPECT_EQ(Count(db_.get(), "articles"), 2);
  EXPECT_EQ(db_->Query("SELECT error_code, error_message, path FROM articles WHERE doc_id = 'broken'"),
            (std::vector<std::vector<std::string>>{{"empty", "the article is empty", "in/broken.txt"}}));
}

TEST_P(DbSinkSuite, LinesThatAreNotRecordsAreReportedAndTheRestLoaded) {
  std::string path = ScratchDir() + "/mixed.jsonl";
  {
    std::ofstream out(path);
    out << CorpusRecords().front().dump() << "\n{not json\n{\"no_doc_id\":1}\n\n";
  }
  RunResult r = RunGigafact("load " + ShellQuote(path) + " --db " + ShellQuote(db_->url()));
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.output.find(":2: not valid JSON, skipped"), std::string::npos) << r.output;
  EXPECT_NE(r.output.find(":3: record has no doc_id, skipped"), std::string::npos) << r.output;
  EXPECT_EQ(Count(db_.get(), "articles"), 1);
}

TEST_P(DbSinkSuite, ValuesWithQuotesAndControlCharactersRoundTrip) {
  json r = CorpusRecords().front();
  const std::string nasty = "O'Brien \"quoted\" back\\slash\ttab\nline'); DROP TABLE articles; --";
  r["doc_id"] = nasty;
  r["title"] = nasty;
  std::string path = ScratchDir() + "/nasty.jsonl";
  WriteRecords(path, {r});
  Load(db_.get(), path);
  auto rows = db_->Query("SELECT doc_id, title FROM articles");
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0][0], nasty);
  EXPECT_EQ(rows[0][1], nasty);
  EXPECT_EQ(RowsByDoc(db_.get(), "mentions")[nasty], ChildRowsOf(r)["mentions"]);
}

TEST_P(DbSinkSuite, ExtractWithDbStoresWhatLoadStores) {
  std::string root = SourceRoot();
  std::string jsonl = ScratchDir() + "/extract_db.jsonl";
  RunResult r = RunGigafact("extract -q " + ShellQuote(root + "/corpus") + " --db " +
                            ShellQuote(db_->url()) + " -o " + ShellQuote(jsonl));
  EXPECT_LE(r.exit_code, 1) << r.output;
  std::vector<json> records = ReadRecords(jsonl);
  EXPECT_EQ(records, CorpusRecords());  // -o still writes the same JSONL
  ExpectTablesMatch(db_.get(), records);
}

TEST_P(DbSinkSuite, ExtractWithDbAndNoOutputFileWritesNoJsonl) {
  std::string root = SourceRoot();
  RunResult r = RunGigafact("extract -q " + ShellQuote(root + "/corpus") + " --db " +
                            ShellQuote(db_->url()));
  EXPECT_LE(r.exit_code, 1);
  EXPECT_EQ(r.output, "");
  EXPECT_EQ(Count(db_.get(), "articles"), static_cast<int64_t>(CorpusRecords().size()));
}

// RunKilled starts 'gigafact load' on file, lets it commit some articles,
// then SIGKILLs it at a random moment.
void RunKilled(TestDatabase* db, const std::string& file, unsigned seed) {
  const char* bin = std::getenv("GIGAFACT_BIN");
  ASSERT_NE(bin, nullptr);
  pid_t pid = fork();
  ASSERT_GE(pid, 0);
  if (pid == 0) {
    execl(bin, bin, "load", "-q", "--batch", "3", file.c_str(), "--db", db->url().c_str(),
          static_cast<char*>(nullptr));
    _exit(127);
  }
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
  int status = 0;
  bool exited = false;
  // Wait until some articles are committed, so the kill lands mid-load.
  while (std::chrono::steady_clock::now() < deadline) {
    if (waitpid(pid, &status, WNOHANG) == pid) {
      exited = true;
      break;
    }
    bool has_table = false;
    for (const auto& row : db->Query("SELECT COUNT(*) FROM articles")) has_table = std::stoll(row[0]) > 0;
    if (has_table) break;
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  if (!exited) {
    std::mt19937 rng(seed);
    std::this_thread::sleep_for(std::chrono::milliseconds(rng() % 300));
    kill(pid, SIGKILL);
    waitpid(pid, &status, 0);
  }
  EXPECT_TRUE(WIFSIGNALED(status)) << "the load finished before it could be killed";
}

TEST_P(DbSinkSuite, KilledLoadLeavesEveryArticleWholeOrAbsent) {
  std::string file = CorpusCopies(20);
  std::map<std::string, json> by_id;
  std::vector<json> records = ReadRecords(file);
  for (const json& r : records) by_id[r["doc_id"].get<std::string>()] = r;
  // Create the schema first, so polling for rows never races its creation.
  CreateSchema(db_.get());
  RunKilled(db_.get(), file, 1234);
  db_->Quiesce();

  std::set<std::string> present;
  for (const auto& row : db_->Query("SELECT doc_id FROM articles")) present.insert(row[0]);
  EXPECT_GT(present.size(), 0u);
  EXPECT_LT(present.size(), records.size());
  for (const char* table : kChildTables) {
    std::map<std::string, int64_t> got = RowsByDoc(db_.get(), table);
    for (const auto& [doc, n] : got) EXPECT_TRUE(present.count(doc)) << table << " row of absent " << doc;
    for (const std::string& doc : present) {
      int64_t want = ChildRowsOf(by_id.at(doc))[table];
      EXPECT_EQ(got.count(doc) ? got[doc] : 0, want) << table << " of " << doc;
    }
  }
  // Running the command again completes the load.
  Load(db_.get(), file);
  ExpectTablesMatch(db_.get(), records);
}

TEST_P(DbSinkSuite, RefusedWriteStopsTheRunAndARerunCompletesIt) {
  const std::vector<json>& records = CorpusRecords();
  ASSERT_GE(records.size(), 3u);
  std::string refused = records[records.size() / 2]["doc_id"].get<std::string>();
  CreateSchema(db_.get());
  db_->RefuseArticle(refused);
  RunResult r = RunGigafact("load --batch 1 " + ShellQuote(CorpusRecordsFile()) + " --db " +
                            ShellQuote(db_->url()));
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.output.find("refused by the test"), std::string::npos) << r.output;
  EXPECT_NE(r.output.find("running the same command again completes the load"), std::string::npos);
  int64_t stored = Count(db_.get(), "articles");
  EXPECT_GT(stored, 0);
  EXPECT_LT(stored, static_cast<int64_t>(records.size()));
  db_->AllowArticles();
  Load(db_.get(), CorpusRecordsFile(), "--batch 1");
  ExpectTablesMatch(db_.get(), records);
}

// ReadmeQueries: every ```sql block of the README's database section.
std::vector<std::string> ReadmeQueries() {
  std::ifstream in(SourceRoot() + "/README.md");
  std::vector<std::string> out;
  std::string line, block;
  bool in_section = false, in_sql = false;
  while (std::getline(in, line)) {
    if (line.rfind("## ", 0) == 0) in_section = line == "## Databases";
    if (!in_section) continue;
    if (in_sql && line == "```") {
      out.push_back(block);
      in_sql = false;
    } else if (in_sql) {
      block += line + "\n";
    } else if (line == "```sql") {
      in_sql = true;
      block.clear();
    }
  }
  return out;
}

// The README's example queries run as written on both backends and give rows.
TEST_P(DbSinkSuite, ReadmeQueriesRun) {
  std::vector<std::string> queries = ReadmeQueries();
  ASSERT_GE(queries.size(), 3u) << "no sql blocks in README.md's Databases section";
  Load(db_.get(), CorpusRecordsFile());
  for (std::string sql : queries) {
    while (!sql.empty() && (sql.back() == '\n' || sql.back() == ';')) sql.pop_back();
    EXPECT_FALSE(db_->Query(sql).empty()) << sql;
  }
}

TEST_P(DbSinkSuite, ArticlesPerMonthAddUpToTheRecordsWithADate) {
  Load(db_.get(), CorpusRecordsFile());
  int64_t with_published = 0;
  for (const json& r : CorpusRecords())
    with_published += r.contains("published") && r["published"].is_object();
  int64_t total = 0;
  for (const auto& row : db_->Query("SELECT substr(published, 1, 7) AS month, COUNT(*) FROM articles "
                                    "WHERE published IS NOT NULL GROUP BY month"))
    total += std::stoll(row[1]);
  EXPECT_EQ(total, with_published);
}

}  // namespace
}  // namespace gigafact::dbtest
