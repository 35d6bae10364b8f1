// Values (inline data): its rows, joined with the EXISTS seed if any.

#include "eval/operators.hpp"

namespace quiver::eval {

Table eval_values(EvalContext& ctx, const sparql::Op& op, std::size_t limit) {
  std::vector<Slot> slots;
  for (const auto& v : op.variables) slots.push_back(ctx.vars().find(v));
  Table out(ctx.width());
  std::vector<TermId> row(ctx.width());
  for (const auto& cells : op.rows) {
    if (out.size() >= limit) break;
    std::fill(row.begin(), row.end(), kAnyTerm);
    for (std::size_t i = 0; i < cells.size() && i < slots.size(); ++i) {
      if (cells[i] && slots[i] != kNoSlot) row[slots[i]] = ctx.encode(*cells[i]);
    }
    if (ctx.seed()) {
      if (!compatible(row.data(), ctx.seed(), ctx.width())) continue;
      merge_rows(row.data(), ctx.seed(), row.data(), ctx.width());
    }
    out.push(row.data());
  }
  return out;
}

}  // namespace quiver::eval
