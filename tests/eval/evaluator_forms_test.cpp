// Query forms (SELECT, ASK, CONSTRUCT, DESCRIBE) and what stops a query.

#include "evaluator_test_util.hpp"

namespace quiver::eval::testing {
namespace {

const char* kData = R"(
ex:alice ex:name "Alice" ; ex:knows ex:bob ; ex:address [ ex:city "Paris" ; ex:geo [ ex:lat 1 ] ] .
ex:bob ex:name "Bob" .
)";

TEST(EvaluatorFormsTest, SelectKeepsProjectionOrderAndUnbound) {
  TestDataset data(kData);
  auto r = run(data, "SELECT ?n ?missing ?x WHERE { ?x ex:name ?n }");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->variables, (std::vector<std::string>{"n", "missing", "x"}));
  ASSERT_EQ(r->solutions.size(), 2u);
  EXPECT_FALSE(r->solutions[0][1].has_value());
  EXPECT_FALSE(r->ordered);
}

TEST(EvaluatorFormsTest, Ask) {
  TestDataset data(kData);
  auto yes = run(data, "ASK { ?x ex:knows ?y }");
  ASSERT_TRUE(yes);
  EXPECT_EQ(yes->form, QueryForm::Ask);
  EXPECT_TRUE(yes->boolean);
  auto no = run(data, "ASK { ?x ex:knows ?x }");
  ASSERT_TRUE(no);
  EXPECT_FALSE(no->boolean);
}

TEST(EvaluatorFormsTest, ConstructWithFreshBlankNodesPerSolution) {
  TestDataset data(kData);
  auto r = run(data,
               "CONSTRUCT { ?x ex:label ?n . _:b ex:of ?x . ?n ex:bad ?x . ?x ?missing 1 } "
               "WHERE { ?x ex:name ?n }");
  ASSERT_TRUE(r);
  // Two label triples and two ex:of triples on distinct blank nodes; the
  // literal-subject and unbound-predicate triples are left out.
  ASSERT_EQ(r->triples.size(), 4u);
  std::set<std::string> blanks;
  for (const auto& t : r->triples) {
    if (t.subject.is_blank()) blanks.insert(t.subject.value());
  }
  EXPECT_EQ(blanks.size(), 2u) << ::testing::PrintToString(triples(r));
}

TEST(EvaluatorFormsTest, ConstructDeduplicates) {
  TestDataset data(kData);
  auto r = run(data, "CONSTRUCT { ex:s ex:p ex:o } WHERE { ?x ?p ?o }");
  EXPECT_EQ(triples(r),
            (Rows{"<http://example.org/s> <http://example.org/p> <http://example.org/o>"}));
  auto w = run(data, "CONSTRUCT WHERE { ?x ex:knows ?y }");
  EXPECT_EQ(triples(w), (Rows{"<http://example.org/alice> <http://example.org/knows> "
                              "<http://example.org/bob>"}));
}

TEST(EvaluatorFormsTest, DescribeFollowsBlankNodes) {
  TestDataset data(kData);
  auto r = run(data, "DESCRIBE ex:alice");
  // name, knows, address; the address node's city and geo; geo's lat.
  EXPECT_EQ(triples(r).size(), 6u);
  auto v = run(data, "DESCRIBE ?y WHERE { ?x ex:knows ?y }");
  EXPECT_EQ(triples(v), (Rows{"<http://example.org/bob> <http://example.org/name> \"Bob\""}));
  auto star = run(data, "DESCRIBE * WHERE { ?x ex:knows ?y }");
  EXPECT_EQ(triples(star).size(), 7u);
}

TEST(EvaluatorFormsTest, DeadlineInThePastStopsTheQuery) {
  TestDataset data(kData);
  EvalOptions options;
  options.deadline = std::chrono::steady_clock::now() - std::chrono::seconds(1);
  auto r = run(data, "SELECT * WHERE { ?s ?p ?o }", options);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().message, "query timed out");
}

TEST(EvaluatorFormsTest, CancelFlagStopsTheQuery) {
  TestDataset data(kData);
  std::atomic<bool> cancel{true};
  EvalOptions options;
  options.cancel = &cancel;
  auto r = run(data, "SELECT * WHERE { ?s ex:knows* ?o }", options);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().message, "query cancelled");
}

