// OrderBy: a stable sort on the ORDER BY conditions with the SPARQL term
// order (15.1). With a top-k from the plan (a LIMIT above), only the first
// k rows are kept while the input streams in: memory stays at k rows
// whatever the input's size.

#include <algorithm>
#include <numeric>

#include "eval/exists.hpp"
#include "eval/expression.hpp"
#include "eval/operators.hpp"

namespace quiver::eval {
namespace {

class OrderByOperator final : public Operator {
 public:
  OrderByOperator(EvalContext& ctx, const plan::Node& node)
      : Operator(ctx, node),
        child_(make_operator(ctx, *node.children.at(0))),
        exists_(ctx, node),
        top_k_(node.top_k),
        rows_(ctx.width()) {}

  void open(const TermId* seed, const std::vector<TermId>* graphs) override {
    graphs_ = graphs;
    child_->open(seed, graphs);
    rows_ = Table(ctx_.width());
    keys_.clear();
    seq_.clear();
    order_.clear();
    sorted_ = false;
    at_ = 0;
  }
  plan::Shape executed() const override {
    plan::Shape out = Operator::executed();
    out.line = plan::describe(node_);
    const std::string first = ", first " + std::to_string(node_.top_k);
    if (node_.top_k >= 0) out.line.erase(out.line.size() - first.size());
    if (top_k_ >= 0) out.line += ", first " + std::to_string(top_k_);
    return out;
  }

 protected:
  std::vector<const Operator*> inputs() const override { return {child_.get()}; }
  const ExistsRunner* exists_runner() const override { return &exists_; }

  bool next(RowBatch& out) override {
    out.clear();
    if (!sorted_) sort_input();
    if (ctx_.stopped()) return false;
    for (; at_ < order_.size() && !out.full(); ++at_) out.push(rows_.row(order_[at_]));
    return !out.empty();
  }

 private:
  // Ties fall back to the input position: a strict order, hence stable.
  bool less(std::size_t a, std::size_t b) const {
    const std::size_t n = node_.op->order.size();
    for (std::size_t k = 0; k < n; ++k) {
      const int c = functions::order_compare(keys_[a * n + k], keys_[b * n + k]);
      if (c != 0) return node_.op->order[k].descending ? c > 0 : c < 0;
    }
    return seq_[a] < seq_[b];
  }

  void sort_input() {
    sorted_ = true;
    ExistsRunner::Guard guard(ctx_, &exists_, graphs_);
    const auto& order = node_.op->order;
    const std::size_t n = order.size();
    const auto k = static_cast<std::size_t>(top_k_);
    auto cmp = [this](std::size_t a, std::size_t b) { return less(a, b); };
    // With a top-k: a max-heap of the k smallest rows so far; a new row
    // that beats the largest replaces it in place.
    std::vector<std::size_t> heap;
    RowBatch in(ctx_.width());
    std::uint64_t seen = 0;
    std::vector<Value> row_keys(n);
    while (child_->pull(in)) {
      for (std::size_t r = 0; r < in.size(); ++r) {
        if (top_k_ < 0 || heap.size() < k) {
          rows_.push(in.row(r));
          for (std::size_t c = 0; c < n; ++c)
            keys_.push_back(eval_expr(ctx_, *order[c].expr, in.row(r)));
          seq_.push_back(seen++);
          if (top_k_ >= 0) {
            heap.push_back(rows_.size() - 1);
            std::push_heap(heap.begin(), heap.end(), cmp);
          }
          continue;
        }
        ++seen;
        if (k == 0) continue;
        // Compared with the largest kept row key by key, a later key valued
        // only on a tie: most rows lose on the first, and valuing a key
        // decodes its term. A full tie loses (the kept row came first).
        const std::size_t worst = heap.front();
        bool better = false;
        std::size_t valued = 0;
        while (valued < n) {
          row_keys[valued] = eval_expr(ctx_, *order[valued].expr, in.row(r));
          const int c = functions::order_compare(row_keys[valued], keys_[worst * n + valued]);
          const bool descending = order[valued].descending;
          ++valued;
          if (c != 0) {
            better = descending ? c > 0 : c < 0;
            break;
          }
        }
        if (!better) continue;
        for (; valued < n; ++valued) {
          row_keys[valued] = eval_expr(ctx_, *order[valued].expr, in.row(r));
        }
        std::pop_heap(heap.begin(), heap.end(), cmp);
        std::copy(in.row(r), in.row(r) + ctx_.width(), rows_.row(worst));
        std::move(row_keys.begin(), row_keys.end(),
                  keys_.begin() + static_cast<std::ptrdiff_t>(worst * n));
        seq_[worst] = seen - 1;
        std::push_heap(heap.begin(), heap.end(), cmp);
      }
      if (!ctx_.tick(in.size())) return;
    }
    order_.resize(rows_.size());
    std::iota(order_.begin(), order_.end(), 0);
    std::sort(order_.begin(), order_.end(), cmp);
  }

  std::unique_ptr<Operator> child_;
  ExistsRunner exists_;
  std::int64_t top_k_;
  const std::vector<TermId>* graphs_ = nullptr;
  Table rows_;
  std::vector<Value> keys_;         // n per row
  std::vector<std::uint64_t> seq_;  // input position per row
  std::vector<std::size_t> order_;  // row numbers, sorted
  bool sorted_ = false;
  std::size_t at_ = 0;
};

}  // namespace

std::unique_ptr<Operator> make_order_by(EvalContext& ctx, const plan::Node& node) {
  return std::make_unique<OrderByOperator>(ctx, node);
}

}  // namespace quiver::eval
