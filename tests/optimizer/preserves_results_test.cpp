// The optimizer's promise: every pass keeps the query's meaning. Each query
// runs over a small dataset with and without optimize(); the solutions must
// be the same multiset.

#include <algorithm>

#include "eval/evaluator.hpp"
#include "optimizer_test_util.hpp"
#include "store/memory_store.hpp"
#include "store/store_loader.hpp"

namespace quiver::optimizer::testing {
namespace {

constexpr std::string_view kData = R"(
@prefix : <http://ex/> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
:a :p :b , :c ; :n 1 ; :name "a" .
:b :p :c ; :q 2 , 3 ; :n "01"^^xsd:integer ; :name "b"@en .
:c :q 1 ; :r :a ; :n 2.5 .
:d :p :a ; :q "x" .
:e :r :e .
:g1 { :a :p :d . :d :q 4 . }
:g2 { :b :p :a . :c :q 5 . }
)";

class PreservesResultsTest : public ::testing::TestWithParam<const char*> {
 protected:
  static void SetUpTestSuite() {
    store_ = new store::MemoryStore();
    io::ReadOptions options;
    options.format = io::Format::TriG;
    const auto loaded = store::load_string(*store_, kData, "data.trig", options);
    ASSERT_TRUE(loaded.ok()) << loaded.error().to_string();
  }
  static void TearDownTestSuite() {
    delete store_;
    store_ = nullptr;
  }
  static store::MemoryStore* store_;
};

store::MemoryStore* PreservesResultsTest::store_ = nullptr;

// One line per solution or triple (or the ASK answer), sorted: a multiset.
std::vector<std::string> canonical(const QueryResult& r) {
  std::vector<std::string> lines;
  for (const auto& s : r.solutions) {
    std::string line;
    for (std::size_t i = 0; i < s.size(); ++i) {
      line += r.variables[i] + "=" + (s[i] ? s[i]->to_ntriples() : "UNDEF") + " ";
    }
    lines.push_back(line);
  }
  for (const auto& t : r.triples) {
    lines.push_back(t.subject.to_ntriples() + " " + t.predicate.to_ntriples() + " " +
                    t.object.to_ntriples());
  }
  if (r.form == QueryForm::Ask) lines.push_back(r.boolean ? "true" : "false");
  std::sort(lines.begin(), lines.end());
  return lines;
}

TEST_P(PreservesResultsTest, SameSolutions) {
  const std::string text = std::string("PREFIX : <http://ex/>\n") +
                           "PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>\n" + GetParam();
  const auto parsed = sparql::parse_query(text);
  ASSERT_TRUE(parsed) << parsed.error().to_string();
  eval::QueryDataset dataset;
  const auto snapshot = store_->current();
  dataset.data = snapshot.get();
  const auto plain = eval::evaluate(*parsed, dataset);
  ASSERT_TRUE(plain) << plain.error().to_string();
  const sparql::Query optimized = optimize(*parsed, PassContext{snapshot.get()});
  const auto fast = eval::evaluate(optimized, dataset);
  ASSERT_TRUE(fast) << fast.error().to_string();
  EXPECT_EQ(canonical(*fast), canonical(*plain))
      << "before: " << sparql::to_sse(*parsed->pattern)
      << "\nafter:  " << sparql::to_sse(*optimized.pattern);
  // Not vacuous: most queries have answers.
  if (std::string_view(GetParam()).find("empty") == std::string_view::npos) {
    EXPECT_FALSE(canonical(*plain).empty());
  }
}

const char* const kQueries[] = {
    "SELECT * { ?s :p ?o . ?o :q ?z FILTER(?z > 1 + 0) }",
    "SELECT * { ?z :q ?v . ?s :p ?o . ?o :n ?n FILTER(?n >= 1 && ?v != 2) }",
    "SELECT * { ?s :p ?o OPTIONAL { ?o :q ?z } FILTER(!BOUND(?z)) }",
    "SELECT * { ?s :p ?o OPTIONAL { ?o :q ?z } FILTER(?z > 1 || ?s = :d) }",
    "SELECT * { ?s :p ?o OPTIONAL { ?o :q ?z FILTER(?s = :a) } }",
    "SELECT * { ?s :p ?o OPTIONAL { ?o :q ?z OPTIONAL { ?s :n ?z } } }",
    "SELECT * { { ?s :p ?o } UNION { ?s :q ?z } FILTER(?z = 2 || ?o = :c) }",
    "SELECT * { { ?s :p ?o } UNION { ?s :q ?o } ?s :n ?n FILTER(isIRI(?o) && ?n > 0) }",
    "SELECT * { ?s :q ?z BIND(?z * 2 AS ?d) FILTER(?d > 1) FILTER(?s != :d) }",
    "SELECT * { ?s :q ?z BIND(1 / (?z - 1) AS ?inv) FILTER(?s != :c) }",
    "SELECT * { ?s :p ?o MINUS { ?o :q 1 } FILTER(?s != :d) }",
    "SELECT * { GRAPH ?g { ?s :p ?o . ?o :q ?z } FILTER(?g = :g1) }",
    "SELECT * { ?x :p ?y GRAPH ?g { ?s :p ?o } FILTER(?y = ?o && ?g != :g1) }",
    "SELECT * { ?s :p ?o FILTER EXISTS { ?o :q ?z FILTER(?z > 1) } }",
    "SELECT * { ?s :p ?o FILTER NOT EXISTS { ?o :p ?x } FILTER(?s != :d) }",
    "SELECT * { ?s :p ?o . ?o :q ?z FILTER(?z = 1 / 0 || ?z = 3) }",
    "SELECT * { { SELECT ?s { ?s :p ?o } ORDER BY ?s LIMIT 2 } ?s :n ?n FILTER(?n < 2) }",
    "SELECT * { VALUES (?s ?z) { (:b 2) (:c UNDEF) (UNDEF 3) } ?s :q ?v FILTER(!BOUND(?z) || ?z = "
    "?v) }",
    "SELECT * { ?a :n ?n . ?b :q ?z FILTER(?n = ?z) }",
    "SELECT * { ?s :p+ ?o . ?o :q ?z FILTER(?z != 2) }",
    "SELECT ?s (COUNT(*) AS ?c) { ?s :p ?o . ?o ?pp ?x } GROUP BY ?s HAVING (COUNT(*) > 1)",
    "SELECT * { ?s :n ?n FILTER(?n = 1) }",
    "SELECT * { ?s :n ?n FILTER(?n = xsd:integer(\"1\") + 0.0) }",
    "SELECT * { ?s :p [ :q ?z ] FILTER(?z < 5) }",
    "SELECT * { ?s :p ?o { FILTER(?o = :c) } }  # empty: the filter sees only {}",
    "SELECT * { ?s :p ?o { ?o :q ?z } { ?s :name ?nm } FILTER(LANG(?nm) = \"en\") }",
    "SELECT * { { ?s :p ?o } { ?s :p ?o } }",
    "SELECT ?o { { [] :p ?o } { [] :p ?o } }",
    "ASK { ?s :p ?o . ?o :q ?z FILTER(?z > 2) }",
    "CONSTRUCT { ?s :twice ?d } WHERE { ?s :q ?z BIND(?z + ?z AS ?d) FILTER(isNumeric(?z)) }",
};

INSTANTIATE_TEST_SUITE_P(Queries, PreservesResultsTest, ::testing::ValuesIn(kQueries));

}  // namespace
}  // namespace quiver::optimizer::testing
