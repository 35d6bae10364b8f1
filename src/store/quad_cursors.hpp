#pragma once
/// @file
/// Cursors over index ranges of the in-memory store. They hold views into
/// the layers of one version, which the cursor's owner keeps alive.

#include <array>
#include <cstddef>
#include <span>
#include <utility>

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

namespace detail {

/// The QuadIds member each column of a table with column order `order` fills.
template <std::size_t N>
std::array<TermId QuadIds::*, N> members_of(const typename SortedTable<N>::Order& order) {
  static constexpr TermId QuadIds::*kByPosition[] = {&QuadIds::subject, &QuadIds::predicate,
                                                     &QuadIds::object, &QuadIds::graph};
  std::array<TermId QuadIds::*, N> out;
  for (std::size_t i = 0; i < N; ++i) out[i] = kByPosition[order[i]];
  return out;
}

/// A stored row as a quad; rows of a triple table are in the default graph.
template <std::size_t N>
void decode(const Row<N>& row, const std::array<TermId QuadIds::*, N>& members, QuadIds& out) {
  if constexpr (N == 3) out.graph = kDefaultGraph;
  for (std::size_t i = 0; i < N; ++i) out.*members[i] = row[i];
}

}  // namespace detail

/// Streams rows from any source with done(), row() and advance() (as
/// LayeredRows) of a table with N columns.
template <std::size_t N, class Rows>
class RowsCursor final : public QuadCursor {
 public:
  /// Streams `rows`, of a table with column order `order`.
  RowsCursor(Rows rows, const typename SortedTable<N>::Order& order)
      : rows_(std::move(rows)), members_(detail::members_of<N>(order)) {}
  std::size_t next(QuadIds* out, std::size_t max) override {
    std::size_t n = 0;
    for (; n < max && !rows_.done(); rows_.advance()) {
      detail::decode<N>(rows_.row(), members_, out[n++]);
    }
    return n;
  }

 private:
  Rows rows_;
  std::array<TermId QuadIds::*, N> members_;
};

/// Default-graph rows and named-graph rows merged into one sorted stream,
/// from any sources with done(), row() and advance() (as LayeredRows). The
/// named table must order the triple columns like the default one, with
/// the graph last; ties go to the default graph, whose id (kDefaultGraph)
/// sorts before every graph name.
template <class DefaultRows, class NamedRows>
class MergeCursorOf final : public QuadCursor {
 public:
  /// Merges rows of a triple table with rows of a quad table; each with its
  /// table's column order.
  MergeCursorOf(DefaultRows defaults, const SortedTable<3>::Order& default_order, NamedRows named,
                const SortedTable<4>::Order& named_order)
      : defaults_(std::move(defaults)),
        named_(std::move(named)),
        default_members_(detail::members_of<3>(default_order)),
        named_members_(detail::members_of<4>(named_order)) {}
  std::size_t next(QuadIds* out, std::size_t max) override {
    std::size_t n = 0;
    while (n < max) {
      const bool have_default = !defaults_.done();
      const bool have_named = !named_.done();
      if (!have_default && !have_named) break;
      bool take_default = have_default;
      if (have_default && have_named) {
        const Row<3>& d = defaults_.row();
        const Row<4>& g = named_.row();
        take_default = !std::lexicographical_compare(g.begin(), g.begin() + 3, d.begin(), d.end());
      }
      if (take_default) {
        detail::decode<3>(defaults_.row(), default_members_, out[n++]);
        defaults_.advance();
      } else {
        detail::decode<4>(named_.row(), named_members_, out[n++]);
        named_.advance();
      }
    }
    return n;
  }

 private:
  DefaultRows defaults_;
  NamedRows named_;
  std::array<TermId QuadIds::*, 3> default_members_;
  std::array<TermId QuadIds::*, 4> named_members_;
};

/// The in-memory store's merge of a default-graph and a named-graph range.
using MergeCursor = MergeCursorOf<LayeredRows<3>, LayeredRows<4>>;

/// Matches nothing.
class EmptyCursor final : public QuadCursor {
 public:
  std::size_t next(QuadIds*, std::size_t) override { return 0; }
};

}  // namespace quiver::store
