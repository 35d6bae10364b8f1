#pragma once
/// @file
/// Property paths (SPARQL 1.1, 18.5 "ALP"): every (start, end) pair of
/// nodes a path connects in the active graph(s).

#include <functional>
#include <optional>
#include <vector>

#include "eval/eval_context.hpp"
#include "sparql/algebra.hpp"

namespace quiver::eval {

/// Receives one (start, end) pair; returns false to stop.
using PairSink = std::function<bool(TermId start, TermId end)>;

/// Evaluates paths within one EvalContext and set of graphs; caches their
/// node set for zero-length paths between two variables.
class PathEvaluator {
 public:
  /// An evaluator over `ctx`'s dataset in `graphs`; both must outlive it.
  PathEvaluator(EvalContext& ctx, const std::vector<TermId>& graphs) : ctx_(ctx), graphs_(graphs) {}

  /// Calls `sink` for every pair `path` connects with `start` / `end`
  /// fixed unless kAnyTerm. `*`, `+` and `?` give each pair once; other
  /// kinds count duplicates as the spec's joins and unions do. Returns
  /// false when stopped.
  bool eval(const sparql::Path& path, TermId start, TermId end, const PairSink& sink);

 private:
  bool eval_link(TermId predicate, TermId start, TermId end, const PairSink& sink);
  bool eval_sequence(const std::vector<sparql::PathPtr>& steps, std::size_t first, std::size_t last,
                     TermId start, TermId end, const PairSink& sink);
  bool eval_negated(const sparql::Path& path, TermId start, TermId end, const PairSink& sink);
  bool eval_closure(const sparql::Path& path, bool zero, TermId start, TermId end,
                    const PairSink& sink);
  bool eval_zero_or_one(const sparql::Path& path, TermId start, TermId end, const PairSink& sink);
  /// Nodes reachable from `from` in one or more steps (`zero`: or none),
  /// forwards or backwards, each once; the search ends early once `target`
  /// (unless kAnyTerm) is found. False when stopped.
  bool reach(const sparql::Path& step, TermId from, bool forward, bool zero, TermId target,
             std::vector<TermId>& out);
  /// Every subject and object of the active graphs.
  const std::vector<TermId>& all_nodes();

  EvalContext& ctx_;
  const std::vector<TermId>& graphs_;
  std::optional<std::vector<TermId>> nodes_;
};

}  // namespace quiver::eval
