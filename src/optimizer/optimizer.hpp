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

/// What the passes and the planner may consult: the data's statistics (may
/// be null: the planner then guesses by the patterns' shapes).
struct PassContext {
  /// The dataset queried; null when unknown (no statistics).
  const Dataset* dataset = nullptr;
  /// The graphs forming the query's default graph (FROM); empty means the
  /// store's default graph.
  std::vector<TermId> default_graphs;
  /// The query's BASE, against which IRI() resolves when it is folded; the
  /// Query overload of optimize() takes it from the query. (The `= {}`
  /// lets brace initialisations that stop before it build without
  /// -Wmissing-field-initializers.)
  std::string base_iri = {};
  /// Plan the algebra as written (the reference the optimizer is tested
  /// against): each BGP's patterns in their written order, every join and
  /// left join a hash join of sides evaluated alone (as SPARQL 1.1 section
  /// 18.5 defines them), no top-k. The engine then skips the passes too.
  bool naive = false;
};

/// One rewrite of the algebra.
struct Pass {
  /// Short name, as --explain shows it next to the pass's time.
  std::string name;
  /// The rewrite; returns `op` itself when nothing changes.
  std::function<sparql::OpPtr(const sparql::OpPtr&, const PassContext&)> run;
};

/// How long one pass took, for --explain.
struct PassTiming {
  /// The pass's name.
  std::string name;
  /// Time the pass took (steady clock).
  std::chrono::microseconds elapsed;
};

/// The passes in the order they run: constant folding, BGP merging, filter
/// pushdown. Join order and algorithms are the planner's (planner.hpp).
std::vector<Pass> default_passes();

/// Runs `passes` over `op` in order; records timings when asked.
sparql::OpPtr optimize(const sparql::OpPtr& op, const PassContext& context,
                       const std::vector<Pass>& passes = default_passes(),
                       std::vector<PassTiming>* timings = nullptr);

/// Optimizes the query's pattern and its EXISTS sub-patterns.
sparql::Query optimize(sparql::Query query, const PassContext& context,
                       std::vector<PassTiming>* timings = nullptr);

// The passes, exposed for tests.
/// Constant folding: computes constant expressions once at plan time; calls
/// that differ per call (RAND, NOW, BNODE, ...) and errors are left alone.
sparql::OpPtr fold_constants(const sparql::OpPtr& op, const PassContext& context);
/// Filter pushdown: moves a FILTER below Join, LeftJoin, Minus (left sides),
/// Extend, Graph or into both Union arms when the operand binds all it reads.
sparql::OpPtr push_filters(const sparql::OpPtr& op, const PassContext& context);
/// BGP merging: Join(BGP, BGP) becomes one BGP, and a join with the empty
/// group becomes its other operand, giving join ordering more patterns.
sparql::OpPtr merge_bgps(const sparql::OpPtr& op, const PassContext& context);

}  // namespace quiver::optimizer
