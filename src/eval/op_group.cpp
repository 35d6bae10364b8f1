// Group: partitions the rows by the GROUP BY keys and computes the
// aggregates of each group (18.5.1). Without GROUP BY every row is in one
// group, which exists even for no input (COUNT(*) = 0). An unbound or
// erroneous key is a key value of its own. The input streams; the groups
// are held until it ends.

#include <algorithm>
#include <bit>
#include <cstdint>
#include <span>
#include <string>

#include "eval/exists.hpp"
#include "eval/expression.hpp"
#include "eval/join_index.hpp"
#include "eval/operators.hpp"
#include "functions/registry.hpp"

namespace quiver::eval {
namespace {

std::size_t hash_key(std::span<const TermId> key) {
  std::size_t h = 0x9e3779b97f4a7c15ULL;
  for (TermId id : key) h = (h ^ id) * 0x100000001b3ULL + (h >> 29);
  return h * 0x9E3779B97F4A7C15ULL;  // the top bits pick the slot
}

// Keys are a few ids: a loop, where operator== calls memcmp.
bool same_key(std::span<const TermId> a, std::span<const TermId> b) {
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (a[i] != b[i]) return false;
  }
  return true;
}

// What a group needs beyond its key and counts, made only for queries
// that use it (most GROUP BYs count, and a million groups are a million
// allocations saved).
struct Group {
  std::vector<TermId> first_row;  // for expressions that are not aggregates
  bool has_row = false;
  std::vector<std::unique_ptr<functions::Aggregator>> aggregators;
  // Per aggregate over DISTINCT ?var: the ids already passed on.
  std::vector<KeySet> seen;
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
        row_(ctx.width()) {
    // An aggregate of DISTINCT ?var drops repeated ids before it decodes
    // the term: one id is one term in a query's dictionary (GROUP BY keys
    // rely on it too), and most rows repeat a value.
    for (const auto& b : node.op->aggregates) {
      const sparql::Expr& e = *b.expr;
      const bool by_id = e.kind == sparql::ExprKind::Aggregate && e.distinct &&
                         e.args.size() == 1 && e.args[0]->kind == sparql::ExprKind::Variable;
      distinct_slots_.push_back(by_id ? ctx.vars().find(e.args[0]->name) : kNoSlot);
      // COUNT(*) and COUNT(?var) count in a flat array, without an
      // aggregator object or a decoded term.
      Slot counted = kNoCount;
      if (e.kind == sparql::ExprKind::Aggregate && !e.distinct &&
          e.aggregate == functions::Aggregate::Count) {
        if (e.args.empty()) {
          counted = kCountAll;
        } else if (e.args.size() == 1 && e.args[0]->kind == sparql::ExprKind::Variable) {
          counted = ctx.vars().find(e.args[0]->name);
          if (counted == kNoSlot) counted = kNoCount;
        }
      }
      counted_.push_back(counted);
      any_aggregator_ = any_aggregator_ || counted == kNoCount;
      any_distinct_ = any_distinct_ || distinct_slots_.back() != kNoSlot;
      if (e.kind != sparql::ExprKind::Aggregate) needs_first_row_ = true;
      aggregate_slots_.push_back(ctx.vars().find(b.variable));
    }
    for (const auto& k : node.op->group_keys) {
      key_slots_.push_back(ctx.vars().find(k.variable));
      plain_keys_.push_back(variable_slot(ctx, *k.expr));
    }
  }

