// Which variables an operator binds for certain or possibly, and which an
// expression reads: the facts every rewrite's safety rests on.

#include "optimizer/variables.hpp"

#include "optimizer_test_util.hpp"

namespace quiver::optimizer::testing {
namespace {

std::string names(const VarSet& vars) {
  std::string out;
  for (const auto& v : vars) out += (out.empty() ? "?" : " ?") + v;
  return out;
}

struct VarCase {
  std::string name;
  std::string query;
  std::string certain;
  std::string possible;
};

class VariablesTest : public ::testing::TestWithParam<VarCase> {};

TEST_P(VariablesTest, CertainAndPossible) {
  const sparql::OpPtr op = parse_pattern(GetParam().query);
  ASSERT_TRUE(op);
  EXPECT_EQ(names(certain_variables(*op)), GetParam().certain);
  EXPECT_EQ(names(possible_variables(*op)), GetParam().possible);
}

const std::vector<VarCase> kVariables = {
    {"Bgp", "{ ?s :p ?o . ?o ?q 1 }", "?o ?q ?s", "?o ?q ?s"},
    {"Path", "{ ?s :p* ?o }", "?o ?s", "?o ?s"},
    {"Join", "{ { ?s :p ?o } { ?s :q ?z } }", "?o ?s ?z", "?o ?s ?z"},
    {"OptionalIsOnlyPossible", "{ ?s :p ?o OPTIONAL { ?s :q ?z } }", "?o ?s", "?o ?s ?z"},
    {"UnionIntersects", "{ { ?s :p ?o } UNION { ?s :q ?z } }", "?s", "?o ?s ?z"},
    {"MinusBindsNothingNew", "{ ?s :p ?o MINUS { ?s :q ?z } }", "?o ?s", "?o ?s"},
    // BIND may fail and leave its variable unbound.
    {"ExtendIsOnlyPossible", "{ ?s :p ?o BIND(?o + 1 AS ?n) }", "?o ?s", "?n ?o ?s"},
    {"FilterKeepsItsPattern", "{ ?s :p ?o FILTER(?z) }", "?o ?s", "?o ?s"},
    {"GraphVariable", "{ GRAPH ?g { ?s :p ?o } }", "?g ?o ?s", "?g ?o ?s"},
    {"ValuesWithUndef", "{ VALUES (?a ?b) { (1 2) (3 UNDEF) } }", "?a", "?a ?b"},
    {"EmptyGroup", "{}", "", ""},
    {"ServiceBindsNothingForCertain", "{ SERVICE <http://s/> { ?s ?p ?o } }", "", "?o ?p ?s"},
    {"SubqueryProjection", "{ { SELECT ?s { ?s :p ?o } } }", "?s", "?s"},
    {"GroupKeys", "{ { SELECT ?s (COUNT(*) AS ?n) { ?s :p ?o } GROUP BY ?s } }", "?s", "?n ?s"},
    {"BlankNodesAreVariables", "{ [] :p ?o }", "?_:gen0 ?o", "?_:gen0 ?o"},
};

INSTANTIATE_TEST_SUITE_P(Cases, VariablesTest, ::testing::ValuesIn(kVariables),
                         [](const auto& info) { return info.param.name; });

const sparql::Expr& filter_expr(const sparql::OpPtr& op) {
  EXPECT_EQ(op->kind, sparql::OpKind::Filter);
  return *op->exprs.at(0);
}

TEST(Variables, ExpressionVariables) {
  const auto plain = parse_pattern("{ FILTER(?a + STRLEN(?b) > COALESCE(?c, 1)) }");
  ASSERT_TRUE(plain);
  EXPECT_EQ(names(expr_variables(filter_expr(plain))), "?a ?b ?c");
  EXPECT_FALSE(has_exists(filter_expr(plain)));
  // EXISTS reads every variable its pattern may bind.
  const auto exists =
      parse_pattern("{ FILTER(?a = 1 || NOT EXISTS { ?s :p ?o OPTIONAL { ?o :q ?z } }) }");
  ASSERT_TRUE(exists);
  EXPECT_EQ(names(expr_variables(filter_expr(exists))), "?a ?o ?s ?z");
  EXPECT_TRUE(has_exists(filter_expr(exists)));
  const auto constant = parse_pattern("{ FILTER(1 < 2) }");
  ASSERT_TRUE(constant);
  EXPECT_EQ(names(expr_variables(filter_expr(constant))), "");
}

TEST(Variables, Subset) {
  EXPECT_TRUE(is_subset({}, {}));
  EXPECT_TRUE(is_subset({"a"}, {"a", "b"}));
  EXPECT_FALSE(is_subset({"a", "c"}, {"a", "b"}));
}

TEST(Variables, MapChildrenKeepsUnchangedNodes) {
  const auto op = parse_pattern("{ { ?s :p ?o } UNION { ?s :q ?o } }");
  ASSERT_TRUE(op);
  EXPECT_EQ(map_children(op, [](const sparql::OpPtr& c) { return c; }), op);
  const auto leaf = op->children[0];
  EXPECT_EQ(map_children(leaf, [](const sparql::OpPtr&) -> sparql::OpPtr { return nullptr; }),
            leaf);
  const auto swapped = map_children(op, [&](const sparql::OpPtr&) { return leaf; });
  EXPECT_NE(swapped, op);
  EXPECT_EQ(sparql::to_sse(*swapped),
            "(union (bgp (triple ?s <http://ex/p> ?o)) (bgp (triple ?s <http://ex/p> ?o)))");
}

}  // namespace
}  // namespace quiver::optimizer::testing
