#pragma once
/// @file
/// The state of one query execution shared by every operator: the
/// dataset and its graphs, the variable slots, the dictionary of computed
/// terms, the function context, and the deadline / cancel checks.

#include <cstdint>
#include <deque>
#include <optional>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "eval/evaluator.hpp"
#include "eval/solution.hpp"
#include "functions/value.hpp"
#include "util/error.hpp"

namespace quiver::eval {

class ExistsRunner;

// The function library's vocabulary, which every operator speaks.
using functions::FunctionContext;
using functions::Value;

/// Everything one evaluate() call shares; operators take it by reference.
class EvalContext {
 public:
  /// Prepares an execution over `dataset`: NOW() is fixed here, and an empty
  /// default graph list means the store's default graph. `options` must outlive
  /// the context.
  EvalContext(const QueryDataset& dataset, const EvalOptions& options, VariableTable vars);

  /// The dataset queried (ids below kFirstLocalId are its terms).
  const Dataset& data() const { return *data_; }
  /// The limits and services of this execution.
  const EvalOptions& options() const { return *options_; }
  /// The query's variables and their slots.
  const VariableTable& vars() const { return vars_; }
  /// Number of variable slots: the width of every row.
  std::size_t width() const { return vars_.size(); }
  /// The per-query state of builtin functions (NOW, base IRI, random, BNODE).
  FunctionContext& functions() { return functions_; }

  /// The id of `term`: the dataset's when it has one (so joins compare ids
  /// alike), else a local id, added on first use.
  TermId encode(const Term& term);
  /// Like encode() but never adds: kAnyTerm for a term seen nowhere.
  TermId find(const Term& term) const;
  /// The dataset's id for `term`, or kAnyTerm (language tags compare
  /// case-insensitively, as the dataset does).
  TermId find_data_id(const Term& term) const { return data_->find_id(term.ref()); }
  /// The term behind a dataset or local id (not kAnyTerm).
  TermRef decode_ref(TermId id) const;
  /// The term behind a dataset or local id, as an owning copy.
  Term decode(TermId id) const { return Term(decode_ref(id)); }
  /// True for ids minted by encode() for terms not in the dataset.
  static bool is_local(TermId id) { return id >= kFirstLocalId; }

  /// The named graphs GRAPH may see.
  const std::vector<TermId>& named_graphs() const { return named_graphs_; }
  /// The default graphs of the query dataset.
  const std::vector<TermId>& default_graphs() const { return default_graphs_; }
  /// True when matching in `graphs` may find one triple more than once
  /// (several graphs, or the union of the named graphs): the default graph
  /// is their merge, where it counts once.
  static bool merges(const std::vector<TermId>& graphs) {
    return graphs.size() > 1 || (graphs.size() == 1 && graphs.front() == kAnyNamedGraph);
  }

  /// The EXISTS patterns of the operator evaluating expressions now, or null.
  ExistsRunner* exists() const { return exists_; }
  /// Sets the EXISTS patterns in force; returns the previous ones.
  ExistsRunner* set_exists(ExistsRunner* runner) { return std::exchange(exists_, runner); }

  /// Counts `n` units of work; checks the deadline and cancel flag every
  /// few thousand. Returns false once the query must stop.
  bool tick(std::size_t n = 1) {
    work_ += n;
    if (work_ < next_check_) return !stopped_;
    return check();
  }
  /// True once the query must stop (deadline, cancellation or an error).
  bool stopped() const { return stopped_; }
  /// Stops the query with `error` (the first error wins).
  void fail(Error error);
  /// The error that stopped the query, if any.
  const std::optional<Error>& error() const { return error_; }

 private:
  bool check();

  const Dataset* data_;
  const EvalOptions* options_;
  VariableTable vars_;
  FunctionContext functions_;
  std::unordered_map<Term, TermId> local_ids_;
  std::deque<Term> local_terms_;  // a deque: decode_ref views must stay valid
  std::vector<TermId> default_graphs_;
  std::vector<TermId> named_graphs_;
  ExistsRunner* exists_ = nullptr;
  std::uint64_t local_bytes_ = 0;  // the computed terms' strings, roughly
  std::uint64_t work_ = 0;
  std::uint64_t next_check_ = 0;
  bool stopped_ = false;
  std::optional<Error> error_;
};

}  // namespace quiver::eval
