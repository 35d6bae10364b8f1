#pragma once
/// @file
/// Sorted permutations of id rows: the quad indexes of the in-memory store.

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <iterator>
#include <span>
#include <utility>
#include <vector>

namespace quiver::store {

/// Columns of a canonical row: triples are (s, p, o), quads (s, p, o, g).
/// Each value is the index of its column (kGraph exists in quad rows only).
enum Position : std::uint8_t { kSubject = 0, kPredicate = 1, kObject = 2, kGraph = 3 };

/// Ids in the indexes are 32 bits wide: half the memory of TermId.
template <std::size_t N>
using Row = std::array<std::uint32_t, N>;

/// Lexicographic order on the first `length` columns.
template <std::size_t N>
struct PrefixLess {
  /// How many leading columns are compared; fewer gives a prefix (range) match.
  std::size_t length = N;
  /// True when `a` sorts before `b` on the first `length` columns.
  bool operator()(const Row<N>& a, const Row<N>& b) const {
    for (std::size_t i = 0; i < length; ++i) {
      if (a[i] != b[i]) return a[i] < b[i];
    }
    return false;
  }
};

/// Sorts rows lexicographically. Large inputs take a least-significant-
/// digit radix sort (16-bit digits, skipping digits all rows share): several
/// times faster than std::sort on millions of rows, for one extra copy.
template <std::size_t N>
void sort_rows(std::vector<Row<N>>& rows) {
  constexpr std::size_t kRadixMin = 1 << 14;
  if (rows.size() < kRadixMin) {
    std::sort(rows.begin(), rows.end());
    return;
  }
  std::vector<Row<N>> buffer(rows.size());
  std::vector<std::size_t> offsets(std::size_t{1} << 16);
  for (std::size_t col = N; col-- > 0;) {
    for (const unsigned shift : {0u, 16u}) {
      std::fill(offsets.begin(), offsets.end(), 0);
      for (const Row<N>& row : rows) ++offsets[(row[col] >> shift) & 0xFFFF];
      if (offsets[(rows[0][col] >> shift) & 0xFFFF] == rows.size()) continue;
      std::size_t sum = 0;
      for (std::size_t& o : offsets) sum += std::exchange(o, sum);
      for (const Row<N>& row : rows) buffer[offsets[(row[col] >> shift) & 0xFFFF]++] = row;
      rows.swap(buffer);
    }
  }
}

/// One permutation of a set of distinct rows, kept sorted. Column `i` of a
/// stored row holds canonical column `order()[i]`, so a range scan over a
/// bound prefix of `order()` finds any pattern binding those positions.
template <std::size_t N>
class SortedTable {
 public:
  /// The permutation: entry `i` is the canonical column stored in column `i`.
  using Order = std::array<std::uint8_t, N>;

  /// An empty table storing rows in the given column order.
  explicit SortedTable(Order order) : order_(order) {}

  /// Which canonical column each stored column holds.
  const Order& order() const { return order_; }
  /// Number of rows.
  std::size_t size() const { return rows_.size(); }
  /// All rows, sorted, in this table's column order.
  std::span<const Row<N>> rows() const { return rows_; }

  /// A canonical row rearranged into this table's column order.
  Row<N> permute(const Row<N>& canonical) const {
    Row<N> out;
    for (std::size_t i = 0; i < N; ++i) out[i] = canonical[order_[i]];
    return out;
  }

  /// Adds `rows` (canonical layout, sorted canonically, distinct, and none
  /// already present). Costs a sort of the new rows and one merge pass.
  void insert(std::vector<Row<N>> rows) {
    if (!is_identity()) {
      for (auto& row : rows) row = permute(row);
      sort_rows(rows);
    }
    if (rows_.empty()) {
      rows_ = std::move(rows);
      return;
    }
    std::vector<Row<N>> merged(rows_.size() + rows.size());
    std::merge(rows_.begin(), rows_.end(), rows.begin(), rows.end(), merged.begin());
    rows_ = std::move(merged);
  }

  /// The rows whose first `length` columns equal those of `key` (both in
  /// this table's column order).
  std::span<const Row<N>> range(const Row<N>& key, std::size_t length) const {
    if (length == 0) return rows_;
    const auto [first, last] =
        std::equal_range(rows_.begin(), rows_.end(), key, PrefixLess<N>{length});
    return {first, last};
  }

  /// Bytes held by the rows.
  std::size_t memory_usage() const { return rows_.capacity() * sizeof(Row<N>); }

  /// Removes the rows whose canonical column `column` is `value`, or every
  /// row when `column` is N. Order is kept, so no re-sort.
  void erase(std::size_t column, std::uint32_t value) {
    if (column >= N) {
      rows_.clear();
      return;
    }
    std::size_t stored = 0;
    while (order_[stored] != column) ++stored;
    std::erase_if(rows_, [&](const Row<N>& row) { return row[stored] == value; });
  }

 private:
  bool is_identity() const {
    for (std::size_t i = 0; i < N; ++i) {
      if (order_[i] != i) return false;
    }
    return true;
  }

  Order order_;
  std::vector<Row<N>> rows_;
};

/// All permutations of one set of rows, fed through a buffer of pending
/// rows that `flush()` sorts, deduplicates and merges in.
template <std::size_t N>
class IndexSet {
 public:
  /// `orders[0]` must be the identity (canonical) order.
  explicit IndexSet(std::initializer_list<typename SortedTable<N>::Order> orders) {
    for (const auto& order : orders) tables_.emplace_back(order);
  }

  /// Buffers a row (canonical layout) until the next flush(); duplicates allowed.
  void add(const Row<N>& canonical) { pending_.push_back(canonical); }
  /// Number of rows buffered since the last flush().
  std::size_t pending() const { return pending_.size(); }
  /// Drops pending rows past the first `count` (to undo a failed load).
  void truncate_pending(std::size_t count) { pending_.resize(count); }

  /// Moves the pending rows into every table; returns how many were new.
  std::size_t flush() {
    if (pending_.empty()) return 0;
    std::vector<Row<N>> rows;
    rows.swap(pending_);
    sort_rows(rows);
    rows.erase(std::unique(rows.begin(), rows.end()), rows.end());
    const auto existing = tables_[0].rows();
    if (!existing.empty()) {
      std::vector<Row<N>> fresh;
      std::set_difference(rows.begin(), rows.end(), existing.begin(), existing.end(),
                          std::back_inserter(fresh));
      rows = std::move(fresh);
    }
    rows.shrink_to_fit();
    const std::size_t added = rows.size();
    if (added == 0) return 0;
    for (std::size_t t = 1; t < tables_.size(); ++t) tables_[t].insert(rows);
    tables_[0].insert(std::move(rows));
    return added;
  }

  /// Removes flushed rows whose canonical `column` is `value` (every row
  /// when `column` is N) from every table. Pending rows must be flushed.
  void erase(std::size_t column, std::uint32_t value) {
    for (auto& table : tables_) table.erase(column, value);
  }

  /// The `i`-th permutation, in the order given to the constructor.
  const SortedTable<N>& table(std::size_t i) const { return tables_[i]; }
  /// Number of distinct rows flushed in (pending rows not counted).
  std::size_t size() const { return tables_[0].size(); }

  /// Bytes held by all tables and the pending buffer.
  std::size_t memory_usage() const {
    std::size_t total = pending_.capacity() * sizeof(Row<N>);
    for (const auto& t : tables_) total += t.memory_usage();
    return total;
  }

 private:
  std::vector<SortedTable<N>> tables_;
  std::vector<Row<N>> pending_;
};

}  // namespace quiver::store
