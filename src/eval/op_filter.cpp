// Filter (keeps the rows where every expression's effective boolean value
// is true; an error counts as false) and Extend (BIND: computes variables
// per row; an error leaves them unbound, 18.5). Both stream.

#include "eval/exists.hpp"
#include "eval/expression.hpp"
#include "eval/operators.hpp"

namespace quiver::eval {
namespace {

class RowFunctionOperator : public Operator {
 public:
  RowFunctionOperator(EvalContext& ctx, const plan::Node& node)
      : Operator(ctx, node),
        child_(make_operator(ctx, *node.children.at(0))),
        in_(ctx.width()),
        exists_(ctx, node) {}

  void open(const TermId* seed, const std::vector<TermId>* graphs) override {
    graphs_ = graphs;
    child_->open(seed, graphs);
  }

 protected:
  std::vector<const Operator*> inputs() const override { return {child_.get()}; }
  const ExistsRunner* exists_runner() const override { return &exists_; }

  std::unique_ptr<Operator> child_;
  RowBatch in_;
  ExistsRunner exists_;
  const std::vector<TermId>* graphs_ = nullptr;
};

class FilterOperator final : public RowFunctionOperator {
 public:
  using RowFunctionOperator::RowFunctionOperator;

 protected:
  bool next(RowBatch& out) override {
    out.clear();
    in_.set_target(out.target());
    ExistsRunner::Guard guard(ctx_, &exists_, graphs_);
    while (out.empty() && child_->pull(in_)) {
      for (std::size_t r = 0; r < in_.size(); ++r) {
        if (eval_conjunction(ctx_, node_.op->exprs, in_.row(r))) out.push(in_.row(r));
      }
      if (!ctx_.tick(in_.size())) break;
    }
    return !out.empty() && !ctx_.stopped();
  }
};

// A chain of Extends runs in one pass, so that BNODE(str) sees one solution
// across all of them.
class ExtendOperator final : public RowFunctionOperator {
 public:
  ExtendOperator(EvalContext& ctx, const plan::Node& node) : RowFunctionOperator(ctx, node) {
    for (const sparql::Op* e : node.chain) {
      slots_.push_back(ctx.vars().find(e->variable));
      // (expr AS ?v) of a plain variable, as every SELECT (aggregate AS
      // ?v) is: the id is copied, not decoded, valued and encoded again.
      sources_.push_back(e->exprs.empty() ? kComputedSlot : variable_slot(ctx, *e->exprs[0]));
    }
  }

 protected:
  bool next(RowBatch& out) override {
    out.clear();
    if (!child_->pull(out)) return false;
    ExistsRunner::Guard guard(ctx_, &exists_, graphs_);
    for (std::size_t r = 0; r < out.size(); ++r) {
      TermId* row = out.row(r);
      if (!ctx_.functions().bnode_labels.empty()) ctx_.functions().bnode_labels.clear();
      for (std::size_t i = 0; i < node_.chain.size(); ++i) {
        const sparql::Op& e = *node_.chain[i];
        const Slot slot = slots_[i];
        if (slot == kNoSlot || e.exprs.empty() || row[slot] != kAnyTerm) continue;
        if (const Slot from = sources_[i]; from != kComputedSlot) {
          if (from != kNoSlot) row[slot] = row[from];
          continue;
        }
        Value v = eval_expr(ctx_, *e.exprs[0], row);
        if (v) row[slot] = ctx_.encode(*v);
      }
    }
    return ctx_.tick(out.size());
  }

 private:
  std::vector<Slot> slots_;
  std::vector<Slot> sources_;  // per Extend: variable_slot() of its expression
};

}  // namespace

std::unique_ptr<Operator> make_filter(EvalContext& ctx, const plan::Node& node) {
  if (node.kind == plan::NodeKind::Extend) return std::make_unique<ExtendOperator>(ctx, node);
  return std::make_unique<FilterOperator>(ctx, node);
}

}  // namespace quiver::eval
