#pragma once
/// @file
/// Cursors over index ranges of the in-memory store. They hold views into
/// the tables: adding to the store invalidates open cursors.

#include <array>
#include <cstddef>
#include <span>

#include "dataset/dataset.hpp"
#include "store/sorted_table.hpp"

namespace quiver::store {

/// Streams one range of a table. Rows of a triple table (N == 3) are in
/// the default graph.
template <std::size_t N>
class RangeCursor final : public QuadCursor {
 public:
  /// Streams `rows` (a range of a table with column order `order`) as quads.
  RangeCursor(std::span<const Row<N>> rows, const typename SortedTable<N>::Order& order);
  std::size_t next(QuadIds* out, std::size_t max) override;

 private:
  std::span<const Row<N>> rows_;
  std::size_t at_ = 0;
  std::array<TermId QuadIds::*, N> members_;
};

/// A default-graph range and a named-graph range merged into one sorted
/// stream. The named table must order the triple columns like the default
/// one, with the graph last; ties go to the default graph, whose id
/// (kDefaultGraph) sorts before every graph name.
class MergeCursor final : public QuadCursor {
 public:
  /// Merges a range of the triple table with one of the quad table; each with
  /// its table's column order.
  MergeCursor(std::span<const Row<3>> defaults, const SortedTable<3>::Order& default_order,
              std::span<const Row<4>> named, const SortedTable<4>::Order& named_order);
  std::size_t next(QuadIds* out, std::size_t max) override;

 private:
  std::span<const Row<3>> default_rows_;
  std::span<const Row<4>> named_rows_;
  std::size_t default_at_ = 0;
  std::size_t named_at_ = 0;
  std::array<TermId QuadIds::*, 3> default_members_;
  std::array<TermId QuadIds::*, 4> named_members_;
};

/// Matches nothing.
class EmptyCursor final : public QuadCursor {
 public:
  std::size_t next(QuadIds*, std::size_t) override { return 0; }
};

}  // namespace quiver::store
