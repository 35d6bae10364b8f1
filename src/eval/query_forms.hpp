#pragma once
/// @file
/// The graph-building query forms over solution rows: CONSTRUCT templates
/// (16.2) and DESCRIBE as concise bounded descriptions (16.4). Triples are
/// ids (dataset or evaluator-local) until the writer decodes them.

#include <array>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "eval/eval_context.hpp"
#include "sparql/algebra.hpp"

namespace quiver::eval {

/// A triple of ids.
using IdTriple = std::array<TermId, 3>;

/// Hash of an id triple.
struct IdTripleHash {
  /// Mixes the three ids.
  std::size_t operator()(const IdTriple& t) const {
    return (t[0] * 0x9e3779b97f4a7c15ULL) ^ (t[1] * 0xbf58476d1ce4e5b9ULL) ^ t[2];
  }
};

/// Instantiates a CONSTRUCT template per solution: template blank nodes are
/// fresh per solution, triples with an unbound variable or a term not
/// allowed in its position are left out, repeats across solutions dropped.
class ConstructTemplate {
 public:
  /// The template of `query`; `ctx` must outlive it.
  ConstructTemplate(EvalContext& ctx, const sparql::Query& query);
  /// Appends to `out` the new triples of the template for `row`.
  void instantiate(const TermId* row, std::vector<IdTriple>& out);

 private:
  TermId resolve(const sparql::PatternTerm& t, const TermId* row);
  TermId fresh_blank();

  EvalContext& ctx_;
  const sparql::Query& query_;
  std::unordered_map<std::string, TermId> blanks_;
  std::unordered_set<IdTriple, IdTripleHash> seen_;
  std::uint64_t counter_ = 0;
};

/// DESCRIBE: collects the targets (its IRIs, and the values target
/// variables take) from solutions, then gives their descriptions.
class Describer {
 public:
  /// The DESCRIBE of `query`; `ctx` must outlive it.
  Describer(EvalContext& ctx, const sparql::Query& query);
  /// Takes the target variables' values in `row`.
  void add_solution(const TermId* row);
  /// The concise bounded description of every target, in the default
  /// graph(s): outgoing triples, recursing through blank-node objects.
  std::vector<IdTriple> describe();

 private:
  EvalContext& ctx_;
  std::vector<Slot> slots_;
  std::vector<TermId> targets_;
};

}  // namespace quiver::eval
