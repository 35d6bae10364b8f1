// Filter pushdown: a FILTER moves below a Join, LeftJoin (left side),
// Minus (left side), Extend, Graph or into both arms of a Union when every
// variable it reads is bound in every solution of the operand it moves to.
// Then it is evaluated on the operand's solutions exactly as it would have
// been on the joined ones (the variables it reads have the same values), so
// the meaning is kept; it just runs earlier on fewer rows. EXISTS filters
// see the whole solution and never move.

#include <functional>

#include "optimizer/optimizer.hpp"
#include "optimizer/variables.hpp"

namespace quiver::optimizer {

using sparql::ExprKind;
using sparql::ExprPtr;
using sparql::make_op;
using sparql::Op;
using sparql::OpKind;
using sparql::OpPtr;

namespace {

// Splits `a && b && c` into its conjuncts.
void conjuncts(const ExprPtr& e, std::vector<ExprPtr>& out) {
  if (sparql::is_call(*e, functions::Function::And) && e->args.size() == 2) {
    conjuncts(e->args[0], out);
    conjuncts(e->args[1], out);
  } else {
    out.push_back(e);
  }
}

OpPtr with_filters(const OpPtr& op, std::vector<ExprPtr> filters) {
  if (filters.empty()) return op;
  if (op->kind == OpKind::Filter) {
    Op merged = *op;
    merged.exprs.insert(merged.exprs.end(), filters.begin(), filters.end());
    return make_op(std::move(merged));
  }
  Op f;
  f.kind = OpKind::Filter;
  f.children = {op};
  f.exprs = std::move(filters);
  return make_op(std::move(f));
}

bool movable(const ExprPtr& e, const VarSet& bound) {
  return !has_exists(*e) && is_subset(expr_variables(*e), bound);
}

OpPtr push(const OpPtr& op);

// Pushes `filters` as deep into `op` as is safe; what cannot move stays on top.
OpPtr push_into(const OpPtr& op, std::vector<ExprPtr> filters) {
  std::vector<ExprPtr> stay;
  switch (op->kind) {
    case OpKind::Join: {
      std::vector<ExprPtr> left, right;
      const VarSet lv = certain_variables(*op->children[0]);
      const VarSet rv = certain_variables(*op->children[1]);
      for (auto& f : filters) {
        if (movable(f, lv)) {
          left.push_back(f);
        } else if (movable(f, rv)) {
          right.push_back(f);
        } else {
          stay.push_back(f);
        }
      }
      Op j = *op;
      j.children = {push_into(op->children[0], left), push_into(op->children[1], right)};
      return with_filters(make_op(std::move(j)), stay);
    }
    case OpKind::LeftJoin:
    case OpKind::Minus: {
      std::vector<ExprPtr> left;
      const VarSet lv = certain_variables(*op->children[0]);
      for (auto& f : filters) (movable(f, lv) ? left : stay).push_back(f);
      Op j = *op;
      j.children = {push_into(op->children[0], left), push(op->children[1])};
      return with_filters(make_op(std::move(j)), stay);
    }
    case OpKind::Union: {
      Op u = *op;
      u.children = {push_into(op->children[0], filters), push_into(op->children[1], filters)};
      return make_op(std::move(u));
    }
    case OpKind::Filter: {
      std::vector<ExprPtr> all = filters;
      all.insert(all.end(), op->exprs.begin(), op->exprs.end());
      return push_into(op->children[0], all);
    }
    case OpKind::Extend: {
      std::vector<ExprPtr> down;
      const VarSet below = certain_variables(*op->children[0]);
      for (auto& f : filters) {
        const bool reads_new = expr_variables(*f).count(op->variable) > 0;
        (!reads_new && movable(f, below) ? down : stay).push_back(f);
      }
      Op e = *op;
      e.children = {push_into(op->children[0], down)};
      return with_filters(make_op(std::move(e)), stay);
    }
    case OpKind::Graph: {
      std::vector<ExprPtr> down;
      const VarSet inside = certain_variables(*op->children[0]);
      for (auto& f : filters) (movable(f, inside) ? down : stay).push_back(f);
      Op g = *op;
      g.children = {push_into(op->children[0], down)};
      return with_filters(make_op(std::move(g)), stay);
    }
    default:
      return with_filters(push(op), filters);
  }
}

OpPtr push(const OpPtr& op) {
  switch (op->kind) {
    case OpKind::Filter: {
      std::vector<ExprPtr> parts;
      for (const auto& e : op->exprs) conjuncts(e, parts);
      return push_into(op->children[0], parts);
    }
    default:
      return map_children(op, push);
  }
}

}  // namespace

OpPtr push_filters(const OpPtr& op, const PassContext&) { return push(op); }

}  // namespace quiver::optimizer
