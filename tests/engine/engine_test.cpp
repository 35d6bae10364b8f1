#include "engine/engine.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <string>
#include <vector>

#include "sparql/parser.hpp"
#include "sparql/update.hpp"

namespace quiver::engine {
namespace {

TEST(FileIriPath, DecodesPercentEscapesButNeverNul) {
  EXPECT_EQ(file_iri_path("file:///tmp/a%20b.ttl"), "/tmp/a b.ttl");
  EXPECT_EQ(file_iri_path("http://e/x"), std::nullopt);
  EXPECT_EQ(file_iri_path("file://host/x"), std::nullopt);
  // %00 cut the path: /etc/passwd%00.ttl read /etc/passwd.
  EXPECT_EQ(file_iri_path("file:///etc/passwd%00.ttl"), std::nullopt);
}

TEST(EngineTest, QueriesNeverLoadFilesAndMissingGraphsAreNotFound) {
  Engine engine;
  auto parsed = sparql::parse_query("SELECT * FROM <file:///etc/hostname> WHERE { ?s ?p ?o }");
  ASSERT_TRUE(parsed.ok());
  auto answer = engine.query(*parsed);
  ASSERT_FALSE(answer.ok());
  EXPECT_EQ(answer.error().kind, ErrorKind::NotFound);
}

// `n` copies of `item` joined by `sep`.
std::string chain(const std::string& item, const std::string& sep, int n) {
  std::string out = item;
  for (int i = 1; i < n; ++i) out += sep + item;
  return out;
}

// The parser bounds the algebra's height (sparql::kMaxHeight); every pass
// after it recurses once per level. A query just under the bound must run
// through all of them (optimizer, planner, evaluator, the plan printer and
// the executed tree) on the default stack, sanitizer builds included.
TEST(EngineTest, QueriesAsTallAsTheParserAllowsRunToTheEnd) {
  Engine engine;
  {
    auto tx = engine.store().begin();
    ASSERT_TRUE(tx.ok());
    const Term s = Term::iri("http://e/s"), p = Term::iri("http://e/p");
    ASSERT_TRUE((*tx)->insert(QuadRef{s.ref(), p.ref(), s.ref(), {}}).ok());
    ASSERT_TRUE((*tx)->commit().ok());
  }
  const int n = static_cast<int>(sparql::kMaxHeight) - 20;
  std::string binds = "ASK { ?s ?p ?o";
  for (int i = 0; i < n; ++i)
    binds += " BIND(" + std::to_string(i) + " AS ?v" + std::to_string(i) + ")";
  const std::vector<std::string> tall = {
      "ASK { ?s ?p ?o FILTER(" + chain("1", " + ", n) + " = " + std::to_string(n) + ") }",
      "ASK { ?s ?p ?o FILTER(" + chain("?o = ?s", " && ", n) + ") }",
      "ASK { ?s ?p ?o FILTER(" + chain("?o != ?s", " || ", n) + " || true) }",
      "ASK { " + chain("{ ?s ?p ?o }", " ", n) + " }",
      "ASK { " + chain("{ ?s ?p ?o }", " UNION ", n) + " }",
      "ASK { ?s ?p ?o " + chain("OPTIONAL { ?o ?p ?x }", " ", n) + " }",
      "ASK { ?s ?p ?o " + chain("MINUS { ?x ?p <http://e/none> }", " ", n) + " }",
      "ASK { " + chain("?s <http://e/p>+ ?o", " . ", n) + " }",
      binds + " FILTER(?v0 = 0) }",
  };
  for (const auto& text : tall) {
    auto parsed = sparql::parse_query(text);
    ASSERT_TRUE(parsed.ok()) << parsed.error().message << "\n" << text.substr(0, 60);
    auto answer = engine.query(*parsed);
    ASSERT_TRUE(answer.ok()) << answer.error().message << "\n" << text.substr(0, 60);
    EXPECT_TRUE((*answer)->boolean()) << text.substr(0, 60);
    EXPECT_FALSE((*answer)->error().has_value()) << text.substr(0, 60);
    EXPECT_FALSE((*answer)->explain().empty());
    EXPECT_EQ((*answer)->executed_text(), (*answer)->plan_text()) << text.substr(0, 60);
  }
}

}  // namespace
}  // namespace quiver::engine

