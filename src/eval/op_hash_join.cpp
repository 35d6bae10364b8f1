// Hash joins: the right child is run to the end into a table, hashed on
// the plan's keys (variables bound in every row of both sides), and the
// left child streams past it. Join merges compatible pairs; LeftJoin keeps
// a left row alone when no pair passes its filter; Minus drops the left rows
// that a right row shares a binding with and is compatible with (18.5).

#include <algorithm>

#include "eval/exists.hpp"
#include "eval/expression.hpp"
#include "eval/join_index.hpp"
#include "eval/operators.hpp"
#include "sparql/variables.hpp"

namespace quiver::eval {
namespace {

// The slots the right side may bind (its in-scope variables, 18.2.1): all
// its rows hold, kept apart from the query's other slots so that the built
// table is as narrow as the right side (an OPTIONAL {?u :p ?v} keeps two ids
// a row, not one per query variable).
std::vector<Slot> right_slots(const EvalContext& ctx, const plan::Node& right) {
  std::vector<Slot> out;
  if (right.op == nullptr) {
    for (Slot s = 0; s < ctx.width(); ++s) out.push_back(s);
    return out;
  }
  for (const Slot s : slots_of(ctx, sparql::in_scope_variables(*right.op))) {
    if (s != kNoSlot && std::find(out.begin(), out.end(), s) == out.end()) out.push_back(s);
  }
  return out;
}

// Positions of `keys` among `slots` (each key is one of them).
std::vector<Slot> positions_of(const std::vector<Slot>& keys, const std::vector<Slot>& slots) {
  std::vector<Slot> out;
  for (const Slot k : keys) {
    out.push_back(static_cast<Slot>(std::find(slots.begin(), slots.end(), k) - slots.begin()));
  }
  return out;
}

class HashJoinOperator final : public Operator {
 public:
  HashJoinOperator(EvalContext& ctx, const plan::Node& node)
      : Operator(ctx, node),
        left_(make_operator(ctx, *node.children.at(0))),
        right_(make_operator(ctx, *node.children.at(1))),
        keys_(slots_of(ctx, node.keys)),
        seen_(keys_),
        right_slots_(right_slots(ctx, *node.children.at(1))),
        built_keys_(positions_of(keys_, right_slots_)),
        built_(right_slots_.size()),
        narrow_(right_slots_.size()),
        left_rows_(ctx.width()),
        exists_(ctx, node) {}

  void open(const TermId* seed, const std::vector<TermId>* graphs) override {
    seed_ = seed;
    graphs_ = graphs;
    left_->open(seed, graphs);
    built_ = Table(right_slots_.size());
    index_ = JoinIndex();
    seen_.clear();
    keys_only_ = false;
    ready_ = false;
    left_rows_.clear();
    left_at_ = 0;
    candidates_ = {};
    candidate_at_ = 0;
    in_row_ = false;
  }

  plan::Shape executed() const override {
    plan::Shape out = Operator::executed();
    out.line = plan::kind_name(node_.kind);
    if (node_.kind != plan::NodeKind::Minus) out.line += " hash";
    out.line += keys_.empty() ? " (every pair)" : " on" + slot_names(ctx_, keys_);
    if (node_.kind == plan::NodeKind::LeftJoin && !node_.op->exprs.empty()) {
      out.line += " filter" + plan::expression_list(node_.op->exprs);
    }
    return out;
  }

 protected:
  std::vector<const Operator*> inputs() const override { return {left_.get(), right_.get()}; }
  const ExistsRunner* exists_runner() const override { return &exists_; }

