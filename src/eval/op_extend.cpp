// Extend (BIND): adds one variable computed per row; an expression error
// leaves it unbound (18.5).

#include "eval/expression.hpp"
#include "eval/operators.hpp"

namespace quiver::eval {

// A chain of Extends (a SELECT with several expressions) is evaluated in
// one pass, so that BNODE(str) sees one solution across all of them.
Table eval_extend(EvalContext& ctx, const sparql::Op& op, std::size_t limit) {
  std::vector<const sparql::Op*> chain;
  const sparql::Op* child = &op;
  while (child->kind == sparql::OpKind::Extend) {
    chain.push_back(child);
    child = child->children.at(0).get();
  }
  Table t = eval_op(ctx, *child, limit);
  // eval_op() records the outermost one.
  for (std::size_t i = 1; i < chain.size(); ++i) ctx.record(chain[i], t.size());
  for (std::size_t r = 0; r < t.size(); ++r) {
    TermId* row = t.row(r);
    if (!ctx.functions().bnode_labels.empty()) ctx.functions().bnode_labels.clear();
    for (auto it = chain.rbegin(); it != chain.rend(); ++it) {
      const sparql::Op& e = **it;
      Slot slot = ctx.vars().find(e.variable);
      if (slot == kNoSlot || e.exprs.empty() || row[slot] != kAnyTerm) continue;
      Value v = eval_expr(ctx, *e.exprs[0], row);
      if (v) row[slot] = ctx.encode(*v);
    }
    if (!ctx.tick()) break;
  }
  return t;
}

}  // namespace quiver::eval
