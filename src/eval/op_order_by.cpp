// OrderBy: a stable sort on the ORDER BY conditions with the SPARQL term
// order (15.1); with a LIMIT above only the first rows are fully sorted.

#include <algorithm>
#include <numeric>

#include "eval/expression.hpp"
#include "eval/operators.hpp"

namespace quiver::eval {

Table eval_order_by(EvalContext& ctx, const sparql::Op& op, std::size_t limit) {
  Table in = eval_op(ctx, *op.children.at(0));
  const std::size_t n = op.order.size();
  std::vector<Value> keys(in.size() * n);
  for (std::size_t r = 0; r < in.size(); ++r) {
    for (std::size_t k = 0; k < n; ++k)
      keys[r * n + k] = eval_expr(ctx, *op.order[k].expr, in.row(r));
    if (!ctx.tick()) return Table(ctx.width());
  }
  std::vector<std::size_t> perm(in.size());
  std::iota(perm.begin(), perm.end(), 0);
  // Ties fall back to the input position: a strict order, hence stable
  // under partial_sort too.
  auto less = [&](std::size_t a, std::size_t b) {
    for (std::size_t k = 0; k < n; ++k) {
      int c = order_compare(keys[a * n + k], keys[b * n + k]);
      if (c != 0) return op.order[k].descending ? c > 0 : c < 0;
    }
    return a < b;
  };
  std::size_t take = std::min(limit, in.size());
  if (take < in.size()) {
    std::partial_sort(perm.begin(), perm.begin() + static_cast<std::ptrdiff_t>(take), perm.end(),
                      less);
  } else {
    std::sort(perm.begin(), perm.end(), less);
  }
  Table out(ctx.width());
  out.reserve(take);
  for (std::size_t i = 0; i < take; ++i) out.push(in.row(perm[i]));
  return out;
}

}  // namespace quiver::eval
