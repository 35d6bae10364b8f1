// Rough cardinalities for join ordering and --explain. Only the BGP figures
// come from the data; the operator rules are the usual textbook guesses.

#include <algorithm>
#include <cmath>

#include "optimizer/optimizer.hpp"
#include "optimizer/pattern_estimate.hpp"

namespace quiver::optimizer {

using sparql::Op;
using sparql::OpKind;
using sparql::PatternTerm;
using sparql::TriplePattern;

double pattern_estimate(const TriplePattern& t, const PassContext& context) {
  if (context.dataset == nullptr) {
    // Fewer variables, fewer matches.
    double guess = 1;
    for (const auto* p : {&t.subject, &t.predicate, &t.object}) guess *= p->is_variable ? 100 : 1;
    return guess;
  }
  QuadIds pattern;
  pattern.graph = kAnyTerm;
  TermId* slots[] = {&pattern.subject, &pattern.predicate, &pattern.object};
  const PatternTerm* terms[] = {&t.subject, &t.predicate, &t.object};
  for (int i = 0; i < 3; ++i) {
    if (terms[i]->is_variable) continue;
    const TermId id = context.dataset->find_id(terms[i]->term.ref());
    if (id == kAnyTerm) return 0;
    *slots[i] = id;
  }
  return context.dataset->stats(pattern).matches;
}

double estimate_rows(const Op& op, const PassContext& context) {
  auto child = [&](std::size_t i) { return estimate_rows(*op.children[i], context); };
  switch (op.kind) {
    case OpKind::Unit:
      return 1;
    case OpKind::Bgp: {
      if (op.triples.empty()) return 1;
      double smallest = pattern_estimate(op.triples[0], context);
      for (const auto& t : op.triples) smallest = std::min(smallest, pattern_estimate(t, context));
      return smallest;
    }
    case OpKind::PathPattern:
      return context.dataset ? std::sqrt(static_cast<double>(context.dataset->size())) + 1 : 100;
    case OpKind::Join:
      return std::min(child(0), child(1));
    case OpKind::LeftJoin:
    case OpKind::Minus:
    case OpKind::Graph:
    case OpKind::Extend:
    case OpKind::OrderBy:
    case OpKind::Project:
    case OpKind::Distinct:
    case OpKind::Reduced:
      return child(0);
    case OpKind::Filter:
      return child(0) / 2;
    case OpKind::Union:
      return child(0) + child(1);
    case OpKind::Values:
      return static_cast<double>(op.rows.size());
    case OpKind::Group:
      return op.group_keys.empty() ? 1 : std::sqrt(child(0)) + 1;
    case OpKind::Slice: {
      const double below = std::max(0.0, child(0) - static_cast<double>(op.offset));
      return op.limit < 0 ? below : std::min(below, static_cast<double>(op.limit));
    }
    case OpKind::Service:
      return 1;
  }
  return 1;
}

}  // namespace quiver::optimizer
