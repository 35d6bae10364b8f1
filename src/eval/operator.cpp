// make_operator() and what every operator shares: its executed tree and
// its row counts.

#include "eval/exists.hpp"
#include "eval/operators.hpp"

namespace quiver::eval {

std::vector<Slot> slots_of(const EvalContext& ctx, const std::vector<std::string>& names) {
  std::vector<Slot> out;
  out.reserve(names.size());
  for (const auto& n : names) out.push_back(ctx.vars().find(n));
  return out;
}

Slot variable_slot(const EvalContext& ctx, const sparql::Expr& expr) {
  return expr.kind == sparql::ExprKind::Variable ? ctx.vars().find(expr.name) : kComputedSlot;
}

std::string slot_names(const EvalContext& ctx, const std::vector<Slot>& slots) {
  std::string out;
  for (Slot s : slots) out += " ?" + (s == kNoSlot ? std::string("?") : ctx.vars().name(s));
  return out;
}

plan::Shape Operator::executed() const {
  plan::Shape out;
  out.node = &node_;
  out.line = plan::describe(node_);
  for (const Operator* child : inputs()) out.children.push_back(child->executed());
  if (const ExistsRunner* exists = exists_runner()) out.exists = exists->executed();
  return out;
}

void Operator::count(plan::Counts& counts) const {
  counts.rows[&node_] += produced_;
  for (const Operator* child : inputs()) child->count(counts);
  if (const ExistsRunner* exists = exists_runner()) exists->count(counts);
}

std::unique_ptr<Operator> make_operator(EvalContext& ctx, const plan::Node& node) {
  using plan::JoinAlgorithm;
  using plan::NodeKind;
  switch (node.kind) {
    case NodeKind::Unit:
    case NodeKind::Values:
      return make_leaf(ctx, node);
    case NodeKind::Service:
      return make_service(ctx, node);
    case NodeKind::Bgp:
      return make_bgp(ctx, node);
    case NodeKind::Path:
      return make_path(ctx, node);
    case NodeKind::Join:
    case NodeKind::LeftJoin:
      return node.algorithm == JoinAlgorithm::Bind ? make_bind_join(ctx, node)
                                                   : make_hash_join(ctx, node);
    case NodeKind::Minus:
      return make_hash_join(ctx, node);
    case NodeKind::Filter:
    case NodeKind::Extend:
      return make_filter(ctx, node);
    case NodeKind::Union:
    case NodeKind::Graph:
      return make_union_or_graph(ctx, node);
    case NodeKind::Group:
      return make_group(ctx, node);
    case NodeKind::OrderBy:
      return make_order_by(ctx, node);
    case NodeKind::Project:
    case NodeKind::Distinct:
    case NodeKind::Reduced:
    case NodeKind::Slice:
      return make_modifier(ctx, node);
  }
  return make_leaf(ctx, node);
}

}  // namespace quiver::eval
