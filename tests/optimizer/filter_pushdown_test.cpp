// push_filters: a filter moves below an operator only onto an operand that
// binds every variable it reads in every solution; EXISTS filters and the
// optional side of a LeftJoin are never touched.

#include "optimizer_test_util.hpp"

namespace quiver::optimizer::testing {
namespace {

class FilterPushdownTest : public ::testing::TestWithParam<PassCase> {};

TEST_P(FilterPushdownTest, Pushes) {
  EXPECT_EQ(after_pass(push_filters, GetParam().query), GetParam().expected);
}

const std::vector<PassCase> kPushdown = {
    // Join: each conjunct goes to the side that binds its variables.
    {"IntoJoinSides", "{ { ?s :p ?o } { ?s :q ?z } FILTER(?o > 1) FILTER(?z < 5) }",
     "(join (filter (> ?o 1) (bgp (triple ?s <http://ex/p> ?o))) "
     "(filter (< ?z 5) (bgp (triple ?s <http://ex/q> ?z))))"},
    {"ConjunctionSplit", "{ { ?s :p ?o } { ?s :q ?z } FILTER(?o > 1 && ?z < 5 && ?o = ?z) }",
     "(filter (= ?o ?z) (join (filter (> ?o 1) (bgp (triple ?s <http://ex/p> ?o))) "
     "(filter (< ?z 5) (bgp (triple ?s <http://ex/q> ?z)))))"},
    {"SharedVariableGoesLeft", "{ { ?s :p ?o } { ?s :q ?z } FILTER(isIRI(?s)) }",
     "(join (filter (isiri ?s) (bgp (triple ?s <http://ex/p> ?o))) "
     "(bgp (triple ?s <http://ex/q> ?z)))"},
    {"DisjunctionStaysWhole", "{ { ?s :p ?o } { ?s :q ?z } FILTER(?o > 1 || ?z < 5) }",
     "(filter (|| (> ?o 1) (< ?z 5)) (join (bgp (triple ?s <http://ex/p> ?o)) "
     "(bgp (triple ?s <http://ex/q> ?z))))"},
    {"MergesWithAFilterBelow", "{ { ?s :p ?o FILTER(?o < 9) } { ?s :q ?z } FILTER(?o > 1) }",
     "(join (filter (exprlist (> ?o 1) (< ?o 9)) (bgp (triple ?s <http://ex/p> ?o))) "
     "(bgp (triple ?s <http://ex/q> ?z)))"},
    {"ThroughSeveralLevels",
     "{ ?s :p ?o OPTIONAL { ?s :q ?z } GRAPH ?g { ?s :r ?w } FILTER(?w > 1) }",
     "(join (leftjoin (bgp (triple ?s <http://ex/p> ?o)) (bgp (triple ?s <http://ex/q> ?z))) "
     "(graph ?g (filter (> ?w 1) (bgp (triple ?s <http://ex/r> ?w)))))"},
    {"ConstantFilterGoesDown", "{ ?s :p ?o OPTIONAL { ?s :q ?z } FILTER(false) }",
     "(leftjoin (filter false (bgp (triple ?s <http://ex/p> ?o))) "
     "(bgp (triple ?s <http://ex/q> ?z)))"},
    // LeftJoin: the required side only.
    {"LeftJoinLeftSide", "{ ?s :p ?o OPTIONAL { ?s :q ?z } FILTER(?o > 1) }",
     "(leftjoin (filter (> ?o 1) (bgp (triple ?s <http://ex/p> ?o))) "
     "(bgp (triple ?s <http://ex/q> ?z)))"},
    {"NeverIntoOptionalSide", "{ ?s :p ?o OPTIONAL { ?s :q ?z } FILTER(?z > 1) }",
     "(filter (> ?z 1) (leftjoin (bgp (triple ?s <http://ex/p> ?o)) "
     "(bgp (triple ?s <http://ex/q> ?z))))"},
    {"NotBoundStaysAbove", "{ ?s :p ?o OPTIONAL { ?s :q ?z } FILTER(!BOUND(?z)) }",
     "(filter (! (bound ?z)) (leftjoin (bgp (triple ?s <http://ex/p> ?o)) "
     "(bgp (triple ?s <http://ex/q> ?z))))"},
    {"LeftJoinConditionStays", "{ ?s :p ?o OPTIONAL { ?s :q ?z FILTER(?z > ?o) } }",
     "(leftjoin (bgp (triple ?s <http://ex/p> ?o)) (bgp (triple ?s <http://ex/q> ?z)) "
     "(> ?z ?o))"},
    {"InsideTheOptionalSide",
     "{ ?s :p ?o OPTIONAL { ?s :q ?z { { ?z :r ?w } UNION { ?z :t ?w } FILTER(?w > 1) } } }",
     "(leftjoin (bgp (triple ?s <http://ex/p> ?o)) (join (bgp (triple ?s <http://ex/q> ?z)) "
     "(union (filter (> ?w 1) (bgp (triple ?z <http://ex/r> ?w))) "
     "(filter (> ?w 1) (bgp (triple ?z <http://ex/t> ?w))))))"},
    {"MinusLeftSide", "{ ?s :p ?o MINUS { ?s :q ?o } FILTER(?o > 1) }",
     "(minus (filter (> ?o 1) (bgp (triple ?s <http://ex/p> ?o))) "
     "(bgp (triple ?s <http://ex/q> ?o)))"},
    // Possibly-bound variables (OPTIONAL, one UNION arm) keep the filter up.
    {"PossiblyBoundAcrossJoin", "{ ?s :p ?o OPTIONAL { ?s :q ?z } ?s :r ?w FILTER(?z > 1) }",
     "(filter (> ?z 1) (join (leftjoin (bgp (triple ?s <http://ex/p> ?o)) "
     "(bgp (triple ?s <http://ex/q> ?z))) (bgp (triple ?s <http://ex/r> ?w))))"},
    {"PossiblyBoundFromUnion", "{ { { ?s :p ?o } UNION { ?s :q ?z } } ?s :r ?w FILTER(?z = 1) }",
     "(filter (= ?z 1) (join (union (bgp (triple ?s <http://ex/p> ?o)) "
     "(bgp (triple ?s <http://ex/q> ?z))) (bgp (triple ?s <http://ex/r> ?w))))"},
    {"CertainOnTheOtherSide", "{ ?s :p ?o OPTIONAL { ?s :q ?z } { ?x :r ?z } FILTER(?z > 1) }",
     "(join (leftjoin (bgp (triple ?s <http://ex/p> ?o)) (bgp (triple ?s <http://ex/q> ?z))) "
     "(filter (> ?z 1) (bgp (triple ?x <http://ex/r> ?z))))"},
    // Union: into both arms.
    {"IntoUnionArms", "{ { ?s :p ?o } UNION { ?s :q ?o } FILTER(?o > 1) }",
     "(union (filter (> ?o 1) (bgp (triple ?s <http://ex/p> ?o))) "
     "(filter (> ?o 1) (bgp (triple ?s <http://ex/q> ?o))))"},
    {"IntoUnionArmsAndBelow",
     "{ { ?s :p ?o OPTIONAL { ?s :q ?z } } UNION { ?s :r ?o } FILTER(?o > 1) }",
     "(union (leftjoin (filter (> ?o 1) (bgp (triple ?s <http://ex/p> ?o))) "
     "(bgp (triple ?s <http://ex/q> ?z))) (filter (> ?o 1) (bgp (triple ?s <http://ex/r> ?o))))"},
    // Extend: below it unless the filter reads the variable it binds.
    {"BelowExtend", "{ ?s :p ?o BIND(?o * 2 AS ?d) FILTER(?o > 1) FILTER(?d > 4) }",
     "(filter (> ?d 4) (extend ((?d (* ?o 2))) (filter (> ?o 1) "
     "(bgp (triple ?s <http://ex/p> ?o)))))"},
    {"NotBelowExtendReadingIt", "{ ?s :p ?o BIND(STR(?o) AS ?t) FILTER(?t != \"\" && ?s != ?o) }",
     "(filter (!= ?t \"\") (extend ((?t (str ?o))) (filter (!= ?s ?o) "
     "(bgp (triple ?s <http://ex/p> ?o)))))"},
    {"NotBelowExtendOverOptional",
     "{ ?s :p ?o OPTIONAL { ?s :q ?z } BIND(1 AS ?one) FILTER(?z > 1) }",
     "(filter (> ?z 1) (extend ((?one 1)) (leftjoin (bgp (triple ?s <http://ex/p> ?o)) "
     "(bgp (triple ?s <http://ex/q> ?z)))))"},
    // Graph: inside when the pattern binds what the filter reads.
    {"IntoGraph", "{ GRAPH ?g { ?s :p ?o } FILTER(?o > 1) FILTER(?g = :g1) }",
     "(filter (= ?g <http://ex/g1>) (graph ?g (filter (> ?o 1) "
     "(bgp (triple ?s <http://ex/p> ?o)))))"},
    {"IntoGraphWithGraphVariableInside", "{ GRAPH ?g { ?g :p ?o } FILTER(isIRI(?g)) }",
     "(graph ?g (filter (isiri ?g) (bgp (triple ?g <http://ex/p> ?o))))"},
    {"IntoNamedGraph", "{ GRAPH :g1 { ?s :p ?o } FILTER(?o > 1) }",
     "(graph <http://ex/g1> (filter (> ?o 1) (bgp (triple ?s <http://ex/p> ?o))))"},
    // EXISTS filters never move.
    {"ExistsStays", "{ { ?s :p ?o } { ?s :q ?z } FILTER EXISTS { ?s :r ?o } }",
     "(filter (exists (bgp (triple ?s <http://ex/r> ?o))) (join (bgp (triple ?s <http://ex/p> ?o)) "
     "(bgp (triple ?s <http://ex/q> ?z))))"},
    {"NotExistsStaysOthersMove",
     "{ ?s :p ?o OPTIONAL { ?s :q ?z } FILTER(?o > 1 && NOT EXISTS { ?s :r ?o }) }",
     "(filter (notexists (bgp (triple ?s <http://ex/r> ?o))) (leftjoin (filter (> ?o 1) "
     "(bgp (triple ?s <http://ex/p> ?o))) (bgp (triple ?s <http://ex/q> ?z))))"},
    {"ExistsInsideAnExpressionStays",
     "{ ?s :p ?o BIND(1 AS ?x) FILTER(?o = 1 || EXISTS { ?s :r 1 }) }",
     "(filter (|| (= ?o 1) (exists (bgp (triple ?s <http://ex/r> 1)))) (extend ((?x 1)) "
     "(bgp (triple ?s <http://ex/p> ?o))))"},
    // Not past solution modifiers of a subquery.
    {"NotIntoSubquerySlice", "{ { SELECT ?s { ?s :p ?o } LIMIT 1 } ?s :q ?z FILTER(?s = :a) }",
     "(join (filter (= ?s <http://ex/a>) (slice _ 1 (project (?s) "
     "(bgp (triple ?s <http://ex/p> ?o))))) (bgp (triple ?s <http://ex/q> ?z)))"},
};

INSTANTIATE_TEST_SUITE_P(Cases, FilterPushdownTest, ::testing::ValuesIn(kPushdown), case_name);

TEST(FilterPushdown, UnchangedTreeIsTheSameObject) {
  const sparql::OpPtr pattern = parse_pattern("{ ?s :p ?o OPTIONAL { ?s :q ?z } }");
  ASSERT_TRUE(pattern);
  EXPECT_EQ(push_filters(pattern, {}), pattern);
}

}  // namespace
}  // namespace quiver::optimizer::testing
