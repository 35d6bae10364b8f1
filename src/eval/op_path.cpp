// PathPattern: `subject path object` with the input row's bindings
// substituted into either end.

#include <algorithm>

#include "eval/operators.hpp"
#include "eval/path_eval.hpp"

namespace quiver::eval {
namespace {

struct End {
  Slot slot = kNoSlot;
  TermId constant = kAnyTerm;
};

End resolve(EvalContext& ctx, const sparql::PatternTerm& term) {
  End end;
  if (term.is_variable) {
    end.slot = ctx.vars().find(term.variable);
  } else {
    // A constant end matches itself by a zero-length path even when the
    // data lacks it, so it needs an id either way.
    end.constant = ctx.encode(term.term);
  }
  return end;
}

// True when `path` can connect a node to itself by zero steps.
bool can_be_empty(const sparql::Path& path) {
  using sparql::PathKind;
  switch (path.kind) {
    case PathKind::ZeroOrMore:
    case PathKind::ZeroOrOne:
      return true;
    case PathKind::Inverse:
    case PathKind::OneOrMore:
      return !path.args.empty() && can_be_empty(*path.args[0]);
    case PathKind::Sequence:
      return std::all_of(path.args.begin(), path.args.end(),
                         [](const auto& a) { return can_be_empty(*a); });
    case PathKind::Alternative:
      return std::any_of(path.args.begin(), path.args.end(),
                         [](const auto& a) { return can_be_empty(*a); });
    default:
      return false;
  }
}

// True when `id` is a subject or object in one of the active graphs.
bool in_active_graphs(const EvalContext& ctx, TermId id) {
  if (EvalContext::is_local(id)) return false;
  QuadIds batch[1];
  for (TermId g : ctx.active_graphs()) {
    if (ctx.data().match({id, kAnyTerm, kAnyTerm, g})->next(batch, 1) > 0) return true;
    if (ctx.data().match({kAnyTerm, kAnyTerm, id, g})->next(batch, 1) > 0) return true;
  }
  return false;
}

}  // namespace

bool match_path_pattern(EvalContext& ctx, const sparql::Op& op, const Table& input,
                        const RowSink& sink) {
  if (!op.path) return !ctx.stopped();
  End subject = resolve(ctx, op.subject);
  End object = resolve(ctx, op.object);
  PathEvaluator paths(ctx);
  const bool may_be_empty = can_be_empty(*op.path);
  std::vector<TermId> out(ctx.width());
  for (std::size_t r = 0; r < input.size(); ++r) {
    const TermId* row = input.row(r);
    TermId s = subject.slot == kNoSlot ? subject.constant : row[subject.slot];
    TermId o = object.slot == kNoSlot ? object.constant : row[object.slot];
    bool same_variable = subject.slot != kNoSlot && subject.slot == object.slot;
    // A variable's value is not a query constant: the spec evaluates the
    // path over variables and joins, so a zero-length match needs a node
    // of the graph (the query's own constants match themselves anyway).
    if (may_be_empty) {
      if (subject.slot != kNoSlot && s != kAnyTerm && !in_active_graphs(ctx, s)) continue;
      if (object.slot != kNoSlot && o != kAnyTerm && !in_active_graphs(ctx, o)) continue;
    }
    bool ok = paths.eval(*op.path, s, o, [&](TermId a, TermId b) {
      if (same_variable && a != b) return true;
      std::copy(row, row + ctx.width(), out.begin());
      if (subject.slot != kNoSlot) out[subject.slot] = a;
      if (object.slot != kNoSlot) out[object.slot] = b;
      return sink(out.data(), r);
    });
    if (!ok) return false;
  }
  return !ctx.stopped();
}

}  // namespace quiver::eval
