#pragma once
/// @file
/// A query's answer as it streams, holding all it reads: the store snapshot
/// (so commits made meanwhile stay invisible), the plan and the run.

#include <memory>
#include <string>
#include <vector>

#include "dataset/dataset.hpp"
#include "eval/evaluator.hpp"
#include "optimizer/optimizer.hpp"
#include "plan/plan.hpp"
#include "solutions/result_stream.hpp"

namespace quiver::engine {

/// The answer of one query, read by the caller through the ResultStream
/// interface. After (or while) it is read, explain() tells what ran.
class Answer final : public ResultStream {
 public:
  /// Plans and starts `query` over `snapshot` (optimized already), with the
  /// passes' `timings` kept for explain().
  static Expected<std::unique_ptr<Answer>> start(std::shared_ptr<const Dataset> snapshot,
                                                 eval::QueryDataset dataset, plan::Plan plan,
                                                 const eval::EvalOptions& options,
                                                 std::vector<optimizer::PassTiming> timings);

  QueryForm form() const override { return run_->form(); }
  const std::vector<std::string>& variables() const override { return run_->variables(); }
  bool ordered() const override { return run_->ordered(); }
  bool boolean() override { return run_->boolean(); }
  bool next(SolutionView& row) override { return run_->next(row); }
  bool next(TripleView& triple) override { return run_->next(triple); }
  const std::optional<Error>& error() const override { return run_->error(); }

  /// The plan that ran, one operator a line, each with the planner's
  /// estimate and the rows it produced so far; then the passes' times.
  std::string explain() const;
  /// The plan's tree without counts.
  std::string plan_text() const;
  /// The operator tree the evaluator ran, printed the same way: equal to
  /// plan_text() when the plan that runs is the plan that was made.
  std::string executed_text() const { return run_->executed_text(); }

 private:
  Answer() = default;

  std::shared_ptr<const Dataset> snapshot_;
  eval::QueryDataset dataset_;
  std::unique_ptr<plan::Plan> plan_;
  std::vector<optimizer::PassTiming> timings_;
  std::unique_ptr<eval::QueryRun> run_;
};

}  // namespace quiver::engine
