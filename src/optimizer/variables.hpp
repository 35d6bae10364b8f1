#pragma once
// Which variables an operator or expression mentions, and which it binds in
// every solution: what makes a rewrite safe.

#include <set>
#include <string>
#include <unordered_map>

#include "sparql/algebra.hpp"

namespace quiver::optimizer {

using VarSet = std::set<std::string>;

/// Variables an expression reads (EXISTS patterns included).
VarSet expr_variables(const sparql::Expr& expr);
/// True when the expression contains EXISTS / NOT EXISTS, whose meaning
/// depends on every binding in scope: such filters are never moved.
bool has_exists(const sparql::Expr& expr);
/// The variable sets of the nodes of one algebra tree, kept while that tree
/// lives unchanged (the planner's): asked at every level of a chain, they
/// are computed once per node instead of once per node per level.
struct VariableMemo {
  /// certain_variables() of each node already asked.
  std::unordered_map<const sparql::Op*, VarSet> certain;
  /// possible_variables() of each node already asked.
  std::unordered_map<const sparql::Op*, VarSet> possible;
};

/// Variables bound in every solution of `op` (a safe under-approximation).
VarSet certain_variables(const sparql::Op& op, VariableMemo* memo = nullptr);
/// Variables that may be bound in some solution of `op`.
VarSet possible_variables(const sparql::Op& op, VariableMemo* memo = nullptr);

/// True when every element of `a` is in `b`.
bool is_subset(const VarSet& a, const VarSet& b);

/// Rebuilds `op` with its children replaced by `f(child)`; returns `op`
/// itself when no child changed.
sparql::OpPtr map_children(const sparql::OpPtr& op,
                           const std::function<sparql::OpPtr(const sparql::OpPtr&)>& f);
/// Rebuilds `op` with each of its own expressions (filters, bindings, group
/// keys, aggregates, order conditions) replaced by `f(expr)`; returns `op`
/// itself when none changed. The copy of `op` is made here, not in the
/// frames of a pass that recurses once per level.
sparql::OpPtr map_expressions(const sparql::OpPtr& op,
                              const std::function<sparql::ExprPtr(const sparql::ExprPtr&)>& f);

}  // namespace quiver::optimizer
