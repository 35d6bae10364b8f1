// Union (the left rows, then the right ones: a bag) and Graph (the pattern
// matched in one named graph, or in each visible one in turn with the
// graph variable bound to its name).

#include <algorithm>

#include "eval/operators.hpp"

namespace quiver::eval {
namespace {

class UnionOperator final : public Operator {
 public:
  UnionOperator(EvalContext& ctx, const plan::Node& node)
      : Operator(ctx, node),
        left_(make_operator(ctx, *node.children.at(0))),
        right_(make_operator(ctx, *node.children.at(1))) {}

  void open(const TermId* seed, const std::vector<TermId>* graphs) override {
    seed_ = seed;
    graphs_ = graphs;
    on_right_ = false;
    left_->open(seed, graphs);
  }

 protected:
  std::vector<const Operator*> inputs() const override { return {left_.get(), right_.get()}; }

  bool next(RowBatch& out) override {
    if (!on_right_) {
      if (left_->pull(out)) return true;
      if (ctx_.stopped()) return false;
      on_right_ = true;
      right_->open(seed_, graphs_);
    }
    return right_->pull(out);
  }

 private:
  std::unique_ptr<Operator> left_;
  std::unique_ptr<Operator> right_;
  const TermId* seed_ = nullptr;
  const std::vector<TermId>* graphs_ = nullptr;
  bool on_right_ = false;
};

class GraphOperator final : public Operator {
 public:
  GraphOperator(EvalContext& ctx, const plan::Node& node)
      : Operator(ctx, node), child_(make_operator(ctx, *node.children.at(0))) {
    const sparql::PatternTerm& g = node.op->graph;
    if (g.is_variable) {
      slot_ = ctx.vars().find(g.variable);
    } else {
      constant_ = ctx.find_data_id(g.term);
    }
  }

  void open(const TermId* seed, const std::vector<TermId>* graphs) override {
    (void)graphs;  // GRAPH replaces the active graphs
    seed_ = seed;
    graphs_.clear();
    at_ = 0;
    if (slot_ == kNoSlot) {
      if (visible(constant_)) graphs_.push_back(constant_);
    } else if (seed[slot_] != kAnyTerm) {
      // The seed (a bind join's row, an EXISTS test) may fix the graph.
      if (visible(seed[slot_])) graphs_.push_back(seed[slot_]);
    } else {
      graphs_ = ctx_.named_graphs();
    }
    open_next();
  }

 protected:
  std::vector<const Operator*> inputs() const override { return {child_.get()}; }

  bool next(RowBatch& out) override {
    while (current_ != kAnyTerm) {
      if (child_->pull(out)) {
        if (slot_ != kNoSlot) bind_graph(out);
        if (!out.empty()) return true;
        continue;
      }
      if (ctx_.stopped()) return false;
      open_next();
    }
    out.clear();
    return false;
  }

 private:
  bool visible(TermId g) const {
    const auto& named = ctx_.named_graphs();
    return g != kAnyTerm && std::find(named.begin(), named.end(), g) != named.end();
  }

  void open_next() {
    current_ = at_ < graphs_.size() ? graphs_[at_++] : kAnyTerm;
    if (current_ == kAnyTerm) return;
    active_ = {current_};
    child_->open(seed_, &active_);
  }

  // Binds the graph variable in each row; rows that bound it otherwise go.
  void bind_graph(RowBatch& rows) const {
    std::size_t kept = 0;
    for (std::size_t r = 0; r < rows.size(); ++r) {
      TermId* row = rows.row(r);
      if (row[slot_] != kAnyTerm && row[slot_] != current_) continue;
      row[slot_] = current_;
      if (kept != r) std::copy(row, row + rows.width(), rows.row(kept));
      ++kept;
    }
    rows.truncate(kept);
  }

  std::unique_ptr<Operator> child_;
  Slot slot_ = kNoSlot;
  TermId constant_ = kAnyTerm;
  const TermId* seed_ = nullptr;
  std::vector<TermId> graphs_;
  std::size_t at_ = 0;
  TermId current_ = kAnyTerm;
  std::vector<TermId> active_;
};

}  // namespace

std::unique_ptr<Operator> make_union_or_graph(EvalContext& ctx, const plan::Node& node) {
  if (node.kind == plan::NodeKind::Graph) return std::make_unique<GraphOperator>(ctx, node);
  return std::make_unique<UnionOperator>(ctx, node);
}

}  // namespace quiver::eval
