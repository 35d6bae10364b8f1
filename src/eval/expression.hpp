#pragma once
/// @file
/// Evaluates SPARQL expressions over one solution row (17, 18.5):
/// the special forms (logical operators with their error rules, BOUND, IF,
/// COALESCE, IN, EXISTS) here, everything else through the functions library.

#include "eval/eval_context.hpp"
#include "sparql/algebra.hpp"

namespace quiver::eval {

/// The value of `expr` over `row`; nullopt for an expression error.
Value eval_expr(EvalContext& ctx, const sparql::Expr& expr, const TermId* row);

/// The effective boolean value of `expr` over `row`; an error counts as false.
bool eval_condition(EvalContext& ctx, const sparql::Expr& expr, const TermId* row);

/// True when every expression of `exprs` holds (errors are false).
bool eval_conjunction(EvalContext& ctx, const std::vector<sparql::ExprPtr>& exprs,
                      const TermId* row);

}  // namespace quiver::eval
