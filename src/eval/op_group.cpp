// Group: partitions the rows by the GROUP BY keys and computes the
// aggregates of each group (18.5.1). Without GROUP BY every row is in one
// group, which exists even for no input (COUNT(*) = 0). An unbound or
// erroneous key is a key value of its own. The input streams; the groups
// are held until it ends.

#include <string>
#include <unordered_map>

#include "eval/exists.hpp"
#include "eval/expression.hpp"
#include "eval/operators.hpp"
#include "functions/registry.hpp"

namespace quiver::eval {
namespace {

struct KeyHash {
  std::size_t operator()(const std::vector<TermId>& key) const {
    std::size_t h = 0x9e3779b97f4a7c15ULL;
    for (TermId id : key) h = (h ^ id) * 0x100000001b3ULL + (h >> 29);
    return h;
  }
};

struct Group {
  std::vector<TermId> key;
  std::vector<TermId> first_row;  // for expressions that are not aggregates
  bool has_row = false;
  std::vector<std::unique_ptr<functions::Aggregator>> aggregators;
};

std::unique_ptr<functions::Aggregator> new_aggregator(const sparql::Expr& e) {
  if (e.kind != sparql::ExprKind::Aggregate) return nullptr;
  return functions::make_aggregator(e.aggregate, e.distinct, e.separator, e.args.empty());
}

// COUNT(*) counts solutions. Only COUNT(DISTINCT *) needs to tell rows
// apart, so only it pays for a value standing for the whole row.
Value row_placeholder(const sparql::Expr& e, const TermId* row, std::size_t width) {
  static const Term kAny = Term::literal("*");
  if (!e.distinct) return kAny;
  std::string s;
  for (std::size_t i = 0; i < width; ++i) s += std::to_string(row[i]) + ',';
  return Term::literal(s);
}

class GroupOperator final : public Operator {
 public:
  GroupOperator(EvalContext& ctx, const plan::Node& node)
      : Operator(ctx, node),
        child_(make_operator(ctx, *node.children.at(0))),
        exists_(ctx, node),
        row_(ctx.width()) {}

  void open(const TermId* seed, const std::vector<TermId>* graphs) override {
    graphs_ = graphs;
    child_->open(seed, graphs);
    groups_.clear();
    index_.clear();
    grouped_ = false;
    at_ = 0;
  }

 protected:
  std::vector<const Operator*> inputs() const override { return {child_.get()}; }
  const ExistsRunner* exists_runner() const override { return &exists_; }

  bool next(RowBatch& out) override {
    out.clear();
    ExistsRunner::Guard guard(ctx_, &exists_, graphs_);
    if (!grouped_) group_input();
    if (ctx_.stopped()) return false;
    const sparql::Op& op = *node_.op;
    for (; at_ < groups_.size() && !out.full(); ++at_) {
      const Group& g = groups_[at_];
      std::fill(row_.begin(), row_.end(), kAnyTerm);
      for (std::size_t k = 0; k < op.group_keys.size(); ++k) {
        const Slot s = ctx_.vars().find(op.group_keys[k].variable);
        if (s != kNoSlot) row_[s] = g.key[k];
      }
      for (std::size_t a = 0; a < op.aggregates.size(); ++a) {
        const Slot s = ctx_.vars().find(op.aggregates[a].variable);
        if (s == kNoSlot) continue;
        Value v;
        if (g.aggregators[a]) {
          v = g.aggregators[a]->result();
        } else if (g.has_row) {
          // Not an aggregate: valued on a representative row, like SAMPLE.
          v = eval_expr(ctx_, *op.aggregates[a].expr, g.first_row.data());
        }
        if (v) row_[s] = ctx_.encode(*v);
      }
      out.push(row_.data());
    }
    return !out.empty();
  }

 private:
  std::size_t new_group(std::vector<TermId> key) {
    Group g{std::move(key), {}, false, {}};
    for (const auto& b : node_.op->aggregates) g.aggregators.push_back(new_aggregator(*b.expr));
    groups_.push_back(std::move(g));
    return groups_.size() - 1;
  }

  // A key's id: a plain variable's is already in the row (the common GROUP
  // BY ?x), anything else is computed and encoded.
  TermId key_id(const sparql::Expr& e, const TermId* row) {
    if (e.kind == sparql::ExprKind::Variable) {
      const Slot s = ctx_.vars().find(e.name);
      return s == kNoSlot ? kAnyTerm : row[s];
    }
    Value v = eval_expr(ctx_, e, row);
    return v ? ctx_.encode(*v) : kAnyTerm;
  }

  void group_input() {
    grouped_ = true;
    const sparql::Op& op = *node_.op;
    if (op.group_keys.empty()) new_group({});
    std::vector<TermId> key(op.group_keys.size());
    RowBatch in(ctx_.width());
    while (child_->pull(in)) {
      for (std::size_t r = 0; r < in.size(); ++r) {
        const TermId* row = in.row(r);
        for (std::size_t k = 0; k < op.group_keys.size(); ++k) {
          key[k] = key_id(*op.group_keys[k].expr, row);
        }
        std::size_t gi = 0;
        if (!op.group_keys.empty()) {
          auto it = index_.find(key);
          if (it == index_.end()) it = index_.emplace(key, new_group(key)).first;
          gi = it->second;
        }
        Group& g = groups_[gi];
        if (!g.has_row) {
          g.first_row.assign(row, row + ctx_.width());
          g.has_row = true;
        }
        for (std::size_t a = 0; a < op.aggregates.size(); ++a) {
          if (!g.aggregators[a]) continue;
          const sparql::Expr& e = *op.aggregates[a].expr;
          if (e.args.empty()) {
            g.aggregators[a]->add(row_placeholder(e, row, ctx_.width()));
          } else {
            g.aggregators[a]->add(eval_expr(ctx_, *e.args[0], row));
          }
        }
      }
      if (!ctx_.tick(in.size())) return;
    }
  }

  std::unique_ptr<Operator> child_;
  ExistsRunner exists_;
  std::vector<TermId> row_;
  const std::vector<TermId>* graphs_ = nullptr;
  std::vector<Group> groups_;
  std::unordered_map<std::vector<TermId>, std::size_t, KeyHash> index_;
  bool grouped_ = false;
  std::size_t at_ = 0;
};

}  // namespace

std::unique_ptr<Operator> make_group(EvalContext& ctx, const plan::Node& node) {
  return std::make_unique<GroupOperator>(ctx, node);
}

}  // namespace quiver::eval