TEST(EvaluatorFormsTest, ServiceIsAnErrorUnlessSilent) {
  TestDataset data(kData);
  auto r = run(data, "SELECT * WHERE { SERVICE <http://example.org/sparql> { ?s ?p ?o } }");
  EXPECT_FALSE(r);
  auto s = run(data,
               "SELECT ?n WHERE { ?x ex:name ?n SERVICE SILENT <http://example.org/sparql> { ?s ?p "
               "?o } }");
  EXPECT_EQ(rows(s).size(), 2u);
}

TEST(EvaluatorFormsTest, CountsRecordEachOperatorAndPattern) {
  TestDataset data(kData);
  auto parsed = sparql::parse_query(
      "PREFIX ex: <http://example.org/> SELECT ?n WHERE { ?x ex:name ?n . ?x ex:name ?m }");
  ASSERT_TRUE(parsed.ok());
  const plan::Plan plan = optimizer::make_plan(*parsed, optimizer::PassContext{&data, {}});
  QueryDataset ds;
  ds.data = &data;
  auto run = QueryRun::start(plan, ds);
  ASSERT_TRUE(run.ok());
  ASSERT_TRUE(collect(**run).ok());
  const plan::Counts counts = (*run)->counts();
  EXPECT_EQ(counts.rows.size(), 2u);  // project and bgp
  for (const auto& [node, n] : counts.rows) EXPECT_EQ(n, 2u) << plan::describe(*node);
  ASSERT_EQ(counts.steps.size(), 1u);
  EXPECT_EQ(counts.steps.begin()->second, (std::vector<std::uint64_t>{2, 2}));
}

TEST(EvaluatorFormsTest, NowIsOneInstantAndBnodeFunction) {
  TestDataset data(kData);
  auto r =
      run(data, "SELECT (NOW() = NOW() AS ?same) (isBlank(BNODE()) AS ?b) WHERE { ?x ex:name ?n }");
  EXPECT_EQ(rows(r), (Rows{2,
                           "same=\"true\"^^<http://www.w3.org/2001/XMLSchema#boolean> "
                           "b=\"true\"^^<http://www.w3.org/2001/XMLSchema#boolean>"}));
}

TEST(EvaluatorFormsTest, BnodeWithAStringIsOnePerSolution) {
  TestDataset data(kData);
  auto r = run(
      data,
      "SELECT (BNODE(?n) AS ?a) (BNODE(?n) AS ?b) (BNODE(\"k\") AS ?c) WHERE { ?x ex:name ?n }");
  ASSERT_TRUE(r);
  ASSERT_EQ(r->solutions.size(), 2u);
  EXPECT_EQ(r->solutions[0][0], r->solutions[0][1]);
  EXPECT_NE(r->solutions[0][2], r->solutions[1][2]);
}

TEST(EvaluatorFormsTest, IriUsesTheQueryBase) {
  TestDataset data(kData);
  auto r = run(data, "BASE <http://example.org/base/> SELECT (IRI(\"x\") AS ?i) WHERE { }");
  EXPECT_EQ(rows(r), (Rows{"i=<http://example.org/base/x>"}));
}

// Issue 16: a string that is no IRI made an IRI term that, written as
// N-Triples, was either unreadable or (unescaped) several statements.
TEST(EvaluatorFormsTest, IriOfAStringThatIsNoIriIsAnError) {
  TestDataset data(kData);
  // As written in the query's string literal (SPARQL escapes for " and \).
  for (const char* bad :
       {"http://e/a b", "http://e/a> <http://e/p> <http://e/q", R"(http://e/\"x)", "http://e/{x}",
        R"(http://e/a\\b)", "http://e/^", "http://e/`", "http://e/|", "http://e/\\t"}) {
    auto r = run(data, std::string("SELECT (IRI(\"") + bad + "\") AS ?i) WHERE { }");
    EXPECT_EQ(rows(r), (Rows{""})) << bad;
    auto c = run(
        data, std::string("CONSTRUCT { ?i ex:p ex:o } WHERE { BIND(IRI(\"") + bad + "\") AS ?i) }");
    EXPECT_EQ(triples(c), Rows{}) << bad;
  }
  auto ok = run(data, "SELECT (IRI(\"http://e/x?q=1&r=%20#f\") AS ?i) WHERE { }");
  EXPECT_EQ(rows(ok), (Rows{"i=<http://e/x?q=1&r=%20#f>"}));
}

}  // namespace
}  // namespace quiver::eval::testing
