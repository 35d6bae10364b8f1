// Bad queries and bad data: a clear message and the right exit code, or,
// for errors inside expressions, the spec's semantics (an unbound value),
// never a crash.

#include <gtest/gtest.h>

#include <algorithm>

#include "cli_runner.hpp"

namespace quiver::cli::testing {
namespace {

constexpr const char* kData =
    "@prefix ex: <http://ex/> .\n"
    "ex:a ex:n 1 ; ex:name \"a\" .\n"
    "ex:b ex:n 2 ; ex:name \"b\" .\n";

class QueryBadInputTest : public ::testing::Test {
 protected:
  QueryBadInputTest() : scratch_(::testing::UnitTest::GetInstance()->current_test_info()->name()) {
    scratch_.write("d.ttl", kData);
  }
  RunResult query(const std::string& text, const std::string& extra = "--format tsv") {
    scratch_.write("q.rq", text);
    return scratch_.quiver("query --data d.ttl --query q.rq " + extra);
  }
  Scratch scratch_;
};

TEST_F(QueryBadInputTest, UnknownPrefixIsASyntaxErrorWithLocation) {
  const RunResult r = query("PREFIX ex: <http://ex/>\nSELECT ?s WHERE { ?s nope:p ?o }\n");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("q.rq:2:"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("nope"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("^"), std::string::npos) << r.err;
}

TEST_F(QueryBadInputTest, UndefinedFunctionLeavesTheVariableUnbound) {
  // SPARQL 17.6: calling an unknown extension function is an expression
  // error, so BIND leaves ?v unbound and the solution stays.
  const RunResult r = query(
      "PREFIX ex: <http://ex/>\n"
      "SELECT ?s ?v WHERE { ?s ex:n ?n BIND(<http://ex/no-such-function>(?n) AS ?v) } ORDER BY "
      "?s\n");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, "?s\t?v\n<http://ex/a>\t\n<http://ex/b>\t\n");
}

TEST_F(QueryBadInputTest, UnboundVariableInSelectExpression) {
  const RunResult r = query("SELECT (?nowhere + 1 AS ?x) (STR(?nowhere) AS ?y) WHERE { }\n");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, "?x\t?y\n\t\n");
}

TEST_F(QueryBadInputTest, TypeErrorsFollowTheSpec) {
  // "a" + 1 is an error (unbound); a FILTER that errors drops the row;
  // an error in an OR with a true operand is true.
  const RunResult r = query(
      "PREFIX ex: <http://ex/>\n"
      "SELECT ?s (?name + 1 AS ?bad) WHERE {\n"
      "  ?s ex:name ?name ; ex:n ?n\n"
      "  FILTER(?name > 1 || ?n = 1)\n"
      "}\n");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, "?s\t?bad\n<http://ex/a>\t\n");
  const RunResult none = query("SELECT ?s WHERE { ?s ?p ?o FILTER(\"a\" < 1) }\n");
  ASSERT_EQ(none.exit_code, 0) << none.err;
  EXPECT_EQ(none.out, "?s\n");
}

// Computed terms reach the writers as they are: an IRI or a blank node
// label holding `> <...>` must not add statements to the output.
TEST_F(QueryBadInputTest, ComputedTermsCannotInjectStatements) {
  const RunResult r = query(
      "CONSTRUCT { ?i <http://e/p> ?b } WHERE { BIND(IRI(\"http://e/a> <http://e/p> "
      "<http://e/b\") AS ?i) BIND(BNODE() AS ?b) }",
      "--format ntriples");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_LE(std::count(r.out.begin(), r.out.end(), '\n'), 1) << r.out;
  scratch_.write("out.nt", r.out);
  // Read back, the output holds at most the one statement the template made.
  const RunResult check = scratch_.quiver("validate out.nt");
  EXPECT_TRUE(check.out.find(" quads") == std::string::npos ||
              check.out.find("OK, 1 quads") != std::string::npos)
      << check.out << r.out;
}

TEST_F(QueryBadInputTest, MissingDataFile) {
  scratch_.write("q.rq", "SELECT * WHERE { ?s ?p ?o }");
  const RunResult r = scratch_.quiver("query --data missing.ttl --query q.rq");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("missing.ttl: error: no such file"), std::string::npos) << r.err;
}

TEST_F(QueryBadInputTest, CartesianProductStoppedByTimeout) {
  std::string big = "@prefix ex: <http://ex/> .\n";
  for (int i = 0; i < 3000; ++i)
    big += "ex:s" + std::to_string(i) + " ex:p " + std::to_string(i) + " .\n";
  scratch_.write("big.ttl", big);
  scratch_.write("q.rq", "SELECT (COUNT(*) AS ?count) WHERE { ?a ?p ?x . ?b ?q ?y . ?c ?r ?z }");
  const RunResult r = scratch_.quiver("query --data big.ttl --query q.rq --timeout 0.3");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("timed out"), std::string::npos) << r.err;
}

TEST_F(QueryBadInputTest, OneMegabyteQuery) {
  std::string text = "PREFIX ex: <http://ex/>\nSELECT ?s WHERE { ?s ex:n ?n VALUES ?n {";
  int values = 0;
  while (text.size() < 1024 * 1024) {
    text += " " + std::to_string(values++);
  }
  text += " } } ORDER BY ?s\n";
  const RunResult r = query(text);
  ASSERT_EQ(r.exit_code, 0) << r.err.substr(0, 500);
  EXPECT_EQ(r.out, "?s\n<http://ex/a>\n<http://ex/b>\n");
  // And a 1 MB query with an error at its very end says where.
  const RunResult bad = query(text.substr(0, text.size() - 2) + " oops");
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_NE(bad.err.find("q.rq:2:"), std::string::npos) << bad.err.substr(0, 300);
}

// Issue 16: running out of memory aborted the process; with --max-memory a
// query that needs more than its ceiling ends with a clear error.
TEST_F(QueryBadInputTest, MaxMemoryEndsAHungryQueryWithAClearError) {
  std::string data = "@prefix ex: <http://ex/> .\n";
  for (int i = 0; i < 300; ++i) {
    data += "ex:s" + std::to_string(i) + " ex:p ex:o" + std::to_string(i) + " .\n";
  }
  scratch_.write("big.ttl", data);
  scratch_.write("hungry.rq", "SELECT * { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i } ORDER BY ?a ?d ?g\n");
  const RunResult r =
      scratch_.quiver("query --max-memory 100M --data big.ttl --query hungry.rq --format tsv");
  if (r.err.find("sanitizer build") != std::string::npos) GTEST_SKIP() << r.err;
  EXPECT_EQ(r.exit_code, 1) << r.err;
  EXPECT_NE(r.err.find("out of memory (--max-memory 104857600 bytes)"), std::string::npos) << r.err;
  // A query within the ceiling runs as usual.
  const RunResult ok = scratch_.quiver(
      "query --max-memory 1G --data big.ttl --format tsv 'SELECT (COUNT(*) AS ?n) { ?s ?p ?o }'");
  EXPECT_EQ(ok.exit_code, 0) << ok.err;
  EXPECT_EQ(ok.out, "?n\n300\n");
}

TEST_F(QueryBadInputTest, MaxMemoryTakesSizesWithUnits) {
  for (const char* bad : {"12X", "M", "-1G", "1.5G", "99999999999999999T"}) {
    const RunResult r = query("ASK {}", std::string("--max-memory ") + bad);
    EXPECT_EQ(r.exit_code, 2) << bad;
    EXPECT_NE(r.err.find("max-memory"), std::string::npos) << r.err;
  }
}

}  // namespace
}  // namespace quiver::cli::testing
