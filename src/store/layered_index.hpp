#pragma once
/// @file
/// The indexes of one part of the in-memory store (the default graph's
/// triples, or the named graphs' quads) as immutable layers: a large base
/// of sorted permutations, plus a small delta of rows added since and rows
/// removed from the base. A commit makes a new delta (or folds it into a new
/// base) and never touches the layers a snapshot holds, so readers are never
/// blocked and never see half a change.

#include <atomic>
#include <cstddef>
#include <memory>
#include <mutex>
#include <span>
#include <unordered_map>
#include <vector>

#include "store/sorted_table.hpp"
#include "store/statistics.hpp"

namespace quiver::store {

/// Every permutation of one set of distinct rows, and their counts;
/// immutable once built.
///
/// Built from rows, only the canonical table is sorted at once; the others
/// (and the counts that need them) are sorted, side by side, by the first
/// reader that asks for one. A query that scans only the canonical order
/// (`SELECT * { ?s ?p ?o } LIMIT 10` right after a load) then never waits
/// for the sorts it does not need. Readers on any thread may ask.
template <std::size_t N>
class Permutations {
 public:
  /// One order per table; the first must be the identity (canonical) order.
  using Orders = std::vector<typename SortedTable<N>::Order>;

  /// The tables of `canonical` rows (distinct, sorted canonically).
  Permutations(const Orders& orders, std::vector<Row<N>> canonical);
  /// Tables given whole (each sorted in its order).
  explicit Permutations(std::vector<SortedTable<N>> tables);
  /// Not copyable: readers hold it by pointer.
  Permutations(const Permutations&) = delete;
  /// Not copyable: readers hold it by pointer.
  Permutations& operator=(const Permutations&) = delete;

  /// The `i`-th permutation, in the order of construction (sorted first if
  /// it is not yet).
  const SortedTable<N>& table(std::size_t i) const {
    if (i != 0 && !built_.load(std::memory_order_acquire)) build_rest();
    return tables_[i];
  }
  /// Number of permutations.
  std::size_t table_count() const { return tables_.size(); }
  /// Number of rows.
  std::size_t size() const { return tables_[0].size(); }
  /// Bytes held by the tables built so far.
  std::size_t memory_usage() const;

  /// The counts, but for per-predicate distinct objects (from the
  /// canonical table alone; computed on the first call).
  const GraphStatistics& statistics() const;
  /// Distinct objects among the rows with `predicate` (sorts the other
  /// tables if they are not yet).
  std::uint64_t distinct_objects(TermId predicate) const;

 private:
  void build_rest() const;

  Orders orders_;
  // Entries past the first are filled once, under build_mutex_, before
  // built_ is set; readers look only after seeing it set.
  mutable std::vector<SortedTable<N>> tables_;
  mutable std::unordered_map<TermId, std::uint64_t> objects_per_predicate_;
  mutable std::atomic<bool> built_{false};
  mutable std::mutex build_mutex_;
  mutable std::once_flag statistics_once_;
  mutable GraphStatistics statistics_;
};

/// One table's rows for a pattern: base rows, plus added ones, minus removed
/// ones; all three sorted in the table's order, removed ⊆ base, added ∩ base = ∅.
template <std::size_t N>
struct LayeredRange {
  /// The base rows in range.
  std::span<const Row<N>> base;
  /// Rows added since the base, in range.
  std::span<const Row<N>> added;
  /// Base rows removed since, in range.
  std::span<const Row<N>> removed;
  /// Number of rows the range stands for.
  std::size_t size() const { return base.size() + added.size() - removed.size(); }
  /// True when only the base contributes (the common, fast case).
  bool plain() const { return added.empty() && removed.empty(); }
};

/// A base and its delta. Copies share the layers.
template <std::size_t N>
class LayeredIndex {
 public:
  /// The table orders; the first is the canonical one.
  using Orders = typename Permutations<N>::Orders;

  /// An empty index with these table orders.
  explicit LayeredIndex(Orders orders);

  /// Number of rows.
  std::size_t size() const { return size_; }
  /// Number of rows in the delta (added and removed).
  std::size_t delta_size() const;
  /// The base layer (its statistics, and bulk scans).
  const Permutations<N>& base() const { return *base_; }
  /// The order of table `t`.
  const typename SortedTable<N>::Order& order(std::size_t t) const { return orders_[t]; }

  /// The rows of table `t` whose first `prefix` columns equal `key`'s
  /// (`key` in table `t`'s layout).
  LayeredRange<N> range(std::size_t t, const Row<N>& key, std::size_t prefix) const;
  /// True when the index holds the canonical row `row`.
  bool contains(const Row<N>& row) const;

  /// When a delta is folded into a new base: past the published threshold
  /// (what readers of snapshots see), or, inside a transaction, only past a
  /// quarter of the base, so that one request's operations do not fold
  /// again and again what its commit folds once (settled()).
  enum class Fold { Published, InTransaction };
  /// This index with `rows` (canonical; any order, duplicates allowed) added.
  LayeredIndex with_inserted(std::vector<Row<N>> rows, Fold fold = Fold::Published) const;
  /// This index with `rows` (canonical; any order, duplicates allowed) removed.
  LayeredIndex with_removed(std::vector<Row<N>> rows, Fold fold = Fold::Published) const;
  /// This index, its delta folded if it is past the published threshold.
  LayeredIndex settled() const;

  /// Bytes held by all layers.
  std::size_t memory_usage() const;

 private:
  LayeredIndex with_delta(std::vector<Row<N>> added, std::vector<Row<N>> removed, Fold fold) const;
  LayeredIndex folded_past(Fold fold) const;
  LayeredIndex folded() const;

  Orders orders_;
  std::shared_ptr<const Permutations<N>> base_;
  std::shared_ptr<const Permutations<N>> added_;    // null: none
  std::shared_ptr<const Permutations<N>> removed_;  // null: none
  std::size_t size_ = 0;
};

}  // namespace quiver::store
