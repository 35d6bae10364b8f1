// Filter: keeps the rows where every expression's effective boolean value
// is true (an error counts as false). Over a BGP or path the filter runs
// as rows are produced, so a LIMIT above can stop the scan early.

#include "eval/expression.hpp"
#include "eval/operators.hpp"

namespace quiver::eval {

Table eval_filter(EvalContext& ctx, const sparql::Op& op, std::size_t limit) {
  Table out(ctx.width());
  if (limit == 0) return out;
  const sparql::Op& child = *op.children.at(0);
  if (is_bindable(child)) {
    extend_rows(ctx, child, seed_table(ctx), [&](const TermId* row, std::size_t) {
      if (eval_conjunction(ctx, op.exprs, row)) out.push(row);
      return out.size() < limit;
    });
    return out;
  }
  Table in = eval_op(ctx, child);
  for (std::size_t r = 0; r < in.size() && out.size() < limit; ++r) {
    if (eval_conjunction(ctx, op.exprs, in.row(r))) out.push(in.row(r));
    if (!ctx.tick()) break;
  }
  return out;
}

}  // namespace quiver::eval
