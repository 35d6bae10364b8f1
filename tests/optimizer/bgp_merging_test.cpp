// merge_bgps: Join(BGP, BGP) becomes one BGP, Join with the empty group
// its other operand.

#include "optimizer_test_util.hpp"

namespace quiver::optimizer::testing {
namespace {

using sparql::Op;
using sparql::OpKind;
using sparql::OpPtr;

class BgpMergingTest : public ::testing::TestWithParam<PassCase> {};

TEST_P(BgpMergingTest, Merges) {
  EXPECT_EQ(after_pass(merge_bgps, GetParam().query), GetParam().expected);
}

const std::vector<PassCase> kMerging = {
    {"TwoGroups", "{ { ?s :p ?o } { ?s :q ?z } }",
     "(bgp (triple ?s <http://ex/p> ?o) (triple ?s <http://ex/q> ?z))"},
    {"ThreeGroupsLeftDeep", "{ { ?s :p ?o } { ?s :q ?z } { ?z :r ?w } }",
     "(bgp (triple ?s <http://ex/p> ?o) (triple ?s <http://ex/q> ?z) "
     "(triple ?z <http://ex/r> ?w))"},
    {"AroundAPath", "{ ?a :p ?b . ?b :q* ?c . ?c :r ?d }",
     "(join (join (bgp (triple ?a <http://ex/p> ?b)) (path ?b (path* <http://ex/q>) ?c)) "
     "(bgp (triple ?c <http://ex/r> ?d)))"},
    {"InsideOptional", "{ ?s :p ?o OPTIONAL { { ?s :q ?z } { ?z :r ?w } } }",
     "(leftjoin (bgp (triple ?s <http://ex/p> ?o)) "
     "(bgp (triple ?s <http://ex/q> ?z) (triple ?z <http://ex/r> ?w)))"},
    {"InsideUnionArms", "{ { { ?s :p ?o } { ?s :q ?z } } UNION { ?s :r ?o } }",
     "(union (bgp (triple ?s <http://ex/p> ?o) (triple ?s <http://ex/q> ?z)) "
     "(bgp (triple ?s <http://ex/r> ?o)))"},
    {"InsideGraph", "{ GRAPH ?g { { ?s :p ?o } { ?s :q ?z } } }",
     "(graph ?g (bgp (triple ?s <http://ex/p> ?o) (triple ?s <http://ex/q> ?z)))"},
    {"BlankNodesStayApart", "{ { [] :p ?o } { [] :q ?o } }",
     "(bgp (triple ?_:gen0 <http://ex/p> ?o) (triple ?_:gen1 <http://ex/q> ?o))"},
    // Not merged: a filter scoped to its group, a BIND, an OPTIONAL.
    {"NotAcrossAGroupFilter", "{ { ?s :p ?o FILTER(?o > 1) } { ?s :q ?z } }",
     "(join (filter (> ?o 1) (bgp (triple ?s <http://ex/p> ?o))) "
     "(bgp (triple ?s <http://ex/q> ?z)))"},
    {"NotIntoExtend", "{ ?s :p ?o BIND(?o AS ?z) ?z :q ?w }",
     "(join (extend ((?z ?o)) (bgp (triple ?s <http://ex/p> ?o))) "
     "(bgp (triple ?z <http://ex/q> ?w)))"},
    {"NotIntoLeftJoin", "{ ?s :p ?o OPTIONAL { ?s :q ?z } ?s :r ?w }",
     "(join (leftjoin (bgp (triple ?s <http://ex/p> ?o)) (bgp (triple ?s <http://ex/q> ?z))) "
     "(bgp (triple ?s <http://ex/r> ?w)))"},
};

INSTANTIATE_TEST_SUITE_P(Cases, BgpMergingTest, ::testing::ValuesIn(kMerging), case_name);

// The parser already drops `{}` next to other elements (18.2.2.8), so a
// Join with Unit only reaches the optimizer from hand-built algebra.
OpPtr join(OpPtr a, OpPtr b) {
  Op op;
  op.kind = OpKind::Join;
  op.children = {std::move(a), std::move(b)};
  return sparql::make_op(std::move(op));
}

OpPtr unit() { return sparql::make_op(Op{}); }

TEST(BgpMerging, JoinWithUnitIsTheOtherOperand) {
  const OpPtr bgp = parse_pattern("{ ?s :p ?o }");
  ASSERT_TRUE(bgp);
  const std::string expected = "(bgp (triple ?s <http://ex/p> ?o))";
  EXPECT_EQ(sparql::to_sse(*merge_bgps(join(unit(), bgp), {})), expected);
  EXPECT_EQ(sparql::to_sse(*merge_bgps(join(bgp, unit()), {})), expected);
  EXPECT_EQ(sparql::to_sse(*merge_bgps(join(unit(), unit()), {})), "(table unit)");
  // Unit on one side, two BGPs below: both rules apply bottom-up.
  EXPECT_EQ(sparql::to_sse(*merge_bgps(join(join(bgp, unit()), bgp), {})),
            "(bgp (triple ?s <http://ex/p> ?o) (triple ?s <http://ex/p> ?o))");
}

TEST(BgpMerging, UnchangedTreeIsTheSameObject) {
  const OpPtr pattern = parse_pattern("{ ?s :p ?o OPTIONAL { ?s :q ?z } }");
  ASSERT_TRUE(pattern);
  EXPECT_EQ(merge_bgps(pattern, {}), pattern);
}

}  // namespace
}  // namespace quiver::optimizer::testing