  bool next(RowBatch& out) override {
    out.clear();
    if (!ready_) build();
    ExistsRunner::Guard guard(ctx_, &exists_, graphs_);
    if (in_place_ && !in_row_ && left_at_ >= left_rows_.size()) {
      for (;;) {
        if (!left_->pull(out)) return false;
        const bool whole = join_in_place(out);
        if (!ctx_.tick(out.size())) return false;
        if (!whole) break;  // the general loop goes on from left_rows_
        if (!out.empty()) return true;
      }
    }
    const std::size_t w = ctx_.width();
    while (!out.full() && !ctx_.stopped()) {
      if (!in_row_) {
        if (left_at_ >= left_rows_.size()) {
          left_at_ = 0;
          if (!left_->pull(left_rows_)) break;
        }
        row_ = left_rows_.row(left_at_++);
        if (keys_only_) {
          // The keys are bound in every left row; one of them not the
          // seed's is a shared binding (as below).
          if (!ctx_.tick()) break;
          if (!(shares_key_ && seen_.contains(row_))) out.push(row_);
          continue;
        }
        candidates_ = index_.candidates(row_);
        candidate_at_ = 0;
        matched_ = false;
        in_row_ = true;
        if (!ctx_.tick()) break;
      }
      const bool minus = node_.kind == plan::NodeKind::Minus;
      for (; candidate_at_ < candidates_.size() && !out.full(); ++candidate_at_) {
        const TermId* r = built_.row(candidates_[candidate_at_]);
        bool shared = false;
        if (!fits(row_, r, &shared)) continue;
        if (minus) {
          if (!shared) continue;
          matched_ = true;
          candidate_at_ = candidates_.size();
          break;
        }
        // Merged in place in the output; a row its filter rejects is taken back.
        TermId* merged = out.add();
        for (std::size_t i = 0; i < w; ++i) merged[i] = row_[i];
        overlay(merged, r);
        if (node_.kind == plan::NodeKind::LeftJoin && !node_.op->exprs.empty() &&
            !eval_conjunction(ctx_, node_.op->exprs, merged)) {
          out.truncate(out.size() - 1);
          continue;
        }
        matched_ = true;
      }
      if (candidate_at_ < candidates_.size()) continue;  // out is full
      in_row_ = false;
      // A left row nothing joined: LeftJoin keeps it, Minus keeps it.
      if (!matched_ && node_.kind != plan::NodeKind::Join) out.push(row_);
    }
    return !out.empty() && !ctx_.stopped();
  }

 private:
  // True when the left row `row` and the built row `r` agree on every
  // variable both bind. With `shared`, also whether they share a binding
  // as MINUS counts it (dom(a) ∩ dom(b) ≠ ∅). The seed's variables do not
  // count: run from a seed (an EXISTS test), the pattern is the one the
  // seed's values are substituted into (18.6), where they are constants,
  // in neither domain.
  bool fits(const TermId* row, const TermId* r, bool* shared = nullptr) const {
    for (std::size_t i = 0; i < right_slots_.size(); ++i) {
      const TermId mine = row[right_slots_[i]];
      if (r[i] == kAnyTerm || mine == kAnyTerm) continue;
      if (mine != r[i]) return false;
      if (shared != nullptr && seed_[right_slots_[i]] == kAnyTerm) *shared = true;
    }
    return true;
  }

  // Writes the cells the built row `r` binds into the full row `to`.
  void overlay(TermId* to, const TermId* r) const {
    for (std::size_t i = 0; i < right_slots_.size(); ++i) {
      if (r[i] != kAnyTerm) to[right_slots_[i]] = r[i];
    }
  }

  // A key join's left rows mostly meet one right row at most: those are
  // joined where they stand in the batch the left side filled, with no
  // copy of the row. From the first row that meets several, the rest of
  // the batch goes to left_rows_ for the general loop (false then).
  bool join_in_place(RowBatch& out) {
    const bool inner = node_.kind == plan::NodeKind::Join;
    std::size_t kept = 0;
    for (std::size_t at = 0; at < out.size(); ++at) {
      const TermId* row = out.row(at);
      const JoinIndex::Candidates c = index_.candidates(row);
      const TermId* match = nullptr;
      bool several = false;
      for (std::size_t k = 0; k < c.size() && !several; ++k) {
        const TermId* r = built_.row(c[k]);
        if (!fits(row, r)) continue;
        several = match != nullptr;
        match = r;
      }
      if (several) {
        left_rows_.clear();
        for (std::size_t q = at; q < out.size(); ++q) left_rows_.push(out.row(q));
        left_at_ = 0;
        out.truncate(kept);
        return false;
      }
      if (match == nullptr && inner) continue;
      TermId* to = out.row(kept++);
      if (to != row) std::copy(row, row + out.width(), to);
      if (match != nullptr) overlay(to, match);
    }
    out.truncate(kept);
    return true;
  }

