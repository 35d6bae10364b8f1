// The operator switch, bindable leaves, and the trivial operators.

#include "eval/expression.hpp"
#include "eval/operators.hpp"

namespace quiver::eval {

using sparql::OpKind;

Table seed_table(const EvalContext& ctx) {
  Table t(ctx.width());
  if (ctx.seed()) {
    t.push(ctx.seed());
  } else {
    t.push_unbound();
  }
  return t;
}

namespace {

bool is_leaf(const sparql::Op& op) {
  return op.kind == OpKind::Bgp || op.kind == OpKind::PathPattern;
}

}  // namespace

bool is_bindable(const sparql::Op& op) {
  if (is_leaf(op)) return true;
  // Join is associative, so input ⋈ (A ⋈ B) = (input ⋈ A) ⋈ B.
  return op.kind == OpKind::Join && op.children.size() == 2 && is_bindable(*op.children[0]) &&
         is_bindable(*op.children[1]);
}

bool extend_rows(EvalContext& ctx, const sparql::Op& op, const Table& input, const RowSink& sink) {
  std::uint64_t produced = 0;
  RowSink counting = [&](const TermId* row, std::size_t r) {
    ++produced;
    return sink(row, r);
  };
  bool ok = true;
  if (op.kind == OpKind::Bgp) {
    ok = match_bgp(ctx, op, input, counting);
  } else if (op.kind == OpKind::PathPattern) {
    ok = match_path_pattern(ctx, op, input, counting);
  } else {
    // Rows extended by the left side, remembering which input row each
    // came from (in order, as LeftJoin needs).
    Table middle(ctx.width());
    std::vector<std::size_t> origin;
    ok = extend_rows(ctx, *op.children[0], input, [&](const TermId* row, std::size_t r) {
      middle.push(row);
      origin.push_back(r);
      return true;
    });
    if (ok) {
      ok = extend_rows(ctx, *op.children[1], middle,
                       [&](const TermId* row, std::size_t m) { return counting(row, origin[m]); });
    }
  }
  ctx.record(&op, produced);
  return ok;
}

bool stream_rows(EvalContext& ctx, const sparql::Op& op, const RowSink& sink) {
  std::size_t n = 0;
  if (is_bindable(op)) {
    return extend_rows(ctx, op, seed_table(ctx),
                       [&](const TermId* row, std::size_t) { return sink(row, n++); });
  }
  if (op.kind == OpKind::Filter && is_bindable(*op.children.at(0))) {
    std::uint64_t passed = 0;
    bool ok =
        extend_rows(ctx, *op.children[0], seed_table(ctx), [&](const TermId* row, std::size_t) {
          if (!eval_conjunction(ctx, op.exprs, row)) return true;
          ++passed;
          return sink(row, n++);
        });
    ctx.record(&op, passed);
    return ok;
  }
  if (op.kind == OpKind::Project) {
    std::vector<bool> keep(ctx.width(), false);
    for (const auto& v : op.variables) {
      Slot s = ctx.vars().find(v);
      if (s != kNoSlot) keep[s] = true;
    }
    std::vector<TermId> projected(ctx.width());
    bool ok = stream_rows(ctx, *op.children.at(0), [&](const TermId* row, std::size_t) {
      for (std::size_t i = 0; i < ctx.width(); ++i) projected[i] = keep[i] ? row[i] : kAnyTerm;
      return sink(projected.data(), n++);
    });
    ctx.record(&op, n);
    return ok;
  }
  Table t = eval_op(ctx, op);
  for (std::size_t r = 0; r < t.size(); ++r) {
    if (!sink(t.row(r), r)) return false;
  }
  return !ctx.stopped();
}

namespace {

Table eval_leaf(EvalContext& ctx, const sparql::Op& op, std::size_t limit) {
  Table out(ctx.width());
  if (limit == 0) return out;
  Table input = seed_table(ctx);
  extend_rows(ctx, op, input, [&](const TermId* row, std::size_t) {
    out.push(row);
    return out.size() < limit;
  });
  return out;
}

Table dispatch(EvalContext& ctx, const sparql::Op& op, std::size_t limit) {
  switch (op.kind) {
    case OpKind::Unit:
      return seed_table(ctx);
    case OpKind::Bgp:
    case OpKind::PathPattern:
      return eval_leaf(ctx, op, limit);
    case OpKind::Join:
      return eval_join(ctx, op, limit);
    case OpKind::LeftJoin:
      return eval_left_join(ctx, op, limit);
    case OpKind::Filter:
      return eval_filter(ctx, op, limit);
    case OpKind::Union:
      return eval_union(ctx, op, limit);
    case OpKind::Minus:
      return eval_minus(ctx, op, limit);
    case OpKind::Graph:
      return eval_graph(ctx, op, limit);
    case OpKind::Extend:
      return eval_extend(ctx, op, limit);
    case OpKind::Values:
      return eval_values(ctx, op, limit);
    case OpKind::Group:
      return eval_group(ctx, op, limit);
    case OpKind::OrderBy:
      return eval_order_by(ctx, op, limit);
    case OpKind::Project:
      return eval_project(ctx, op, limit);
    case OpKind::Distinct:
      return eval_distinct(ctx, op, limit);
    case OpKind::Reduced:
      return eval_op(ctx, *op.children.at(0), limit);
    case OpKind::Slice:
      return eval_slice(ctx, op, limit);
    case OpKind::Service:
      return eval_service(ctx, op, limit);
  }
  return Table(ctx.width());
}

}  // namespace

Table eval_op(EvalContext& ctx, const sparql::Op& op, std::size_t limit) {
  if (ctx.stopped()) return Table(ctx.width());
  // BGPs and paths record themselves in extend_rows().
  Table out = dispatch(ctx, op, limit);
  if (!is_leaf(op)) ctx.record(&op, out.size());
  if (ctx.stopped()) return Table(ctx.width());
  return out;
}

Table eval_service(EvalContext& ctx, const sparql::Op& op, std::size_t) {
  if (op.silent) return seed_table(ctx);
  ctx.fail(Error{ErrorKind::Unsupported, "SERVICE is not supported"});
  return Table(ctx.width());
}

}  // namespace quiver::eval
