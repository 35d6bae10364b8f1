// Bad input never crashes, always says where, exits non-zero and leaves no
// partial output file.

#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include "cli_runner.hpp"

namespace quiver::cli::testing {
namespace {

constexpr const char* kGood = "<http://s> <http://p> <http://o> .\n";

class BadInputTest : public ::testing::Test {
 protected:
  BadInputTest() : scratch_(::testing::UnitTest::GetInstance()->current_test_info()->name()) {}

  // Converting `name` to out.nt fails with a message containing `expected`,
  // and out.nt does not exist afterwards.
  void expect_failure(const std::string& args, const std::string& expected) {
    const RunResult r = scratch_.quiver("convert " + args + " -o out.nt");
    EXPECT_EQ(r.exit_code, 1) << r.err;
    EXPECT_NE(r.err.find(expected), std::string::npos) << r.err;
    EXPECT_FALSE(fs::exists(scratch_.path("out.nt"))) << scratch_.listing();
    EXPECT_EQ(scratch_.listing().find("quiver-tmp"), std::string::npos) << scratch_.listing();
  }

  Scratch scratch_;
};

TEST_F(BadInputTest, TruncatedFile) {
  scratch_.write("t.ttl", std::string(kGood) + "<http://s> <http://p> \"unterminated");
  expect_failure("t.ttl", "t.ttl:2:");
}

TEST_F(BadInputTest, InvalidUtf8) {
  scratch_.write("u.nt", std::string(kGood) + "<http://s> <http://p> \"a\xFF\xFE\" .\n");
  expect_failure("u.nt", "u.nt:2:");
}

TEST_F(BadInputTest, UndefinedPrefix) {
  scratch_.write("p.ttl", "@prefix ex: <http://ex/> .\nex:a ex:b nope:c .\n");
  expect_failure("p.ttl", "p.ttl:2:");
  expect_failure("p.ttl", "undefined prefix 'nope:'");
}

TEST_F(BadInputTest, BadIri) {
  scratch_.write("i.nt", std::string(kGood) + "<http://s> <http://p> <http://a b> .\n");
  expect_failure("i.nt", "i.nt:2:");
}

TEST_F(BadInputTest, MissingFile) {
  expect_failure("missing.ttl", "missing.ttl: error: no such file");
}

TEST_F(BadInputTest, DirectoryAsInput) {
  fs::create_directories(scratch_.path("d.ttl"));
  expect_failure("d.ttl", "d.ttl: error: is a directory");
}

TEST_F(BadInputTest, BinaryGarbage) {
  std::string garbage;
  for (int i = 0; i < 4096; ++i) garbage += static_cast<char>((i * 7919 + 13) % 256);
  scratch_.write("g.ttl", garbage);
  expect_failure("g.ttl", "g.ttl:");
}

TEST_F(BadInputTest, UnwritableOutput) {
  scratch_.write("ok.nt", kGood);
  const RunResult r = scratch_.quiver("convert ok.nt -o no/such/dir/out.nt");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("no/such/dir/out.nt: error: cannot write output"), std::string::npos)
      << r.err;
}

TEST_F(BadInputTest, FailedRunKeepsExistingOutputUntouched) {
  scratch_.write("out.nt", "previous\n");
  scratch_.write("bad.nt", "<http://s> <http://p> .\n");
  const RunResult r = scratch_.quiver("convert bad.nt -o out.nt");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(slurp(scratch_.path("out.nt")), "previous\n");
}

TEST_F(BadInputTest, TenMegabyteSingleLineLiteralIsFine) {
  const std::string big(10 * 1024 * 1024, 'a');
  scratch_.write("big.nt", "<http://s> <http://p> \"" + big + "\" .\n");
  const RunResult r = scratch_.quiver("convert big.nt -o out.ttl");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_GT(fs::file_size(scratch_.path("out.ttl")), big.size());
}

TEST_F(BadInputTest, TenMegabyteUnterminatedLiteral) {
  scratch_.write("big.nt", "<http://s> <http://p> \"" + std::string(10 * 1024 * 1024, 'a'));
  expect_failure("big.nt", "big.nt:1:");
}

TEST_F(BadInputTest, LaxSkipsAndReports) {
  scratch_.write("l.nt", std::string(kGood) + "<http://s> <http://p> .\n" + kGood);
  const RunResult r = scratch_.quiver("convert l.nt --lax -o out.nt");
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.err.find("l.nt:2:"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("skipped 1 bad statement"), std::string::npos) << r.err;
  EXPECT_EQ(slurp(scratch_.path("out.nt")), std::string(kGood) + kGood);
}

TEST_F(BadInputTest, LaxDoesNotHideAMissingFile) {
  expect_failure("--lax missing.nt", "no such file");
}

TEST_F(BadInputTest, UnknownFormatIsAUsageError) {
  const RunResult r = scratch_.quiver("convert x.ttl --to json");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("unknown format 'json'"), std::string::npos) << r.err;
}

// Option values that used to pass unnoticed (the class: an option parsed
// into a type that accepts what it should not): a negative count wrapped to
// "no limit", and a prefix name the writers could not use was dropped.
TEST(OptionValuesTest, NegativeCountsAndBadPrefixesAreUsageErrors) {
  Scratch s("options");
  s.write("a.nt", kGood);
  for (const std::string args : {"serve --max-request-bytes -1", "serve --max-rows -5",
                                 "push a.nt --endpoint http://x/ --chunk -1",
                                 "convert a.nt --to turtle --prefix 1bad=http://e/",
                                 "convert a.nt --to turtle --prefix e=relative"}) {
    const RunResult r = s.quiver(args);
    EXPECT_EQ(r.exit_code, 2) << args << "\n" << r.err;
  }
}

