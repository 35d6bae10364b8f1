#pragma once
/// @file
/// The rows of one table of the on-disk store for one key: the base's
/// block range, minus the rows the delta removed, merged with the rows it
/// added; all three in the table's order.

#include <array>
#include <cstddef>

#include "disk/block_table.hpp"
#include "store/quad_cursors.hpp"

namespace quiver::database {

/// A row source for store::RowsCursor and store::MergeCursorOf.
/// `removed` ⊆ base and `added` ∩ base = ∅ (the store keeps it so). It
/// reads through the base's table, which its owner keeps alive.
template <std::size_t N>
class DiskRows {
 public:
  /// The rows of `base` (a range of a base table), minus `removed`, plus
  /// `added` (ranges of the delta's same table).
  DiskRows(typename disk::BlockTable<N>::Range base, const store::LayeredRange<N>& added,
           const store::LayeredRange<N>& removed)
      : base_(base), added_(added), removed_(removed) {
    settle();
  }
  /// True when every row has been seen.
  bool done() const { return base_done_ && added_.done(); }
  /// The current row (not done()).
  const store::Row<N>& row() const { return from_added_ ? added_.row() : buffer_[at_]; }
  /// Set when a base block could not be decoded (the rows then end early).
  const Error* error() const { return base_.error(); }
  /// Moves to the next row.
  void advance() {
    if (from_added_) {
      added_.advance();
    } else {
      ++at_;
    }
    settle();
  }

 private:
  void settle() {
    for (;;) {
      if (at_ == filled_ && !base_done_) {
        filled_ = base_.next(buffer_.data(), buffer_.size());
        at_ = 0;
        base_done_ = filled_ == 0;
      }
      if (base_done_) break;
      // Skip base rows the delta removed; both are sorted the same way.
      const store::Row<N>& b = buffer_[at_];
      while (!removed_.done() && removed_.row() < b) removed_.advance();
      if (removed_.done() || !(removed_.row() == b)) break;
      removed_.advance();
      ++at_;
    }
    from_added_ = !added_.done() && (base_done_ || added_.row() < buffer_[at_]);
  }

  typename disk::BlockTable<N>::Range base_;
  // Small: a cursor is built for every probe of a nested loop join, and
  // the base range reads from decoded blocks, so refills are cheap.
  std::array<store::Row<N>, 16> buffer_;  // filled_ rows are set
  std::size_t at_ = 0;
  std::size_t filled_ = 0;
  bool base_done_ = false;
  store::LayeredRows<N> added_;
  store::LayeredRows<N> removed_;
  bool from_added_ = false;
};

}  // namespace quiver::database
