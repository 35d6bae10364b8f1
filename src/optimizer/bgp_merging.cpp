// BGP merging: Join(BGP, BGP) is the BGP of both triple sets (SPARQL 1.1
// 18.2.2.6 builds joins of adjacent group elements; the parser rejects
// blank node labels shared across them, so merging cannot conflate two
// different blank-node variables). Join with the empty group is the other
// operand. Merged BGPs give join ordering more patterns to choose from.

#include "optimizer/optimizer.hpp"
#include "optimizer/variables.hpp"

namespace quiver::optimizer {

using sparql::make_op;
using sparql::Op;
using sparql::OpKind;
using sparql::OpPtr;

namespace {

// Out of merge() so that its recursion keeps no Op in every frame.
[[gnu::noinline]] OpPtr both_bgps(const Op& left, const Op& right) {
  Op bgp = left;
  bgp.triples.insert(bgp.triples.end(), right.triples.begin(), right.triples.end());
  return make_op(std::move(bgp));
}

OpPtr merge(const OpPtr& op) {
  OpPtr rebuilt = map_children(op, merge);
  if (rebuilt->kind != OpKind::Join) return rebuilt;
  const OpPtr& left = rebuilt->children[0];
  const OpPtr& right = rebuilt->children[1];
  if (left->kind == OpKind::Unit) return right;
  if (right->kind == OpKind::Unit) return left;
  if (left->kind == OpKind::Bgp && right->kind == OpKind::Bgp) return both_bgps(*left, *right);
  return rebuilt;
}

}  // namespace

OpPtr merge_bgps(const OpPtr& op, const PassContext&) { return merge(op); }

}  // namespace quiver::optimizer
