// Constant folding: a call whose arguments are all constants is computed
// once at plan time with the registry's implementation, the one the
// evaluator calls, so `FILTER(?x > 2 * 3)` compares against 6 on every row.
// Left alone: volatile functions (a new value per call or per query), the
// special forms (the evaluator's own), and any call whose value is an
// error, which the evaluator must see where the spec puts it. IRI()
// resolves against the query's BASE, as the evaluator's would.

#include <vector>

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

// A plan keeps its constants: larger ones stay calls.
constexpr std::size_t kMaxFoldedString = std::size_t{1} << 20;

bool foldable(const Expr& call) {
  if (call.kind != ExprKind::Call) return false;
  const functions::FunctionInfo& info = functions::function_info(call.function);
  return !info.special && !functions::is_volatile(call.function);
}

// Out of line: a FunctionContext holds a random engine of some kilobytes,
// which must not sit in every frame of fold()'s recursion.
[[gnu::noinline]] functions::Value compute(const Expr& call, const PassContext& context) {
  std::vector<Term> values;
  for (const auto& arg : call.args) values.push_back(arg->constant);
  functions::FunctionContext ctx;
  ctx.base_iri = context.base_iri;
  functions::Value v = functions::call_builtin(call.function, values, ctx);
  // A limit met here (a runaway REGEX) or a huge constant (a CONCAT chain)
  // is left to the evaluator, which stops the query with the error.
  if (ctx.fatal || (v && v->value().size() > kMaxFoldedString)) return std::nullopt;
  return v;
}

ExprPtr fold(const ExprPtr& e, const PassContext& context) {
  if (!e || e->kind == ExprKind::Constant || e->kind == ExprKind::Variable) return e;
  Expr copy = *e;
  bool changed = false;
  bool all_constant = true;
  for (auto& arg : copy.args) {
    ExprPtr folded = fold(arg, context);
    changed = changed || folded != arg;
    arg = folded;
    all_constant = all_constant && arg && arg->kind == ExprKind::Constant;
  }
  if (all_constant && foldable(copy)) {
    if (functions::Value v = compute(copy, context)) {
      Expr constant;
      constant.kind = ExprKind::Constant;
      constant.constant = std::move(*v);
      return make_expr(std::move(constant));
    }
  }
  return changed ? make_expr(std::move(copy)) : e;
}

OpPtr fold_op(const OpPtr& op, const PassContext& context) {
  return map_expressions(
      map_children(op, [&](const OpPtr& child) { return fold_op(child, context); }),
      [&](const ExprPtr& e) { return fold(e, context); });
}

}  // namespace

OpPtr fold_constants(const OpPtr& op, const PassContext& context) { return fold_op(op, context); }

}  // namespace quiver::optimizer
