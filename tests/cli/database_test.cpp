// `quiver load --db`, `--db` on query and update, `dump` and `db`, as a
// user runs them; and the misuses each must refuse without changing
// anything.
#include <fcntl.h>
#include <gtest/gtest.h>
#include <sys/file.h>
#include <unistd.h>

#include <algorithm>
#include <fstream>

#include "cli/cli_runner.hpp"

namespace quiver::cli::testing {
namespace {

const char* kData =
    "@prefix ex: <http://example.org/> .\n"
    "ex:a ex:knows ex:b . ex:b ex:knows ex:c . ex:a ex:name \"A\"@en .\n"
    "ex:a ex:likes [ ex:name \"blank\" ] .\n";

class DatabaseCliTest : public ::testing::Test {
 protected:
  Scratch scratch{"database"};
};

TEST_F(DatabaseCliTest, LoadQueryUpdateDumpAndCheck) {
  scratch.write("a.ttl", kData);
  scratch.write("g.ttl",
                "<http://example.org/x> <http://example.org/in> <http://example.org/g> .\n");
  auto r = scratch.quiver("load --db db a.ttl");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.err.find("5 statements"), std::string::npos) << r.err;
  r = scratch.quiver("load --db db --graph http://example.org/g g.ttl");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  r = scratch.quiver("db info db");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("quads        6"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("named graphs 1"), std::string::npos) << r.out;
  r = scratch.quiver(
      "query --db db --format csv 'SELECT ?o { <http://example.org/a> "
      "<http://example.org/knows> ?o }'");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, "o\r\nhttp://example.org/b\r\n");
  r = scratch.quiver(
      "update --db db 'PREFIX ex: <http://example.org/> DELETE { ?s ex:knows ?o } INSERT { ?o "
      "ex:knownBy ?s } WHERE { ?s ex:knows ?o }'");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.err.find("2 inserted, 2 removed"), std::string::npos) << r.err;
  r = scratch.quiver(
      "query --db db --format csv 'SELECT (COUNT(*) AS ?n) { ?s <http://example.org/knownBy> ?o "
      "}'");
  EXPECT_EQ(r.out, "n\r\n2\r\n");
  r = scratch.quiver("dump --db db --graph http://example.org/g --to ntriples");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, "<http://example.org/x> <http://example.org/in> <http://example.org/g> .\n");
  r = scratch.quiver("dump --db db -o all.nq");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(slurp(scratch.path("all.nq")).find("<http://example.org/g> .\n"), std::string::npos);
  r = scratch.quiver("dump --db db --to turtle");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("named graphs"), std::string::npos) << r.err;
  // convert --db writes what dump writes, with convert's options.
  r = scratch.quiver(
      "convert --db db --graph http://example.org/g --to turtle --prefix ex=http://example.org/");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("ex:x ex:in ex:g ."), std::string::npos) << r.out;
  r = scratch.quiver("convert --db db -o all2.nq");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(slurp(scratch.path("all2.nq")), slurp(scratch.path("all.nq")));
  r = scratch.quiver("convert --db db");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("quiver convert: the database has named graphs"), std::string::npos)
      << r.err;
  r = scratch.quiver("convert --db db a.ttl");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("not both"), std::string::npos) << r.err;
  r = scratch.quiver("db check db");
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, "db: OK\n");
}

// One thread or several (runs sorted beside the reading, the final merge's
// files written side by side), with runs forced by a small --memory: the
// same database, and a sound one.
TEST_F(DatabaseCliTest, OneThreadOrSeveralLoadTheSameDatabase) {
  std::string trig;
  for (int i = 0; i < 20000; ++i) {
    const std::string s = "<http://example.org/s" + std::to_string(i % 997) + ">";
    const std::string o = "<http://example.org/o" + std::to_string(i) + ">";
    trig += s + " <http://example.org/p" + std::to_string(i % 7) + "> " + o + " .\n";
    if (i % 5 == 0) {
      trig += "<http://example.org/g" + std::to_string(i % 3) + "> { " + s +
              " <http://example.org/q> \"" + std::to_string(i) + "\" }\n";
    }
  }
  scratch.write("a.trig", trig);
  for (const char* threads : {"1", "3"}) {
    const std::string db = std::string("db") + threads;
    auto r = scratch.quiver("load --db " + db + " --threads " + threads + " --memory 100K a.trig");
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_NE(r.err.find("24000 statements"), std::string::npos) << r.err;
    r = scratch.quiver("db check " + db);
    EXPECT_EQ(r.exit_code, 0) << r.out << r.err;
  }
  const auto one = scratch.quiver("dump --db db1 --to nquads");
  const auto three = scratch.quiver("dump --db db3 --to nquads");
  ASSERT_EQ(one.exit_code, 0) << one.err;
  EXPECT_EQ(std::count(one.out.begin(), one.out.end(), '\n'), 24000);
  EXPECT_EQ(one.out, three.out);
  EXPECT_EQ(scratch.quiver("load --db db0 --threads 0 a.trig").exit_code, 2);
}

