// `quiver query` end to end: the real binary on files written by the test.

#include <gtest/gtest.h>

#include <chrono>
#include <regex>

#include "cli_runner.hpp"

namespace quiver::cli::testing {
namespace {

constexpr const char* kData = R"(@prefix : <http://ex/> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
:a :n "01"^^xsd:integer ; :name "Ann"@en .
:b :n 2 ; :name "B, \"q\"" .
:c :n 3 .
)";

constexpr const char* kSelect =
    "PREFIX : <http://ex/>\n"
    "SELECT ?s ?n ?name { ?s :n ?n OPTIONAL { ?s :name ?name } } ORDER BY ?s\n";

constexpr const char* kConstruct =
    "PREFIX : <http://ex/>\nCONSTRUCT { ?s :m ?n } WHERE { ?s :n ?n FILTER(?n < 3) }\n";

class QueryTest : public ::testing::Test {
 protected:
  QueryTest() : scratch_(::testing::UnitTest::GetInstance()->current_test_info()->name()) {
    scratch_.write("d.ttl", kData);
    scratch_.write("sel.rq", kSelect);
    scratch_.write("construct.rq", kConstruct);
  }
  /// `quiver query ARGS`, expecting success.
  std::string ok(const std::string& args, const std::string& stdin_file = "") {
    const RunResult r = scratch_.quiver("query " + args, stdin_file);
    EXPECT_EQ(r.exit_code, 0) << args << "\n" << r.err;
    return r.out;
  }
  Scratch scratch_;
};

TEST_F(QueryTest, QueryAsTextFileOrStdin) {
  const std::string expected = "?s\n<http://ex/c>\n";
  EXPECT_EQ(ok("'SELECT ?s { ?s <http://ex/n> 3 }' --data d.ttl"), expected);
  // Several words are one query.
  EXPECT_EQ(ok("SELECT ?s '{ ?s <http://ex/n> 3 }' --data d.ttl"), expected);
  scratch_.write("q.rq", "SELECT ?s { ?s <http://ex/n> 3 }");
  EXPECT_EQ(ok("--query q.rq --data d.ttl"), expected);
  EXPECT_EQ(ok("-q q.rq -d d.ttl"), expected);
  EXPECT_EQ(ok("--query - --data d.ttl", scratch_.path("q.rq")), expected);
}

TEST_F(QueryTest, QueryMissingOrGivenTwice) {
  const RunResult none = scratch_.quiver("query --data d.ttl");
  EXPECT_EQ(none.exit_code, 2);
  EXPECT_NE(none.err.find("no query given"), std::string::npos) << none.err;
  const RunResult both = scratch_.quiver("query -q sel.rq 'ASK {}'");
  EXPECT_EQ(both.exit_code, 2);
  EXPECT_NE(both.err.find("not both"), std::string::npos) << both.err;
  const RunResult missing = scratch_.quiver("query -q nosuch.rq");
  EXPECT_EQ(missing.exit_code, 1);
  EXPECT_EQ(missing.err, "nosuch.rq: error: cannot read the query file\n");
}

TEST_F(QueryTest, TrigDataKeepsItsNamedGraphs) {
  scratch_.write("g.trig",
                 "@prefix : <http://ex/> .\n:s :p 1 .\n:g1 { :s :p 2 . }\n:g2 { :s :p 3 . }\n");
  // The default graph is the TriG's default graph only.
  EXPECT_EQ(ok("'SELECT ?o { ?s ?p ?o }' --data g.trig"), "?o\n1\n");
  EXPECT_EQ(ok("'SELECT ?g ?o { GRAPH ?g { ?s ?p ?o } } ORDER BY ?o' --data g.trig"),
            "?g\t?o\n<http://ex/g1>\t2\n<http://ex/g2>\t3\n");
  EXPECT_EQ(ok("'ASK { GRAPH <http://ex/g2> { ?s ?p 2 } }' --data g.trig"), "false\n");
}

TEST_F(QueryTest, NamedGraphFiles) {
  scratch_.write("n.nt", "<http://ex/s> <http://ex/p> \"n\" .\n");
  scratch_.write("m.ttl", "<http://ex/s> <http://ex/p> \"m\" .\n");
  const std::string query = "'SELECT ?g ?o { GRAPH ?g { ?s ?p ?o } } ORDER BY ?o'";
  // A file is named by its file:// IRI; IRI=FILE names it explicitly.
  EXPECT_EQ(
      ok(query + " --named n.nt --named http://ex/m=m.ttl"),
      "?g\t?o\n<http://ex/m>\t\"m\"\n<file://" + scratch_.path("n.nt").string() + ">\t\"n\"\n");
  // Named graphs are not in the default graph.
  EXPECT_EQ(ok("'SELECT ?o { ?s ?p ?o }' --named n.nt"), "?o\n");
  EXPECT_EQ(ok("'SELECT ?o { GRAPH <http://ex/m> { ?s ?p ?o } }' -n http://ex/m=m.ttl -d d.ttl"),
            "?o\n\"m\"\n");
}

TEST_F(QueryTest, FromAndFromNamedAreFilesBesideTheQuery) {
  fs::create_directories(scratch_.path("sub"));
  scratch_.write("sub/f.ttl", "<http://ex/x> <http://ex/p> \"from\" .\n");
  scratch_.write("sub/nm.ttl", "<http://ex/y> <http://ex/p> \"named\" .\n");
  scratch_.write("sub/q.rq",
                 "SELECT ?g ?o FROM <f.ttl> FROM NAMED <nm.ttl>\n"
                 "{ { ?s ?p ?o } UNION { GRAPH ?g { ?s ?p ?o } } } ORDER BY ?o\n");
  // --data is not part of a dataset given by FROM.
  EXPECT_EQ(
      ok("-q sub/q.rq -d d.ttl"),
      "?g\t?o\n\t\"from\"\n<file://" + scratch_.path("sub/nm.ttl").string() + ">\t\"named\"\n");
  // Only FROM NAMED: the default graph is empty.
  scratch_.write("sub/named_only.rq", "SELECT ?o FROM NAMED <nm.ttl> { ?s ?p ?o }\n");
  EXPECT_EQ(ok("-q sub/named_only.rq -d d.ttl"), "?o\n");
  // FROM names a graph of the data when there is one.
  scratch_.write("g.trig", "<http://ex/g1> { <http://ex/s> <http://ex/p> 2 . }\n");
  EXPECT_EQ(ok("'SELECT ?o FROM <http://ex/g1> { ?s ?p ?o }' -d g.trig"), "?o\n2\n");

  scratch_.write("sub/missing.rq", "SELECT * FROM <nosuch.ttl> { ?s ?p ?o }\n");
  const RunResult missing = scratch_.quiver("query -q sub/missing.rq");
  EXPECT_EQ(missing.exit_code, 1);
  EXPECT_NE(missing.err.find(scratch_.path("sub/nosuch.ttl").string()), std::string::npos)
      << missing.err;
  EXPECT_NE(missing.err.find("no such file"), std::string::npos) << missing.err;
  // Without a query file, a relative FROM IRI is no file.
  const RunResult text = scratch_.quiver("query 'SELECT * FROM <f.ttl> { ?s ?p ?o }'");
  EXPECT_EQ(text.exit_code, 1);
  EXPECT_EQ(text.err, "quiver query: no graph <f.ttl> in the data, and it is not a local file\n");
}

TEST_F(QueryTest, SelectInEveryFormat) {
  EXPECT_EQ(ok("-q sel.rq -d d.ttl --format table"),
            "------------------------\n"
            "| s  | n  | name       |\n"
            "========================\n"
            "| :a | 01 | \"Ann\"@en   |\n"
            "| :b | 2  | \"B, \\\"q\\\"\" |\n"
            "| :c | 3  |            |\n"
            "------------------------\n");
  const std::string xsd_integer = R"("datatype": "http://www.w3.org/2001/XMLSchema#integer")";
  EXPECT_EQ(
      ok("-q sel.rq -d d.ttl --format json"),
      "{\n"
      "  \"head\": {\"vars\": [\"s\", \"n\", \"name\"]},\n"
      "  \"results\": {\"bindings\": [\n"
      R"(    {"s": {"type": "uri", "value": "http://ex/a"}, "n": {"type": "literal", "value": "01", )" +
          xsd_integer +
          R"(}, "name": {"type": "literal", "value": "Ann", "xml:lang": "en"}},)"
          "\n"
          R"(    {"s": {"type": "uri", "value": "http://ex/b"}, "n": {"type": "literal", "value": "2", )" +
          xsd_integer +
          R"(}, "name": {"type": "literal", "value": "B, \"q\""}},)"
          "\n"
          R"(    {"s": {"type": "uri", "value": "http://ex/c"}, "n": {"type": "literal", "value": "3", )" +
          xsd_integer +
          "}}\n"
          "  ]}\n"
          "}\n");
  const std::string xsd = "http://www.w3.org/2001/XMLSchema#integer";
  EXPECT_EQ(ok("-q sel.rq -d d.ttl --format xml"),
            "<?xml version=\"1.0\"?>\n"
            "<sparql xmlns=\"http://www.w3.org/2005/sparql-results#\">\n"
            "  <head>\n"
            "    <variable name=\"s\"/>\n"
            "    <variable name=\"n\"/>\n"
            "    <variable name=\"name\"/>\n"
            "  </head>\n"
            "  <results>\n"
            "    <result>\n"
            "      <binding name=\"s\"><uri>http://ex/a</uri></binding>\n"
            "      <binding name=\"n\"><literal datatype=\"" +
                xsd +
                "\">01</literal></binding>\n"
                "      <binding name=\"name\"><literal xml:lang=\"en\">Ann</literal></binding>\n"
                "    </result>\n"
                "    <result>\n"
                "      <binding name=\"s\"><uri>http://ex/b</uri></binding>\n"
                "      <binding name=\"n\"><literal datatype=\"" +
                xsd +
                "\">2</literal></binding>\n"
                "      <binding name=\"name\"><literal>B, \"q\"</literal></binding>\n"
                "    </result>\n"
                "    <result>\n"
                "      <binding name=\"s\"><uri>http://ex/c</uri></binding>\n"
                "      <binding name=\"n\"><literal datatype=\"" +
                xsd +
                "\">3</literal></binding>\n"
                "    </result>\n"
                "  </results>\n"
                "</sparql>\n");
  EXPECT_EQ(
      ok("-q sel.rq -d d.ttl --format csv"),
      "s,n,name\r\nhttp://ex/a,01,Ann\r\nhttp://ex/b,2,\"B, \"\"q\"\"\"\r\nhttp://ex/c,3,\r\n");
  const std::string tsv =
      "?s\t?n\t?name\n<http://ex/a>\t01\t\"Ann\"@en\n<http://ex/b>\t2\t\"B, \\\"q\\\"\"\n"
      "<http://ex/c>\t3\t\n";
  EXPECT_EQ(ok("-q sel.rq -d d.ttl --format tsv"), tsv);
  // Not a terminal: TSV by default.
  EXPECT_EQ(ok("-q sel.rq -d d.ttl"), tsv);
}

