#include "optimizer/variables.hpp"

#include <algorithm>
#include <functional>

namespace quiver::optimizer {

using sparql::Expr;
using sparql::ExprKind;
using sparql::Op;
using sparql::OpKind;
using sparql::OpPtr;
using sparql::PatternTerm;

namespace {

void add_term(VarSet& vars, const PatternTerm& t) {
  if (t.is_variable) vars.insert(t.variable);
}

VarSet own_certain_variables(const Op& op, VariableMemo* memo);
VarSet own_possible_variables(const Op& op, VariableMemo* memo);

// Operators bound in every solution by whatever their first operand binds
// there, and no more.
bool keeps_first_operands_certain(const Op& op) {
  switch (op.kind) {
    case OpKind::LeftJoin:
    case OpKind::Minus:
    case OpKind::Filter:
    case OpKind::Extend:
    case OpKind::OrderBy:
    case OpKind::Distinct:
    case OpKind::Reduced:
    case OpKind::Slice:
      return true;
    default:
      return false;
  }
}

VarSet intersect(const VarSet& a, const VarSet& b) {
  VarSet out;
  std::set_intersection(a.begin(), a.end(), b.begin(), b.end(), std::inserter(out, out.end()));
  return out;
}

}  // namespace

bool is_subset(const VarSet& a, const VarSet& b) {
  return std::includes(b.begin(), b.end(), a.begin(), a.end());
}

VarSet expr_variables(const Expr& expr) {
  VarSet vars;
  if (expr.kind == ExprKind::Variable) vars.insert(expr.name);
  for (const auto& arg : expr.args) {
    if (arg) vars.merge(expr_variables(*arg));
  }
  if (expr.pattern) vars.merge(possible_variables(*expr.pattern));
  return vars;
}

bool has_exists(const Expr& expr) {
  if (expr.kind == ExprKind::Exists || expr.kind == ExprKind::NotExists) return true;
  return std::any_of(expr.args.begin(), expr.args.end(),
                     [](const auto& a) { return a && has_exists(*a); });
}

// Chains of these (a BIND after each other, filters, modifiers) are walked
// in a loop: a thousand levels of recursion with a set in every frame do
// not fit a sanitizer build's stack.
VarSet certain_variables(const Op& op, VariableMemo* memo) {
  const Op* at = &op;
  while (keeps_first_operands_certain(*at)) at = at->children[0].get();
  if (memo) {
    if (auto it = memo->certain.find(at); it != memo->certain.end()) return it->second;
  }
  VarSet vars = own_certain_variables(*at, memo);
  if (memo) memo->certain.emplace(at, vars);
  return vars;
}

VarSet possible_variables(const Op& op, VariableMemo* memo) {
  VarSet bound;  // by the Extends walked through
  const Op* at = &op;
  for (;; at = at->children[0].get()) {
    if (at->kind == OpKind::Extend) {
      bound.insert(at->variable);
    } else if (at->kind != OpKind::Minus &&
               !(keeps_first_operands_certain(*at) && at->children.size() == 1)) {
      break;
    }
  }
  VarSet vars;
  const auto known = memo ? memo->possible.find(at) : decltype(memo->possible.end()){};
  if (memo && known != memo->possible.end()) {
    vars = known->second;
  } else {
    vars = own_possible_variables(*at, memo);
    if (memo) memo->possible.emplace(at, vars);
  }
  vars.merge(bound);
  return vars;
}

namespace {

VarSet own_certain_variables(const Op& op, VariableMemo* memo) {
  VarSet vars;
  switch (op.kind) {
    case OpKind::Unit:
    case OpKind::Service:
      break;
    case OpKind::Bgp:
      for (const auto& t : op.triples) {
        add_term(vars, t.subject);
        add_term(vars, t.predicate);
        add_term(vars, t.object);
      }
      break;
    case OpKind::PathPattern:
      add_term(vars, op.subject);
      add_term(vars, op.object);
      break;
    case OpKind::Join:
      for (const auto& c : op.children) vars.merge(certain_variables(*c, memo));
      break;
    case OpKind::LeftJoin:  // walked through by certain_variables()
    case OpKind::Minus:
    case OpKind::Filter:
    case OpKind::Extend:
    case OpKind::OrderBy:
    case OpKind::Distinct:
    case OpKind::Reduced:
    case OpKind::Slice:
      vars = certain_variables(*op.children[0], memo);
      break;
    case OpKind::Union:
      vars = intersect(certain_variables(*op.children[0], memo),
                       certain_variables(*op.children[1], memo));
      break;
    case OpKind::Graph:
      vars = certain_variables(*op.children[0], memo);
      add_term(vars, op.graph);
      break;
    case OpKind::Values:
      for (std::size_t i = 0; i < op.variables.size(); ++i) {
        const bool always = std::all_of(op.rows.begin(), op.rows.end(),
                                        [&](const auto& row) { return row[i].has_value(); });
        if (always) vars.insert(op.variables[i]);
      }
      break;
    case OpKind::Group:
      // Plain `GROUP BY ?v` keys are bound when ?v is bound below.
      for (const auto& key : op.group_keys) {
        if (key.expr && key.expr->kind == ExprKind::Variable &&
            (key.variable.empty() || key.variable == key.expr->name)) {
          const VarSet below = certain_variables(*op.children[0], memo);
          if (below.count(key.expr->name)) vars.insert(key.expr->name);
        }
      }
      break;
    case OpKind::Project:
      vars = intersect(certain_variables(*op.children[0], memo),
                       VarSet(op.variables.begin(), op.variables.end()));
      break;
  }
  return vars;
}

// A leaf's variables, or what its children may bind: never
// certain_variables() of a whole subtree, which made this quadratic.
VarSet own_possible_variables(const Op& op, VariableMemo* memo) {
  VarSet vars;
  switch (op.kind) {
    case OpKind::Project:
      return VarSet(op.variables.begin(), op.variables.end());
    case OpKind::Values:
      return VarSet(op.variables.begin(), op.variables.end());
    case OpKind::Group:
      for (const auto& key : op.group_keys) {
        if (!key.variable.empty()) {
          vars.insert(key.variable);
        } else if (key.expr && key.expr->kind == ExprKind::Variable) {
          vars.insert(key.expr->name);
        }
      }
      for (const auto& agg : op.aggregates) vars.insert(agg.variable);
      return vars;
    case OpKind::Extend:
      vars = possible_variables(*op.children[0], memo);
      vars.insert(op.variable);
      return vars;
    case OpKind::Minus:
      return possible_variables(*op.children[0], memo);
    case OpKind::Graph:
    case OpKind::Service:
      vars = possible_variables(*op.children[0], memo);
      add_term(vars, op.graph);
      return vars;
    default:
      break;
  }
  if (op.children.empty()) return certain_variables(op);
  for (const auto& c : op.children) vars.merge(possible_variables(*c, memo));
  return vars;
}

}  // namespace

OpPtr map_children(const OpPtr& op, const std::function<OpPtr(const OpPtr&)>& f) {
  if (op->children.empty()) return op;
  std::vector<OpPtr> children;
  bool changed = false;
  for (const auto& c : op->children) {
    children.push_back(f(c));
    changed = changed || children.back() != c;
  }
  return changed ? sparql::with_children(*op, std::move(children)) : op;
}

OpPtr map_expressions(const OpPtr& op,
                      const std::function<sparql::ExprPtr(const sparql::ExprPtr&)>& f) {
  Op copy = *op;
  bool changed = false;
  const auto update = [&](sparql::ExprPtr& e) {
    sparql::ExprPtr mapped = f(e);
    changed = changed || mapped != e;
    e = std::move(mapped);
  };
  for (auto& e : copy.exprs) update(e);
  for (auto* list : {&copy.group_keys, &copy.aggregates}) {
    for (auto& b : *list) update(b.expr);
  }
  for (auto& c : copy.order) update(c.expr);
  return changed ? sparql::make_op(std::move(copy)) : op;
}

}  // namespace quiver::optimizer
