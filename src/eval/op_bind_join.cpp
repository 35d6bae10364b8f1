// Bind joins: the right side runs once per left row, with that row as its
// seed, so each of its patterns is an index lookup with the left's values
// substituted and nothing is materialized.

#include "eval/exists.hpp"
#include "eval/expression.hpp"
#include "eval/operators.hpp"

namespace quiver::eval {
namespace {

class BindJoinOperator : public Operator {
 public:
  BindJoinOperator(EvalContext& ctx, const plan::Node& node)
      : Operator(ctx, node),
        left_(make_operator(ctx, *node.children.at(0))),
        right_(make_operator(ctx, *node.children.at(1))),
        left_rows_(ctx.width()),
        right_rows_(ctx.width()) {}

  void open(const TermId* seed, const std::vector<TermId>* graphs) override {
    graphs_ = graphs;
    left_->open(seed, graphs);
    left_rows_.clear();
    left_at_ = 0;
    right_open_ = false;
    left_done_ = false;
  }

  plan::Shape executed() const override {
    plan::Shape out = Operator::executed();
    out.line = plan::kind_name(node_.kind) + std::string(" bind");
    return out;
  }

 protected:
  bool next(RowBatch& out) override {
    out.clear();
    right_rows_.set_target(out.target());
    while (!out.full() && !ctx_.stopped()) {
      if (right_open_) {
        if (right_->pull(right_rows_)) {
          out.append(right_rows_);
          continue;
        }
        right_open_ = false;
      }
      if (!next_left()) break;
      right_->open(left_rows_.row(left_at_ - 1), graphs_);
      right_open_ = true;
    }
    return !out.empty() && !ctx_.stopped();
  }

  // Moves to the next left row (left_rows_.row(left_at_ - 1)); false at the end.
  bool next_left() {
    if (left_at_ >= left_rows_.size()) {
      if (left_done_) return false;
      left_rows_.set_target(RowBatch::kRows);
      left_at_ = 0;
      if (!left_->pull(left_rows_)) {
        left_done_ = true;
        return false;
      }
    }
    ++left_at_;
    return true;
  }

  std::vector<const Operator*> inputs() const override { return {left_.get(), right_.get()}; }

  std::unique_ptr<Operator> left_;
  std::unique_ptr<Operator> right_;
  RowBatch left_rows_;
  RowBatch right_rows_;
  const std::vector<TermId>* graphs_ = nullptr;
  std::size_t left_at_ = 0;
  bool right_open_ = false;
  bool left_done_ = false;
};

// OPTIONAL by bind join: each left row is extended by the right rows its
// seed gives that pass the filter, or kept alone when none does (18.5).
class LeftBindJoinOperator final : public BindJoinOperator {
 public:
  LeftBindJoinOperator(EvalContext& ctx, const plan::Node& node)
      : BindJoinOperator(ctx, node), exists_(ctx, node) {}

  plan::Shape executed() const override {
    plan::Shape out = BindJoinOperator::executed();
    if (!node_.op->exprs.empty()) out.line += " filter" + plan::expression_list(node_.op->exprs);
    return out;
  }

 protected:
  const ExistsRunner* exists_runner() const override { return &exists_; }
  bool next(RowBatch& out) override {
    out.clear();
    ExistsRunner::Guard guard(ctx_, &exists_, graphs_);
    while (!out.full() && !ctx_.stopped()) {
      if (right_open_) {
        if (right_->pull(right_rows_)) {
          for (std::size_t r = 0; r < right_rows_.size(); ++r) {
            const TermId* row = right_rows_.row(r);
            if (!node_.op->exprs.empty() && !eval_conjunction(ctx_, node_.op->exprs, row)) {
              continue;
            }
            matched_ = true;
            out.push(row);
          }
          continue;
        }
        right_open_ = false;
        if (!matched_) out.push(left_rows_.row(left_at_ - 1));
      }
      if (!next_left()) break;
      right_->open(left_rows_.row(left_at_ - 1), graphs_);
      right_open_ = true;
      matched_ = false;
    }
    return !out.empty() && !ctx_.stopped();
  }

 private:
  ExistsRunner exists_;
  bool matched_ = false;
};

}  // namespace

std::unique_ptr<Operator> make_bind_join(EvalContext& ctx, const plan::Node& node) {
  if (node.kind == plan::NodeKind::LeftJoin) {
    return std::make_unique<LeftBindJoinOperator>(ctx, node);
  }
  return std::make_unique<BindJoinOperator>(ctx, node);
}

}  // namespace quiver::eval
