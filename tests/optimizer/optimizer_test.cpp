// The pass list as a whole: order, timings, and EXISTS patterns.

#include "optimizer_test_util.hpp"

namespace quiver::optimizer::testing {
namespace {

sparql::Query parse(std::string_view body) {
  auto q = sparql::parse_query("PREFIX : <http://ex/>\nASK " + std::string(body));
  EXPECT_TRUE(q) << q.error().to_string();
  return q ? *q : sparql::Query{};
}

TEST(Optimizer, PassesRunInTheirDocumentedOrder) {
  std::vector<std::string> names;
  for (const auto& pass : default_passes()) names.push_back(pass.name);
  // Join order is the planner's, not a pass's (planner_test).
  EXPECT_EQ(names, (std::vector<std::string>{"fold_constants", "merge_bgps", "push_filters"}));
  std::vector<PassTiming> timings;
  optimize(parse("{ ?s :p ?o }"), {}, &timings);
  ASSERT_EQ(timings.size(), 3u);
  EXPECT_EQ(timings[0].name, "fold_constants");
  EXPECT_EQ(timings[2].name, "push_filters");
}

TEST(Optimizer, AllPassesTogether) {
  // Folding gives the filter a constant, merging one BGP, pushdown moves
  // the filter below the OPTIONAL.
  const sparql::Query q =
      parse("{ { ?s :p ?o } { ?s :q ?z } OPTIONAL { ?s :r ?w } FILTER(?o > 2 * 3) }");
  EXPECT_EQ(sparql::to_sse(*optimize(q, {}).pattern),
            "(leftjoin (filter (> ?o 6) (bgp (triple ?s <http://ex/p> ?o) "
            "(triple ?s <http://ex/q> ?z))) (bgp (triple ?s <http://ex/r> ?w)))");
}

TEST(Optimizer, ExistsPatternsAreOptimizedToo) {
  const sparql::Query q =
      parse("{ ?s :p ?o FILTER NOT EXISTS { { ?o :q ?z } { ?z :r ?w } FILTER(?w > 1 + 1) } }");
  EXPECT_EQ(sparql::to_sse(*optimize(q, {}).pattern),
            "(filter (notexists (filter (> ?w 2) (bgp (triple ?o <http://ex/q> ?z) "
            "(triple ?z <http://ex/r> ?w)))) (bgp (triple ?s <http://ex/p> ?o)))");
  // Nested EXISTS, and EXISTS in BIND.
  const sparql::Query nested = parse(
      "{ ?s :p ?o BIND(EXISTS { ?o :q ?z FILTER EXISTS { { ?z :r 1 } { ?z :t 2 } } } AS ?e) }");
  EXPECT_EQ(sparql::to_sse(*optimize(nested, {}).pattern),
            "(extend ((?e (exists (filter (exists (bgp (triple ?z <http://ex/r> 1) "
            "(triple ?z <http://ex/t> 2))) (bgp (triple ?o <http://ex/q> ?z)))))) "
            "(bgp (triple ?s <http://ex/p> ?o)))");
}

TEST(Optimizer, FoldingTakesTheQuerysBase) {
  auto q = sparql::parse_query(
      "BASE <http://ex/base/>\nASK { ?s ?p ?o BIND(IRI(\"x\") AS ?i) FILTER EXISTS { "
      "BIND(IRI(\"y\") "
      "AS ?j) } }");
  ASSERT_TRUE(q) << q.error().to_string();
  EXPECT_EQ(sparql::to_sse(*optimize(*q, {}).pattern),
            "(filter (exists (extend ((?j <http://ex/base/y>)) (table unit))) "
            "(extend ((?i <http://ex/base/x>)) (bgp (triple ?s ?p ?o))))");
}

TEST(Optimizer, NothingToDoKeepsTheTree) {
  const sparql::Query plain = parse("{ ?s :p ?o OPTIONAL { ?o :q ?z } }");
  EXPECT_EQ(optimize(plain, {}).pattern, plain.pattern);
  const sparql::Query exists = parse("{ ?s :p ?o FILTER EXISTS { ?o :q ?z } }");
  EXPECT_EQ(sparql::to_sse(*optimize(exists, {}).pattern), sparql::to_sse(*exists.pattern));
}

}  // namespace
}  // namespace quiver::optimizer::testing