TEST_F(QueryTest, AskInEveryFormat) {
  const std::string ask = "'ASK { ?s ?p 2 }' -d d.ttl --format ";
  EXPECT_EQ(ok(ask + "table"), "Ask => Yes\n");
  EXPECT_EQ(ok(ask + "json"), "{\n  \"head\": {},\n  \"boolean\": true\n}\n");
  EXPECT_EQ(ok(ask + "xml"),
            "<?xml version=\"1.0\"?>\n"
            "<sparql xmlns=\"http://www.w3.org/2005/sparql-results#\">\n"
            "  <head>\n  </head>\n  <boolean>true</boolean>\n</sparql>\n");
  EXPECT_EQ(ok(ask + "csv"), "true\r\n");
  EXPECT_EQ(ok(ask + "tsv"), "true\n");
  EXPECT_EQ(ok("'ASK { ?s ?p 4 }' -d d.ttl --format table"), "Ask => No\n");
}

TEST_F(QueryTest, ConstructAndDescribeInGraphFormats) {
  const std::string nt =
      "<http://ex/a> <http://ex/m> \"01\"^^<http://www.w3.org/2001/XMLSchema#integer> .\n"
      "<http://ex/b> <http://ex/m> \"2\"^^<http://www.w3.org/2001/XMLSchema#integer> .\n";
  EXPECT_EQ(ok("-q construct.rq -d d.ttl --format ntriples"), nt);
  EXPECT_EQ(ok("-q construct.rq -d d.ttl --format nquads"), nt);
  const std::string turtle = "@prefix : <http://ex/> .\n\n:a :m 01 .\n\n:b :m 2 .\n";
  EXPECT_EQ(ok("-q construct.rq -d d.ttl --format turtle"), turtle);
  // Turtle by default.
  EXPECT_EQ(ok("-q construct.rq -d d.ttl"), turtle);
  EXPECT_EQ(ok("'DESCRIBE <http://ex/c>' -d d.ttl --format ntriples"),
            "<http://ex/c> <http://ex/n> \"3\"^^<http://www.w3.org/2001/XMLSchema#integer> .\n");
  EXPECT_EQ(ok("'PREFIX : <http://ex/> DESCRIBE :a' -d d.ttl"),
            "@prefix : <http://ex/> .\n\n:a :n 01 ;\n    :name \"Ann\"@en .\n");
}

