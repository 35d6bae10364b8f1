// `quiver update` end to end: the real binary on files written by the test.

#include <gtest/gtest.h>

#include "cli_runner.hpp"

namespace quiver::cli::testing {
namespace {

constexpr const char* kData = R"(@prefix : <http://ex/> .
:a :p 1, 2 ; :q :b .
)";

class UpdateTest : public ::testing::Test {
 protected:
  UpdateTest() : scratch_(::testing::UnitTest::GetInstance()->current_test_info()->name()) {
    scratch_.write("d.ttl", kData);
  }
  RunResult update(const std::string& args) { return scratch_.quiver("update " + args); }
  Scratch scratch_;
};

TEST_F(UpdateTest, AppliesTheRequestAndWritesTheDataset) {
  const RunResult r = update(
      "--data d.ttl 'PREFIX : <http://ex/> DELETE { ?s :p ?o } INSERT { GRAPH :g { ?s :p ?o } } "
      "WHERE { ?s :p ?o FILTER(?o > 1) }'");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out,
            "<http://ex/a> <http://ex/p> \"1\"^^<http://www.w3.org/2001/XMLSchema#integer> .\n"
            "<http://ex/a> <http://ex/p> \"2\"^^<http://www.w3.org/2001/XMLSchema#integer> "
            "<http://ex/g> .\n"
            "<http://ex/a> <http://ex/q> <http://ex/b> .\n");
  EXPECT_EQ(r.err, "");
}

// The form the shared W3C harness runs.
TEST_F(UpdateTest, HarnessFormWithBaseNamedGraphsAndAFile) {
  scratch_.write("g.ttl", "<http://ex/x> <http://ex/y> <http://ex/z> .\n");
  scratch_.write("u.ru", "MOVE GRAPH <http://ex/g1> TO <rel> ; INSERT DATA { <s> <p> <o> }");
  const RunResult r = update(
      "--update u.ru --base http://b/ --data d.ttl --named http://ex/g1=g.ttl --format nquads");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("<http://ex/x> <http://ex/y> <http://ex/z> <http://b/rel> .\n"),
            std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("<http://b/s> <http://b/p> <http://b/o> .\n"), std::string::npos);
  EXPECT_EQ(r.out.find("http://ex/g1"), std::string::npos);
}

TEST_F(UpdateTest, AFailedUpdateLeavesTheOutputFileAlone) {
  scratch_.write("out.nq", "old\n");
  const RunResult r = update(
      "--base http://b/ --data d.ttl -o out.nq 'INSERT DATA { <s> <p> <o> } ; CREATE GRAPH <g> ; "
      "CREATE GRAPH <g>'");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.err,
            "quiver update: CREATE at 1:50 (operation 3 of 3): graph <http://b/g> already exists; "
            "nothing was applied\n");
  EXPECT_EQ(slurp(scratch_.path("out.nq")), "old\n");
  EXPECT_EQ(scratch_.listing().find(".tmp"), std::string::npos) << scratch_.listing();
  // The same file named as output and given a format by its name.
  ASSERT_EQ(update("--data d.ttl -o out.ttl 'CLEAR DEFAULT'").exit_code, 0);
  EXPECT_EQ(slurp(scratch_.path("out.ttl")), "");
}

TEST_F(UpdateTest, SyntaxErrorsShowACaretAndExit2) {
  const RunResult r = update("'DELETE DATA { <s> <p> _:b }' --base http://b/");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.err,
            "<update>:1:23: error: blank nodes are not allowed in DELETE DATA\n"
            "DELETE DATA { <s> <p> _:b }\n"
            "                      ^~~\n");
  EXPECT_EQ(r.out, "");
  const RunResult ok = update("--syntax-only 'DROP ALL ;'");
  EXPECT_EQ(ok.exit_code, 0);
  EXPECT_EQ(ok.err, "<update>: OK\n");
}

TEST_F(UpdateTest, LoadOfAMissingOrMalformedFileAppliesNothing) {
  scratch_.write("bad.ttl", "<http://ex/s> <http://ex/p> .\n");
  const std::string dir = scratch_.dir().string();
  const RunResult missing =
      update("--data d.ttl 'CLEAR ALL ; LOAD <file://" + dir + "/nothing.ttl>'");
  EXPECT_EQ(missing.exit_code, 1);
  EXPECT_NE(missing.err.find("LOAD at 1:13 (operation 2 of 2)"), std::string::npos) << missing.err;
  EXPECT_EQ(missing.out, "");
  const RunResult bad = update("--data d.ttl 'CLEAR ALL ; LOAD <file://" + dir + "/bad.ttl>'");
  EXPECT_EQ(bad.exit_code, 1);
  EXPECT_NE(bad.err.find("bad.ttl:1:"), std::string::npos) << bad.err;
  EXPECT_EQ(bad.out, "");
  const RunResult good = update("'LOAD <file://" + dir + "/d.ttl> INTO GRAPH <http://ex/g>'");
  EXPECT_EQ(good.exit_code, 0) << good.err;
  EXPECT_NE(good.out.find("<http://ex/a> <http://ex/q> <http://ex/b> <http://ex/g> .\n"),
            std::string::npos);
}

