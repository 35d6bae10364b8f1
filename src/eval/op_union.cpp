// Union: the left solutions, then the right ones (a bag).

#include "eval/operators.hpp"

namespace quiver::eval {

Table eval_union(EvalContext& ctx, const sparql::Op& op, std::size_t limit) {
  Table out = eval_op(ctx, *op.children.at(0), limit);
  if (out.size() >= limit) {
    out.truncate(limit);
    return out;
  }
  std::size_t rest = limit == kNoLimit ? kNoLimit : limit - out.size();
  out.append(eval_op(ctx, *op.children.at(1), rest));
  out.truncate(limit);
  return out;
}

}  // namespace quiver::eval