TEST_F(QueryTest, FormatMustFitTheQueryForm) {
  for (const char* args : {"-q sel.rq -d d.ttl --format turtle", "'ASK {}' --format ntriples",
                           "-q construct.rq -d d.ttl --format json",
                           "-q construct.rq -d d.ttl --format table", "-q sel.rq --format yaml"}) {
    const RunResult r = scratch_.quiver(std::string("query ") + args);
    EXPECT_EQ(r.exit_code, 2) << args;
    EXPECT_EQ(r.out, "") << args;
    EXPECT_NE(r.err.find("is not a"), std::string::npos) << r.err;
  }
  // Checked before any data is read.
  const RunResult early = scratch_.quiver("query -q sel.rq -d nosuch.ttl --format turtle");
  EXPECT_EQ(early.exit_code, 2);
  EXPECT_EQ(early.err,
            "quiver query: 'turtle' is not a result format (table, json, xml, csv, tsv)\n");
}

TEST_F(QueryTest, SyntaxErrorPointsAtTheToken) {
  scratch_.write("bad.rq", "PREFIX : <http://ex/>\nSELECT * {\n  ?s :p ?o FILTER(?o > )\n}\n");
  const RunResult file = scratch_.quiver("query -q bad.rq -d d.ttl");
  EXPECT_EQ(file.exit_code, 2);
  EXPECT_EQ(file.out, "");
  EXPECT_EQ(file.err,
            "bad.rq:3:24: error: expected an expression but found ')'\n"
            "  ?s :p ?o FILTER(?o > )\n"
            "                       ^\n");
  const RunResult stdin_query = scratch_.quiver("query -q -", scratch_.path("bad.rq"));
  EXPECT_EQ(stdin_query.exit_code, 2);
  EXPECT_EQ(stdin_query.err.substr(0, stdin_query.err.find('\n')),
            "<stdin>:3:24: error: expected an expression but found ')'");
  // A longer token gets a tilde under each further character.
  const RunResult text = scratch_.quiver("query 'SELECT * { ?s FILTER(?s) }'");
  EXPECT_EQ(text.exit_code, 2);
  EXPECT_EQ(text.err,
            "<query>:1:15: error: expected a predicate or property path but found 'FILTER'\n"
            "SELECT * { ?s FILTER(?s) }\n"
            "              ^~~~~~\n");
  // Tabs stay tabs and non-ASCII characters count once, so the caret lines up.
  scratch_.write("tab.rq", "SELECT * {\n\t?s <http://p> \"\xc3\xa9t\xc3\xa9\" , }\n");
  const RunResult tab = scratch_.quiver("query -q tab.rq");
  EXPECT_EQ(tab.exit_code, 2);
  EXPECT_EQ(tab.err,
            "tab.rq:2:24: error: expected a variable or RDF term but found '}'\n"
            "\t?s <http://p> \"\xc3\xa9t\xc3\xa9\" , }\n"
            "\t                      ^\n");
}

