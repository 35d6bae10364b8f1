#include "eval/expression.hpp"

#include <array>

#include "eval/exists.hpp"
#include "functions/registry.hpp"
#include "functions/value.hpp"

namespace quiver::eval {
namespace {

using functions::Function;
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
  const bool is_or = expr.function == Function::Or;
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
    Value eq = right ? functions::compare(Function::Equal, *left, *right) : std::nullopt;
    std::optional<bool> b = eq ? functions::effective_boolean_value(*eq) : std::nullopt;
    if (!b) {
      error = true;
    } else if (*b) {
      return boolean_term(expr.function == Function::In);
    }
  }
  if (error) return std::nullopt;
  return boolean_term(expr.function == Function::NotIn);
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

// The forms that do not evaluate every argument first (17.4.1).
Value eval_special_form(EvalContext& ctx, const Expr& expr, const TermId* row) {
  switch (expr.function) {
    case Function::Or:
    case Function::And:
      return eval_logical(ctx, expr, row);
    case Function::In:
    case Function::NotIn:
      return eval_in(ctx, expr, row);
    case Function::Bound: {
      if (expr.args.size() != 1 || expr.args[0]->kind != ExprKind::Variable) return std::nullopt;
      Slot slot = ctx.vars().find(expr.args[0]->name);
      return boolean_term(slot != kNoSlot && row[slot] != kAnyTerm);
    }
    case Function::If: {
      if (expr.args.size() != 3) return std::nullopt;
      std::optional<bool> cond = ebv(ctx, *expr.args[0], row);
      if (!cond) return std::nullopt;
      return eval_expr(ctx, *expr.args[*cond ? 1 : 2], row);
    }
    case Function::Coalesce:
      for (const auto& arg : expr.args) {
        Value v = eval_expr(ctx, *arg, row);
        if (v) return v;
      }
      return std::nullopt;
    default:
      return std::nullopt;
  }
}

// Longer than any literal a query has reason to compute.
constexpr std::size_t kMaxComputedString = std::size_t{64} << 20;

// Calls the registry's implementation. Every function that is not a special
// form is strict, so the first error argument is the call's value; the
// arguments of the common calls stay on the stack.
Value eval_call(EvalContext& ctx, const Expr& expr, const TermId* row) {
  if (functions::function_info(expr.function).special) return eval_special_form(ctx, expr, row);
  constexpr std::size_t kOnStack = 4;
  const std::size_t n = expr.args.size();
  std::array<Term, kOnStack> on_stack;
  std::vector<Term> on_heap(n > kOnStack ? n : 0);
  Term* args = n > kOnStack ? on_heap.data() : on_stack.data();
  for (std::size_t i = 0; i < n; ++i) {
    Value v = eval_expr(ctx, *expr.args[i], row);
    if (!v) return std::nullopt;
    args[i] = std::move(*v);
  }
  Value out = functions::call_builtin(expr.function, functions::Args(args, n), ctx.functions());
  if (auto& fatal = ctx.functions().fatal) {
    ctx.fail(std::move(*fatal));
    fatal.reset();
    return std::nullopt;
  }
  // Each call may multiply its input's length (CONCAT of a value with
  // itself, ENCODE_FOR_URI): a chain of them must stop at a clear error,
  // not at the end of the machine's memory.
  if (out && out->value().size() > kMaxComputedString) {
    ctx.fail(Error{ErrorKind::Limit, "a computed string is longer than " +
                                         std::to_string(kMaxComputedString >> 20) +
                                         " MiB: the query stops"});
    return std::nullopt;
  }
  return out;
}

}  // namespace

Value eval_expr(EvalContext& ctx, const Expr& expr, const TermId* row) {
  switch (expr.kind) {
    case ExprKind::Constant:
      return expr.constant;
    case ExprKind::Variable:
      return eval_variable(ctx, expr, row);
    case ExprKind::Call:
      return eval_call(ctx, expr, row);
    case ExprKind::IriFunction:
      // No extension functions are known: calling one is an error.
      return std::nullopt;
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
