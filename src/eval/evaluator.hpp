#pragma once
/// @file
/// Runs a parsed (and optimized) query over a Dataset and returns its
/// result. Never sees a concrete store.

#include <atomic>
#include <chrono>
#include <cstdint>
#include <optional>
#include <unordered_map>
#include <vector>

#include "dataset/dataset.hpp"
#include "sparql/algebra.hpp"
#include "solutions/query_result.hpp"
#include "util/expected.hpp"

namespace quiver::eval {

/// The RDF dataset of one query: which graphs form its default graph and
/// which named graphs it may see (FROM / FROM NAMED, or the whole store).
struct QueryDataset {
  /// The store queried; must not be null.
  const Dataset* data = nullptr;
  /// Graphs merged into the default graph; empty means {kDefaultGraph}.
  std::vector<TermId> default_graphs;
  /// Named graphs visible to GRAPH; nullopt means all of data's named graphs.
  std::optional<std::vector<TermId>> named_graphs;
};

/// Limits and instrumentation of one evaluation.
struct EvalOptions {
  /// The query stops with an error once this passes.
  std::chrono::steady_clock::time_point deadline = std::chrono::steady_clock::time_point::max();
  /// Set from another thread to stop the query.
  const std::atomic<bool>* cancel = nullptr;
  /// When set, filled with the number of solutions each operator produced
  /// (for --explain).
  std::unordered_map<const sparql::Op*, std::uint64_t>* actual_rows = nullptr;
};

/// Evaluates `query` over `dataset`. Errors are for what stops a query
/// (timeout, cancel, unsupported SERVICE); expression errors follow the spec.
Expected<QueryResult> evaluate(const sparql::Query& query, const QueryDataset& dataset,
                                       const EvalOptions& options = {});

}  // namespace quiver::eval