TEST_F(QueryTest, SyntaxOnly) {
  scratch_.write("bad.rq", "SELECT * { ?s ?p }");
  const RunResult good = scratch_.quiver("query --syntax-only -q sel.rq");
  EXPECT_EQ(good.exit_code, 0);
  EXPECT_EQ(good.out, "");
  EXPECT_EQ(good.err, "sel.rq: OK\n");
  // No data is read, so a missing file does not matter.
  EXPECT_EQ(scratch_.quiver("query --syntax-only 'ASK {}' -d nosuch.ttl").exit_code, 0);
  const RunResult bad = scratch_.quiver("query --syntax-only -q bad.rq");
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_EQ(bad.out, "");
  EXPECT_EQ(bad.err.substr(0, bad.err.find('\n')),
            "bad.rq:1:18: error: expected a variable or RDF term but found '}'");
}

TEST_F(QueryTest, ExplainPrintsThePlanToStderr) {
  const RunResult r = scratch_.quiver(
      "query --explain --format tsv -d d.ttl "
      "'PREFIX : <http://ex/> SELECT ?s { ?s :n ?n ; :name ?name FILTER(?n > 1) }'");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, "?s\n<http://ex/b>\n");
  EXPECT_NE(r.err.find("plan"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("bgp  [est 2, actual 2]"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("filter (> ?n 1)  [est 1, actual 1]"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("optimizer passes: fold_constants"), std::string::npos) << r.err;
  // Without --explain, nothing on stderr.
  EXPECT_EQ(scratch_.quiver("query -q sel.rq -d d.ttl").err, "");
}

// --no-optimize: the same answer, from the query as written (no filter
// pushed into the BGP, no optimizer passes in the explanation).
TEST_F(QueryTest, NoOptimizeRunsTheQueryAsWrittenWithTheSameAnswer) {
  const std::string query =
      "'PREFIX : <http://ex/> SELECT ?s { ?s :n ?n { ?s :name ?name } FILTER(?n > 1) }'";
  const RunResult optimized = scratch_.quiver("query --format tsv -d d.ttl " + query);
  const RunResult r =
      scratch_.quiver("query --no-optimize --explain --format tsv -d d.ttl " + query);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, "?s\n<http://ex/b>\n");
  EXPECT_EQ(r.out, optimized.out);
  EXPECT_NE(r.err.find("join hash on ?s"), std::string::npos) << r.err;
  EXPECT_EQ(r.err.find("optimizer passes: fold_constants"), std::string::npos) << r.err;
  EXPECT_EQ(scratch_.quiver("query --no-optimize -e http://127.0.0.1:9/sparql 'ASK {}'").exit_code,
            2);
}

TEST_F(QueryTest, TimePrintsLoadAndQueryApartToStderr) {
  const RunResult r = scratch_.quiver("query --time -q sel.rq -d d.ttl --format tsv");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, scratch_.quiver("query -q sel.rq -d d.ttl --format tsv").out);
  EXPECT_TRUE(std::regex_match(
      r.err, std::regex("time: load [0-9]+\\.[0-9]{6} s, query [0-9]+\\.[0-9]{6} s \\(plan, run "
                        "and write\\)\n")))
      << r.err;
  // Remote queries are timed by the server, not here.
  EXPECT_EQ(scratch_.quiver("query --time -e http://127.0.0.1:9/sparql 'ASK {}'").exit_code, 2);
}

