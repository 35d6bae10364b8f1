#include "eval/expression.hpp"

#include <string_view>

#include "eval/exists.hpp"
#include "functions/operators.hpp"
#include "functions/registry.hpp"

namespace quiver::eval {
namespace {

using sparql::Expr;
using sparql::ExprKind;

const Term& boolean_term(bool b) {
  static const Term kTrue = Term::literal("true", vocab::kXsdBoolean);
  static const Term kFalse = Term::literal("false", vocab::kXsdBoolean);
  return b ? kTrue : kFalse;
}

std::optional<bool> ebv(EvalContext& ctx, const Expr& expr, const TermId* row) {
  Value v = eval_expr(ctx, expr, row);
  if (!v) return std::nullopt;
  return functions::effective_boolean_value(*v);
}

Value eval_variable(EvalContext& ctx, const Expr& expr, const TermId* row) {
  Slot slot = ctx.vars().find(expr.name);
  if (slot == kNoSlot || row[slot] == kAnyTerm) return std::nullopt;
  return ctx.decode(row[slot]);
}

// SPARQL's three-valued logic: an error only matters when the other
// operand does not decide the result (17.2).
Value eval_logical(EvalContext& ctx, const Expr& expr, const TermId* row) {
  bool is_or = expr.kind == ExprKind::Or;
  bool error = false;
  for (const auto& arg : expr.args) {
    std::optional<bool> b = ebv(ctx, *arg, row);
    if (!b) {
      error = true;
    } else if (*b == is_or) {
      return boolean_term(is_or);
    }
  }
  if (error) return std::nullopt;
  return boolean_term(!is_or);
}

// IN is a disjunction of `=`: a match wins over errors, errors over false.
Value eval_in(EvalContext& ctx, const Expr& expr, const TermId* row) {
  if (expr.args.empty()) return std::nullopt;
  Value left = eval_expr(ctx, *expr.args[0], row);
  if (!left) return std::nullopt;
  bool error = false;
  for (std::size_t i = 1; i < expr.args.size(); ++i) {
    Value right = eval_expr(ctx, *expr.args[i], row);
    Value eq = right ? functions::compare("=", *left, *right) : std::nullopt;
    std::optional<bool> b = eq ? functions::effective_boolean_value(*eq) : std::nullopt;
    if (!b) {
      error = true;
    } else if (*b) {
      return boolean_term(expr.kind == ExprKind::In);
    }
  }
  if (error) return std::nullopt;
  return boolean_term(expr.kind == ExprKind::NotIn);
}

// EXISTS substitutes the row's bindings into the pattern (18.6): the
// pattern's own plan, held by the operator evaluating the expression, runs
// with the row as its seed.
Value eval_exists(EvalContext& ctx, const Expr& expr, const TermId* row) {
  if (!expr.pattern || !ctx.exists()) return std::nullopt;
  const std::optional<bool> found = ctx.exists()->test(expr, row);
  if (!found) return std::nullopt;
  return boolean_term(*found != (expr.kind == ExprKind::NotExists));
}

Value eval_function(EvalContext& ctx, const Expr& expr, const TermId* row) {
  const std::string& name = expr.name;
  if (name == "BOUND") {
    if (expr.args.size() != 1 || expr.args[0]->kind != ExprKind::Variable) return std::nullopt;
    Slot slot = ctx.vars().find(expr.args[0]->name);
    return boolean_term(slot != kNoSlot && row[slot] != kAnyTerm);
  }
  if (name == "IF") {
    if (expr.args.size() != 3) return std::nullopt;
    std::optional<bool> cond = ebv(ctx, *expr.args[0], row);
    if (!cond) return std::nullopt;
    return eval_expr(ctx, *expr.args[*cond ? 1 : 2], row);
  }
  if (name == "COALESCE") {
    for (const auto& arg : expr.args) {
      Value v = eval_expr(ctx, *arg, row);
      if (v) return v;
    }
    return std::nullopt;
  }
  std::vector<Value> args;
  args.reserve(expr.args.size());
  for (const auto& arg : expr.args) args.push_back(eval_expr(ctx, *arg, row));
  if (expr.kind == ExprKind::IriFunction)
    return functions::call_iri_function(name, args, ctx.functions());
  return functions::call_builtin(name, args, ctx.functions());
}

}  // namespace

Value eval_expr(EvalContext& ctx, const Expr& expr, const TermId* row) {
  switch (expr.kind) {
    case ExprKind::Constant:
      return expr.constant;
    case ExprKind::Variable:
      return eval_variable(ctx, expr, row);
    case ExprKind::Or:
    case ExprKind::And:
      return eval_logical(ctx, expr, row);
    case ExprKind::Not: {
      if (expr.args.size() != 1) return std::nullopt;
      std::optional<bool> b = ebv(ctx, *expr.args[0], row);
      if (!b) return std::nullopt;
      return boolean_term(!*b);
    }
    case ExprKind::Equal:
    case ExprKind::NotEqual:
    case ExprKind::Less:
    case ExprKind::Greater:
    case ExprKind::LessEqual:
    case ExprKind::GreaterEqual:
    case ExprKind::Add:
    case ExprKind::Subtract:
    case ExprKind::Multiply:
    case ExprKind::Divide: {
      if (expr.args.size() != 2) return std::nullopt;
      Value left = eval_expr(ctx, *expr.args[0], row);
      if (!left) return std::nullopt;
      Value right = eval_expr(ctx, *expr.args[1], row);
      if (!right) return std::nullopt;
      std::string_view op = sparql::operator_symbol(expr.kind);
      bool is_comparison = expr.kind <= ExprKind::GreaterEqual;
      return is_comparison ? functions::compare(op, *left, *right)
                           : functions::arithmetic(op, *left, *right);
    }
    case ExprKind::UnaryPlus:
    case ExprKind::UnaryMinus: {
      if (expr.args.size() != 1) return std::nullopt;
      Value operand = eval_expr(ctx, *expr.args[0], row);
      if (!operand) return std::nullopt;
      return functions::unary(sparql::operator_symbol(expr.kind), *operand);
    }
    case ExprKind::In:
    case ExprKind::NotIn:
      return eval_in(ctx, expr, row);
    case ExprKind::Function:
    case ExprKind::IriFunction:
      return eval_function(ctx, expr, row);
    case ExprKind::Exists:
    case ExprKind::NotExists:
      return eval_exists(ctx, expr, row);
    case ExprKind::Aggregate:
      // Aggregates are computed by Group, never row by row.
      return std::nullopt;
  }
  return std::nullopt;
}

bool eval_condition(EvalContext& ctx, const Expr& expr, const TermId* row) {
  std::optional<bool> b = ebv(ctx, expr, row);
  return b && *b;
}

bool eval_conjunction(EvalContext& ctx, const std::vector<sparql::ExprPtr>& exprs,
                      const TermId* row) {
  if (!ctx.functions().bnode_labels.empty()) ctx.functions().bnode_labels.clear();
  for (const auto& e : exprs) {
    if (!eval_condition(ctx, *e, row)) return false;
  }
  return true;
}

}  // namespace quiver::eval
