// Constant folding: an expression whose arguments are all constants is
// computed once at plan time with the same functions the evaluator uses, so
// `FILTER(?x > 2 * 3)` compares against 6 on every row. Functions that give
// a new value per call (RAND, NOW, UUID, STRUUID, BNODE) are left alone, and
// so is anything whose value is an error: the evaluator must see the error
// where the spec puts it. IRI() resolves against the query's BASE, as the
// evaluator's would.

#include <string_view>

#include "functions/operators.hpp"
#include "functions/registry.hpp"
#include "optimizer/optimizer.hpp"
#include "optimizer/variables.hpp"

namespace quiver::optimizer {

using sparql::Expr;
using sparql::ExprKind;
using sparql::ExprPtr;
using sparql::make_expr;
using sparql::Op;
using sparql::OpPtr;

namespace {

bool is_volatile(std::string_view name) {
  return name == "RAND" || name == "NOW" || name == "UUID" || name == "STRUUID" || name == "BNODE";
}

functions::Value compute(const Expr& e, const std::vector<functions::Value>& args,
                         const PassContext& context) {
  functions::FunctionContext ctx;
  ctx.base_iri = context.base_iri;
  switch (e.kind) {
    case ExprKind::Equal:
    case ExprKind::NotEqual:
    case ExprKind::Less:
    case ExprKind::Greater:
    case ExprKind::LessEqual:
    case ExprKind::GreaterEqual:
      return functions::compare(sparql::operator_symbol(e.kind), *args[0], *args[1]);
    case ExprKind::Add:
    case ExprKind::Subtract:
    case ExprKind::Multiply:
    case ExprKind::Divide:
      return functions::arithmetic(sparql::operator_symbol(e.kind), *args[0], *args[1]);
    case ExprKind::UnaryPlus:
    case ExprKind::UnaryMinus:
      return functions::unary(sparql::operator_symbol(e.kind), *args[0]);
    case ExprKind::Function:
      if (is_volatile(e.name) || e.name == "BOUND" || e.name == "IF" || e.name == "COALESCE") {
        return std::nullopt;
      }
      return functions::call_builtin(e.name, args, ctx);
    case ExprKind::IriFunction:
      return functions::call_iri_function(e.name, args, ctx);
    default:
      return std::nullopt;
  }
}

ExprPtr fold(const ExprPtr& e, const PassContext& context) {
  if (!e || e->kind == ExprKind::Constant || e->kind == ExprKind::Variable) return e;
  Expr copy = *e;
  bool changed = false;
  bool all_constant = !copy.args.empty();
  for (auto& arg : copy.args) {
    ExprPtr folded = fold(arg, context);
    changed = changed || folded != arg;
    arg = folded;
    all_constant = all_constant && arg && arg->kind == ExprKind::Constant;
  }
  if (all_constant) {
    std::vector<functions::Value> values;
    for (const auto& arg : copy.args) values.emplace_back(arg->constant);
    const bool binary = e->kind >= ExprKind::Equal && e->kind <= ExprKind::Divide;
    if (!binary || values.size() == 2) {
      if (functions::Value v = compute(copy, values, context)) {
        Expr constant;
        constant.kind = ExprKind::Constant;
        constant.constant = std::move(*v);
        return make_expr(std::move(constant));
      }
    }
  }
  return changed ? make_expr(std::move(copy)) : e;
}

OpPtr fold_op(const OpPtr& op, const PassContext& context) {
  OpPtr rebuilt = map_children(op, [&](const OpPtr& child) { return fold_op(child, context); });
  bool changed = rebuilt != op;
  Op copy = *rebuilt;
  for (auto& e : copy.exprs) {
    ExprPtr folded = fold(e, context);
    changed = changed || folded != e;
    e = folded;
  }
  for (auto* list : {&copy.group_keys, &copy.aggregates}) {
    for (auto& b : *list) {
      ExprPtr folded = fold(b.expr, context);
      changed = changed || folded != b.expr;
      b.expr = folded;
    }
  }
  for (auto& c : copy.order) {
    ExprPtr folded = fold(c.expr, context);
    changed = changed || folded != c.expr;
    c.expr = folded;
  }
  return changed ? sparql::make_op(std::move(copy)) : rebuilt;
}

}  // namespace

OpPtr fold_constants(const OpPtr& op, const PassContext& context) { return fold_op(op, context); }

}  // namespace quiver::optimizer
