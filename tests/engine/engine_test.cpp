#include "engine/engine.hpp"

#include <gtest/gtest.h>

#include "sparql/parser.hpp"

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
