// Graph: evaluates its pattern with a named graph as the active graph;
// a variable graph name ranges over every visible named graph.

#include <algorithm>

#include "eval/operators.hpp"

namespace quiver::eval {
namespace {

// Evaluates `child` with `graph` active, restoring the previous graphs.
Table in_graph(EvalContext& ctx, const sparql::Op& child, TermId graph, std::size_t limit) {
  std::vector<TermId> saved = ctx.active_graphs();
  ctx.set_active_graphs({graph});
  Table t = eval_op(ctx, child, limit);
  ctx.set_active_graphs(std::move(saved));
  return t;
}

}  // namespace

Table eval_graph(EvalContext& ctx, const sparql::Op& op, std::size_t limit) {
  const sparql::Op& child = *op.children.at(0);
  const auto& named = ctx.named_graphs();
  auto visible = [&](TermId g) {
    return g != kAnyTerm && std::find(named.begin(), named.end(), g) != named.end();
  };
  if (!op.graph.is_variable) {
    TermId g = ctx.data().find_id(op.graph.term.ref());
    if (!visible(g)) return Table(ctx.width());
    return in_graph(ctx, child, g, limit);
  }
  Slot slot = ctx.vars().find(op.graph.variable);
  std::vector<TermId> graphs = named;
  // Under EXISTS the graph variable may already be fixed.
  if (ctx.seed() && ctx.seed()[slot] != kAnyTerm) {
    TermId g = ctx.seed()[slot];
    graphs.clear();
    if (visible(g)) graphs.push_back(g);
  }
  Table out(ctx.width());
  for (TermId g : graphs) {
    Table t = in_graph(ctx, child, g, kNoLimit);
    for (std::size_t r = 0; r < t.size() && out.size() < limit; ++r) {
      TermId* row = t.row(r);
      if (row[slot] != kAnyTerm && row[slot] != g) continue;
      row[slot] = g;
      out.push(row);
    }
    if (out.size() >= limit || ctx.stopped()) break;
  }
  return out;
}

}  // namespace quiver::eval
