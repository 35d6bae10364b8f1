#pragma once
/// @file
/// Exact counts the optimizer uses to order joins, computed from the
/// in-memory store's base tables when first asked for.

#include <algorithm>
#include <array>
#include <cstdint>
#include <unordered_map>
#include <utility>
#include <vector>

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

/// Counts every figure but the per-predicate distinct objects from rows
/// given in canonical (S-led) order, one at a time: a table in memory or
/// one streamed from disk.
class StatisticsBuilder {
 public:
  /// Takes the next row (subject, predicate, object, ...), in SPO order.
  template <std::size_t N>
  void add(const Row<N>& row) {
    add(row[0], row[1], row[2]);
  }
  /// The counts of the rows taken.
  GraphStatistics finish();

 private:
  void add(std::uint32_t s, std::uint32_t p, std::uint32_t o);
  GraphStatistics out_;
  // Objects are counted in a bitmap over their ids, which are dense.
  std::vector<std::uint64_t> seen_;
  bool first_ = true;
  std::uint32_t subject_ = 0, predicate_ = 0;
  PredicateStatistics* current_ = nullptr;
};

/// Counts distinct objects per predicate from rows in P-led order (POS or
/// POSG), one at a time.
class ObjectCounter {
 public:
  /// Takes the next row (predicate, object, ...), in POS order.
  template <std::size_t N>
  void add(const Row<N>& row) {
    add(row[0], row[1]);
  }
  /// The counts, by predicate id.
  std::unordered_map<TermId, std::uint64_t> finish() { return std::move(out_); }

 private:
  void add(std::uint32_t p, std::uint32_t o);
  std::unordered_map<TermId, std::uint64_t> out_;
  bool first_ = true;
  std::uint32_t predicate_ = 0, object_ = 0;
  std::uint64_t* current_ = nullptr;
};

/// The planner's figures for `pattern`, which has `matches` exact matches,
/// from the counts of the parts it reads (the default graph, the named
/// graphs or both): each part has `statistics()` and
/// `distinct_objects(predicate)`. For both parts, the larger figures.
template <class Defaults, class Named>
PatternStats estimate(const QuadIds& pattern, std::uint64_t matches, const Defaults& defaults,
                      const Named& named) {
  PatternStats out;
  out.matches = static_cast<double>(matches);
  if (matches == 0) return out;
  std::array<double, 3> distinct{0, 0, 0};
  auto take = [&](const auto& part) {
    const GraphStatistics& g = part.statistics();
    if (pattern.predicate != kAnyTerm) {
      const PredicateStatistics p = g.predicate(pattern.predicate);
      distinct[0] = std::max(distinct[0], static_cast<double>(p.distinct_subjects));
      distinct[2] =
          std::max(distinct[2], static_cast<double>(part.distinct_objects(pattern.predicate)));
      distinct[1] = 1;
    } else {
      distinct[0] = std::max(distinct[0], static_cast<double>(g.distinct_subjects));
      distinct[1] = std::max(distinct[1], static_cast<double>(g.distinct_predicates));
      distinct[2] = std::max(distinct[2], static_cast<double>(g.distinct_objects));
    }
  };
  if (pattern.graph == kDefaultGraph || pattern.graph == kAnyTerm) take(defaults);
  if (pattern.graph != kDefaultGraph) take(named);
  const TermId bound[3] = {pattern.subject, pattern.predicate, pattern.object};
  for (int i = 0; i < 3; ++i) {
    // A constant position has one value; others cannot have more distinct
    // values than matches, nor fewer than one (the statistics may lag).
    out.distinct[i] = bound[i] != kAnyTerm ? 1 : std::clamp(distinct[i], 1.0, out.matches);
  }
  return out;
}

/// Every count but the per-predicate distinct objects, from the canonical
/// (S-led: SPO or SPOG) table alone, so that a store whose other tables
/// are not built yet can still be planned over.
template <std::size_t N>
GraphStatistics compute_statistics(const SortedTable<N>& spo);

/// Distinct objects per predicate, from the P-led table (POS or POSG).
template <std::size_t N>
std::unordered_map<TermId, std::uint64_t> count_objects_per_predicate(const SortedTable<N>& pos);

}  // namespace quiver::store
