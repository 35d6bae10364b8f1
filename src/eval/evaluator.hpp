#pragma once
/// @file
/// Runs a plan over a Dataset, streaming its answer. Never sees a concrete
/// store, and executes the plan exactly as the planner made it.

#include <atomic>
#include <chrono>
#include <cstdint>
#include <memory>
#include <optional>
#include <vector>

#include "dataset/dataset.hpp"
#include "plan/plan.hpp"
#include "solutions/result_stream.hpp"
#include "solutions/service_client.hpp"
#include "util/expected.hpp"

namespace quiver::eval {

/// The RDF dataset of one query: which graphs form its default graph and
/// which named graphs it may see (FROM / FROM NAMED, or the whole store).
struct QueryDataset {
  /// The store queried; must not be null.
  const Dataset* data = nullptr;
  /// Graphs merged into the default graph; empty means {kDefaultGraph};
  /// {kAnyNamedGraph} means the union of all named graphs.
  std::vector<TermId> default_graphs;
  /// Named graphs visible to GRAPH; nullopt means all of data's named graphs.
  std::optional<std::vector<TermId>> named_graphs;
};

/// Limits of one evaluation.
struct EvalOptions {
  /// The query stops with an error once this passes.
  std::chrono::steady_clock::time_point deadline = std::chrono::steady_clock::time_point::max();
  /// Set from another thread to stop the query.
  const std::atomic<bool>* cancel = nullptr;
  /// Bytes of terms the query may compute and keep (BIND, projected
  /// expressions, aggregates): past it the query stops with a Limit error
  /// instead of taking the machine's memory (a CONCAT doubling a string).
  std::uint64_t max_computed_bytes = std::uint64_t{1} << 30;
  /// Runs SERVICE patterns at their endpoints; null refuses SERVICE (SERVICE
  /// SILENT then yields its seed, as for any failure).
  const ServiceClient* service = nullptr;
};

/// One query running: its answer as a stream (rows are computed as the
/// reader asks for them), then what ran and how many rows each operator
/// produced.
class QueryRun : public ResultStream {
 public:
  /// Starts `plan` over `dataset`; both must outlive the run.
  static Expected<std::unique_ptr<QueryRun>> start(const plan::Plan& plan,
                                                   const QueryDataset& dataset,
                                                   const EvalOptions& options = {});
  /// SELECT: the next solution as ids, one per result variable: the
  /// dataset's id of a term it holds, kAnyTerm when unbound, or an id at or
  /// above kFirstLocalId for a term the query computed (see term()). For
  /// callers that go back to the store (updates): no term is decoded.
  virtual bool next_ids(std::vector<TermId>& row) = 0;
  /// The term behind an id from next_ids(), valid while the run lives.
  virtual TermRef term(TermId id) const = 0;
  /// The rows each plan node has produced so far.
  virtual plan::Counts counts() const = 0;
  /// The operator tree that ran, as plan::to_text() prints a plan without counts.
  virtual std::string executed_text() const = 0;
};

/// Plans nothing: runs `plan` to the end and returns its whole answer.
Expected<QueryResult> evaluate(const plan::Plan& plan, const QueryDataset& dataset,
                               const EvalOptions& options = {});

}  // namespace quiver::eval
