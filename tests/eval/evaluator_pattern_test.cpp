// Graph patterns through the parser: BGP, join, OPTIONAL, FILTER, UNION,
// MINUS, BIND, VALUES, GRAPH, subqueries.

#include "evaluator_test_util.hpp"

namespace quiver::eval::testing {
namespace {

const char* kPeople = R"(
ex:alice ex:name "Alice" ; ex:age 30 ; ex:knows ex:bob, ex:carol .
ex:bob ex:name "Bob" ; ex:age 25 ; ex:knows ex:carol .
ex:carol ex:name "Carol" ; ex:mbox "carol@example.org" .
ex:dave ex:knows ex:dave .
)";

TEST(EvaluatorPatternTest, BgpJoinsOnSharedVariables) {
  TestDataset data(kPeople);
  auto r = run(data, "SELECT ?n ?m WHERE { ?x ex:knows ?y . ?x ex:name ?n . ?y ex:name ?m }");
  EXPECT_EQ(rows(r),
            (Rows{R"(n="Alice" m="Bob")", R"(n="Alice" m="Carol")", R"(n="Bob" m="Carol")"}));
}

TEST(EvaluatorPatternTest, RepeatedVariableInOnePattern) {
  TestDataset data(kPeople);
  auto r = run(data, "SELECT ?x WHERE { ?x ex:knows ?x }");
  EXPECT_EQ(rows(r), (Rows{"x=<http://example.org/dave>"}));
}

TEST(EvaluatorPatternTest, ConstantMissingFromDataMatchesNothing) {
  TestDataset data(kPeople);
  EXPECT_TRUE(rows(run(data, "SELECT * WHERE { ?x ex:nothing ?y }")).empty());
  EXPECT_EQ(rows(run(data, "SELECT * WHERE { }")), (Rows{""}));
}

TEST(EvaluatorPatternTest, LanguageTagsMatchWhateverTheirCase) {
  TestDataset data(R"(ex:a ex:p "x"@en .)");
  EXPECT_EQ(rows(run(data, R"(SELECT ?s WHERE { ?s ex:p "x"@EN })")),
            (Rows{"s=<http://example.org/a>"}));
}

TEST(EvaluatorPatternTest, BlankNodesActAsHiddenVariables) {
  TestDataset data(kPeople);
  auto r = run(data, "SELECT ?n WHERE { _:p ex:knows ex:carol . _:p ex:name ?n }");
  EXPECT_EQ(rows(r), (Rows{R"(n="Alice")", R"(n="Bob")"}));
}

TEST(EvaluatorPatternTest, OptionalKeepsUnmatchedRows) {
  TestDataset data(kPeople);
  auto r = run(data, "SELECT ?n ?a WHERE { ?x ex:name ?n OPTIONAL { ?x ex:age ?a } }");
  EXPECT_EQ(rows(r), (Rows{R"(n="Alice" a="30"^^<http://www.w3.org/2001/XMLSchema#integer>)",
                           R"(n="Bob" a="25"^^<http://www.w3.org/2001/XMLSchema#integer>)",
                           R"(n="Carol")"}));
}

TEST(EvaluatorPatternTest, OptionalFilterSeesBothSides) {
  TestDataset data(kPeople);
  auto r =
      run(data, "SELECT ?n ?a WHERE { ?x ex:name ?n OPTIONAL { ?x ex:age ?a FILTER(?a > 26) } }");
  EXPECT_EQ(rows(r), (Rows{R"(n="Alice" a="30"^^<http://www.w3.org/2001/XMLSchema#integer>)",
                           R"(n="Bob")", R"(n="Carol")"}));
}

TEST(EvaluatorPatternTest, OptionalFilterIsTheLeftJoinCondition) {
  TestDataset data(kPeople);
  // The OPTIONAL's own filter becomes the LeftJoin condition (18.2.2.6), so
  // it sees ?n; see EvaluatorAlgebraTest.FilterInsideOptionalIsScoped for a
  // filter in a nested group.
  auto lj =
      run(data, "SELECT ?x ?a WHERE { ?x ex:name ?n OPTIONAL { ?x ex:age ?a FILTER(bound(?n)) } }");
  EXPECT_EQ(rows(lj).size(), 3u);
  EXPECT_NE(rows(lj)[0].find("a="), std::string::npos);
}

TEST(EvaluatorPatternTest, OptionalAfterOptionalJoinsOnMaybeUnbound) {
  TestDataset data(kPeople);
  auto r = run(data,
               "SELECT ?x ?a ?m WHERE { ?x ex:name ?n OPTIONAL { ?x ex:age ?a } "
               "OPTIONAL { ?x ex:mbox ?m } }");
  EXPECT_EQ(rows(r).size(), 3u);
  // A later join on a variable some rows leave unbound is compatible with anything.
  auto j = run(data,
               "SELECT ?x ?a WHERE { { ?x ex:name ?n OPTIONAL { ?x ex:age ?a } } "
               "{ SELECT ?a WHERE { ?y ex:age ?a } } }");
  EXPECT_EQ(rows(j).size(), 4u);  // alice+30, bob+25, carol+30, carol+25
}

TEST(EvaluatorPatternTest, OptionalOverABgpAndAPath) {
  TestDataset data(kPeople);
  auto r = run(
      data, "SELECT ?x ?z WHERE { ?x ex:name ?n OPTIONAL { ?x ex:knows ?y . ?y ex:knows* ?z } }");
  EXPECT_EQ(rows(r), (Rows{"x=<http://example.org/alice> z=<http://example.org/bob>",
                           "x=<http://example.org/alice> z=<http://example.org/carol>",
                           "x=<http://example.org/alice> z=<http://example.org/carol>",
                           "x=<http://example.org/bob> z=<http://example.org/carol>",
                           "x=<http://example.org/carol>"}));
}

TEST(EvaluatorPatternTest, FilterErrorsAreFalse) {
  TestDataset data(kPeople);
  auto r = run(data, "SELECT ?x WHERE { ?x ex:name ?n FILTER(?age > 1 || ?n = \"Bob\") }");
  EXPECT_EQ(rows(r), (Rows{"x=<http://example.org/bob>"}));
  auto a = run(data, "SELECT ?x WHERE { ?x ex:name ?n FILTER(!(?age > 1 && ?n = \"Bob\")) }");
  EXPECT_EQ(rows(a).size(), 2u);  // false && error = false, so Alice and Carol pass
}

TEST(EvaluatorPatternTest, Union) {
  TestDataset data(kPeople);
  auto r = run(data, "SELECT ?v WHERE { { ex:alice ex:age ?v } UNION { ex:bob ex:name ?v } }");
  EXPECT_EQ(rows(r), (Rows{R"(v="30"^^<http://www.w3.org/2001/XMLSchema#integer>)", R"(v="Bob")"}));
}

TEST(EvaluatorPatternTest, MinusNeedsASharedVariable) {
  TestDataset data(kPeople);
  auto r = run(data, "SELECT ?x WHERE { ?x ex:name ?n MINUS { ?x ex:age ?a } }");
  EXPECT_EQ(rows(r), (Rows{"x=<http://example.org/carol>"}));
  auto d = run(data, "SELECT ?x WHERE { ?x ex:name ?n MINUS { ?y ex:age ?a } }");
  EXPECT_EQ(rows(d).size(), 3u);
}

TEST(EvaluatorPatternTest, NotExistsAndExists) {
  TestDataset data(kPeople);
  auto r = run(data, "SELECT ?x WHERE { ?x ex:name ?n FILTER NOT EXISTS { ?x ex:age ?a } }");
  EXPECT_EQ(rows(r), (Rows{"x=<http://example.org/carol>"}));
  auto e = run(data,
               "SELECT ?x WHERE { ?x ex:name ?n FILTER EXISTS { ?x ex:knows ?y FILTER(?y != ?x) "
               "?y ex:mbox ?m } }");
  EXPECT_EQ(rows(e), (Rows{"x=<http://example.org/alice>", "x=<http://example.org/bob>"}));
}

TEST(EvaluatorPatternTest, BindAndErrorsLeaveUnbound) {
  TestDataset data(kPeople);
  auto r = run(data,
               "SELECT ?x ?b WHERE { ?x ex:name ?n OPTIONAL { ?x ex:age ?a } BIND(?a + 1 AS ?b) }");
  EXPECT_EQ(
      rows(r),
      (Rows{R"(x=<http://example.org/alice> b="31"^^<http://www.w3.org/2001/XMLSchema#integer>)",
            R"(x=<http://example.org/bob> b="26"^^<http://www.w3.org/2001/XMLSchema#integer>)",
            "x=<http://example.org/carol>"}));
}

// Builtins, operators and casts are strict: an unbound argument is an
// error, which BIND leaves unbound; COALESCE, a special form, is not. A
// function IRI nobody knows is an error too.
TEST(EvaluatorPatternTest, BuiltinsAndCastsAreStrict) {
  TestDataset data(kPeople);
  auto r = run(data,
               "SELECT ?x ?s ?i ?c ?e WHERE { ?x ex:name ?n OPTIONAL { ?x ex:age ?a } "
               "BIND(STR(?a) AS ?s) BIND(xsd:integer(?a) AS ?i) BIND(COALESCE(?a, 0) AS ?c) "
               "BIND(<http://example.org/f>(?n) AS ?e) } ORDER BY ?x");
  EXPECT_EQ(
      rows(r),
      (Rows{R"(x=<http://example.org/alice> s="30" )"
            R"(i="30"^^<http://www.w3.org/2001/XMLSchema#integer> )"
            R"(c="30"^^<http://www.w3.org/2001/XMLSchema#integer>)",
            R"(x=<http://example.org/bob> s="25" )"
            R"(i="25"^^<http://www.w3.org/2001/XMLSchema#integer> )"
            R"(c="25"^^<http://www.w3.org/2001/XMLSchema#integer>)",
            R"(x=<http://example.org/carol> c="0"^^<http://www.w3.org/2001/XMLSchema#integer>)"}));
}

TEST(EvaluatorPatternTest, ComputedTermsJoinWithData) {
  TestDataset data(kPeople);
  // The computed IRI is the dataset's ex:bob, so it matches in the BGP after it.
  auto r =
      run(data, "SELECT ?n WHERE { BIND(IRI(CONCAT(STR(ex:), \"bob\")) AS ?x) ?x ex:name ?n }");
  EXPECT_EQ(rows(r), (Rows{R"(n="Bob")"}));
  auto v = run(data, "SELECT ?x WHERE { ?x ex:age ?a . BIND(25 AS ?a2) FILTER(?a = ?a2) }");
  EXPECT_EQ(rows(v), (Rows{"x=<http://example.org/bob>"}));
}

TEST(EvaluatorPatternTest, ValuesJoinsAndUndef) {
  TestDataset data(kPeople);
  auto r = run(data,
               "SELECT ?x ?n WHERE { ?x ex:name ?n } VALUES (?x ?n) { (ex:alice UNDEF) "
               "(UNDEF \"Bob\") (ex:zed \"Zed\") }");
  EXPECT_EQ(rows(r), (Rows{R"(x=<http://example.org/alice> n="Alice")",
                           R"(x=<http://example.org/bob> n="Bob")"}));
  auto inline_values = run(data, "SELECT ?v WHERE { VALUES ?v { 1 ex:new } }");
  EXPECT_EQ(rows(inline_values).size(), 2u);
}

TEST(EvaluatorPatternTest, SubqueryScopesItsVariables) {
  TestDataset data(kPeople);
  auto r = run(data, "SELECT ?x ?n WHERE { ?x ex:name ?n { SELECT ?x WHERE { ?x ex:age ?n } } }");
  // Inner ?n is projected away, so it does not join with the outer ?n.
  EXPECT_EQ(rows(r).size(), 2u);
}

TEST(EvaluatorPatternTest, GraphConstantAndVariable) {
  TestDataset data(R"(
    ex:a ex:p ex:b .
    ex:g1 { ex:a ex:p ex:c . ex:c ex:p ex:d }
    ex:g2 { ex:a ex:p ex:e }
  )");
  EXPECT_EQ(rows(run(data, "SELECT ?o WHERE { ?s ex:p ?o }")), (Rows{"o=<http://example.org/b>"}));
  EXPECT_EQ(rows(run(data, "SELECT ?o WHERE { GRAPH ex:g2 { ?s ex:p ?o } }")),
            (Rows{"o=<http://example.org/e>"}));
  EXPECT_TRUE(rows(run(data, "SELECT ?o WHERE { GRAPH ex:zz { ?s ex:p ?o } }")).empty());
  auto g = run(data, "SELECT ?g ?o WHERE { GRAPH ?g { ex:a ex:p ?o } }");
  EXPECT_EQ(rows(g), (Rows{"g=<http://example.org/g1> o=<http://example.org/c>",
                           "g=<http://example.org/g2> o=<http://example.org/e>"}));
  auto joined = run(data, "SELECT ?g WHERE { ?x ex:p ?g . GRAPH ?g { ?s ?p ?o } }");
  EXPECT_TRUE(rows(joined).empty());  // ex:b is not a graph name
}

TEST(EvaluatorPatternTest, FromAndFromNamedViaQueryDataset) {
  TestDataset data(R"(
    ex:a ex:p ex:b .
    ex:g1 { ex:a ex:p ex:c }
    ex:g2 { ex:a ex:p ex:c . ex:a ex:p ex:e }
  )");
  QueryDataset ds;
  ds.default_graphs = {data.find_id(iri("g1").ref()), data.find_id(iri("g2").ref())};
  ds.named_graphs = std::vector<TermId>{data.find_id(iri("g1").ref())};
  auto r = run(data, "SELECT ?o WHERE { ex:a ex:p ?o }", {}, ds);
  // The merge holds ex:a ex:p ex:c once.
  EXPECT_EQ(rows(r), (Rows{"o=<http://example.org/c>", "o=<http://example.org/e>"}));
  auto g = run(data, "SELECT ?g WHERE { GRAPH ?g { ?s ?p ?o } }", {}, ds);
  EXPECT_EQ(rows(g), (Rows{"g=<http://example.org/g1>"}));
}

// A BGP of 10,000 patterns took a minute and a gigabyte (the class: work
// or memory per pattern times the number of patterns): it plans with its
// statistics fetched once per pattern and runs on one row.
TEST(EvaluatorPatternTest, TenThousandPatternChain) {
  TestDataset data("ex:a ex:p ex:a .");
  std::string query = "SELECT (COUNT(*) AS ?n) WHERE {";
  for (int i = 0; i < 10000; ++i) {
    query += " ?v" + std::to_string(i) + " ex:p ?v" + std::to_string(i + 1) + " .";
  }
  query += " }";
  EXPECT_EQ(rows(run(data, query)), (Rows{"n=\"1\"^^<http://www.w3.org/2001/XMLSchema#integer>"}));
}

// Under EXISTS the row's values are substituted into the pattern (18.6):
// they are constants there, so they make no variable the two sides of a
// MINUS share.
TEST(EvaluatorPatternTest, MinusInsideExistsSharesOnlyThePatternsVariables) {
  TestDataset data(R"(ex:a ex:p ex:b . ex:c ex:r ex:d . ex:e ex:s ex:f .)");
  EXPECT_EQ(rows(run(data,
                     "SELECT ?x WHERE { ?x ex:p ?o FILTER EXISTS "
                     "{ ?y ex:r ?z MINUS { ?w ex:s ?v } } }")),
            (Rows{"x=<http://example.org/a>"}));
  EXPECT_TRUE(rows(run(data,
                       "SELECT ?x WHERE { ?x ex:p ?o FILTER NOT EXISTS "
                       "{ ?y ex:r ?z MINUS { ?w ex:s ?v } } }"))
                  .empty());
  // A variable the sides do share still removes: ?y is ex:c on both.
  EXPECT_TRUE(rows(run(data,
                       "SELECT ?x WHERE { ?x ex:p ?o FILTER EXISTS "
                       "{ ?y ex:r ?z MINUS { ?y ?q ?z } } }"))
                  .empty());
  // ?x is the row's: substituted, it is ex:a in both sides, shared by none.
  EXPECT_EQ(rows(run(data,
                     "SELECT ?x WHERE { ?x ex:p ?o FILTER EXISTS "
                     "{ ?x ex:p ?o MINUS { ?x ex:p ?z } } }")),
            (Rows{"x=<http://example.org/a>"}));
}

}  // namespace
}  // namespace quiver::eval::testing
