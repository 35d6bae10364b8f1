// PathPattern: `subject path object` with the seed's bindings substituted
// into either end. Path evaluation reports pairs through callbacks, so one
// run's pairs are gathered first and then stream out.

#include <algorithm>

#include "eval/operators.hpp"
#include "eval/path_eval.hpp"

namespace quiver::eval {
namespace {

struct End {
  Slot slot = kNoSlot;
  TermId constant = kAnyTerm;
};

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

class PathOperator final : public Operator {
 public:
  PathOperator(EvalContext& ctx, const plan::Node& node)
      : Operator(ctx, node),
        subject_(resolve(node.op->subject)),
        object_(resolve(node.op->object)),
        may_be_empty_(node.op->path && can_be_empty(*node.op->path)),
        row_(ctx.width()) {}

  void open(const TermId* seed, const std::vector<TermId>* graphs) override {
    pairs_.clear();
    at_ = 0;
    seed_ = seed;
    if (!node_.op->path) return;
    const TermId s = subject_.slot == kNoSlot ? subject_.constant : seed[subject_.slot];
    const TermId o = object_.slot == kNoSlot ? object_.constant : seed[object_.slot];
    // A variable's value is not a query constant: the spec evaluates the
    // path over variables and joins, so a zero-length match needs a node
    // of the graph (the query's own constants match themselves anyway).
    if (may_be_empty_) {
      if (subject_.slot != kNoSlot && s != kAnyTerm && !in_graphs(*graphs, s)) return;
      if (object_.slot != kNoSlot && o != kAnyTerm && !in_graphs(*graphs, o)) return;
    }
    const bool same_variable = subject_.slot != kNoSlot && subject_.slot == object_.slot;
    PathEvaluator paths(ctx_, *graphs);
    paths.eval(*node_.op->path, s, o, [&](TermId a, TermId b) {
      if (!same_variable || a == b) pairs_.emplace_back(a, b);
      return true;
    });
  }

 protected:
  bool next(RowBatch& out) override {
    out.clear();
    for (; at_ < pairs_.size() && !out.full(); ++at_) {
      std::copy(seed_, seed_ + ctx_.width(), row_.begin());
      if (subject_.slot != kNoSlot) row_[subject_.slot] = pairs_[at_].first;
      if (object_.slot != kNoSlot) row_[object_.slot] = pairs_[at_].second;
      out.push(row_.data());
    }
    return !out.empty() && !ctx_.stopped();
  }

 private:
  End resolve(const sparql::PatternTerm& term) {
    End end;
    if (term.is_variable) {
      end.slot = ctx_.vars().find(term.variable);
    } else {
      // A constant end matches itself by a zero-length path even when the
      // data lacks it, so it needs an id either way.
      end.constant = ctx_.encode(term.term);
    }
    return end;
  }

  // True when `id` is a subject or object in one of `graphs`.
  bool in_graphs(const std::vector<TermId>& graphs, TermId id) const {
    if (EvalContext::is_local(id)) return false;
    QuadIds batch[1];
    for (TermId g : graphs) {
      if (ctx_.data().match({id, kAnyTerm, kAnyTerm, g})->next(batch, 1) > 0) return true;
      if (ctx_.data().match({kAnyTerm, kAnyTerm, id, g})->next(batch, 1) > 0) return true;
    }
    return false;
  }

  End subject_;
  End object_;
  bool may_be_empty_;
  std::vector<TermId> row_;
  const TermId* seed_ = nullptr;
  std::vector<std::pair<TermId, TermId>> pairs_;
  std::size_t at_ = 0;
};

}  // namespace

std::unique_ptr<Operator> make_path(EvalContext& ctx, const plan::Node& node) {
  return std::make_unique<PathOperator>(ctx, node);
}

}  // namespace quiver::eval
