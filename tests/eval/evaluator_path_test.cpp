// Property paths: every kind, zero-length matches, cycles, duplicates.

#include "evaluator_test_util.hpp"

namespace quiver::eval::testing {
namespace {

// a -> b -> c -> a (a cycle), c -> d; a -q-> d.
const char* kGraph = R"(
ex:a ex:p ex:b . ex:b ex:p ex:c . ex:c ex:p ex:a . ex:c ex:p ex:d .
ex:a ex:q ex:d .
ex:x ex:r "lit" .
)";

Rows nodes(std::initializer_list<const char*> names, const char* var = "o") {
  Rows out;
  for (const char* n : names) out.push_back(std::string(var) + "=<http://example.org/" + n + ">");
  std::sort(out.begin(), out.end());
  return out;
}

TEST(EvaluatorPathTest, LinkInverseSequenceAlternative) {
  TestDataset data(kGraph);
  EXPECT_EQ(rows(run(data, "SELECT ?o WHERE { ex:a ex:p ?o }")), nodes({"b"}));
  EXPECT_EQ(rows(run(data, "SELECT ?o WHERE { ex:a ^ex:p ?o }")), nodes({"c"}));
  EXPECT_EQ(rows(run(data, "SELECT ?o WHERE { ex:a ex:p/ex:p ?o }")), nodes({"c"}));
  EXPECT_EQ(rows(run(data, "SELECT ?o WHERE { ex:a ex:p/ex:p/ex:p ?o }")), nodes({"a", "d"}));
  EXPECT_EQ(rows(run(data, "SELECT ?s WHERE { ?s ex:p/ex:p ex:d }")), nodes({"b"}, "s"));
  EXPECT_EQ(rows(run(data, "SELECT ?o WHERE { ex:a ex:p|ex:q ?o }")), nodes({"b", "d"}));
  EXPECT_EQ(rows(run(data, "SELECT ?o WHERE { ex:a (ex:p|ex:p) ?o }")), nodes({"b", "b"}));
}

TEST(EvaluatorPathTest, SequenceBothEndsFree) {
  TestDataset data(kGraph);
  auto r = run(data, "SELECT ?s ?o WHERE { ?s ex:p/ex:q ?o }");
  EXPECT_EQ(rows(r), (Rows{"s=<http://example.org/c> o=<http://example.org/d>"}));
}

TEST(EvaluatorPathTest, ClosuresFollowCyclesOnce) {
  TestDataset data(kGraph);
  EXPECT_EQ(rows(run(data, "SELECT ?o WHERE { ex:a ex:p* ?o }")), nodes({"a", "b", "c", "d"}));
  EXPECT_EQ(rows(run(data, "SELECT ?o WHERE { ex:a ex:p+ ?o }")), nodes({"a", "b", "c", "d"}));
  EXPECT_EQ(rows(run(data, "SELECT ?o WHERE { ex:d ex:p+ ?o }")), Rows{});
  EXPECT_EQ(rows(run(data, "SELECT ?o WHERE { ex:d ex:p* ?o }")), nodes({"d"}));
  EXPECT_EQ(rows(run(data, "SELECT ?s WHERE { ?s ex:p+ ex:b }")), nodes({"a", "b", "c"}, "s"));
  // Distinct per start node, even through several routes.
  EXPECT_EQ(rows(run(data, "SELECT ?o WHERE { ex:a (ex:p|ex:q)+ ?o }")),
            nodes({"a", "b", "c", "d"}));
}

TEST(EvaluatorPathTest, ZeroLengthMatchesConstantsOutsideTheData) {
  TestDataset data(kGraph);
  EXPECT_EQ(rows(run(data, "SELECT ?o WHERE { ex:nowhere ex:p* ?o }")), nodes({"nowhere"}));
  EXPECT_EQ(rows(run(data, "SELECT ?o WHERE { ex:nowhere ex:p? ?o }")), nodes({"nowhere"}));
  auto ask = run(data, "ASK { ex:nowhere ex:p* ex:nowhere }");
  ASSERT_TRUE(ask);
  EXPECT_TRUE(ask->boolean);
  auto no = run(data, "ASK { ex:d ex:p* ex:a }");
  ASSERT_TRUE(no);
  EXPECT_FALSE(no->boolean);
}

TEST(EvaluatorPathTest, ZeroLengthNeedsAGraphNodeForBoundVariables) {
  TestDataset data(kGraph);
  // The path is over variables, joined afterwards: 1 is no node of the graph.
  EXPECT_TRUE(rows(run(data, "SELECT * WHERE { VALUES ?v { 1 } ?v ex:p? ?v }")).empty());
  EXPECT_EQ(rows(run(data, "SELECT ?v WHERE { VALUES ?v { ex:d } ?v ex:p* ?v }")),
            nodes({"d"}, "v"));
}

TEST(EvaluatorPathTest, ZeroLengthBetweenVariablesCoversEveryNode) {
  TestDataset data(kGraph);
  auto r = run(data, "SELECT ?s ?o WHERE { ?s ex:q* ?o }");
  // Every subject and object (a b c d x "lit") to itself, plus a -> d.
  EXPECT_EQ(rows(r).size(), 7u);
  auto same = run(data, "SELECT ?s WHERE { ?s ex:p+ ?s }");
  EXPECT_EQ(rows(same), nodes({"a", "b", "c"}, "s"));
}

TEST(EvaluatorPathTest, ZeroOrOneIsDistinct) {
  TestDataset data(kGraph);
  EXPECT_EQ(rows(run(data, "SELECT ?o WHERE { ex:a ex:p? ?o }")), nodes({"a", "b"}));
  EXPECT_EQ(rows(run(data, "SELECT ?o WHERE { ex:a (ex:p|ex:p)? ?o }")), nodes({"a", "b"}));
}

TEST(EvaluatorPathTest, NegatedPropertySets) {
  TestDataset data(kGraph);
  EXPECT_EQ(rows(run(data, "SELECT ?o WHERE { ex:a !ex:p ?o }")), nodes({"d"}));
  EXPECT_EQ(rows(run(data, "SELECT ?o WHERE { ex:a !(ex:p|ex:q) ?o }")), Rows{});
  EXPECT_EQ(rows(run(data, "SELECT ?o WHERE { ex:a !^ex:q ?o }")), nodes({"c"}));
  EXPECT_EQ(rows(run(data, "SELECT ?o WHERE { ex:d !(ex:r|^ex:q) ?o }")), nodes({"c"}));
}

TEST(EvaluatorPathTest, PathJoinsWithBoundVariables) {
  TestDataset data(kGraph);
  auto r = run(data, "SELECT ?y WHERE { ex:a ex:q ?x . ?y ex:p+ ?x }");
  EXPECT_EQ(rows(r), nodes({"a", "b", "c"}, "y"));
}

}  // namespace
}  // namespace quiver::eval::testing