TEST_F(QueryTest, TimeoutStopsARunawayQuery) {
  // A 2,000-link chain: the path below has 4 million answers.
  std::string chain;
  for (int i = 0; i < 2000; ++i) {
    chain += "<http://ex/n" + std::to_string(i) + "> <http://ex/p> <http://ex/n" +
             std::to_string(i + 1) + "> .\n";
  }
  scratch_.write("chain.nt", chain);
  const auto start = std::chrono::steady_clock::now();
  const RunResult r = scratch_.quiver(
      "query -d chain.nt --timeout 0.2 "
      "'SELECT (COUNT(*) AS ?n) { ?a (<http://ex/p>|^<http://ex/p>)* ?b }'");
  const auto elapsed = std::chrono::steady_clock::now() - start;
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.out, "");
  EXPECT_NE(r.err.find("timed out"), std::string::npos) << r.err;
  EXPECT_LT(elapsed, std::chrono::seconds(5));
  // A cartesian product is stopped too.
  const RunResult product = scratch_.quiver(
      "query -d chain.nt --timeout 0.2 'SELECT (COUNT(*) AS ?n) { ?a ?p ?b . ?c ?q ?d . ?e ?r ?f "
      "}'");
  EXPECT_EQ(product.exit_code, 1);
  EXPECT_NE(product.err.find("timed out"), std::string::npos) << product.err;
  // A quick query is not disturbed.
  EXPECT_EQ(ok("--timeout 10 -q sel.rq -d d.ttl --format csv").substr(0, 10), "s,n,name\r\n");
  EXPECT_EQ(scratch_.quiver("query --timeout 0 'ASK {}'").exit_code, 2);
  EXPECT_EQ(scratch_.quiver("query --timeout soon 'ASK {}'").exit_code, 2);
}

