#pragma once
/// @file
/// The evaluator's operators: one per plan node, each pulling batches of
/// rows from its children. A row has one cell per query variable
/// (kAnyTerm: unbound), so rows from any two operators line up.
///
/// An operator runs from a seed: `open(seed, graphs)` starts it over,
/// producing the solutions compatible with the seed's bindings, merged with
/// them, matching in `graphs`. The top runs from an unbound row; the right
/// side of a bind join from each left row; an EXISTS pattern from the row
/// it tests.

#include <algorithm>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "eval/eval_context.hpp"
#include "plan/plan.hpp"

namespace quiver::eval {

class ExistsRunner;

/// Rows of one width, back to back; the unit operators pass along.
class RowBatch {
 public:
  /// Rows a batch aims for: large enough that a virtual call per batch is
  /// noise, small enough to stay in cache.
  static constexpr std::size_t kRows = 256;

  /// An empty batch of rows `width` cells wide that is full() at `target`
  /// rows (an EXISTS test or a LIMIT 1 wants a single row).
  explicit RowBatch(std::size_t width, std::size_t target = kRows)
      : width_(width), target_(target), cells_(width * std::min(target, kRows)) {}
  /// Cells per row.
  std::size_t width() const { return width_; }
  /// Rows held.
  std::size_t size() const { return rows_; }
  /// True when no row is held.
  bool empty() const { return rows_ == 0; }
  /// True once the batch holds its target of rows (more may be pushed).
  bool full() const { return rows_ >= target_; }
  /// The rows full() waits for.
  std::size_t target() const { return target_; }
  /// Sets the rows full() waits for; an operator passes its caller's
  /// target on to the batch it reads its input into.
  void set_target(std::size_t target) { target_ = target; }
  /// Row `i`; invalidated by pushes.
  const TermId* row(std::size_t i) const { return cells_.data() + i * width_; }
  /// Row `i`, writable; invalidated by pushes.
  TermId* row(std::size_t i) { return cells_.data() + i * width_; }
  /// Appends a row whose cells the caller fills, and returns it.
  TermId* add() {
    const std::size_t at = rows_ * width_;
    // The cells stay allocated across clear(): a push is a bounds check
    // and a copy, where vector::insert was a call per row.
    if (at + width_ > cells_.size()) cells_.resize(std::max(2 * cells_.size(), at + width_));
    ++rows_;
    return cells_.data() + at;
  }
  /// Appends a copy of `row` (which must not point into this batch).
  void push(const TermId* row) {
    TermId* out = add();
    for (std::size_t i = 0; i < width_; ++i) out[i] = row[i];
  }
  /// Appends every row of `other`.
  void append(const RowBatch& other) {
    for (std::size_t r = 0; r < other.rows_; ++r) push(other.row(r));
  }
  /// Keeps the first `rows` rows.
  void truncate(std::size_t rows) { rows_ = std::min(rows_, rows); }
  /// Drops every row.
  void clear() { rows_ = 0; }

 private:
  std::size_t width_;
  std::size_t target_;
  std::size_t rows_ = 0;
  std::vector<TermId> cells_;  // rows_ * width_ of them in use
};

/// One running plan node.
class Operator {
 public:
  /// The operator of `node`, sharing `ctx`.
  Operator(EvalContext& ctx, const plan::Node& node) : ctx_(ctx), node_(node) {}
  /// Virtual: operators own their children through this interface.
  virtual ~Operator() = default;
  Operator(const Operator&) = delete;
  Operator& operator=(const Operator&) = delete;

  /// Starts over from `seed` (ctx.width() cells), matching in `graphs`
  /// (which must outlive the run).
  virtual void open(const TermId* seed, const std::vector<TermId>* graphs) = 0;
  /// Fills `out` (cleared first) with the next rows; false when no row is
  /// left (or the query stopped), `out` being empty then.
  bool pull(RowBatch& out) {
    const bool more = next(out);
    produced_ += out.size();
    return more;
  }
  /// Rows produced over every run.
  std::uint64_t produced() const { return produced_; }
  /// The plan node it runs.
  const plan::Node& node() const { return node_; }
  /// What it ran, with its children, told by the operator itself in the
  /// plan printer's words: the plan check compares it with the plan.
  virtual plan::Shape executed() const;
  /// Adds the rows each node produced (this one and below) to `counts`.
  virtual void count(plan::Counts& counts) const;

 protected:
  /// The operator's own step: see pull().
  virtual bool next(RowBatch& out) = 0;
  /// The children, for executed() and count(); empty by default.
  virtual std::vector<const Operator*> inputs() const { return {}; }
  /// The EXISTS patterns its expressions run, for executed() and count();
  /// none by default.
  virtual const ExistsRunner* exists_runner() const { return nullptr; }

  /// The query's shared state.
  EvalContext& ctx_;
  /// The plan node this operator runs.
  const plan::Node& node_;

 private:
  std::uint64_t produced_ = 0;
};

/// The operator tree of `node`.
std::unique_ptr<Operator> make_operator(EvalContext& ctx, const plan::Node& node);

}  // namespace quiver::eval
