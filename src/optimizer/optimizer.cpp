#include "optimizer/optimizer.hpp"

namespace quiver::optimizer {

std::vector<Pass> default_passes() {
  return {
      {"fold_constants", fold_constants},
      {"merge_bgps", merge_bgps},
      {"push_filters", push_filters},
      {"order_joins", order_joins},
  };
}

sparql::OpPtr optimize(const sparql::OpPtr& op, const PassContext& context,
                       const std::vector<Pass>& passes, std::vector<PassTiming>* timings) {
  sparql::OpPtr current = op;
  for (const auto& pass : passes) {
    const auto start = std::chrono::steady_clock::now();
    current = pass.run(current, context);
    if (timings != nullptr) {
      timings->push_back({pass.name, std::chrono::duration_cast<std::chrono::microseconds>(
                                         std::chrono::steady_clock::now() - start)});
    }
  }
  return current;
}

sparql::Query optimize(sparql::Query query, const PassContext& context,
                       std::vector<PassTiming>* timings) {
  if (query.pattern) query.pattern = optimize(query.pattern, context, default_passes(), timings);
  return query;
}

}  // namespace quiver::optimizer