TEST_F(QueryTest, DataFileProblems) {
  const RunResult missing = scratch_.quiver("query 'ASK {}' -d d.ttl -d nosuch.ttl");
  EXPECT_EQ(missing.exit_code, 1);
  EXPECT_EQ(missing.out, "");
  EXPECT_EQ(missing.err, "nosuch.ttl: error: no such file\n");
  const RunResult named = scratch_.quiver("query 'ASK {}' --named http://ex/g=nosuch.ttl");
  EXPECT_EQ(named.exit_code, 1);
  EXPECT_EQ(named.err, "nosuch.ttl: error: no such file\n");
  scratch_.write("broken.ttl", "<http://ex/s> <http://ex/p> .\n");
  const RunResult broken = scratch_.quiver("query 'ASK {}' -d broken.ttl");
  EXPECT_EQ(broken.exit_code, 1);
  EXPECT_EQ(broken.err.rfind("broken.ttl:1:", 0), 0u) << broken.err;
  scratch_.write("data.unknown", "");
  const RunResult unknown = scratch_.quiver("query 'ASK {}' -d data.unknown");
  EXPECT_EQ(unknown.exit_code, 1);
  EXPECT_NE(unknown.err.find("cannot tell the syntax"), std::string::npos) << unknown.err;
  EXPECT_EQ(unknown.err.find("--from"), std::string::npos) << unknown.err;
}

TEST_F(QueryTest, LexicalFormsArePreserved) {
  scratch_.write("lex.ttl",
                 "@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .\n"
                 "<http://ex/s> <http://ex/i> \"01\"^^xsd:integer ; <http://ex/d> 1.50 ;\n"
                 "  <http://ex/e> 1.0E0 ; <http://ex/b> \"1\"^^xsd:boolean .\n");
  const std::string query =
      "'SELECT ?i ?d ?e ?b { ?s <http://ex/i> ?i ; <http://ex/d> ?d ; <http://ex/e> ?e ; "
      "<http://ex/b> ?b }' -d lex.ttl";
  EXPECT_EQ(ok(query + " --format tsv"),
            "?i\t?d\t?e\t?b\n01\t1.50\t1.0E0\t\"1\"^^<http://www.w3.org/2001/XMLSchema#boolean>\n");
  EXPECT_EQ(ok(query + " --format csv"), "i,d,e,b\r\n01,1.50,1.0E0,1\r\n");
  // Matching compares values: 1 finds "01".
  EXPECT_EQ(ok("'SELECT ?s { ?s <http://ex/i> ?i FILTER(?i = 1) }' -d lex.ttl"),
            "?s\n<http://ex/s>\n");
  EXPECT_EQ(ok("'CONSTRUCT WHERE { ?s <http://ex/i> ?i }' -d lex.ttl --format ntriples"),
            "<http://ex/s> <http://ex/i> \"01\"^^<http://www.w3.org/2001/XMLSchema#integer> .\n");
}

