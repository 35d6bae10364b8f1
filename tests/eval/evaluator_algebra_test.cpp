// The evaluator on hand-built algebra, independent of the parser.

#include "evaluator_test_util.hpp"

namespace quiver::eval::testing {
namespace {

using sparql::Expr;
using sparql::ExprKind;
using sparql::Op;
using sparql::OpKind;
using sparql::PatternTerm;

PatternTerm v(const char* name) { return PatternTerm::var(name); }
PatternTerm c(const char* local) { return PatternTerm::constant(iri(local)); }

sparql::OpPtr bgp(std::vector<sparql::TriplePattern> triples) {
  Op op;
  op.kind = OpKind::Bgp;
  op.triples = std::move(triples);
  return sparql::make_op(std::move(op));
}

sparql::OpPtr binary(OpKind kind, sparql::OpPtr a, sparql::OpPtr b) {
  Op op;
  op.kind = kind;
  op.children = {std::move(a), std::move(b)};
  return sparql::make_op(std::move(op));
}

sparql::ExprPtr var_expr(const char* name) {
  Expr e;
  e.kind = ExprKind::Variable;
  e.name = name;
  return sparql::make_expr(std::move(e));
}

Expected<QueryResult> select(const Dataset& data, sparql::OpPtr pattern,
                             std::vector<std::string> vars) {
  sparql::Query q;
  q.pattern = std::move(pattern);
  q.variables = std::move(vars);
  QueryDataset ds;
  ds.data = &data;
  return evaluate_query(q, ds);
}

const char* kData = R"(
ex:a ex:p ex:b . ex:b ex:p ex:b . ex:a ex:q 1 . ex:b ex:q 2 .
)";

TEST(EvaluatorAlgebraTest, BgpChecksRepeatedVariables) {
  TestDataset data(kData);
  auto r = select(data, bgp({{v("x"), c("p"), v("x")}}), {"x"});
  EXPECT_EQ(rows(r), (Rows{"x=<http://example.org/b>"}));
}

TEST(EvaluatorAlgebraTest, LeftJoinFilterOverMergedRow) {
  TestDataset data(kData);
  Op lj;
  lj.kind = OpKind::LeftJoin;
  lj.children = {bgp({{v("x"), c("p"), v("y")}}), bgp({{v("y"), c("q"), v("n")}})};
  Expr eq;
  eq.kind = ExprKind::Call;
  eq.function = functions::Function::Equal;
  eq.args = {var_expr("x"), var_expr("y")};
  lj.exprs = {sparql::make_expr(std::move(eq))};
  auto r = select(data, sparql::make_op(std::move(lj)), {"x", "y", "n"});
  EXPECT_EQ(rows(r), (Rows{"x=<http://example.org/a> y=<http://example.org/b>",
                           "x=<http://example.org/b> y=<http://example.org/b> n=\"2\"^^<http://"
                           "www.w3.org/2001/XMLSchema#integer>"}));
}

TEST(EvaluatorAlgebraTest, JoinOfMaterializedSidesWithOptionalValues) {
  TestDataset data(kData);
  // Values binds ?y on one row only; the join must still pair the row
  // leaving ?y unbound with every compatible right row.
  Op values;
  values.kind = OpKind::Values;
  values.variables = {"x", "y"};
  values.rows = {{iri("a"), std::nullopt}, {iri("b"), iri("a")}};
  Op u;
  u.kind = OpKind::Union;
  u.children = {bgp({{v("x"), c("p"), v("y")}}), bgp({{v("x"), c("q"), v("z")}})};
  auto join =
      binary(OpKind::Join, sparql::make_op(std::move(values)), sparql::make_op(std::move(u)));
  auto r = select(data, join, {"x", "y", "z"});
  EXPECT_EQ(rows(r), (Rows{"x=<http://example.org/a> y=<http://example.org/b>",
                           "x=<http://example.org/a> z=\"1\"^^<http://www.w3.org/2001/"
                           "XMLSchema#integer>",
                           "x=<http://example.org/b> y=<http://example.org/a> z=\"2\"^^<http://"
                           "www.w3.org/2001/XMLSchema#integer>"}));
}

TEST(EvaluatorAlgebraTest, FilterInsideOptionalIsScoped) {
  TestDataset data(kData);
  // ?x p ?y OPTIONAL { { ?y q ?n FILTER(bound(?x)) } }: ?x is unbound in the
  // inner group, so the optional part never matches.
  Expr bound;
  bound.kind = ExprKind::Call;
  bound.function = functions::Function::Bound;
  bound.args = {var_expr("x")};
  Op filter;
  filter.kind = OpKind::Filter;
  filter.children = {bgp({{v("y"), c("q"), v("n")}})};
  filter.exprs = {sparql::make_expr(std::move(bound))};
  auto lj =
      binary(OpKind::LeftJoin, bgp({{v("x"), c("p"), v("y")}}), sparql::make_op(std::move(filter)));
  EXPECT_EQ(rows(select(data, lj, {"x", "y", "n"})),
            (Rows{"x=<http://example.org/a> y=<http://example.org/b>",
                  "x=<http://example.org/b> y=<http://example.org/b>"}));
}

TEST(EvaluatorAlgebraTest, MinusWithoutSharedBindingsKeepsRows) {
  TestDataset data(kData);
  auto minus = binary(OpKind::Minus, bgp({{v("x"), c("q"), v("n")}}), sparql::make_op(Op{}));
  EXPECT_EQ(rows(select(data, minus, {"x"})).size(), 2u);
}

}  // namespace
}  // namespace quiver::eval::testing
