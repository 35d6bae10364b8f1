#include "eval/exists.hpp"

namespace quiver::eval {

// One row answers EXISTS: the scratch batch asks for no more.
ExistsRunner::ExistsRunner(EvalContext& ctx, const plan::Node& node) : scratch_(ctx.width(), 1) {
  for (const auto& e : node.exists) patterns_.emplace_back(e.expr, make_operator(ctx, *e.root));
}

ExistsRunner::Guard::Guard(EvalContext& ctx, ExistsRunner* runner,
                           const std::vector<TermId>* graphs)
    : ctx_(ctx), previous_(ctx.set_exists(runner)), runner_(runner) {
  if (runner_) previous_graphs_ = std::exchange(runner_->graphs_, graphs);
}

ExistsRunner::Guard::~Guard() {
  if (runner_) runner_->graphs_ = previous_graphs_;
  ctx_.set_exists(previous_);
}

std::optional<bool> ExistsRunner::test(const sparql::Expr& expr, const TermId* row) {
  for (auto& [e, op] : patterns_) {
    if (e != &expr) continue;
    op->open(row, graphs_);
    return op->pull(scratch_);
  }
  return std::nullopt;
}

std::vector<plan::Shape::Exists> ExistsRunner::executed() const {
  std::vector<plan::Shape::Exists> out;
  for (const auto& [e, op] : patterns_) {
    out.push_back({e->kind == sparql::ExprKind::NotExists, op->executed()});
  }
  return out;
}

void ExistsRunner::count(plan::Counts& counts) const {
  for (const auto& p : patterns_) p.second->count(counts);
}

}  // namespace quiver::eval