  void open(const TermId* seed, const std::vector<TermId>* graphs) override {
    graphs_ = graphs;
    child_->open(seed, graphs);
    groups_.clear();
    keys_.clear();
    slots_.clear();
    counts_.clear();
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
      for (std::size_t k = 0; k < key_slots_.size(); ++k) {
        if (key_slots_[k] != kNoSlot) row_[key_slots_[k]] = key_of(at_)[k];
      }
      for (std::size_t a = 0; a < op.aggregates.size(); ++a) {
        const Slot s = aggregate_slots_[a];
        if (s == kNoSlot) continue;
        if (counted_[a] != kNoCount) {
          row_[s] = count_id(counts_[at_ * counted_.size() + a]);
          continue;
        }
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
  std::size_t new_group(std::span<const TermId> key) {
    keys_.insert(keys_.end(), key.begin(), key.end());
    counts_.resize(counts_.size() + counted_.size());
    Group& g = groups_.emplace_back();
    if (any_aggregator_) {
      for (std::size_t a = 0; a < counted_.size(); ++a) {
        const sparql::Expr& e = *node_.op->aggregates[a].expr;
        g.aggregators.push_back(counted_[a] == kNoCount ? new_aggregator(e) : nullptr);
      }
    }
    if (any_distinct_) {
      for (const Slot s : distinct_slots_) {
        g.seen.emplace_back(s == kNoSlot ? std::vector<Slot>{} : std::vector<Slot>{s});
      }
    }
    return groups_.size() - 1;
  }

  std::span<const TermId> key_of(std::size_t g) const {
    const std::size_t k = node_.op->group_keys.size();
    return {keys_.data() + g * k, k};
  }

  // The group of `key`, new if need be: open addressing over the groups'
  // numbers, each slot with its key's hash, so that a probe rarely reads a
  // group; a one-id key's hash is a bijection of the id, so it is the key.
  std::size_t group_of(std::span<const TermId> key) {
    if (2 * (groups_.size() + 1) > slots_.size()) grow();
    const std::size_t h = hash_key(key);
    const std::size_t mask = slots_.size() - 1;
    for (std::size_t i = h >> shift_;; i = (i + 1) & mask) {
      GroupSlot& slot = slots_[i];
      if (slot.group == 0) {
        slot = {h, new_group(key) + 1};
        return slot.group - 1;
      }
      if (slot.hash == h && (key.size() == 1 || same_key(key_of(slot.group - 1), key))) {
        return slot.group - 1;
      }
    }
  }

  void grow() {
    const std::size_t size = slots_.empty() ? 64 : 2 * slots_.size();
    shift_ = 64 - static_cast<unsigned>(std::countr_zero(size));
    slots_.assign(size, {});
    for (std::size_t g = 0; g < groups_.size(); ++g) {
      const std::size_t h = hash_key(key_of(g));
      std::size_t i = h >> shift_;
      while (slots_[i].group != 0) i = (i + 1) & (size - 1);
      slots_[i] = {h, g + 1};
    }
  }

  // Key k's id: a plain variable's is already in the row (the common GROUP
  // BY ?x), anything else is computed and encoded.
  TermId key_id(std::size_t k, const TermId* row) {
    const Slot s = plain_keys_[k];
    if (s != kComputedSlot) return s == kNoSlot ? kAnyTerm : row[s];
    Value v = eval_expr(ctx_, *node_.op->group_keys[k].expr, row);
    return v ? ctx_.encode(*v) : kAnyTerm;
  }

  // A count's id. Counts repeat across groups (most are small), and
  // encoding one looks the literal up in the dataset's dictionary.
  TermId count_id(std::int64_t n) {
    if (n >= 0 && static_cast<std::size_t>(n) < count_ids_.size() &&
        count_ids_[static_cast<std::size_t>(n)] != kAnyTerm) {
      return count_ids_[static_cast<std::size_t>(n)];
    }
    const TermId id = ctx_.encode(Term::literal(std::to_string(n), vocab::kXsdInteger));
    if (n >= 0 && n < kCachedCounts) {
      const auto i = static_cast<std::size_t>(n);
      if (i >= count_ids_.size()) count_ids_.resize(i + 1, kAnyTerm);
      count_ids_[i] = id;
    }
    return id;
  }

  void group_input() {
    grouped_ = true;
    const sparql::Op& op = *node_.op;
    if (op.group_keys.empty()) new_group({});
    std::vector<TermId> key(op.group_keys.size());
    std::vector<TermId> last_key(key.size());
    constexpr std::size_t kNoGroup = ~std::size_t{0};
    std::size_t last = kNoGroup;
    RowBatch in(ctx_.width());
    while (child_->pull(in)) {
      for (std::size_t r = 0; r < in.size(); ++r) {
        const TermId* row = in.row(r);
        for (std::size_t k = 0; k < op.group_keys.size(); ++k) {
          key[k] = key_id(k, row);
        }
        // Rows often come grouped (a scan by subject, GROUP BY ?s): the
        // last row's group is tried before the table.
        if (op.group_keys.empty()) {
          last = 0;
        } else if (last == kNoGroup || !same_key(key, last_key)) {
          last = group_of(key);
          last_key = key;
        }
        const std::size_t gi = last;
        if (needs_first_row_ && !groups_[gi].has_row) {
          groups_[gi].first_row.assign(row, row + ctx_.width());
          groups_[gi].has_row = true;
        }
        std::int64_t* counts = counts_.data() + gi * counted_.size();
        for (std::size_t a = 0; a < counted_.size(); ++a) {
          const Slot c = counted_[a];
          if (c == kCountAll) {
            ++counts[a];
            continue;
          }
          if (c != kNoCount) {
            counts[a] += row[c] != kAnyTerm;
            continue;
          }
          Group& g = groups_[gi];
          if (!g.aggregators[a]) continue;
          const sparql::Expr& e = *op.aggregates[a].expr;
          if (const Slot s = distinct_slots_[a];
              s != kNoSlot && row[s] != kAnyTerm && !g.seen[a].insert(row)) {
            continue;
          }
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
  std::vector<Slot> distinct_slots_;  // per aggregate: DISTINCT ?var's slot, or kNoSlot
  // Per aggregate: kCountAll (COUNT(*)), ?var's slot (COUNT(?var)), or
  // kNoCount (an aggregator object does it).
  static constexpr Slot kNoCount = kNoSlot;
  static constexpr Slot kCountAll = kNoSlot - 1;
  std::vector<Slot> counted_;
  std::vector<Slot> aggregate_slots_;  // per aggregate: the slot its variable fills
  std::vector<Slot> key_slots_;        // per GROUP BY key: the slot it fills
  std::vector<Slot> plain_keys_;       // per GROUP BY key: variable_slot() of its expression
  static constexpr std::int64_t kCachedCounts = 1 << 16;
  std::vector<TermId> count_ids_;     // count n's id at n, or kAnyTerm
  std::vector<std::int64_t> counts_;  // group g's: counts_[g * counted_.size() + a]
  bool needs_first_row_ = false;      // a non-aggregate expression is valued on it
  const std::vector<TermId>* graphs_ = nullptr;
  std::vector<Group> groups_;
  std::vector<TermId> keys_;     // group g's key: key_of(g)
  bool any_aggregator_ = false;  // an aggregate needs an aggregator object
  bool any_distinct_ = false;    // an aggregate is over DISTINCT ?var
  struct GroupSlot {
    std::size_t hash = 0;
    std::size_t group = 0;  // the group's number + 1; 0: empty
  };
  std::vector<GroupSlot> slots_;
  unsigned shift_ = 0;
  bool grouped_ = false;
  std::size_t at_ = 0;
};

}  // namespace

std::unique_ptr<Operator> make_group(EvalContext& ctx, const plan::Node& node) {
  return std::make_unique<GroupOperator>(ctx, node);
}

}  // namespace quiver::eval