namespace quiver::engine {
namespace {

// Records every SERVICE request and answers each with one row binding ?name.
class RecordingClient final : public ServiceClient {
 public:
  Expected<QueryResult> select(const std::string& endpoint, const std::string& query,
                               std::chrono::steady_clock::time_point) const override {
    requests.push_back(endpoint + "\n" + query);
    QueryResult result;
    result.variables = {"name"};
    result.solutions.push_back({Term::literal("from " + endpoint)});
    return result;
  }
  mutable std::vector<std::string> requests;
};

TEST(EngineService, BoundVariablesTravelAsValuesAndEachRequestIsMadeOnce) {
  Engine engine;
  const std::string path = ::testing::TempDir() + "engine_service.ttl";
  std::ofstream(path) << "<http://e/a> <http://e/at> <http://one/sparql> .\n"
                         "<http://e/b> <http://e/at> <http://one/sparql> .\n"
                         "<http://e/c> <http://e/at> <http://two/sparql> .\n";
  ASSERT_TRUE(engine.load(path).ok());
  RecordingClient client;
  QueryOptions options;
  options.service = &client;
  auto query = sparql::parse_query(
      "PREFIX e: <http://e/> SELECT * { ?s e:at ?where SERVICE ?where { ?x e:name ?name } }");
  ASSERT_TRUE(query.ok());
  auto answer = engine.query(*query, options);
  ASSERT_TRUE(answer.ok()) << answer.error().to_string();
  auto result = collect(**answer);
  ASSERT_TRUE(result.ok());
  EXPECT_EQ(result->solutions.size(), 3U);
  // Two endpoints, one request each, in the prologue's terms.
  ASSERT_EQ(client.requests.size(), 2U);
  EXPECT_EQ(client.requests[0],
            "http://one/sparql\nPREFIX e: <http://e/>\nSELECT * WHERE { { ?x e:name ?name } }");

  client.requests.clear();
  query = sparql::parse_query(
      "SELECT * { ?s <http://e/at> ?where SERVICE ?where { ?s <http://e/name> ?name } }");
  ASSERT_TRUE(query.ok());
  answer = engine.query(*query, options);
  ASSERT_TRUE(answer.ok());
  ASSERT_TRUE(collect(**answer).ok());
  // ?s is bound by then: each request carries it as a VALUES row.
  ASSERT_EQ(client.requests.size(), 3U);
  EXPECT_EQ(client.requests[0],
            "http://one/sparql\nSELECT * WHERE { VALUES ( ?s ) { ( <http://e/a> ) } { ?s "
            "<http://e/name> ?name } }");

  // No client: refused, unless SILENT.
  query = sparql::parse_query("SELECT * { SERVICE <http://one/sparql> { ?s ?p ?o } }");
  ASSERT_TRUE(query.ok());
  answer = engine.query(*query);
  ASSERT_TRUE(answer.ok());
  const auto refused = collect(**answer);
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().kind, ErrorKind::Unsupported);
  query = sparql::parse_query("SELECT * { SERVICE SILENT <http://one/sparql> { ?s ?p ?o } }");
  answer = engine.query(*query);
  ASSERT_TRUE(answer.ok());
  const auto silent = collect(**answer);
  ASSERT_TRUE(silent.ok());
  EXPECT_EQ(silent->solutions.size(), 1U);
}

// A triple term built from bound parts (?o :q 1) where ?o is a literal:
// TRIPLE() fails, and the failure must match nothing, not every reifier.
TEST(EngineTest, ATripleTermThatCannotBeBuiltMatchesNothing) {
  Engine engine;
  const sparql::ParseOptions base{"http://e/"};
  auto insert = sparql::parse_update(
      "INSERT DATA { <a> <p> \"lit\", <x> . <x> <q> 1 . <r> "
      "<http://www.w3.org/1999/02/22-rdf-syntax-ns#reifies> <<( <x> <q> 1 )>> }",
      base);
  ASSERT_TRUE(insert.ok()) << insert.error().message;
  ASSERT_TRUE(engine.update(*insert).ok());
  auto query = sparql::parse_query("SELECT ?o ?r { <a> <p> ?o . ?o <q> 1 ~ ?r }", base);
  ASSERT_TRUE(query.ok()) << query.error().message;
  auto answer = engine.query(*query);
  ASSERT_TRUE(answer.ok());
  SolutionView row;
  std::vector<std::string> found;
  while ((*answer)->next(row))
    found.push_back(std::string(row[0].value) + " " + std::string(row[1].value));
  EXPECT_EQ(found, std::vector<std::string>{"http://e/x http://e/r"});
  auto literal = sparql::parse_query(
      "SELECT ?r { <a> <p> ?o . ?r <http://www.w3.org/1999/02/22-rdf-syntax-ns#reifies> "
      "<<( ?o <q> 1 )>> FILTER(isLiteral(?o)) }",
      base);
  ASSERT_TRUE(literal.ok());
  auto none = engine.query(*literal);
  ASSERT_TRUE(none.ok());
  EXPECT_FALSE((*none)->next(row));
}

// A nested triple term built from bound parts is compared by the term
// around it, not bound again by it (found in review: :x :w matched too).
TEST(EngineTest, ANestedBuiltTripleTermStaysBound) {
  Engine engine;
  const sparql::ParseOptions base{"http://e/"};
  auto insert = sparql::parse_update(
      "PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>\n"
      "INSERT DATA { <a> <p> <<( <x> <q> <y> )>> . <x> <q> <y>, <w> . "
      "<r> rdf:reifies <<( <a> <p> <<( <x> <q> <y> )>> )>> ; <src> <s> }",
      base);
  ASSERT_TRUE(insert.ok()) << insert.error().message;
  ASSERT_TRUE(engine.update(*insert).ok());
  auto query = sparql::parse_query(
      "SELECT ?y { ?x <q> ?y . << <a> <p> <<( ?x <q> ?y )>> >> <src> ?s }", base);
  ASSERT_TRUE(query.ok()) << query.error().message;
  auto answer = engine.query(*query);
  ASSERT_TRUE(answer.ok());
  SolutionView row;
  std::vector<std::string> found;
  while ((*answer)->next(row)) found.emplace_back(row[0].value);
  EXPECT_EQ(found, std::vector<std::string>{"http://e/y"});
}

}  // namespace
}  // namespace quiver::engine