TEST_F(UpdateTest, QuadsLeftOutAreSaidOnceAndNamedGraphsNeedADatasetFormat) {
  const RunResult r =
      update("--data d.ttl --format turtle 'INSERT { ?o <http://ex/r> ?s } WHERE { ?s ?p ?o }'");
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.err, "quiver update: note: a quad with a literal in subject position was left out\n");
  const RunResult graphs = update("--data d.ttl --format ntriples 'ADD DEFAULT TO <http://ex/g>'");
  EXPECT_EQ(graphs.exit_code, 1);
  EXPECT_EQ(graphs.err,
            "quiver update: the resulting dataset has named graphs, which ntriples cannot hold: "
            "use --format trig or nquads\n");
}

}  // namespace
}  // namespace quiver::cli::testing

namespace quiver::cli::testing {
namespace {

TEST_F(UpdateTest, UnionDefaultGraphForQueryAndUpdate) {
  scratch_.write("g.trig",
                 "<http://e/g1> { <http://e/a> <http://e/p> <http://e/b> }\n"
                 "<http://e/g2> { <http://e/b> <http://e/p> <http://e/c> }\n");
  const RunResult q = scratch_.quiver(
      "query --union-default-graph --data g.trig --format csv "
      "'SELECT ?o { <http://e/a> <http://e/p>+ ?o } ORDER BY ?o'");
  EXPECT_EQ(q.exit_code, 0) << q.err;
  EXPECT_EQ(q.out, "o\r\nhttp://e/b\r\nhttp://e/c\r\n");
  const RunResult u = update(
      "--union-default-graph --data g.trig 'INSERT { ?s <http://e/via> ?o } WHERE { ?s "
      "<http://e/p>/<http://e/p> ?o }'");
  EXPECT_EQ(u.exit_code, 0) << u.err;
  EXPECT_NE(u.out.find("<http://e/a> <http://e/via> <http://e/c> .\n"), std::string::npos) << u.out;
  const RunResult remote =
      scratch_.quiver("query --union-default-graph --endpoint http://127.0.0.1:9/sparql 'ASK {}'");
  EXPECT_EQ(remote.exit_code, 2);
}

// SPARQL 1.2 templates: a reified triple and an annotation made per
// solution, a template blank node the same inside a triple term as outside;
// DELETE of a triple term made from a solution.
TEST_F(UpdateTest, TemplatesMakeTripleTermsPerSolution) {
  scratch_.write("g.trig", "GRAPH <http://ex/g> { <http://ex/s> <http://ex/p> <http://ex/o> }\n");
  RunResult r = update(
      "--data g.trig -f nquads 'PREFIX : <http://ex/> INSERT { << ?s ?p ?o >> :source ?g . "
      ":x :y <<( _:b :r ?o )>> . _:b :is :new } WHERE { GRAPH ?g { ?s ?p ?o } }'");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find(" <http://www.w3.org/1999/02/22-rdf-syntax-ns#reifies> <<( <http://ex/s> "
                       "<http://ex/p> <http://ex/o> )>> .\n"),
            std::string::npos)
      << r.out;
  const std::size_t inside = r.out.find("<<( _:");
  ASSERT_NE(inside, std::string::npos) << r.out;
  const std::string label = r.out.substr(inside + 4, r.out.find(' ', inside + 4) - inside - 4);
  EXPECT_NE(r.out.find(label + " <http://ex/is> <http://ex/new> ."), std::string::npos) << r.out;
  r = update(
      "--data g.trig -f nquads 'PREFIX : <http://ex/> INSERT DATA { :s :p :o {| :n 1 |} } ; "
      "DELETE { ?r ?q <<( ?s ?p ?o )>> } WHERE { ?r ?q <<( ?s ?p ?o )>> }'");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out.find("reifies"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("<http://ex/s> <http://ex/p> <http://ex/o> .\n"), std::string::npos)
      << r.out;
}

}  // namespace
}  // namespace quiver::cli::testing
