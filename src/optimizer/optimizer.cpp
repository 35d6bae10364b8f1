#include "optimizer/optimizer.hpp"

#include "optimizer/variables.hpp"

namespace quiver::optimizer {

using sparql::Expr;
using sparql::ExprPtr;
using sparql::Op;
using sparql::OpPtr;

namespace {

OpPtr optimize_exists(const OpPtr& op, const PassContext& context);

// `e` with the pattern of every EXISTS / NOT EXISTS in it optimized.
ExprPtr optimize_exists(const ExprPtr& e, const PassContext& context) {
  if (!e) return e;
  Expr copy = *e;
  bool changed = false;
  for (auto& arg : copy.args) {
    ExprPtr optimized = optimize_exists(arg, context);
    changed = changed || optimized != arg;
    arg = optimized;
  }
  if (copy.pattern) {
    OpPtr optimized = optimize(optimize_exists(copy.pattern, context), context);
    changed = changed || optimized != copy.pattern;
    copy.pattern = optimized;
  }
  return changed ? sparql::make_expr(std::move(copy)) : e;
}

// `op` with the EXISTS patterns in its expressions (and its children's)
// optimized: the passes themselves leave them alone.
OpPtr optimize_exists(const OpPtr& op, const PassContext& context) {
  return map_expressions(
      map_children(op, [&](const OpPtr& c) { return optimize_exists(c, context); }),
      [&](const ExprPtr& e) { return optimize_exists(e, context); });
}

}  // namespace

std::vector<Pass> default_passes() {
  return {
      {"fold_constants", fold_constants},
      {"merge_bgps", merge_bgps},
      {"push_filters", push_filters},
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
  if (!query.pattern) return query;
  PassContext with_base = context;
  with_base.base_iri = query.base_iri;
  query.pattern = optimize(query.pattern, with_base, default_passes(), timings);
  query.pattern = optimize_exists(query.pattern, with_base);
  return query;
}

}  // namespace quiver::optimizer
