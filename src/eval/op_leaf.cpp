// The leaves that need no index: the empty pattern (the seed, once) and
// inline data (VALUES) joined with the seed.

#include "eval/operators.hpp"

namespace quiver::eval {
namespace {

// The seed, once.
class UnitOperator final : public Operator {
 public:
  using Operator::Operator;
  void open(const TermId* seed, const std::vector<TermId>*) override {
    seed_ = seed;
    done_ = false;
  }

 protected:
  bool next(RowBatch& out) override {
    out.clear();
    if (done_ || ctx_.stopped()) return false;
    done_ = true;
    out.push(seed_);
    return true;
  }

 private:
  const TermId* seed_ = nullptr;
  bool done_ = true;
};

class ValuesOperator final : public Operator {
 public:
  ValuesOperator(EvalContext& ctx, const plan::Node& node) : Operator(ctx, node) {
    const std::vector<Slot> slots = slots_of(ctx, node.op->variables);
    std::vector<TermId> row(ctx.width());
    for (const auto& cells : node.op->rows) {
      std::fill(row.begin(), row.end(), kAnyTerm);
      for (std::size_t i = 0; i < cells.size() && i < slots.size(); ++i) {
        if (cells[i] && slots[i] != kNoSlot) row[slots[i]] = ctx.encode(*cells[i]);
      }
      rows_.push(row.data());
    }
    merged_.resize(ctx.width());
  }
  void open(const TermId* seed, const std::vector<TermId>*) override {
    seed_ = seed;
    at_ = 0;
  }

 protected:
  bool next(RowBatch& out) override {
    out.clear();
    for (; at_ < rows_.size() && !out.full(); ++at_) {
      const TermId* row = rows_.row(at_);
      if (!compatible(row, seed_, ctx_.width())) continue;
      merge_rows(row, seed_, merged_.data(), ctx_.width());
      out.push(merged_.data());
    }
    return !out.empty() && !ctx_.stopped();
  }

 private:
  Table rows_{ctx_.width()};
  std::vector<TermId> merged_;
  const TermId* seed_ = nullptr;
  std::size_t at_ = 0;
};

}  // namespace

std::unique_ptr<Operator> make_leaf(EvalContext& ctx, const plan::Node& node) {
  if (node.kind == plan::NodeKind::Values) return std::make_unique<ValuesOperator>(ctx, node);
  return std::make_unique<UnitOperator>(ctx, node);
}

}  // namespace quiver::eval