// The blank node of a second load of the same file is another node: its
// label must not meet the first load's.
TEST_F(DatabaseCliTest, BlankNodesOfTwoLoadsStayApart) {
  scratch.write("a.ttl", kData);
  ASSERT_EQ(scratch.quiver("load --db db a.ttl").exit_code, 0);
  ASSERT_EQ(scratch.quiver("load --db db a.ttl").exit_code, 0);
  const auto r = scratch.quiver(
      "query --db db --format csv 'SELECT (COUNT(DISTINCT ?b) AS ?n) { ?b "
      "<http://example.org/name> \"blank\" }'");
  EXPECT_EQ(r.out, "n\r\n2\r\n") << r.err;
}

// A file that fails midway adds nothing; the files before it stay loaded.
TEST_F(DatabaseCliTest, AFileThatFailsToParseAddsNothing) {
  scratch.write("good.ttl", kData);
  scratch.write("bad.nt",
                "<http://example.org/q> <http://example.org/p> <http://example.org/o> .\n"
                "<http://example.org/q> <http://example.org/p> .\n");
  auto r = scratch.quiver("load --db db good.ttl bad.nt");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("bad.nt:2:"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("nothing of bad.nt was loaded"), std::string::npos) << r.err;
  r = scratch.quiver("query --db db --format csv 'SELECT (COUNT(*) AS ?n) { ?s ?p ?o }'");
  EXPECT_EQ(r.out, "n\r\n5\r\n") << r.err;
  // Into a database with data, through its transactions, the same.
  r = scratch.quiver("load --db db bad.nt");
  EXPECT_EQ(r.exit_code, 1);
  r = scratch.quiver("query --db db --format csv 'SELECT (COUNT(*) AS ?n) { ?s ?p ?o }'");
  EXPECT_EQ(r.out, "n\r\n5\r\n") << r.err;
  // With --lax the good statement goes in.
  r = scratch.quiver("load --db db --lax bad.nt");
  EXPECT_EQ(r.exit_code, 0) << r.err;
  r = scratch.quiver("query --db db --format csv 'SELECT (COUNT(*) AS ?n) { ?s ?p ?o }'");
  EXPECT_EQ(r.out, "n\r\n6\r\n") << r.err;
  EXPECT_EQ(scratch.quiver("db check db").exit_code, 0);
}

TEST_F(DatabaseCliTest, AFolderThatIsNotADatabaseIsLeftAlone) {
  fs::create_directories(scratch.path("notes"));
  scratch.write("notes/todo.txt", "mine");
  scratch.write("a.ttl", kData);
  auto r = scratch.quiver("load --db notes a.ttl");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("not a Quiver database"), std::string::npos) << r.err;
  EXPECT_EQ(std::distance(fs::directory_iterator(scratch.path("notes")), {}), 1);
  r = scratch.quiver("query --db missing 'ASK {}'");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("no Quiver database here"), std::string::npos) << r.err;
  EXPECT_FALSE(fs::exists(scratch.path("missing")));
  r = scratch.quiver("query --db notes --data a.ttl 'ASK {}'");
  EXPECT_EQ(r.exit_code, 2) << r.err;
}

TEST_F(DatabaseCliTest, ALaterFormatIsRefusedUnchanged) {
  scratch.write("a.ttl", kData);
  ASSERT_EQ(scratch.quiver("load --db db a.ttl").exit_code, 0);
  const std::string later = "quiver database\nformat 3\ngeneration 2\n";
  scratch.write("db/MANIFEST", later);
  for (const char* command : {"query --db db 'ASK {}'", "load --db db a.ttl", "db info db"}) {
    const auto r = scratch.quiver(command);
    EXPECT_EQ(r.exit_code, 1) << command;
    EXPECT_NE(r.err.find("format 3, written by a later Quiver"), std::string::npos) << r.err;
  }
  EXPECT_EQ(slurp(scratch.path("db/MANIFEST")), later);
}

// Another process holding the writer's lock: a second writer is refused
// with a clear message, readers are not.
TEST_F(DatabaseCliTest, ASecondWriterIsRefusedReadersAreNot) {
  scratch.write("a.ttl", kData);
  ASSERT_EQ(scratch.quiver("load --db db a.ttl").exit_code, 0);
  const int fd = ::open(scratch.path("db/lock").c_str(), O_RDWR);
  ASSERT_GE(fd, 0);
  ASSERT_EQ(::flock(fd, LOCK_EX), 0);
  auto r = scratch.quiver("update --db db 'INSERT DATA { <x:a> <x:b> <x:c> }'");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("another process is writing"), std::string::npos) << r.err;
  r = scratch.quiver("load --db db a.ttl");
  EXPECT_EQ(r.exit_code, 1);
  r = scratch.quiver("query --db db --format csv 'SELECT (COUNT(*) AS ?n) { ?s ?p ?o }'");
  EXPECT_EQ(r.out, "n\r\n5\r\n") << r.err;
  ::close(fd);
  r = scratch.quiver("update --db db 'INSERT DATA { <x:a> <x:b> <x:c> }'");
  EXPECT_EQ(r.exit_code, 0) << r.err;
}

