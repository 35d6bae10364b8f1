// Translation to algebra (SPARQL 1.1 section 18.2), checked as SSE strings.
// Most cases are the examples of 18.2.3 and the forms of 18.2.2.

#include <gtest/gtest.h>

#include "sparql_test_util.hpp"

namespace quiver::sparql {
namespace {

using testing::algebra;
using testing::select_algebra;

TEST(Translate, BasicGraphPattern) {
  EXPECT_EQ(algebra("{ ?s ?p ?o }"), "(bgp (triple ?s ?p ?o))");
  EXPECT_EQ(algebra("{ ?s :p1 ?v1 ; :p2 ?v2 }"),
            "(bgp (triple ?s <http://ex/p1> ?v1) (triple ?s <http://ex/p2> ?v2))");
  EXPECT_EQ(algebra("{ ?s :p ?a , ?b }"),
            "(bgp (triple ?s <http://ex/p> ?a) (triple ?s <http://ex/p> ?b))");
  EXPECT_EQ(algebra("{ ?s a :C }"),
            "(bgp (triple ?s <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <http://ex/C>))");
  EXPECT_EQ(algebra("{}"), "(table unit)");
}

TEST(Translate, Union) {
  EXPECT_EQ(algebra("{ { ?s :p1 ?v1 } UNION { ?s :p2 ?v2 } }"),
            "(union (bgp (triple ?s <http://ex/p1> ?v1)) (bgp (triple ?s <http://ex/p2> ?v2)))");
  EXPECT_EQ(algebra("{ { ?s :a ?v } UNION { ?s :b ?v } UNION { ?s :c ?v } }"),
            "(union (union (bgp (triple ?s <http://ex/a> ?v)) (bgp (triple ?s <http://ex/b> ?v)))"
            " (bgp (triple ?s <http://ex/c> ?v)))");
}

TEST(Translate, Optional) {
  EXPECT_EQ(algebra("{ ?s :p1 ?v1 OPTIONAL { ?s :p2 ?v2 } }"),
            "(leftjoin (bgp (triple ?s <http://ex/p1> ?v1)) (bgp (triple ?s <http://ex/p2> ?v2)))");
  EXPECT_EQ(algebra("{ ?s :p1 ?v1 OPTIONAL { ?s :p2 ?v2 } OPTIONAL { ?s :p3 ?v3 } }"),
            "(leftjoin (leftjoin (bgp (triple ?s <http://ex/p1> ?v1)) "
            "(bgp (triple ?s <http://ex/p2> ?v2))) (bgp (triple ?s <http://ex/p3> ?v3)))");
  // The OPTIONAL's own filter becomes the LeftJoin's condition.
  EXPECT_EQ(algebra("{ ?s :p1 ?v1 OPTIONAL { ?s :p2 ?v2 FILTER(?v1 < 3) } }"),
            "(leftjoin (bgp (triple ?s <http://ex/p1> ?v1)) "
            "(bgp (triple ?s <http://ex/p2> ?v2)) (< ?v1 3))");
  EXPECT_EQ(algebra("{ OPTIONAL { ?s :p ?v } }"),
            "(leftjoin (table unit) (bgp (triple ?s <http://ex/p> ?v)))");
}

// 18.2.2.6 lifts only a FILTER of the OPTIONAL's own group: a nested group
// translates to a Filter of its own, which is not the form Filter(F, A) but
// Join(Z, Filter(F, A)) until the simplification of 18.2.2.8, run after the
// translation. Its F cannot see the left side's variables (W3C
// dawg-optional-filter-005-not-simplified).
TEST(Translate, OptionalKeepsTheFilterOfANestedGroup) {
  EXPECT_EQ(algebra("{ ?s :p1 ?v1 OPTIONAL { { ?s :p2 ?v2 FILTER(?v1 < 3) } } }"),
            "(leftjoin (bgp (triple ?s <http://ex/p1> ?v1)) "
            "(filter (< ?v1 3) (bgp (triple ?s <http://ex/p2> ?v2))))");
  EXPECT_EQ(algebra("{ ?s :p1 ?v1 OPTIONAL { { ?s :p2 ?v2 FILTER(?v2 < 3) } FILTER(?v1 > 1) } }"),
            "(leftjoin (bgp (triple ?s <http://ex/p1> ?v1)) "
            "(filter (< ?v2 3) (bgp (triple ?s <http://ex/p2> ?v2))) (> ?v1 1))");
  EXPECT_EQ(algebra("{ ?s :p1 ?v1 OPTIONAL { FILTER(?v1 > 1) } }"),
            "(leftjoin (bgp (triple ?s <http://ex/p1> ?v1)) (table unit) (> ?v1 1))");
}

TEST(Translate, FiltersApplyToTheWholeGroup) {
  EXPECT_EQ(algebra("{ ?s :p1 ?v1 FILTER (?v1 < 3) OPTIONAL { ?s :p3 ?v3 } }"),
            "(filter (< ?v1 3) (leftjoin (bgp (triple ?s <http://ex/p1> ?v1)) "
            "(bgp (triple ?s <http://ex/p3> ?v3))))");
  EXPECT_EQ(algebra("{ FILTER(?x) FILTER(?y) ?s ?p ?x }"),
            "(filter (exprlist ?x ?y) (bgp (triple ?s ?p ?x)))");
  // Triples on both sides of a FILTER form one basic graph pattern.
  EXPECT_EQ(algebra("{ ?s :p ?o FILTER(?o) ?o :q ?z }"),
            "(filter ?o (bgp (triple ?s <http://ex/p> ?o) (triple ?o <http://ex/q> ?z)))");
  EXPECT_EQ(algebra("{ FILTER(true) }"), "(filter true (table unit))");
}

TEST(Translate, GroupsJoin) {
  EXPECT_EQ(algebra("{ { ?s :p ?o } { ?s :q ?z } }"),
            "(join (bgp (triple ?s <http://ex/p> ?o)) (bgp (triple ?s <http://ex/q> ?z)))");
  // Join with the empty group simplifies away (18.2.2.8).
  EXPECT_EQ(algebra("{ ?s ?p ?o {} }"), "(bgp (triple ?s ?p ?o))");
  EXPECT_EQ(algebra("{ {} ?s ?p ?o }"), "(bgp (triple ?s ?p ?o))");
  EXPECT_EQ(algebra("{ { {} } }"), "(table unit)");
}

TEST(Translate, MinusGraphServiceValues) {
  EXPECT_EQ(algebra("{ ?s ?p ?o MINUS { ?s :q ?v } }"),
            "(minus (bgp (triple ?s ?p ?o)) (bgp (triple ?s <http://ex/q> ?v)))");
  EXPECT_EQ(algebra("{ GRAPH ?g { ?s ?p ?o } }"), "(graph ?g (bgp (triple ?s ?p ?o)))");
  EXPECT_EQ(
      algebra("{ ?a :p ?b GRAPH :g { ?s ?p ?o } }"),
      "(join (bgp (triple ?a <http://ex/p> ?b)) (graph <http://ex/g> (bgp (triple ?s ?p ?o))))");
  EXPECT_EQ(algebra("{ SERVICE SILENT <http://s/> { ?s ?p ?o } }"),
            "(service silent <http://s/> (bgp (triple ?s ?p ?o)))");
  EXPECT_EQ(algebra("{ VALUES ?x { 1 :a UNDEF } }"),
            "(table (vars ?x) (row [?x 1]) (row [?x <http://ex/a>]) (row))");
  EXPECT_EQ(algebra("{ ?s ?p ?o VALUES (?x ?y) { (1 2) (UNDEF \"a\") } }"),
            "(join (bgp (triple ?s ?p ?o)) "
            "(table (vars ?x ?y) (row [?x 1] [?y 2]) (row [?y \"a\"])))");
}

TEST(Translate, Bind) {
  EXPECT_EQ(algebra("{ ?s :p ?o BIND(?o + 1 AS ?z) ?z :q ?w }"),
            "(join (extend ((?z (+ ?o 1))) (bgp (triple ?s <http://ex/p> ?o))) "
            "(bgp (triple ?z <http://ex/q> ?w)))");
  EXPECT_EQ(algebra("{ BIND(1 AS ?x) }"), "(extend ((?x 1)) (table unit))");
}

TEST(Translate, PropertyPaths) {
  EXPECT_EQ(algebra("{ ?s ^:p ?o }"), "(bgp (triple ?o <http://ex/p> ?s))");
  EXPECT_EQ(algebra("{ ?s :p/:q ?o }"),
            "(bgp (triple ?s <http://ex/p> ?_:path0) (triple ?_:path0 <http://ex/q> ?o))");
  EXPECT_EQ(algebra("{ ?s :p* ?o }"), "(path ?s (path* <http://ex/p>) ?o)");
  EXPECT_EQ(algebra("{ ?s :p+ ?o }"), "(path ?s (path+ <http://ex/p>) ?o)");
  EXPECT_EQ(algebra("{ ?s :p? ?o }"), "(path ?s (path? <http://ex/p>) ?o)");
  EXPECT_EQ(algebra("{ ?s :p|:q ?o }"), "(path ?s (alt <http://ex/p> <http://ex/q>) ?o)");
  // Sequences split at fresh variables even around a repeated step.
  EXPECT_EQ(algebra("{ ?s :p/:q* ?o }"),
            "(join (bgp (triple ?s <http://ex/p> ?_:path0)) "
            "(path ?_:path0 (path* <http://ex/q>) ?o))");
  EXPECT_EQ(algebra("{ ?s ^(:p/:q) ?o }"),
            "(bgp (triple ?o <http://ex/p> ?_:path0) (triple ?_:path0 <http://ex/q> ?s))");
  // Precedence: '/' binds tighter than '|', modifiers tighter than '/'.
  EXPECT_EQ(algebra("{ ?s :a/:b|:c ?o }"),
            "(path ?s (alt (seq <http://ex/a> <http://ex/b>) <http://ex/c>) ?o)");
  EXPECT_EQ(algebra("{ ?s (:a|^:b)+ ?o }"),
            "(path ?s (path+ (alt <http://ex/a> (reverse <http://ex/b>))) ?o)");
  EXPECT_EQ(algebra("{ ?s !(:a|^:b|a) ?o }"),
            "(path ?s (notoneof <http://ex/a> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> "
            "(reverse <http://ex/b>)) ?o)");
  EXPECT_EQ(algebra("{ ?s !^:a ?o }"), "(path ?s (notoneof (reverse <http://ex/a>)) ?o)");
  // Paths split the triples around them but stay in one group.
  EXPECT_EQ(algebra("{ ?a :p ?b . ?b :q* ?c . ?c :r ?d }"),
            "(join (join (bgp (triple ?a <http://ex/p> ?b)) (path ?b (path* <http://ex/q>) ?c)) "
            "(bgp (triple ?c <http://ex/r> ?d)))");
}

TEST(Translate, BlankNodesAndCollections) {
  EXPECT_EQ(algebra("{ _:a :p [ :q ?o ] }"),
            "(bgp (triple ?_:gen0 <http://ex/q> ?o) (triple ?_:a <http://ex/p> ?_:gen0))");
  EXPECT_EQ(algebra("{ [] :p ?o }"), "(bgp (triple ?_:gen0 <http://ex/p> ?o))");
  EXPECT_EQ(algebra("{ [ :p ?o ] }"), "(bgp (triple ?_:gen0 <http://ex/p> ?o))");
  // A fresh name never collides with a label of the query.
  EXPECT_EQ(algebra("{ [] :p _:gen0 }"), "(bgp (triple ?_:gen1 <http://ex/p> ?_:gen0))");
  const std::string rdf = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
  EXPECT_EQ(algebra("{ (1 ?x) :p () }"),
            "(bgp (triple ?_:gen0 <" + rdf + "first> 1) (triple ?_:gen0 <" + rdf +
                "rest> ?_:gen1) (triple ?_:gen1 <" + rdf + "first> ?x) (triple ?_:gen1 <" + rdf +
                "rest> <" + rdf + "nil>) (triple ?_:gen0 <http://ex/p> <" + rdf + "nil>))");
}

TEST(Translate, Literals) {
  EXPECT_EQ(algebra("{ ?s :p 1, -2, +3.0, 1e3, .5E-1, \"x\", 'y'@en, \"z\"^^:t, true }"),
            "(bgp (triple ?s <http://ex/p> 1) (triple ?s <http://ex/p> -2) "
            "(triple ?s <http://ex/p> +3.0) (triple ?s <http://ex/p> 1e3) "
            "(triple ?s <http://ex/p> .5E-1) (triple ?s <http://ex/p> \"x\") "
            "(triple ?s <http://ex/p> \"y\"@en) (triple ?s <http://ex/p> \"z\"^^<http://ex/t>) "
            "(triple ?s <http://ex/p> true))");
  EXPECT_EQ(algebra("{ ?s :p \"01\"^^<http://www.w3.org/2001/XMLSchema#integer> }"),
            "(bgp (triple ?s <http://ex/p> 01))");
  EXPECT_EQ(algebra("{ ?s :p \"\"\"a\n\"b\" c\"\"\" }"),
            "(bgp (triple ?s <http://ex/p> \"a\\n\\\"b\\\" c\"))");
}

TEST(Translate, Expressions) {
  EXPECT_EQ(algebra("{ FILTER(?a || ?b && !?c) }"), "(filter (|| ?a (&& ?b (! ?c))) (table unit))");
  EXPECT_EQ(algebra("{ FILTER(?a + ?b * ?c - -?d = 1) }"),
            "(filter (= (- (+ ?a (* ?b ?c)) (- ?d)) 1) (table unit))");
  // A signed number after an operand is a subtraction or addition.
  EXPECT_EQ(algebra("{ FILTER(?x -1 > ?y+2*3) }"),
            "(filter (> (- ?x 1) (+ ?y (* 2 3))) (table unit))");
  EXPECT_EQ(algebra("{ FILTER(?x IN (1, 2) && ?y NOT IN ()) }"),
            "(filter (&& (in ?x 1 2) (notin ?y)) (table unit))");
  EXPECT_EQ(algebra("{ FILTER regex(str(?x), \"a\", \"i\") }"),
            "(filter (regex (str ?x) \"a\" \"i\") (table unit))");
  EXPECT_EQ(algebra("{ FILTER(BOUND(?x) && isIRI(?x) && sameTerm(?x, ?y)) }"),
            "(filter (&& (&& (bound ?x) (isiri ?x)) (sameterm ?x ?y)) (table unit))");
  EXPECT_EQ(algebra("{ FILTER(<http://www.w3.org/2001/XMLSchema#integer>(?x) = RAND()) }"),
            "(filter (= (<http://www.w3.org/2001/XMLSchema#integer> ?x) (rand)) (table unit))");
  EXPECT_EQ(algebra("{ FILTER(CONCAT() = COALESCE(?x, BNODE())) }"),
            "(filter (= (concat) (coalesce ?x (bnode))) (table unit))");
  EXPECT_EQ(algebra("{ ?s ?p ?o FILTER NOT EXISTS { ?s :q ?o } }"),
            "(filter (notexists (bgp (triple ?s <http://ex/q> ?o))) (bgp (triple ?s ?p ?o)))");
}

// Queries of the W3C sparql10/algebra suite, whose point is the algebra.
TEST(Translate, W3cAlgebraSuite) {
  // filter-nested-2: the filter stays inside its group.
  EXPECT_EQ(algebra("{ :x :p ?v . { FILTER(?v = 1) } }"),
            "(join (bgp (triple <http://ex/x> <http://ex/p> ?v)) (filter (= ?v 1) (table unit)))");
  // join-combo-1
  EXPECT_EQ(algebra("{ ?a :p ?c OPTIONAL { ?a :r ?d }. ?a ?p 1 { ?p a ?y } UNION { ?a ?z ?p } }"),
            "(join (join (leftjoin (bgp (triple ?a <http://ex/p> ?c)) "
            "(bgp (triple ?a <http://ex/r> ?d))) (bgp (triple ?a ?p 1))) "
            "(union (bgp (triple ?p <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> ?y)) "
            "(bgp (triple ?a ?z ?p))))");
  // opt-filter-2: both filters condition the LeftJoin.
  EXPECT_EQ(algebra("{ ?x :p ?v . OPTIONAL { ?y :q ?w . FILTER(?v=2) FILTER(?w=3) } }"),
            "(leftjoin (bgp (triple ?x <http://ex/p> ?v)) (bgp (triple ?y <http://ex/q> ?w)) "
            "(exprlist (= ?v 2) (= ?w 3)))");
  // two-nested-opt
  EXPECT_EQ(algebra("{ :x1 :p ?v . OPTIONAL { :x3 :q ?w . OPTIONAL { :x2 :p ?v } } }"),
            "(leftjoin (bgp (triple <http://ex/x1> <http://ex/p> ?v)) "
            "(leftjoin (bgp (triple <http://ex/x3> <http://ex/q> ?w)) "
            "(bgp (triple <http://ex/x2> <http://ex/p> ?v))))");
  // filter-scope-1
  EXPECT_EQ(algebra("{ :x :p ?v . { :x :q ?w OPTIONAL { :x :p ?v2 FILTER(?v = 1) } } }"),
            "(join (bgp (triple <http://ex/x> <http://ex/p> ?v)) "
            "(leftjoin (bgp (triple <http://ex/x> <http://ex/q> ?w)) "
            "(bgp (triple <http://ex/x> <http://ex/p> ?v2)) (= ?v 1)))");
}

TEST(Translate, SelectAndModifiers) {
  EXPECT_EQ(select_algebra("SELECT ?s { ?s ?p ?o FILTER(?o > 3) }"),
            "(project (?s) (filter (> ?o 3) (bgp (triple ?s ?p ?o))))");
  EXPECT_EQ(select_algebra("SELECT DISTINCT ?s { ?s ?p ?o } ORDER BY DESC(?o) ?s LIMIT 5"),
            "(slice _ 5 (distinct (project (?s) (order ((desc ?o) ?s) "
            "(bgp (triple ?s ?p ?o))))))");
  EXPECT_EQ(select_algebra("SELECT REDUCED * { ?s ?p ?o } OFFSET 2 LIMIT 3"),
            "(slice 2 3 (reduced (project (?s ?p ?o) (bgp (triple ?s ?p ?o)))))");
  EXPECT_EQ(select_algebra("SELECT ?s (?o + 1 AS ?n) { ?s ?p ?o }"),
            "(project (?s ?n) (extend ((?n (+ ?o 1))) (bgp (triple ?s ?p ?o))))");
  EXPECT_EQ(select_algebra("SELECT * { ?s ?p ?o } VALUES ?s { :a }"),
            "(project (?s ?p ?o) (join (bgp (triple ?s ?p ?o)) (table (vars ?s) "
            "(row [?s <http://ex/a>]))))");
}

TEST(Translate, Aggregates) {
  EXPECT_EQ(select_algebra("SELECT ?s (COUNT(*) AS ?n) { ?s ?p ?o } GROUP BY ?s"),
            "(project (?s ?n) (extend ((?n ?.agg0)) (group (?s) ((?.agg0 (count))) "
            "(bgp (triple ?s ?p ?o)))))");
  // One variable per distinct aggregate; HAVING filters the groups.
  EXPECT_EQ(select_algebra("SELECT (SUM(?o) AS ?t) { ?s ?p ?o } GROUP BY ?s "
                           "HAVING (SUM(?o) > 10) ORDER BY DESC(AVG(?o))"),
            "(project (?t) (order ((desc ?.agg1)) (extend ((?t ?.agg0)) (filter (> ?.agg0 10) "
            "(group (?s) ((?.agg0 (sum ?o)) (?.agg1 (avg ?o))) (bgp (triple ?s ?p ?o)))))))");
  EXPECT_EQ(select_algebra("SELECT ?k (GROUP_CONCAT(DISTINCT ?o; SEPARATOR=\", \") AS ?c) "
                           "{ ?s ?p ?o } GROUP BY (STR(?s) AS ?k) LCASE(?p)"),
            "(project (?k ?c) (extend ((?c ?.agg0)) (group ((?k (str ?s)) (lcase ?p)) "
            "((?.agg0 (group_concat distinct (separator \", \") ?o))) (bgp (triple ?s ?p ?o)))))");
  // An implicit single group.
  EXPECT_EQ(select_algebra("SELECT (MAX(?o) AS ?m) (?m * 2 AS ?d) { ?s ?p ?o }"),
            "(project (?m ?d) (extend ((?d (* ?m 2))) (extend ((?m ?.agg0)) "
            "(group () ((?.agg0 (max ?o))) (bgp (triple ?s ?p ?o))))))");
}

TEST(Translate, Subquery) {
  EXPECT_EQ(algebra("{ ?s :p ?o { SELECT ?s (COUNT(*) AS ?c) { ?s ?q ?z } GROUP BY ?s } }"),
            "(join (bgp (triple ?s <http://ex/p> ?o)) (project (?s ?c) (extend ((?c ?.agg0)) "
            "(group (?s) ((?.agg0 (count))) (bgp (triple ?s ?q ?z))))))");
}

TEST(Translate, QueryForms) {
  using testing::query_sse;
  EXPECT_EQ(query_sse("SELECT * FROM <http://g/1> FROM NAMED <http://g/2> { ?s ?p ?o }"),
            "(select (?s ?p ?o) (from <http://g/1>) (from_named <http://g/2>) "
            "(project (?s ?p ?o) (bgp (triple ?s ?p ?o))))");
  EXPECT_EQ(query_sse("CONSTRUCT { ?s <http://p> [ <http://q> ?o ] } WHERE { ?s ?p ?o }"),
            "(construct (template (triple _:gen0 <http://q> ?o) (triple ?s <http://p> _:gen0)) "
            "(bgp (triple ?s ?p ?o)))");
  EXPECT_EQ(query_sse("CONSTRUCT WHERE { ?s <http://p> ?o }"),
            "(construct (template (triple ?s <http://p> ?o)) (bgp (triple ?s <http://p> ?o)))");
  EXPECT_EQ(query_sse("DESCRIBE ?s <http://x>"), "(describe (?s <http://x>) (table unit))");
  EXPECT_EQ(query_sse("DESCRIBE * WHERE { ?s ?p ?o } LIMIT 1"),
            "(describe () (slice _ 1 (bgp (triple ?s ?p ?o))))");
  EXPECT_EQ(query_sse("ASK { ?s ?p ?o }"), "(ask (bgp (triple ?s ?p ?o)))");
}

TEST(Translate, SelectStarSkipsBlankNodeVariables) {
  const auto q = parse_query("SELECT * { ?s ?p [] ; ?q ?o OPTIONAL { ?o ?r ?z } BIND(1 AS ?b) }");
  ASSERT_TRUE(q.ok());
  EXPECT_EQ(q->variables, (std::vector<std::string>{"s", "p", "q", "o", "r", "z", "b"}));
}

// A triple term whose parts the rest of the pattern binds is built with
// TRIPLE() and joined on (a bind join looks the reifier up); one whose
// parts it does not bind is unpacked from every triple term.
TEST(Translate, TripleTermsBuiltFromTheirBoundParts) {
  EXPECT_EQ(algebra("{ ?s :p ?o {| :line ?l |} }"),
            "(join (filter (bound ?_:<<tt1) (extend ((?_:<<tt1 (triple ?s <http://ex/p> ?o))) "
            "(bgp (triple ?s <http://ex/p> ?o)))) (bgp (triple ?_:gen0 "
            "<http://www.w3.org/1999/02/22-rdf-syntax-ns#reifies> ?_:<<tt1) "
            "(triple ?_:gen0 <http://ex/line> ?l)))");
  const std::string scanned = algebra("{ ?r :says <<( :a ?p ?o )>> }");
  EXPECT_EQ(scanned.find("(join"), std::string::npos) << scanned;
  EXPECT_NE(scanned.find("(istriple ?_:<<tt0)"), std::string::npos) << scanned;
}

}  // namespace
}  // namespace quiver::sparql
