#include "ingest/input_reader.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

namespace gigafact {
namespace {

namespace fs = std::filesystem;

class InputReaderTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("gigafact_reader_" + std::to_string(::getpid()));
    fs::remove_all(dir_);
    fs::create_directories(dir_ / "zh");
  }
  void TearDown() override { fs::remove_all(dir_); }
  void Write(const std::string& rel, const std::string& bytes) {
    std::ofstream(dir_ / rel, std::ios::binary) << bytes;
  }
  std::vector<RawArticle> ReadAll(std::vector<std::string> inputs,
                                  InputFormat f = InputFormat::kAuto) {
    InputReader reader(std::move(inputs), f);
    std::vector<RawArticle> out;
    RawArticle a;
    while (reader.Next(&a)) out.push_back(a);
    return out;
  }
  fs::path dir_;
};

TEST_F(InputReaderTest, WalksDirectoriesInSortedOrderAndSkipsOtherFiles) {
  Write("b.txt", "second");
  Write("a.md", "first");
  Write("zh/c.text", "third");
  Write("notes.pdf", "skipped");
  auto articles = ReadAll({dir_.string()});
  ASSERT_EQ(articles.size(), 3u);
  EXPECT_EQ(articles[0].doc_id, "a");
  EXPECT_EQ(articles[1].doc_id, "b");
  EXPECT_EQ(articles[2].doc_id, "zh/c");
  EXPECT_EQ(articles[2].bytes, "third");
}

TEST_F(InputReaderTest, SingleFileDocIdIsItsStem) {
  Write("zh/zh_d05.txt", "x");
  auto articles = ReadAll({(dir_ / "zh" / "zh_d05.txt").string()});
  ASSERT_EQ(articles.size(), 1u);
  EXPECT_EQ(articles[0].doc_id, "zh_d05");
}

TEST_F(InputReaderTest, JsonlLinesWithAndWithoutIdsAndMalformedLines) {
  Write("batch.jsonl",
        "{\"id\": \"a1\", \"text\": \"CATL\", \"url\": \"http://x\", \"published\": \"2025-01-02\"}\n"
        "\n"
        "{\"text\": \"no id\"}\n"
        "{not json\n"
        "{\"id\": \"t\", \"title\": \"no text\"}\n"
        "{\"id\": \"last\", \"text\": \"unterminated\"}");
  auto articles = ReadAll({(dir_ / "batch.jsonl").string()});
  ASSERT_EQ(articles.size(), 5u);
  EXPECT_EQ(articles[0].doc_id, "a1");
  EXPECT_EQ(articles[0].url, "http://x");
  EXPECT_EQ(articles[0].published, "2025-01-02");
  EXPECT_EQ(articles[1].doc_id, "batch.jsonl:3");
  EXPECT_EQ(articles[1].bytes, "no id");
  EXPECT_EQ(articles[2].error_code, "malformed_jsonl");
  EXPECT_EQ(articles[2].doc_id, "batch.jsonl:4");
  EXPECT_EQ(articles[3].error_code, "missing_text");
  EXPECT_EQ(articles[4].doc_id, "last");
  EXPECT_EQ(articles[4].bytes, "unterminated");
}

TEST_F(InputReaderTest, MissingPathIsReportedNotFatal) {
  Write("a.txt", "x");
  InputReader reader({(dir_ / "nope").string(), (dir_ / "a.txt").string()}, InputFormat::kAuto);
  RawArticle a;
  ASSERT_TRUE(reader.Next(&a));
  EXPECT_EQ(a.doc_id, "a");
  EXPECT_FALSE(reader.Next(&a));
  ASSERT_EQ(reader.problems().size(), 1u);
  EXPECT_NE(reader.problems()[0].find("no such file or directory"), std::string::npos);
}

TEST_F(InputReaderTest, EmptyFileIsStillAnArticle) {
  Write("empty.txt", "");
  auto articles = ReadAll({dir_.string()});
  ASSERT_EQ(articles.size(), 1u);
  EXPECT_TRUE(articles[0].bytes.empty());
}

}  // namespace
}  // namespace gigafact
