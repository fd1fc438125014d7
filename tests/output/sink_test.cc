#include "output/sink.h"

#include <gtest/gtest.h>

#include "tests/output/db_sink_suite.h"

namespace gigafact {
namespace {

using dbtest::RunGigafact;
using dbtest::RunResult;
using dbtest::ShellQuote;

TEST(RedactUrlTest, MasksTheUserInfoPassword) {
  EXPECT_EQ(RedactUrl("postgresql://ann:hunter2@db.example.com:5432/news"),
            "postgresql://ann:***@db.example.com:5432/news");
}

TEST(RedactUrlTest, MasksAPasswordWithRawAtSignsAndSlashes) {
  EXPECT_EQ(RedactUrl("postgresql://ann:p@ss/w@rd@host/db?sslmode=require"),
            "postgresql://ann:***@host/db?sslmode=require");
}

TEST(RedactUrlTest, MasksAPasswordQueryParameter) {
  EXPECT_EQ(RedactUrl("postgresql://host/db?user=ann&password=hunter2&sslmode=require"),
            "postgresql://host/db?user=ann&password=***&sslmode=require");
  EXPECT_EQ(RedactUrl("host=db password=hunter2 dbname=x"), "host=db password=*** dbname=x");
}

TEST(RedactUrlTest, LeavesUrlsWithoutPasswordAlone) {
  for (const char* url : {"postgresql://ann@host/db", "postgresql:///db?host=/tmp/sock",
                          "sqlite:/tmp/a:b@c.db", "sqlite:records.sqlite", ""})
    EXPECT_EQ(RedactUrl(url), url);
}

TEST(UrlSecretsTest, ListsThePasswordRawAndDecoded) {
  EXPECT_EQ(UrlSecrets("postgresql://ann:p%40ss@host/db"),
            (std::vector<std::string>{"p%40ss", "p@ss"}));
  EXPECT_EQ(UrlSecrets("postgresql://ann:@host/db"), std::vector<std::string>{});
  EXPECT_EQ(UrlSecrets("postgresql://ann@host/db"), std::vector<std::string>{});
}

TEST(ScrubSecretsTest, RemovesTheUrlAndThePasswordFromAMessage) {
  const std::string url = "postgresql://ann:p%40ss@host/db";
  EXPECT_EQ(ScrubSecrets("invalid URI: \"" + url + "\" near p@ss and p%40ss", url),
            "invalid URI: \"postgresql://ann:***@host/db\" near *** and ***");
}

TEST(OpenDatabaseSinkTest, RefusesAnUnknownSchemeWithoutShowingThePassword) {
  std::string err;
  EXPECT_EQ(OpenDatabaseSink("mysql://ann:hunter2@host/db", SinkOptions(), &err), nullptr);
  EXPECT_EQ(err, "--db takes sqlite:FILE or a postgresql:// URI, not 'mysql://ann:***@host/db'");
  EXPECT_EQ(OpenDatabaseSink("sqlite:", SinkOptions(), &err), nullptr);
  EXPECT_EQ(err, "--db sqlite: needs a file name (sqlite:FILE)");
}

TEST(OpenDatabaseSinkTest, UnreachableServerIsAClearErrorWithoutThePassword) {
  std::string err;
  EXPECT_EQ(OpenDatabaseSink("postgresql://ann:Sekr3t%21@/db?host=/nonexistent-socket-dir",
                             SinkOptions(), &err),
            nullptr);
  EXPECT_EQ(err.rfind("cannot connect to postgresql://ann:***@/db?host=/nonexistent-socket-dir: ", 0), 0u)
      << err;
  EXPECT_EQ(err.find("Sekr3t"), std::string::npos) << err;
}

TEST(OpenDatabaseSinkTest, MalformedUriErrorsDoNotShowThePassword) {
  std::string err;
  EXPECT_EQ(OpenDatabaseSink("postgresql://ann:Sek%zzr3t@host:notaport/db", SinkOptions(), &err),
            nullptr);
  EXPECT_EQ(err.find("Sek"), std::string::npos) << err;
  EXPECT_EQ(err.find("r3t"), std::string::npos) << err;
}

TEST(LoadCommandTest, UnreachableDatabaseExitsNonZeroAndHidesThePassword) {
  RunResult r = RunGigafact("load /dev/null --db " +
                            ShellQuote("postgresql://ann:Sekr3t@127.0.0.1:1/db?connect_timeout=5"));
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.output.rfind("gigafact load: cannot connect to postgresql://ann:***@127.0.0.1:1/db", 0), 0u)
      << r.output;
  EXPECT_EQ(r.output.find("Sekr3t"), std::string::npos) << r.output;
}

TEST(LoadCommandTest, ExtractWithAnUnreachableDatabaseStopsBeforeExtracting) {
  RunResult r = RunGigafact("extract /dev/null --db " +
                            ShellQuote("postgresql://ann:Sekr3t@127.0.0.1:1/db?connect_timeout=5"));
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.output.rfind("gigafact extract: cannot connect to postgresql://ann:***@127.0.0.1:1/db", 0), 0u)
      << r.output;
  EXPECT_EQ(r.output.find("Sekr3t"), std::string::npos);
}

TEST(LoadCommandTest, NeedsDb) {
  RunResult r = RunGigafact("load x.jsonl");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.output, "gigafact load: --db URL is required\n");
}

}  // namespace
}  // namespace gigafact
