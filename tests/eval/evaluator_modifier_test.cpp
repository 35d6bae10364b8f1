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

// Thousands of groups (the group table grows many times), keys of one
// and two variables, COUNT(*), COUNT(?var) with unbound values, COUNT(DISTINCT
// ?var) with repeats, and MINUS over a large right side (the join index's
// buckets): each checked against counts made here.
TEST(EvaluatorModifierTest, ManyGroupsAndALargeMinusCountRight) {
  std::string trig;
  std::map<int, int> n, with_h;
  std::map<int, std::set<int>> values;
  std::map<std::pair<int, int>, int> pairs;
  for (int i = 0; i < 3000; ++i) {
    const int k = i % 500, v = i % 7;
    trig += "ex:s" + std::to_string(i) + " ex:g ex:k" + std::to_string(k) + " ; ex:v ex:val" +
            std::to_string(v) + " .\n";
    if (i % 3 == 0) trig += "ex:s" + std::to_string(i) + " ex:h ex:x .\n";
    ++n[k];
    with_h[k] += i % 3 == 0;
    values[k].insert(v);
    ++pairs[{k, v}];
  }
  TestDataset data(trig);
  const auto iri = [](const std::string& name, int i) {
    return "<http://example.org/" + name + std::to_string(i) + ">";
  };
  const auto integer = [](int i) { return "\"" + std::to_string(i) + "\"" + kInt; };
  Rows expected;
  for (const auto& [k, count] : n) {
    expected.push_back("k=" + iri("k", k) + " n=" + integer(count) + " nh=" + integer(with_h[k]) +
                       " dv=" + integer(static_cast<int>(values[k].size())));
  }
  std::sort(expected.begin(), expected.end());
  EXPECT_EQ(rows(run(data,
                     "SELECT ?k (COUNT(*) AS ?n) (COUNT(?h) AS ?nh) (COUNT(DISTINCT ?v) AS ?dv) "
                     "WHERE { ?s ex:g ?k ; ex:v ?v OPTIONAL { ?s ex:h ?h } } GROUP BY ?k")),
            expected);
  Rows expected_pairs;
  for (const auto& [kv, count] : pairs) {
    expected_pairs.push_back("k=" + iri("k", kv.first) + " v=" + iri("val", kv.second) +
                             " n=" + integer(count));
  }
  std::sort(expected_pairs.begin(), expected_pairs.end());
  EXPECT_EQ(rows(run(data,
                     "SELECT ?k ?v (COUNT(*) AS ?n) WHERE { ?s ex:g ?k ; ex:v ?v } "
                     "GROUP BY ?k ?v")),
            expected_pairs);
  // Subjects without ex:h: 2000 of 3000, found through MINUS.
  EXPECT_EQ(rows(run(data, "SELECT (COUNT(*) AS ?n) WHERE { ?s ex:g ?k MINUS { ?s ex:h ?h } }")),
            (Rows{"n=" + integer(2000)}));
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

// A LIMIT above a join is not a LIMIT on the join's operands: an ORDER BY
// subquery under a join, OPTIONAL or MINUS gives all its rows (15.4: the
// slice applies to the whole query's solutions).
TEST(EvaluatorModifierTest, LimitNeverCutsAnOrderedSubqueryUnderAJoin) {
  TestDataset data(R"(ex:a ex:p 1 . ex:b ex:p 2 . ex:b ex:q ex:z .)");
  EXPECT_EQ(rows(run(data,
                     "SELECT ?x WHERE { { SELECT ?x ?v WHERE { ?x ex:p ?v } ORDER BY ?v } "
                     "?x ex:q ?w } LIMIT 1")),
            (Rows{"x=<http://example.org/b>"}));
  EXPECT_EQ(
      rows(run(data,
               "SELECT ?x ?v WHERE { ?x ex:q ?z OPTIONAL { SELECT ?x ?v WHERE "
               "{ ?x ex:p ?v } ORDER BY ?v } } LIMIT 1")),
      (Rows{R"(x=<http://example.org/b> v="2"^^<http://www.w3.org/2001/XMLSchema#integer>)"}));
  EXPECT_EQ(rows(run(data,
                     "SELECT ?x WHERE { ?x ex:q ?z MINUS { SELECT ?x WHERE "
                     "{ ?x ex:p ?v } ORDER BY ?v } } LIMIT 1")),
            Rows{});
  EXPECT_EQ(rows(run(data,
                     "SELECT ?x WHERE { { SELECT ?x WHERE { ?x ex:p ?v } ORDER BY ?v } "
                     "UNION { BIND(ex:c AS ?x) } } ORDER BY DESC(?x) LIMIT 1")),
            (Rows{"x=<http://example.org/c>"}));
}

TEST(EvaluatorModifierTest, OffsetPlusLimitPastTheLargestIntegerIsNoTopK) {
  TestDataset data(R"(ex:a ex:p 1 . ex:b ex:p 2 .)");
  EXPECT_TRUE(rows(run(data,
                       "SELECT ?x WHERE { ?x ex:p ?v } ORDER BY ?v "
                       "OFFSET 9223372036854775807 LIMIT 9223372036854775807"))
                  .empty());
  EXPECT_EQ(rows(run(data,
                     "SELECT ?x WHERE { ?x ex:p ?v } ORDER BY ?v OFFSET 1 "
                     "LIMIT 9223372036854775807")),
            (Rows{"x=<http://example.org/b>"}));
}

// ORDER BY runs again for each named graph under GRAPH ?g: each run sorts
// its own rows, ties kept in the order they came, as the first run does.
TEST(EvaluatorModifierTest, OrderByRerunKeepsTiesInInputOrder) {
  TestDataset data(R"(
    ex:g1 { ex:a ex:p 1 . ex:b ex:p 1 . ex:c ex:p 1 . ex:d ex:p 0 . }
    ex:g2 { ex:e ex:p 1 . ex:f ex:p 1 . ex:h ex:p 0 . }
  )");
  const char* sub = "{ SELECT ?s ?o WHERE { ?s ex:p ?o } ORDER BY ?o }";
  const auto alone = [&](const char* graph) {
    return rows(run(data, std::string("SELECT ?s WHERE { GRAPH ") + graph + " " + sub + " }"),
                true);
  };
  Rows expected = alone("ex:g1");
  for (const auto& r : alone("ex:g2")) expected.push_back(r);
  EXPECT_EQ(rows(run(data, std::string("SELECT ?s WHERE { VALUES ?g { ex:g1 ex:g2 } GRAPH ?g ") +
                               sub + " }"),
                 true),
            expected);
}

}  // namespace
}  // namespace quiver::eval::testing
