// Join: a bind join into a BGP or path when they share variables,
// otherwise a hash join of both materialized sides.

#include "eval/join_index.hpp"
#include "eval/operators.hpp"

namespace quiver::eval {
namespace {

void add_variable(const EvalContext& ctx, const sparql::PatternTerm& t, std::vector<Slot>& out) {
  if (t.is_variable) out.push_back(ctx.vars().find(t.variable));
}

// The variables a bindable operator can bind.
std::vector<Slot> leaf_variables(const EvalContext& ctx, const sparql::Op& op) {
  std::vector<Slot> out;
  for (const auto& t : op.triples) {
    add_variable(ctx, t.subject, out);
    add_variable(ctx, t.predicate, out);
    add_variable(ctx, t.object, out);
  }
  add_variable(ctx, op.subject, out);
  add_variable(ctx, op.object, out);
  for (const auto& child : op.children) {
    std::vector<Slot> more = leaf_variables(ctx, *child);
    out.insert(out.end(), more.begin(), more.end());
  }
  return out;
}

}  // namespace

bool should_bind_join(const EvalContext& ctx, const Table& left, const sparql::Op& right) {
  if (!is_bindable(right)) return false;
  // Without a shared variable every left row would rerun the same lookup.
  std::vector<bool> bound = bound_in_some(left);
  for (Slot s : leaf_variables(ctx, right)) {
    if (s != kNoSlot && bound[s]) return true;
  }
  return left.size() <= 1;
}

bool join_tables(EvalContext& ctx, const Table& left, const Table& right, const RowSink& sink) {
  JoinIndex index(right, join_keys(left, right));
  std::vector<TermId> merged(ctx.width());
  for (std::size_t l = 0; l < left.size(); ++l) {
    const TermId* lrow = left.row(l);
    bool ok = index.for_candidates(lrow, [&](std::size_t r) {
      const TermId* rrow = right.row(r);
      if (!compatible(lrow, rrow, ctx.width())) return true;
      merge_rows(lrow, rrow, merged.data(), ctx.width());
      return sink(merged.data(), l);
    });
    if (!ok || !ctx.tick()) return false;
  }
  return true;
}

Table eval_join(EvalContext& ctx, const sparql::Op& op, std::size_t limit) {
  Table out(ctx.width());
  Table left = eval_op(ctx, *op.children.at(0));
  if (left.empty() || limit == 0) return out;
  RowSink push = [&](const TermId* row, std::size_t) {
    out.push(row);
    return out.size() < limit;
  };
  const sparql::Op& right_op = *op.children.at(1);
  if (should_bind_join(ctx, left, right_op)) {
    extend_rows(ctx, right_op, left, push);
    return out;
  }
  Table right = eval_op(ctx, right_op);
  join_tables(ctx, left, right, push);
  return out;
}

}  // namespace quiver::eval