// A database the user may read but not write: queries work, writes say why.
// Root ignores permissions, so as root the commands run as nobody.
TEST_F(DatabaseCliTest, AReadOnlyDatabaseIsQueriedNotChanged) {
  scratch.write("a.ttl", kData);
  ASSERT_EQ(scratch.quiver("load --db db a.ttl").exit_code, 0);
  const std::string as_user = ::geteuid() == 0 ? "--reuid=65534 --regid=65534 --clear-groups" : "";
  fs::permissions(scratch.dir(), fs::perms::all, fs::perm_options::add);  // nobody may enter
  fs::permissions(scratch.path("db"), fs::perms::owner_write | fs::perms::group_write,
                  fs::perm_options::remove);
  const auto run = [&](const std::string& args) {
    return ::geteuid() == 0 ? scratch.quiver_as(as_user, args) : scratch.quiver(args);
  };
  auto r = run("query --db db --format csv 'SELECT (COUNT(*) AS ?n) { ?s ?p ?o }'");
  EXPECT_EQ(r.out, "n\r\n5\r\n") << r.err;
  r = run("update --db db 'INSERT DATA { <x:a> <x:b> <x:c> }'");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("read-only"), std::string::npos) << r.err;
  fs::permissions(scratch.path("db"), fs::perms::owner_write, fs::perm_options::add);
}

// A full disk (here a file size limit): the write fails with a clear error,
// the database stays as it was, and it takes the next write.
TEST_F(DatabaseCliTest, ADiskFullWriteFailsAndTheDatabaseStaysUsable) {
  scratch.write("a.ttl", kData);
  ASSERT_EQ(scratch.quiver("load --db db a.ttl").exit_code, 0);
  {
    std::ofstream big(scratch.path("big.nt"));
    for (int i = 0; i < 100000; ++i) {
      big << "<urn:x:" << i << "> <urn:p> \"" << i << "\" .\n";
    }
  }
  // The limit binds quiver's own files; its stderr goes through a FIFO,
  // so that the message is not cut at the limit too.
  const auto limited = [&](const std::string& bytes, const std::string& args) {
    return scratch.run("(mkfifo e.fifo; cat e.fifo >&2 & prlimit --fsize=" + bytes +
                           " '" QUIVER_BIN "' " + args +
                           " 2>e.fifo; s=$?; wait; rm e.fifo; exit $s)",
                       "");
  };
  auto r = limited("200000", "load --db db big.nt");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("File too large"), std::string::npos) << r.err;
  // The log's record of a small update does not fit either.
  r = limited("20", "update --db db 'INSERT DATA { <x:a> <x:b> <x:c> }'");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("File too large"), std::string::npos) << r.err;
  EXPECT_EQ(scratch.quiver("db check db").exit_code, 0);
  r = scratch.quiver("query --db db --format csv 'SELECT (COUNT(*) AS ?n) { ?s ?p ?o }'");
  EXPECT_EQ(r.out, "n\r\n5\r\n") << r.err;
  for (const auto& e : fs::directory_iterator(scratch.path("db"))) {
    EXPECT_EQ(e.path().string().find(".tmp"), std::string::npos) << e.path();
  }
  r = scratch.quiver("update --db db 'INSERT DATA { <x:a> <x:b> <x:c> }'");
  EXPECT_EQ(r.exit_code, 0) << r.err;
  r = scratch.quiver("load --db db big.nt");
  EXPECT_EQ(r.exit_code, 0) << r.err;
  r = scratch.quiver("query --db db --format csv 'SELECT (COUNT(*) AS ?n) { ?s ?p ?o }'");
  EXPECT_EQ(r.out, "n\r\n100006\r\n") << r.err;
  EXPECT_EQ(scratch.quiver("db check db").exit_code, 0);
}

// RDF 1.2 terms go to disk and come back: triple terms (nested, with the
// blank nodes inside renamed like those outside), base directions.
TEST_F(DatabaseCliTest, TripleTermsAndBaseDirectionsSurviveTheStoreAndTheLog) {
  scratch.write("a.nt",
                "_:r <http://e/says> <<( _:r <http://e/p> <<( <http://e/s> <http://e/p> "
                "\"o\"@en--rtl )>> )>> .\n");
  auto r = scratch.quiver("load --db db a.nt");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  r = scratch.quiver("update --db db 'INSERT DATA { <http://e/x> <http://e/y> \"z\"@ar--ltr }'");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  r = scratch.quiver("dump --db db --to ntriples");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const std::string label = r.out.substr(2, r.out.find(' ') - 2);
  EXPECT_EQ(r.out, "_:" + label + " <http://e/says> <<( _:" + label +
                       " <http://e/p> <<( <http://e/s> <http://e/p> \"o\"@en--rtl )>> )>> .\n"
                       "<http://e/x> <http://e/y> \"z\"@ar--ltr .\n")
      << r.out;
  r = scratch.quiver("db check db");
  EXPECT_EQ(r.exit_code, 0) << r.err << r.out;
}

}  // namespace
}  // namespace quiver::cli::testing
