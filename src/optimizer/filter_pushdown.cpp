// Filter pushdown: a FILTER moves below a Join, LeftJoin (left side),
// Minus (left side), Extend, Graph or into both arms of a Union when every
// variable it reads is bound in every solution of the operand it moves to.
// Then it is evaluated on the operand's solutions exactly as it would have
// been on the joined ones (the variables it reads have the same values), so
// the meaning is kept; it just runs earlier on fewer rows. EXISTS filters
// see the whole solution and never move.

#include <functional>
#include <string>
#include <vector>

#include "optimizer/optimizer.hpp"
#include "optimizer/variables.hpp"

namespace quiver::optimizer {

using sparql::ExprKind;
using sparql::ExprPtr;
using sparql::make_op;
using sparql::Op;
using sparql::OpKind;
using sparql::OpPtr;
using sparql::with_children;

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
OpPtr push_into(const OpPtr& op, std::vector<ExprPtr> filters);

// Each case below is its own function so that push_into()'s recursion,
// one level per operator, carries only its own few locals: chains a
// thousand operators deep must fit a sanitizer build's stack.

// Moves into `down` the filters that can go below into `operand`; the rest
// go to `stay`.
void split(std::vector<ExprPtr>& filters, const Op& operand, std::vector<ExprPtr>& down,
           std::vector<ExprPtr>& stay, const std::string* introduced = nullptr) {
  const VarSet bound = certain_variables(operand);
  for (auto& f : filters) {
    const bool reads_new = introduced && expr_variables(*f).count(*introduced) > 0;
    (!reads_new && movable(f, bound) ? down : stay).push_back(std::move(f));
  }
}

OpPtr push_into_join(const OpPtr& op, std::vector<ExprPtr> filters) {
  std::vector<ExprPtr> left, either, right, stay;
  split(filters, *op->children[0], left, either);
  split(either, *op->children[1], right, stay);
  return with_filters(with_children(*op, {push_into(op->children[0], std::move(left)),
                                          push_into(op->children[1], std::move(right))}),
                      std::move(stay));
}

// LeftJoin and Minus: only into the left side.
OpPtr push_into_left(const OpPtr& op, std::vector<ExprPtr> filters) {
  std::vector<ExprPtr> left, stay;
  split(filters, *op->children[0], left, stay);
  return with_filters(
      with_children(*op, {push_into(op->children[0], std::move(left)), push(op->children[1])}),
      std::move(stay));
}

// Extend (a filter reading the variable it binds stays above) and Graph.
OpPtr push_into_unary(const OpPtr& op, std::vector<ExprPtr> filters) {
  std::vector<ExprPtr> down, stay;
  split(filters, *op->children[0], down, stay,
        op->kind == OpKind::Extend ? &op->variable : nullptr);
  return with_filters(with_children(*op, {push_into(op->children[0], std::move(down))}),
                      std::move(stay));
}

// Pushes `filters` as deep into `op` as is safe; what cannot move stays on top.
OpPtr push_into(const OpPtr& op, std::vector<ExprPtr> filters) {
  switch (op->kind) {
    case OpKind::Join:
      return push_into_join(op, std::move(filters));
    case OpKind::LeftJoin:
    case OpKind::Minus:
      return push_into_left(op, std::move(filters));
    case OpKind::Union:
      return with_children(
          *op, {push_into(op->children[0], filters), push_into(op->children[1], filters)});
    case OpKind::Filter:
      filters.insert(filters.end(), op->exprs.begin(), op->exprs.end());
      return push_into(op->children[0], std::move(filters));
    case OpKind::Extend:
    case OpKind::Graph:
      return push_into_unary(op, std::move(filters));
    default:
      return with_filters(push(op), std::move(filters));
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