// Standard output that cannot take the report (a full disk) is a failure,
// whatever the command.
TEST(StdoutTest, AFullDiskIsAFailure) {
  Scratch s("full");
  s.write("a.nt", kGood);
  for (const std::string args : {"validate a.nt", "convert a.nt --to ntriples",
                                 "query --data a.nt 'SELECT * { ?s ?p ?o }'", "help"}) {
    const std::string cmd =
        "cd '" + s.dir().string() + "' && '" QUIVER_BIN "' " + args + " >/dev/full 2>/dev/null";
    const int status = std::system(cmd.c_str());
    ASSERT_TRUE(WIFEXITED(status));
    EXPECT_NE(WEXITSTATUS(status), 0) << args;
  }
}

// SIGTERM (like Ctrl-C or a hang-up) while an output file is being
// written: the temporary beside it is removed and the target never appears.
TEST(SignalTest, AKilledConvertLeavesNoTemporaryBehind) {
  Scratch s("signal");
  {
    std::ofstream big(s.path("big.nt"));
    for (int i = 0; i < 400000; ++i) {
      big << "<http://e/s" << i << "> <http://e/p> \"a literal long enough to take a while " << i
          << "\" .\n";
    }
  }
  for (const int sig : {SIGTERM, SIGINT, SIGHUP}) {
    const pid_t pid = ::fork();
    ASSERT_GE(pid, 0);
    if (pid == 0) {
      ::chdir(s.dir().c_str());
      ::execl(QUIVER_BIN, QUIVER_BIN, "convert", "big.nt", "--to", "turtle", "-o", "out.ttl",
              static_cast<char*>(nullptr));
      ::_exit(127);
    }
    // Wait until the temporary exists, then signal.
    bool seen = false;
    for (int i = 0; i < 2000 && !seen; ++i) {
      for (const auto& e : fs::directory_iterator(s.dir())) {
        seen = seen || e.path().filename().string().find(".quiver-tmp-") != std::string::npos;
      }
      if (!seen) ::usleep(1000);
    }
    ASSERT_TRUE(seen) << "no temporary appeared";
    ::kill(pid, sig);
    int status = 0;
    ::waitpid(pid, &status, 0);
    ASSERT_TRUE(WIFSIGNALED(status)) << "exited " << WEXITSTATUS(status) << " before the signal";
    EXPECT_EQ(WTERMSIG(status), sig);
    EXPECT_EQ(s.listing(), "big.nt ") << "signal " << sig;
  }
}

// RDF 1.2 input the readers refuse (issue 13's list): each says where, exits
// 1 and leaves no output.
TEST_F(BadInputTest, Rdf12Mistakes) {
  const std::string ttl = "PREFIX : <http://e/>\n:s :p :o .\n";
  const struct {
    const char* name;
    std::string text;
    const char* expected;
  } cases[] = {
      {"subject.nt",
       std::string(kGood) + "<<( <http://a> <http://b> <http://c> )>> <http://p> <http://o> .\n",
       "subject.nt:2:1: error: a triple term cannot be a subject"},
      {"subject.ttl", ttl + "<<( :a :b :c )>> :q :r .\n",
       "subject.ttl:3:1: error: a triple term cannot be a subject"},
      {"no-triple.ttl", ttl + "<< ~ :r >> :q :r .\n",
       "no-triple.ttl:3:4: error: expected the subject of a reified triple"},
      {"unclosed.ttl", ttl + ":s :p << :a :b :c .\n",
       "unclosed.ttl:3:19: error: expected '>>' to close the reified triple"},
      {"unopened.ttl", ttl + "<< :a :b :c >> :q :r >> .\n", "unopened.ttl:3:22: error:"},
      {"unclosed.nt",
       std::string(kGood) + "<http://s> <http://p> <<( <http://a> <http://b> <http://c> .\n",
       "unclosed.nt:2:"},
      {"annotated-term.ttl", ttl + "<<( :a :b :c )>> {| :q :r |} .\n",
       "annotated-term.ttl:3:1: error: a triple term cannot be a subject"},
      {"annotation.nt",
       std::string(kGood) + "<http://s> <http://p> <http://o> {| <http://q> <http://r> |} .\n",
       "annotation.nt:2:34: error:"},
      {"direction.nt", std::string(kGood) + "<http://s> <http://p> \"x\"--rtl .\n",
       "direction.nt:2:26: error: a base direction needs a language tag"},
      {"direction.ttl", ttl + ":s :p \"x\"--rtl .\n",
       "direction.ttl:3:10: error: a base direction needs a language tag"},
      {"version.nt", std::string(kGood) + "VERSION \"9.9\"\n",
       "version.nt:2:9: error: unknown RDF version \"9.9\""},
      {"version.ttl", ttl + "VERSION \"9.9\"\n",
       "version.ttl:3:9: error: unknown RDF version \"9.9\""},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.name);
    scratch_.write(c.name, c.text);
    expect_failure(c.name, c.expected);
  }
}

}  // namespace
}  // namespace quiver::cli::testing
