// Join ordering inside a BGP: greedy, cheapest pattern first, using the
// dataset's counts for the pattern's constants. A pattern that shares no
// variable with what is already bound is taken last among equals, so the
// evaluator's index nested-loop join never builds a cross product it can
// avoid. Bound positions make a pattern cheaper: each bound variable turns
// a scan into an index lookup.

#include <algorithm>
#include <limits>

#include "optimizer/optimizer.hpp"
#include "optimizer/pattern_estimate.hpp"
#include "optimizer/variables.hpp"

namespace quiver::optimizer {

using sparql::make_op;
using sparql::Op;
using sparql::OpKind;
using sparql::OpPtr;
using sparql::TriplePattern;

namespace {

double cost(const TriplePattern& t, const VarSet& bound, const PassContext& context) {
  double c = pattern_estimate(t, context);
  const bool any_bound_var = (t.subject.is_variable && bound.count(t.subject.variable)) ||
                             (t.predicate.is_variable && bound.count(t.predicate.variable)) ||
                             (t.object.is_variable && bound.count(t.object.variable));
  if (t.subject.is_variable && bound.count(t.subject.variable)) c *= 0.001;
  if (t.object.is_variable && bound.count(t.object.variable)) c *= 0.01;
  if (t.predicate.is_variable && bound.count(t.predicate.variable)) c *= 0.5;
  // Patterns not connected to what is bound come after connected ones.
  const bool has_vars = t.subject.is_variable || t.predicate.is_variable || t.object.is_variable;
  if (!bound.empty() && has_vars && !any_bound_var) {
    c = c * 1e6 + 1e6;
  }
  return c;
}

OpPtr order(const OpPtr& op, const PassContext& context) {
  OpPtr rebuilt = map_children(op, [&](const OpPtr& c) { return order(c, context); });
  if (rebuilt->kind != OpKind::Bgp || rebuilt->triples.size() < 2 || context.dataset == nullptr) {
    return rebuilt;
  }
  std::vector<TriplePattern> left = rebuilt->triples;
  std::vector<TriplePattern> ordered;
  VarSet bound;
  while (!left.empty()) {
    std::size_t best = 0;
    double best_cost = std::numeric_limits<double>::infinity();
    for (std::size_t i = 0; i < left.size(); ++i) {
      const double c = cost(left[i], bound, context);
      if (c < best_cost) {
        best_cost = c;
        best = i;
      }
    }
    const TriplePattern& t = left[best];
    for (const auto* p : {&t.subject, &t.predicate, &t.object}) {
      if (p->is_variable) bound.insert(p->variable);
    }
    ordered.push_back(t);
    left.erase(left.begin() + static_cast<std::ptrdiff_t>(best));
  }
  if (ordered == rebuilt->triples) return rebuilt;
  Op bgp = *rebuilt;
  bgp.triples = std::move(ordered);
  return make_op(std::move(bgp));
}

}  // namespace

OpPtr order_joins(const OpPtr& op, const PassContext& context) { return order(op, context); }

}  // namespace quiver::optimizer
