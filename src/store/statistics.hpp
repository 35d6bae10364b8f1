#pragma once
/// @file
/// Exact counts the optimizer uses to order joins, computed from the
/// in-memory store's base tables when first asked for.

#include <cstdint>
#include <unordered_map>

#include "dataset/dataset.hpp"
#include "store/sorted_table.hpp"

namespace quiver::store {

/// Counts for one predicate within one part of the dataset.
struct PredicateStatistics {
  std::uint64_t triples = 0;            ///< statements with this predicate
  std::uint64_t distinct_subjects = 0;  ///< distinct subjects among them
  std::uint64_t distinct_objects = 0;   ///< distinct objects among them
};

/// Counts for one part of the dataset: the default graph, or all named
/// graphs together. For the named graphs, `triples` counts quads (a triple
/// in two graphs counts twice) while the distinct counts ignore the graph.
struct GraphStatistics {
  /// Statements in this part (quads for the named graphs).
  std::uint64_t triples = 0;
  /// Distinct subjects.
  std::uint64_t distinct_subjects = 0;
  /// Distinct predicates.
  std::uint64_t distinct_predicates = 0;
  /// Distinct objects.
  std::uint64_t distinct_objects = 0;
  /// Per-predicate counts, keyed by the predicate's id.
  std::unordered_map<TermId, PredicateStatistics> predicates;

  /// The counts for `predicate` (all zero when it does not occur).
  PredicateStatistics predicate(TermId predicate) const {
    const auto it = predicates.find(predicate);
    return it == predicates.end() ? PredicateStatistics{} : it->second;
  }
};

/// Statistics of a whole store.
struct Statistics {
  /// Counts for the default graph.
  GraphStatistics default_graph;
  /// Counts for all named graphs together.
  GraphStatistics named_graphs;
};

/// Every count but the per-predicate distinct objects, from the canonical
/// (S-led: SPO or SPOG) table alone, so that a store whose other tables
/// are not built yet can still be planned over.
template <std::size_t N>
GraphStatistics compute_statistics(const SortedTable<N>& spo);

/// Distinct objects per predicate, from the P-led table (POS or POSG).
template <std::size_t N>
std::unordered_map<TermId, std::uint64_t> count_objects_per_predicate(const SortedTable<N>& pos);

}  // namespace quiver::store
