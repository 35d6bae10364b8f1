#pragma once
/// @file
/// Cursors over index ranges of the in-memory store. They hold views into
/// the layers of one version, which the cursor's owner keeps alive.

#include <array>
#include <cstddef>
#include <span>

#include "dataset/dataset.hpp"
#include "store/layered_index.hpp"

namespace quiver::store {

/// The rows of a LayeredRange in table order: base and added rows merged,
/// removed rows skipped.
template <std::size_t N>
class LayeredRows {
 public:
  /// Walks `range` from its first row.
  explicit LayeredRows(const LayeredRange<N>& range) : r_(range) { settle(); }
  /// True when every row has been seen.
  bool done() const { return base_at_ == r_.base.size() && added_at_ == r_.added.size(); }
  /// The current row (not done()).
  const Row<N>& row() const { return from_added_ ? r_.added[added_at_] : r_.base[base_at_]; }
  /// Moves to the next row.
  void advance() {
    if (from_added_) {
      ++added_at_;
    } else {
      ++base_at_;
    }
    settle();
  }

 private:
  void settle() {
    // Skip base rows that were removed; both lists are sorted the same way.
    while (base_at_ < r_.base.size() && removed_at_ < r_.removed.size()) {
      const Row<N>& b = r_.base[base_at_];
      const Row<N>& x = r_.removed[removed_at_];
      if (x < b) {
        ++removed_at_;
      } else if (x == b) {
        ++base_at_;
        ++removed_at_;
      } else {
        break;
      }
    }
    const bool have_base = base_at_ < r_.base.size();
    const bool have_added = added_at_ < r_.added.size();
    from_added_ = have_added && (!have_base || r_.added[added_at_] < r_.base[base_at_]);
  }

  LayeredRange<N> r_;
  std::size_t base_at_ = 0;
  std::size_t added_at_ = 0;
  std::size_t removed_at_ = 0;
  bool from_added_ = false;
};

/// Streams one range of a table. Rows of a triple table (N == 3) are in
/// the default graph.
template <std::size_t N>
class RangeCursor final : public QuadCursor {
 public:
  /// Streams `range` (of a table with column order `order`) as quads.
  RangeCursor(const LayeredRange<N>& range, const typename SortedTable<N>::Order& order);
  std::size_t next(QuadIds* out, std::size_t max) override;

 private:
  std::span<const Row<N>> plain_;  // when the range has no delta
  std::size_t at_ = 0;
  LayeredRows<N> rows_;
  bool layered_;
  std::array<TermId QuadIds::*, N> members_;
};

/// A default-graph range and a named-graph range merged into one sorted
/// stream. The named table must order the triple columns like the default
/// one, with the graph last; ties go to the default graph, whose id
/// (kDefaultGraph) sorts before every graph name.
class MergeCursor final : public QuadCursor {
 public:
  /// Merges a range of a triple table with one of a quad table; each with
  /// its table's column order.
  MergeCursor(const LayeredRange<3>& defaults, const SortedTable<3>::Order& default_order,
              const LayeredRange<4>& named, const SortedTable<4>::Order& named_order);
  std::size_t next(QuadIds* out, std::size_t max) override;

 private:
  LayeredRows<3> defaults_;
  LayeredRows<4> named_;
  std::array<TermId QuadIds::*, 3> default_members_;
  std::array<TermId QuadIds::*, 4> named_members_;
};

/// Matches nothing.
class EmptyCursor final : public QuadCursor {
 public:
  std::size_t next(QuadIds*, std::size_t) override { return 0; }
};

}  // namespace quiver::store
