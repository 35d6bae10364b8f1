// Parsing: the prologue, terms, static checks and error reporting.

#include "sparql/parser.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "sparql_test_util.hpp"

namespace quiver::sparql {
namespace {

using testing::algebra;
using testing::error_of;
using testing::query_sse;

TEST(Parser, BaseAndPrefixesResolve) {
  EXPECT_EQ(query_sse("BASE <http://a/b/c> PREFIX x: <d/> ASK { <e> x:f <../g> }"),
            "(ask (bgp (triple <http://a/b/e> <http://a/b/d/f> <http://a/g>)))");
  EXPECT_EQ(query_sse("ASK { <x> <p> <#y> }", "http://base/dir/q.rq"),
            "(ask (bgp (triple <http://base/dir/x> <http://base/dir/p> "
            "<http://base/dir/q.rq#y>)))");
  // No base: relative IRIs stay as written.
  EXPECT_EQ(query_sse("ASK { <x> <p> ?o }"), "(ask (bgp (triple <x> <p> ?o)))");
  const auto q = parse_query("BASE <http://a/> ASK {}", {"http://z/"});
  ASSERT_TRUE(q.ok());
  EXPECT_EQ(q->base_iri, "http://a/");
}

TEST(Parser, PrefixedNames) {
  EXPECT_EQ(algebra("{ :a\\.b :c%20d :e.f }"),
            "(bgp (triple <http://ex/a.b> <http://ex/c%20d> <http://ex/e.f>))");
  EXPECT_EQ(algebra("{ :a :b :c. }"), "(bgp (triple <http://ex/a> <http://ex/b> <http://ex/c>))");
  EXPECT_EQ(algebra("{ : : :1:2 }"), "(bgp (triple <http://ex/> <http://ex/> <http://ex/1:2>))");
  EXPECT_EQ(error_of("ASK { ex:a ?p ?o }"), "undefined prefix 'ex:'");
}

TEST(Parser, KeywordsAreCaseInsensitiveExceptA) {
  EXPECT_EQ(query_sse("select * where { ?s a ?o } limit 1"),
            "(select (?s ?o) (slice _ 1 (project (?s ?o) (bgp (triple ?s "
            "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type> ?o)))))");
  EXPECT_EQ(error_of("ASK { ?s A ?o }"), "expected a predicate or property path but found 'A'");
}

TEST(Parser, VariablesBothForms) {
  EXPECT_EQ(query_sse("SELECT $x ?y { $x ?p ?y }"),
            "(select (?x ?y) (project (?x ?y) (bgp (triple ?x ?p ?y))))");
}

TEST(Parser, StringEscapes) {
  EXPECT_EQ(algebra("{ ?s ?p 'a\\tb\\u00e9\\U0001F46A\\'' }"),
            "(bgp (triple ?s ?p \"a\\tb\xC3\xA9\xF0\x9F\x91\xAA'\"))");
  EXPECT_EQ(algebra("{ ?s ?p <http://ex/\\u00e9> }"), "(bgp (triple ?s ?p <http://ex/\xC3\xA9>))");
  EXPECT_EQ(error_of("ASK { ?s ?p '\\uD800' }"), "escape \\uD800 is a surrogate, not a character");
  EXPECT_EQ(error_of("ASK { ?s ?p 'a\\qb' }"), "bad escape in a string");
  EXPECT_EQ(error_of("ASK { ?s ?p 'a\nb' }"), "line break in a short string");
  EXPECT_EQ(error_of("ASK { ?s ?p 'abc }"), "unterminated string");
}

TEST(Parser, LessThanVersusIri) {
  // Without spaces, `<?a&&?b>` reads as an IRI, as the grammar's longest
  // match says (W3C syn-bad-26).
  EXPECT_EQ(error_of("ASK { FILTER(?x<?a&&?b>?y) }"), "expected ')' but found '<?a&&?b>'");
  EXPECT_EQ(algebra("{ FILTER(?x < ?a && ?b > ?y) }"),
            "(filter (&& (< ?x ?a) (> ?b ?y)) (table unit))");
  EXPECT_EQ(algebra("{ FILTER(?x<=1) }"), "(filter (<= ?x 1) (table unit))");
}

TEST(Parser, StaticChecks) {
  EXPECT_EQ(error_of("SELECT * { ?s ?p ?o } GROUP BY ?s"),
            "SELECT * is not allowed in a query with GROUP BY or aggregates");
  EXPECT_EQ(error_of("SELECT ?o { ?s ?p ?o } GROUP BY ?s"),
            "?o is selected but neither grouped nor aggregated");
  EXPECT_EQ(error_of("SELECT (?o + 1 AS ?x) (COUNT(*) AS ?c) { ?s ?p ?o } GROUP BY ?s"),
            "?o is neither grouped nor aggregated");
  EXPECT_EQ(error_of("SELECT (1 AS ?x) (2 AS ?x) {}"),
            "?x is already in scope; it cannot be bound by AS");
  EXPECT_EQ(error_of("SELECT (1 AS ?o) { ?s ?p ?o }"),
            "?o is already in scope; it cannot be bound by AS");
  EXPECT_EQ(error_of("ASK { ?s ?p ?o BIND(1 AS ?o) }"), "BIND to ?o, which is already in scope");
  // After grouping only the keys are in scope (SPARQL 1.2 sparql12/syntax).
  EXPECT_EQ(error_of("SELECT (1 AS ?s) { ?s ?p ?o } GROUP BY ?s"),
            "?s is already in scope; it cannot be bound by AS");
  EXPECT_EQ(error_of("SELECT (1 AS ?k) {} GROUP BY (2 AS ?k)"),
            "?k is already in scope; it cannot be bound by AS");
  EXPECT_EQ(error_of("SELECT (1 AS ?o) { ?s ?p ?o } GROUP BY ?s"), "parsed");
  EXPECT_EQ(error_of("SELECT * { VALUES (?a ?b ?a) { (1 2 3) } }"), "?a is named twice in VALUES");
  EXPECT_EQ(error_of("ASK { ?s ?p ?o FILTER(COUNT(?o) > 1) }"),
            "aggregate COUNT is not allowed here");
  EXPECT_EQ(error_of("SELECT (SUM(COUNT(?o)) AS ?x) { ?s ?p ?o }"),
            "aggregate COUNT is not allowed here");
  EXPECT_EQ(error_of("SELECT * { ?s ?p ?o } GROUP BY (COUNT(?s))"),
            "aggregate COUNT is not allowed here");
  EXPECT_EQ(error_of("ASK { _:a ?p ?o OPTIONAL { ?o ?q ?z } _:a ?r ?w }"),
            "blank node label _:a is used in two basic graph patterns");
  EXPECT_EQ(error_of("ASK { { ?s ?p ?o } SELECT * { ?s ?p ?o } }"),
            "a subquery must be alone in its group: write { SELECT ... }");
  EXPECT_EQ(error_of("ASK { VALUES (?a ?b) { (1) } }"), "VALUES row has 1 values for 2 variables");
  EXPECT_EQ(error_of("SELECT * {} LIMIT 99999999999999999999"), "integer too large");
  // Allowed: a label reused across a FILTER, in one basic graph pattern.
  EXPECT_EQ(error_of("ASK { _:a ?p ?o FILTER(?o) _:a ?q ?z }"), "parsed");
  // Allowed: SELECT expressions over earlier ones, in a grouped query.
  EXPECT_EQ(error_of("SELECT (COUNT(*) AS ?c) (?c + 1 AS ?d) {}"), "parsed");
}

TEST(Parser, ErrorLocationPointsAtTheToken) {
  const auto q = parse_query("SELECT *\nWHERE {\n  ?s ?p ?o FILTER(?o) . . }");
  ASSERT_FALSE(q.ok());
  EXPECT_EQ(q.error().kind, ErrorKind::Syntax);
  EXPECT_EQ(q.error().where.line, 3u);
  EXPECT_EQ(q.error().where.column, 25u);
  EXPECT_EQ(q.error().message, "expected a variable or RDF term but found '.'");

  const auto eof = parse_query("SELECT * { ?s ?p ?o");
  ASSERT_FALSE(eof.ok());
  EXPECT_EQ(eof.error().message, "expected '.' or '}' but found end of query");
  EXPECT_EQ(eof.error().where.column, 20u);

  const auto bad_char = parse_query("ASK { ?s ?p ` }");
  ASSERT_FALSE(bad_char.ok());
  EXPECT_EQ(bad_char.error().message, "unexpected character '`'");
  EXPECT_EQ(bad_char.error().where.column, 13u);
}

TEST(Parser, ColumnsCountCodePoints) {
  const auto q = parse_query("ASK { ?s ?p \"\xC3\xA9\xC3\xA9\" ?x }");
  ASSERT_FALSE(q.ok());
  EXPECT_EQ(q.error().where.column, 18u);
}

TEST(Parser, FormatParseError) {
  const std::string text = "SELECT *\nWHERE { ?s ?p ?o FILTER }";
  const auto q = parse_query(text);
  ASSERT_FALSE(q.ok());
  EXPECT_EQ(format_parse_error(text, q.error(), "q.rq"),
            "q.rq:2:25: error: expected '(', a function call or builtin call but found '}'\n"
            "WHERE { ?s ?p ?o FILTER }\n"
            "                        ^\n");
  const std::string text2 = "ASK {\n\t?s ?p ?o ?extra }";
  const auto q2 = parse_query(text2);
  ASSERT_FALSE(q2.ok());
  EXPECT_EQ(format_parse_error(text2, q2.error(), "x.rq"),
            "x.rq:2:11: error: expected '.' or '}' but found '?extra'\n"
            "\t?s ?p ?o ?extra }\n"
            "\t         ^~~~~~\n");
}

TEST(Parser, InvalidUtf8) {
  const auto q = parse_query("ASK { ?s ?p \"\xFF\" }");
  ASSERT_FALSE(q.ok());
  EXPECT_EQ(q.error().message, "invalid UTF-8");
  EXPECT_EQ(q.error().where.column, 14u);
}

TEST(Parser, DeepNestingFailsCleanly) {
  std::string text = "ASK { FILTER(";
  for (int i = 0; i < 100000; ++i) text += '(';
  const auto q = parse_query(text);
  ASSERT_FALSE(q.ok());
  EXPECT_EQ(q.error().message, "query nested too deeply");
  std::string groups = "ASK ";
  for (int i = 0; i < 100000; ++i) groups += '{';
  EXPECT_FALSE(parse_query(groups).ok());
}

// `n` copies of `item` joined by `sep`.
std::string chain(const std::string& item, const std::string& sep, int n) {
  std::string out = item;
  for (int i = 1; i < n; ++i) out += sep + item;
  return out;
}

// Chains nest nothing yet build algebra one level per link, which every
// later pass recurses over: past kMaxHeight they are refused where they
// grow too tall, long before the parser has built the rest.
TEST(Parser, ChainsTallerThanTheLimitFailCleanly) {
  const std::vector<std::string> too_tall = {
      "ASK { FILTER(" + chain("1", " + ", 100000) + ") }",
      "ASK { FILTER(" + chain("true", " && ", 100000) + ") }",
      "ASK { FILTER(" + chain("false", " || ", 100000) + ") }",
      "ASK { FILTER(" + chain("2", " * ", 100000) + ") }",
      "ASK { " + chain("{ ?s ?p ?o }", " ", 100000) + " }",
      "ASK { " + chain("{ ?s ?p ?o }", " UNION ", 100000) + " }",
      "ASK { " + chain("OPTIONAL { ?s ?p ?o }", " ", 100000) + " }",
      "ASK { " + chain("MINUS { ?s ?p ?o }", " ", 100000) + " }",
      "ASK { " + chain("?s <http://e/p>+ ?o", " . ", 100000) + " }",
  };
  for (const auto& text : too_tall) {
    const auto q = parse_query(text);
    ASSERT_FALSE(q.ok()) << text.substr(0, 60);
    EXPECT_EQ(q.error().message, "query nested too deeply: its algebra would be more than " +
                                     std::to_string(kMaxHeight) + " levels tall");
  }
  std::string binds = "ASK {";
  for (int i = 0; i < 5000; ++i) binds += " BIND(1 AS ?v" + std::to_string(i) + ")";
  EXPECT_FALSE(parse_query(binds + " }").ok());
  std::string selects = "SELECT";
  for (int i = 0; i < 5000; ++i) selects += " (1 AS ?v" + std::to_string(i) + ")";
  EXPECT_FALSE(parse_query(selects + " { }").ok());
}

TEST(Parser, ChainsWithinTheLimitParse) {
  const auto q = parse_query("ASK { FILTER(" + chain("1", " + ", 900) + " = 900) }");
  ASSERT_TRUE(q.ok()) << q.error().message;
  EXPECT_LE(q->pattern->height, kMaxHeight);
  EXPECT_GT(q->pattern->height, 900u);
}

// SPARQL 1.2: VERSION in the prologue (a short string, a known version),
// nested unary operators, and \u escapes no longer read in names.
TEST(Parser, Sparql12VersionUnaryAndEscapes) {
  EXPECT_TRUE(
      parse_query("VERSION \"1.2\" PREFIX : <http://e/> VERSION '1.1' ASK { ?s :p ?o }").ok());
  EXPECT_EQ(error_of("VERSION \"9.9\" ASK {}"),
            "unknown version \"9.9\" (this engine knows 1.1, 1.2 and 1.2-basic)");
  EXPECT_NE(error_of("VERSION \"\"\"1.2\"\"\" ASK {}").find("a short string"), std::string::npos);
  EXPECT_TRUE(parse_query("SELECT (!!true AS ?t) (- -1 AS ?n) {}").ok());
  EXPECT_FALSE(parse_query("PREFIX ns: <http://e/> ASK { ?x ns:a\\u0062c ?o }").ok());
  EXPECT_TRUE(parse_query("ASK { ?x <http://e/a\\u0062c> \"\\u0062\" }").ok());
}

}  // namespace
}  // namespace quiver::sparql
