// The solution modifiers that need no expressions: Project, Distinct and
// Slice (Reduced passes its input through, which the spec allows).

#include <unordered_set>

#include "eval/operators.hpp"

namespace quiver::eval {

Table eval_project(EvalContext& ctx, const sparql::Op& op, std::size_t limit) {
  Table t = eval_op(ctx, *op.children.at(0), limit);
  std::vector<bool> keep(ctx.width(), false);
  for (const auto& v : op.variables) {
    Slot s = ctx.vars().find(v);
    if (s != kNoSlot) keep[s] = true;
  }
  for (std::size_t r = 0; r < t.size(); ++r) {
    TermId* row = t.row(r);
    for (std::size_t i = 0; i < ctx.width(); ++i) {
      if (!keep[i]) row[i] = kAnyTerm;
    }
  }
  return t;
}

// Rows stream in and only distinct ones are kept: each candidate is
// appended, then dropped again when the set already holds its equal.
Table eval_distinct(EvalContext& ctx, const sparql::Op& op, std::size_t limit) {
  const std::size_t w = ctx.width();
  Table out(w);
  if (limit == 0) return out;
  auto hash = [&](std::size_t r) { return hash_row(out.row(r), w); };
  auto equal = [&](std::size_t a, std::size_t b) {
    return std::equal(out.row(a), out.row(a) + w, out.row(b));
  };
  std::unordered_set<std::size_t, decltype(hash), decltype(equal)> seen(16, hash, equal);
  stream_rows(ctx, *op.children.at(0), [&](const TermId* row, std::size_t) {
    out.push(row);
    if (!seen.insert(out.size() - 1).second) out.truncate(out.size() - 1);
    return out.size() < limit && ctx.tick();
  });
  return out;
}

Table eval_slice(EvalContext& ctx, const sparql::Op& op, std::size_t limit) {
  std::size_t offset = op.offset > 0 ? static_cast<std::size_t>(op.offset) : 0;
  std::size_t count = limit;
  if (op.limit >= 0) count = std::min(count, static_cast<std::size_t>(op.limit));
  std::size_t need = count == kNoLimit ? kNoLimit : offset + count;
  Table in = eval_op(ctx, *op.children.at(0), need);
  Table out(ctx.width());
  for (std::size_t r = offset; r < in.size() && out.size() < count; ++r) out.push(in.row(r));
  return out;
}

}  // namespace quiver::eval
