// The SSE printer on hand-built algebra: forms the parser does not make
// itself, the indented form and annotations.

#include "sparql/printer.hpp"

#include <gtest/gtest.h>

#include "sparql/parser.hpp"

namespace quiver::sparql {
namespace {

OpPtr bgp(std::string s, std::string p, std::string o) {
  Op op;
  op.kind = OpKind::Bgp;
  op.triples.push_back({PatternTerm::var(std::move(s)), PatternTerm::constant(Term::iri(p)),
                        PatternTerm::var(std::move(o))});
  return make_op(std::move(op));
}

TEST(Printer, Terms) {
  EXPECT_EQ(to_sse(PatternTerm::var("x")), "?x");
  EXPECT_EQ(to_sse(PatternTerm::constant(Term::iri("http://a"))), "<http://a>");
  EXPECT_EQ(to_sse(PatternTerm::constant(Term::blank("b0"))), "_:b0");
  const std::string xsd = "http://www.w3.org/2001/XMLSchema#";
  EXPECT_EQ(to_sse(PatternTerm::constant(Term::literal("12", xsd + "integer"))), "12");
  EXPECT_EQ(to_sse(PatternTerm::constant(Term::literal("1.5", xsd + "decimal"))), "1.5");
  EXPECT_EQ(to_sse(PatternTerm::constant(Term::literal("1.5e0", xsd + "double"))), "1.5e0");
  // Lexical forms that would read back differently stay quoted.
  EXPECT_EQ(to_sse(PatternTerm::constant(Term::literal("1.5", xsd + "double"))),
            "\"1.5\"^^<http://www.w3.org/2001/XMLSchema#double>");
  EXPECT_EQ(to_sse(PatternTerm::constant(Term::literal("x", xsd + "integer"))),
            "\"x\"^^<http://www.w3.org/2001/XMLSchema#integer>");
  EXPECT_EQ(to_sse(PatternTerm::constant(Term::literal("a\"b", "", "en"))), "\"a\\\"b\"@en");
}

TEST(Printer, Operators) {
  Op slice;
  slice.kind = OpKind::Slice;
  slice.offset = 10;
  slice.children = {bgp("s", "http://p", "o")};
  EXPECT_EQ(to_sse(*make_op(slice)), "(slice 10 _ (bgp (triple ?s <http://p> ?o)))");

  Op left_join;
  left_join.kind = OpKind::LeftJoin;
  left_join.children = {bgp("s", "http://p", "o"), bgp("s", "http://q", "z")};
  Expr bound;
  bound.kind = ExprKind::Call;
  bound.function = functions::Function::Bound;
  Expr var;
  var.kind = ExprKind::Variable;
  var.name = "z";
  bound.args = {make_expr(var)};
  left_join.exprs = {make_expr(bound), make_expr(var)};
  EXPECT_EQ(to_sse(*make_op(left_join)),
            "(leftjoin (bgp (triple ?s <http://p> ?o)) (bgp (triple ?s <http://q> ?z)) "
            "(exprlist (bound ?z) ?z))");
}

TEST(Printer, IndentedWithAnnotations) {
  const auto q =
      parse_query("SELECT ?s { ?s <http://p> ?o FILTER(?o > 1) OPTIONAL { ?o <http://q> ?z } }");
  ASSERT_TRUE(q.ok());
  SseOptions options;
  options.indent = true;
  options.annotate = [](const Op& op) {
    return op.kind == OpKind::Bgp ? std::string("; rows=" + std::to_string(op.triples.size()))
                                  : std::string();
  };
  EXPECT_EQ(to_sse(*q->pattern, options),
            "(project (?s)\n"
            "  (filter (> ?o 1)\n"
            "    (leftjoin\n"
            "      (bgp ; rows=1 (triple ?s <http://p> ?o))\n"
            "      (bgp ; rows=1 (triple ?o <http://q> ?z)))))");
}

TEST(Printer, Deterministic) {
  const char* text =
      "SELECT (COUNT(DISTINCT ?o) AS ?n) { ?s <http://p>/<http://q>* ?o } GROUP BY ?s";
  const auto a = parse_query(text);
  const auto b = parse_query(text);
  ASSERT_TRUE(a.ok() && b.ok());
  EXPECT_EQ(to_sse(*a), to_sse(*b));
}

}  // namespace
}  // namespace quiver::sparql
