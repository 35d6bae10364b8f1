// Minus: drops the left rows compatible with some right row that shares
// a bound variable with it (18.5); disjoint rows never remove anything.

#include "eval/join_index.hpp"
#include "eval/operators.hpp"

namespace quiver::eval {
namespace {

bool shares_binding(const TermId* a, const TermId* b, std::size_t width) {
  for (std::size_t i = 0; i < width; ++i) {
    if (a[i] != kAnyTerm && b[i] != kAnyTerm) return true;
  }
  return false;
}

}  // namespace

Table eval_minus(EvalContext& ctx, const sparql::Op& op, std::size_t limit) {
  Table left = eval_op(ctx, *op.children.at(0));
  if (left.empty()) return left;
  Table right = eval_op(ctx, *op.children.at(1));
  if (right.empty()) {
    left.truncate(limit);
    return left;
  }
  Table out(ctx.width());
  JoinIndex index(right, join_keys(left, right));
  for (std::size_t l = 0; l < left.size() && out.size() < limit; ++l) {
    const TermId* lrow = left.row(l);
    bool keep = index.for_candidates(lrow, [&](std::size_t r) {
      const TermId* rrow = right.row(r);
      return !(shares_binding(lrow, rrow, ctx.width()) && compatible(lrow, rrow, ctx.width()));
    });
    if (keep) out.push(lrow);
    if (!ctx.tick()) break;
  }
  return out;
}

}  // namespace quiver::eval
