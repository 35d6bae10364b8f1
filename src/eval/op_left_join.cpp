// LeftJoin (OPTIONAL): each left row extended by the compatible right
// rows that pass the filter, or kept alone when none does (18.5).

#include "eval/expression.hpp"
#include "eval/join_index.hpp"
#include "eval/operators.hpp"

namespace quiver::eval {

Table eval_left_join(EvalContext& ctx, const sparql::Op& op, std::size_t limit) {
  Table out(ctx.width());
  Table left = eval_op(ctx, *op.children.at(0));
  if (left.empty() || limit == 0) return out;
  // Both join paths report rows in left order, so unmatched left rows are
  // flushed in place as the sink moves past them.
  std::size_t flushed = 0;
  bool matched = false;
  auto flush_to = [&](std::size_t upto) {
    for (; flushed < upto && out.size() < limit; ++flushed) {
      if (!matched) out.push(left.row(flushed));
      matched = false;
    }
  };
  RowSink sink = [&](const TermId* row, std::size_t l) {
    flush_to(l);
    if (!op.exprs.empty() && !eval_conjunction(ctx, op.exprs, row)) return true;
    matched = true;
    if (out.size() < limit) out.push(row);
    return out.size() < limit;
  };
  const sparql::Op& right_op = *op.children.at(1);
  if (should_bind_join(ctx, left, right_op)) {
    extend_rows(ctx, right_op, left, sink);
  } else {
    Table right = eval_op(ctx, right_op);
    join_tables(ctx, left, right, sink);
  }
  flush_to(left.size());
  return out;
}

}  // namespace quiver::eval
