#pragma once
/// @file
/// A set of fixed-width rows of ids, for DISTINCT: the rows are stored back
/// to back and an open-addressing table holds 32-bit positions into them,
/// so a distinct row costs its cells plus about 8 bytes.

#include <cstdint>
#include <vector>

#include "dataset/dataset.hpp"

namespace quiver::eval {

/// Distinct rows of `width` cells.
class RowSet {
 public:
  /// An empty set of rows `width` cells wide.
  explicit RowSet(std::size_t width) : width_(width) {}

  /// Adds `row` (width() cells); true when it was not there yet. Throws
  /// std::length_error past 2^32 - 1 rows.
  bool insert(const TermId* row);
  /// Number of rows.
  std::size_t size() const { return count_; }
  /// Cells per row.
  std::size_t width() const { return width_; }
  /// Empties the set.
  void clear();
  /// Bytes held.
  std::size_t memory_usage() const {
    return cells_.capacity() * sizeof(TermId) + slots_.capacity() * sizeof(std::uint32_t);
  }

 private:
  std::size_t hash(const TermId* row) const;
  const TermId* row(std::uint32_t index) const { return cells_.data() + index * width_; }
  void grow();

  std::size_t width_;
  std::size_t count_ = 0;
  std::vector<TermId> cells_;
  std::vector<std::uint32_t> slots_;  // row index + 1; 0 is empty
};

}  // namespace quiver::eval
