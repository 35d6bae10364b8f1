#include "sparql/substitute.hpp"

#include <utility>
#include <vector>

namespace quiver::sparql {
namespace {

// The algebra's height is bounded by the parser (kMaxHeight), so the
// recursion below is too.

bool replace(PatternTerm& t, const Substitution& values) {
  if (!t.is_variable) return false;
  const auto it = values.find(t.variable);
  if (it == values.end()) return false;
  t = PatternTerm::constant(it->second);
  return true;
}

ExprPtr substitute_expr(const ExprPtr& e, const Substitution& values) {
  if (!e) return e;
  if (e->kind == ExprKind::Variable) {
    const auto it = values.find(e->name);
    if (it == values.end()) return e;
    Expr constant;
    constant.kind = ExprKind::Constant;
    constant.constant = it->second;
    return make_expr(std::move(constant));
  }
  if (is_call(*e, functions::Function::Bound) && e->args.size() == 1 &&
      e->args[0]->kind == ExprKind::Variable && values.count(e->args[0]->name) != 0) {
    Expr yes;
    yes.kind = ExprKind::Constant;
    yes.constant = Term::literal("true", "http://www.w3.org/2001/XMLSchema#boolean");
    return make_expr(std::move(yes));
  }
  Expr copy = *e;
  for (auto& arg : copy.args) arg = substitute_expr(arg, values);
  if (copy.pattern) copy.pattern = substitute(copy.pattern, values);
  return make_expr(std::move(copy));
}

}  // namespace

OpPtr substitute(const OpPtr& op, const Substitution& values) {
  if (!op) return op;
  Op copy = *op;
  for (auto& child : copy.children) child = substitute(child, values);
  for (auto& t : copy.triples) {
    replace(t.subject, values);
    replace(t.predicate, values);
    replace(t.object, values);
  }
  replace(copy.subject, values);
  replace(copy.object, values);
  if (copy.kind == OpKind::Graph) replace(copy.graph, values);
  for (auto& e : copy.exprs) e = substitute_expr(e, values);
  for (auto& b : copy.group_keys) b.expr = substitute_expr(b.expr, values);
  for (auto& b : copy.aggregates) b.expr = substitute_expr(b.expr, values);
  for (auto& c : copy.order) c.expr = substitute_expr(c.expr, values);
  return make_op(std::move(copy));
}

}  // namespace quiver::sparql