// SPARQL 1.2 patterns over RDF 1.2 data: variables inside (nested) triple
// terms, reified triples with and without a named reifier, annotation
// blocks; a variable used twice inside a triple term must match itself.
TEST_F(QueryTest, TripleTermPatternsReifiedTriplesAndAnnotations) {
  scratch_.write("c.trig",
                 "VERSION \"1.2\"\nPREFIX : <http://e/>\n"
                 ":musk :says <<( :xai :trains <<( :m :named \"Grok\" )>> )>> .\n"
                 ":xai :builds :colossus ~ :claim {| :source :article |} .\n"
                 "<< :a :b :c >> :in :p1 .\n");
  const std::string prefix = "'PREFIX : <http://e/> ";
  EXPECT_EQ(ok(prefix + "SELECT ?who ?x ?name { ?who :says <<( ?x :trains <<( ?m :named ?name "
                        ")>> )>> }' -d c.trig -f tsv"),
            "?who\t?x\t?name\n<http://e/musk>\t<http://e/xai>\t\"Grok\"\n");
  EXPECT_EQ(ok(prefix + "SELECT ?r ?src { :xai :builds :colossus {| :source ?src |} . ?r :source "
                        "?src }' -d c.trig -f tsv"),
            "?r\t?src\n<http://e/claim>\t<http://e/article>\n");
  EXPECT_EQ(ok(prefix + "SELECT ?o { << :a :b ?o ~ ?r >> :in :p1 }' -d c.trig -f tsv"),
            "?o\n<http://e/c>\n");
  EXPECT_EQ(ok(prefix + "SELECT ?s { << ?s :b ?s >> :in :p1 }' -d c.trig -f tsv"), "?s\n");
  EXPECT_EQ(ok(prefix + "ASK { ?w :says <<( :xai :trains ?t )>> FILTER(isTRIPLE(?t)) }' -d "
                        "c.trig -f csv"),
            "true\r\n");
  // Triple terms in VALUES and in expressions; = compares their parts by
  // value, sameTerm by term.
  EXPECT_EQ(ok("'SELECT ?t (?t = <<( <http://e/a> <http://e/b> 1.0 )>> AS ?eq) (sameTerm(?t, "
               "<<( <http://e/a> <http://e/b> 1.0 )>>) AS ?same) { VALUES ?t { <<( <http://e/a> "
               "<http://e/b> 1 )>> } }' -d c.trig -f tsv"),
            "?t\t?eq\t?same\n<<( <http://e/a> <http://e/b> 1 )>>\ttrue\tfalse\n");
  // SPARQL 1.2's grammar takes a triple term as a subject; RDF 1.2 data has
  // none there, so it matches nothing. A collection inside is refused.
  EXPECT_EQ(ok("'SELECT ?s { <<( ?s ?p ?o )>> ?q ?z }' -d c.trig -f tsv"), "?s\n");
  const RunResult list =
      scratch_.quiver("query 'SELECT * { <<( _:b <http://e/x> () )>> <http://e/y> 1 }' -d c.trig");
  EXPECT_EQ(list.exit_code, 2);  // a syntax error
  EXPECT_NE(list.err.find("a collection cannot be in a triple term"), std::string::npos)
      << list.err;
}

}  // namespace
}  // namespace quiver::cli::testing