  void build() {
    ready_ = true;
    right_->open(seed_, graphs_);
    RowBatch batch(ctx_.width());
    // MINUS on every shared variable: a right row counts by its keys only,
    // so each distinct keys are kept once, in a set probed by the left
    // rows (millions of rows for a MINUS over a whole predicate become as
    // many as its distinct subjects).
    keys_only_ = node_.kind == plan::NodeKind::Minus && node_.keys_are_shared && !keys_.empty();
    shares_key_ =
        std::any_of(keys_.begin(), keys_.end(), [&](Slot k) { return seed_[k] == kAnyTerm; });
    // Sized from the plan's estimate: growing by doubling copied the table
    // and faulted fresh pages in at each step. Capped at 32 MiB, since an
    // estimate can be far too high and --max-memory (RLIMIT_DATA) counts
    // what is reserved, touched or not.
    if (!keys_only_ && !right_slots_.empty()) {
      const double cap = double(kReserveCells) / double(right_slots_.size());
      built_.reserve(static_cast<std::size_t>(std::clamp(node_.children[1]->rows, 0.0, cap)));
    }
    while (right_->pull(batch)) {
      for (std::size_t r = 0; r < batch.size(); ++r) {
        if (keys_only_) {
          seen_.insert(batch.row(r));
        } else {
          const TermId* row = batch.row(r);
          for (std::size_t i = 0; i < right_slots_.size(); ++i) narrow_[i] = row[right_slots_[i]];
          built_.push(narrow_.data());
        }
      }
      if (!ctx_.tick(batch.size())) return;
    }
    if (!keys_only_) index_ = JoinIndex(built_, built_keys_, keys_);
    in_place_ =
        !keys_.empty() && (node_.kind == plan::NodeKind::Join ||
                           (node_.kind == plan::NodeKind::LeftJoin && node_.op->exprs.empty()));
  }

  std::unique_ptr<Operator> left_;
  std::unique_ptr<Operator> right_;
  std::vector<Slot> keys_;
  // A MINUS on keys alone keeps the right side's distinct keys here, not
  // in built_ (keys_only_), and drops a left row whose keys are in it.
  KeySet seen_;
  bool keys_only_ = false;
  bool shares_key_ = false;
  bool in_place_ = false;  // join_in_place() may take the left side's batches
  static constexpr std::size_t kReserveCells = std::size_t{4} << 20;
  std::vector<Slot> right_slots_;  // the query slots a built row holds, in its order
  std::vector<Slot> built_keys_;   // keys_ as positions in a built row
  Table built_;                    // the right side's rows, narrowed to right_slots_
  std::vector<TermId> narrow_;
  JoinIndex index_;
  RowBatch left_rows_;
  ExistsRunner exists_;
  const TermId* seed_ = nullptr;
  const std::vector<TermId>* graphs_ = nullptr;
  bool ready_ = false;
  std::size_t left_at_ = 0;
  const TermId* row_ = nullptr;
  JoinIndex::Candidates candidates_;
  std::size_t candidate_at_ = 0;
  bool in_row_ = false;
  bool matched_ = false;
};

}  // namespace

std::unique_ptr<Operator> make_hash_join(EvalContext& ctx, const plan::Node& node) {
  return std::make_unique<HashJoinOperator>(ctx, node);
}

}  // namespace quiver::eval
