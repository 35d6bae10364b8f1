// GROUP BY and aggregates, ORDER BY, DISTINCT, REDUCED, LIMIT / OFFSET.

#include "evaluator_test_util.hpp"

namespace quiver::eval::testing {
namespace {

const char* kSales = R"(
ex:s1 ex:shop ex:north ; ex:amount 10 .
ex:s2 ex:shop ex:north ; ex:amount 20 .
ex:s3 ex:shop ex:south ; ex:amount 5 .
ex:s4 ex:shop ex:south .
ex:s5 ex:amount 7 .
)";

const std::string kInt = "^^<http://www.w3.org/2001/XMLSchema#integer>";

TEST(EvaluatorModifierTest, GroupByWithAggregates) {
  TestDataset data(kSales);
  auto r = run(data,
               "SELECT ?shop (SUM(?a) AS ?total) (COUNT(*) AS ?n) (COUNT(?a) AS ?na) WHERE { "
               "?s ex:shop ?shop OPTIONAL { ?s ex:amount ?a } } GROUP BY ?shop");
  EXPECT_EQ(rows(r), (Rows{"shop=<http://example.org/north> total=\"30\"" + kInt + " n=\"2\"" +
                               kInt + " na=\"2\"" + kInt,
                           // SUM over an unbound value is an error (18.5.1.3).
                           "shop=<http://example.org/south> n=\"2\"" + kInt + " na=\"1\"" + kInt}));
}

TEST(EvaluatorModifierTest, AggregatesWithoutGroupByMakeOneGroup) {
  TestDataset data(kSales);
  auto r = run(data, "SELECT (COUNT(*) AS ?n) WHERE { ?s ex:nothing ?o }");
  EXPECT_EQ(rows(r), (Rows{"n=\"0\"" + kInt}));
  auto m = run(data,
               "SELECT (MAX(?a) AS ?m) (COUNT(DISTINCT ?shop) AS ?d) WHERE { ?s ex:amount ?a "
               "OPTIONAL { ?s ex:shop ?shop } }");
  EXPECT_EQ(rows(m), (Rows{"m=\"20\"" + kInt + " d=\"2\"" + kInt}));
}

TEST(EvaluatorModifierTest, GroupOverAFilteredScan) {
  TestDataset data(kSales);
  auto r =
      run(data,
          "SELECT (COUNT(*) AS ?n) (SAMPLE(?s) AS ?any) WHERE { ?s ex:amount ?a FILTER(?a > 6) }");
  ASSERT_EQ(rows(r).size(), 1u);
  EXPECT_EQ(rows(r)[0].substr(0, rows(r)[0].find(' ')), "n=\"3\"" + kInt);
}

TEST(EvaluatorModifierTest, UnboundKeysGroupTogether) {
  TestDataset data(kSales);
  auto r =
      run(data,
          "SELECT ?shop (COUNT(*) AS ?n) WHERE { ?s ex:amount ?a OPTIONAL { ?s ex:shop ?shop } "
          "} GROUP BY ?shop");
  EXPECT_EQ(rows(r), (Rows{"n=\"1\"" + kInt, "shop=<http://example.org/north> n=\"2\"" + kInt,
                           "shop=<http://example.org/south> n=\"1\"" + kInt}));
}

TEST(EvaluatorModifierTest, HavingAndGroupByExpression) {
  TestDataset data(kSales);
  auto r = run(data,
               "SELECT ?big (COUNT(*) AS ?n) WHERE { ?s ex:amount ?a } GROUP BY (?a > 8 AS ?big) "
               "HAVING (COUNT(*) > 1)");
  EXPECT_EQ(rows(r),
            (Rows{"big=\"false\"^^<http://www.w3.org/2001/XMLSchema#boolean> n=\"2\"" + kInt,
                  "big=\"true\"^^<http://www.w3.org/2001/XMLSchema#boolean> n=\"2\"" + kInt}));
}

TEST(EvaluatorModifierTest, OrderByAscDescAndUnboundFirst) {
  TestDataset data(kSales);
  auto r = run(data,
               "SELECT ?s WHERE { ?s ?p ?o OPTIONAL { ?s ex:amount ?a } FILTER(?p = ex:shop || "
               "!bound(?a)) } ORDER BY ?a DESC(?s)");
  ASSERT_TRUE(r);
  EXPECT_TRUE(r->ordered);
  EXPECT_EQ(rows(r, true), (Rows{"s=<http://example.org/s4>", "s=<http://example.org/s3>",
                                 "s=<http://example.org/s1>", "s=<http://example.org/s2>"}));
}

TEST(EvaluatorModifierTest, OrderByWithLimitAndOffset) {
  TestDataset data(kSales);
  auto r = run(data, "SELECT ?a WHERE { ?s ex:amount ?a } ORDER BY DESC(?a) LIMIT 2 OFFSET 1");
  EXPECT_EQ(rows(r, true), (Rows{"a=\"10\"" + kInt, "a=\"7\"" + kInt}));
}

TEST(EvaluatorModifierTest, DistinctReducedSlice) {
  TestDataset data(kSales);
  EXPECT_EQ(rows(run(data, "SELECT DISTINCT ?shop WHERE { ?s ex:shop ?shop }")).size(), 2u);
  EXPECT_EQ(rows(run(data, "SELECT REDUCED ?shop WHERE { ?s ex:shop ?shop }")).size(), 4u);
  EXPECT_EQ(rows(run(data, "SELECT ?s WHERE { ?s ?p ?o } LIMIT 3")).size(), 3u);
  EXPECT_EQ(rows(run(data, "SELECT ?s WHERE { ?s ?p ?o } OFFSET 7")).size(), 1u);
  EXPECT_EQ(rows(run(data, "SELECT ?s WHERE { ?s ?p ?o } LIMIT 0")).size(), 0u);
  EXPECT_EQ(rows(run(data, "SELECT DISTINCT ?shop WHERE { ?s ex:shop ?shop } LIMIT 1")).size(), 1u);
}

TEST(EvaluatorModifierTest, GroupConcatAndSample) {
  TestDataset data(kSales);
  auto r = run(data,
               "SELECT (GROUP_CONCAT(?a; SEPARATOR=\"|\") AS ?all) WHERE { "
               "{ SELECT ?a WHERE { ?s ex:amount ?a } ORDER BY ?a } }");
  ASSERT_EQ(rows(r).size(), 1u);
  EXPECT_NE(rows(r)[0].find("5|7|10|20"), std::string::npos) << rows(r)[0];
}

}  // namespace
}  // namespace quiver::eval::testing
