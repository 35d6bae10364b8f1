#include "engine/answer.hpp"

namespace quiver::engine {

Expected<std::unique_ptr<Answer>> Answer::start(std::shared_ptr<const Dataset> snapshot,
                                                eval::QueryDataset dataset, plan::Plan plan,
                                                const eval::EvalOptions& options,
                                                std::vector<optimizer::PassTiming> timings) {
  std::unique_ptr<Answer> answer(new Answer());
  answer->snapshot_ = std::move(snapshot);
  answer->dataset_ = std::move(dataset);
  answer->dataset_.data = answer->snapshot_.get();
  answer->plan_ = std::make_unique<plan::Plan>(std::move(plan));
  answer->timings_ = std::move(timings);
  auto run = eval::QueryRun::start(*answer->plan_, answer->dataset_, options);
  if (!run) return run.error();
  answer->run_ = std::move(*run);
  return answer;
}

std::string Answer::explain() const {
  std::string out = "plan (estimated and actual rows):\n";
  if (plan_->root) {
    const plan::Counts counts = run_->counts();
    out += plan::to_text(*plan_->root, &counts);
  }
  out += "optimizer passes:";
  for (const auto& t : timings_)
    out += " " + t.name + " " + std::to_string(t.elapsed.count()) + "us";
  out += "\n";
  return out;
}

std::string Answer::plan_text() const {
  return plan_->root ? plan::to_text(*plan_->root) : std::string();
}

}  // namespace quiver::engine
