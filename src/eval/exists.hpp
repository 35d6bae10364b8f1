#pragma once
/// @file
/// The EXISTS patterns of one operator's expressions, each a sub-plan run
/// per row with that row as its seed (18.6: the row's bindings are
/// substituted into the pattern).

#include <memory>
#include <utility>
#include <vector>

#include "eval/operator.hpp"

namespace quiver::eval {

/// Runs the EXISTS patterns of one plan node.
class ExistsRunner {
 public:
  /// The operators of `node`'s EXISTS plans.
  ExistsRunner(EvalContext& ctx, const plan::Node& node);

  /// Makes these patterns the ones eval_expr() uses, in `graphs`, until
  /// the guard goes out of scope (nested EXISTS restore the outer ones).
  class Guard {
   public:
    /// Activates `runner` (may be null: no EXISTS to run) in `graphs`.
    Guard(EvalContext& ctx, ExistsRunner* runner, const std::vector<TermId>* graphs);
    ~Guard();
    Guard(const Guard&) = delete;
    Guard& operator=(const Guard&) = delete;

   private:
    EvalContext& ctx_;
    ExistsRunner* previous_;
    const std::vector<TermId>* previous_graphs_ = nullptr;
    ExistsRunner* runner_;
  };

  /// True when the pattern of `expr` has a solution with `row` as the seed;
  /// nullopt when `expr` is none of this node's (an error, by the spec's lights).
  std::optional<bool> test(const sparql::Expr& expr, const TermId* row);

  /// The trees that ran, for the plan check.
  std::vector<plan::Shape::Exists> executed() const;
  /// Adds their row counts.
  void count(plan::Counts& counts) const;
  /// True when the node has no EXISTS.
  bool empty() const { return patterns_.empty(); }

 private:
  std::vector<std::pair<const sparql::Expr*, std::unique_ptr<Operator>>> patterns_;
  const std::vector<TermId>* graphs_ = nullptr;
  RowBatch scratch_;
};

}  // namespace quiver::eval
