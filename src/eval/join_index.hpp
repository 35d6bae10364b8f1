#pragma once
/// @file
/// A hash index over a table's rows on a set of key slots, for hash joins,
/// left joins, MINUS and GROUP BY. Rows are found by hash only: callers
/// still check compatibility, which also covers slots outside the key that
/// some rows leave unbound.

#include <algorithm>
#include <utility>
#include <vector>

#include "eval/solution.hpp"

namespace quiver::eval {

/// The slots bound in every row of `table` (none when it is empty).
std::vector<bool> bound_in_all(const Table& table);
/// The slots bound in at least one row of `table`.
std::vector<bool> bound_in_some(const Table& table);
/// The slots bound in every row of both tables: safe hash-join keys.
std::vector<Slot> join_keys(const Table& left, const Table& right);

/// Hash index over the rows of one table (the build side of a hash join):
/// row numbers sorted by the hash of their key cells. The table must outlive it.
class JoinIndex {
 public:
  /// Indexes `table` on `keys`; with no keys every row is a candidate.
  JoinIndex(const Table& table, std::vector<Slot> keys);

  /// Calls `f(index)` for each row of the table that may match `row` (its
  /// key cells hash alike); stops and returns false when `f` does.
  template <class F>
  bool for_candidates(const TermId* row, F&& f) const {
    if (keys_.empty()) {
      for (std::size_t i = 0; i < size_; ++i) {
        if (!f(i)) return false;
      }
      return true;
    }
    std::size_t h = hash_cells(row, keys_);
    auto it = std::lower_bound(entries_.begin(), entries_.end(), std::make_pair(h, std::size_t{0}));
    for (; it != entries_.end() && it->first == h; ++it) {
      if (!f(it->second)) return false;
    }
    return true;
  }

 private:
  std::vector<Slot> keys_;
  std::size_t size_ = 0;
  std::vector<std::pair<std::size_t, std::size_t>> entries_;  // (hash, row), sorted
};

}  // namespace quiver::eval
