#pragma once
/// @file
/// Gives every variable a query mentions anywhere (patterns, expressions,
/// EXISTS, templates) a slot.

#include "eval/solution.hpp"
#include "sparql/algebra.hpp"

namespace quiver::eval {

/// The variable table of `query`.
VariableTable collect_variables(const sparql::Query& query);

}  // namespace quiver::eval
