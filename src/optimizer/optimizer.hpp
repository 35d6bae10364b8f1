#pragma once
/// @file
/// The optimizer: a straight list of named passes, each a rewrite of the
/// algebra that keeps its meaning (SPARQL 1.1 section 18 semantics). Passes
/// run in order; each one is testable alone with input/expected pairs.

#include <chrono>
#include <functional>
#include <string>
#include <vector>

#include "dataset/dataset.hpp"
#include "sparql/algebra.hpp"

namespace quiver::optimizer {

/// What passes may consult: the data's statistics (may be null, then
/// cost-based passes keep the written order).
struct PassContext {
  const Dataset* dataset = nullptr;
};

/// One rewrite of the algebra.
struct Pass {
  std::string name;
  std::function<sparql::OpPtr(const sparql::OpPtr&, const PassContext&)> run;
};

/// How long one pass took, for --explain.
struct PassTiming {
  std::string name;
  std::chrono::microseconds elapsed;
};

/// The passes in the order they run: constant folding, BGP merging, filter
/// pushdown, join ordering.
std::vector<Pass> default_passes();

/// Runs `passes` over `op` in order; records timings when asked.
sparql::OpPtr optimize(const sparql::OpPtr& op, const PassContext& context,
                       const std::vector<Pass>& passes = default_passes(),
                       std::vector<PassTiming>* timings = nullptr);

/// Optimizes the query's pattern and its EXISTS sub-patterns.
sparql::Query optimize(sparql::Query query, const PassContext& context,
                       std::vector<PassTiming>* timings = nullptr);

// The passes, exposed for tests.
sparql::OpPtr fold_constants(const sparql::OpPtr& op, const PassContext& context);
sparql::OpPtr push_filters(const sparql::OpPtr& op, const PassContext& context);
sparql::OpPtr merge_bgps(const sparql::OpPtr& op, const PassContext& context);
sparql::OpPtr order_joins(const sparql::OpPtr& op, const PassContext& context);

/// Estimated number of solutions `op` produces (for join ordering and
/// --explain); a rough figure from the dataset's counts.
double estimate_rows(const sparql::Op& op, const PassContext& context);

}  // namespace quiver::optimizer
