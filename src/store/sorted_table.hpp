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

/// One permutation of a set of distinct rows, sorted. Column `i` of a
/// stored row holds canonical column `order()[i]`, so a range scan over a
/// bound prefix of `order()` finds any pattern binding those positions.
template <std::size_t N>
class SortedTable {
 public:
  /// The permutation: entry `i` is the canonical column stored in column `i`.
  using Order = std::array<std::uint8_t, N>;

  /// An empty table storing rows in the given column order.
  explicit SortedTable(Order order) : order_(order) {}
  /// The table of `canonical` rows (distinct; any order), rearranged and
  /// sorted into `order`.
  SortedTable(Order order, std::vector<Row<N>> canonical) : order_(order) {
    rows_ = std::move(canonical);
    if (!is_identity()) {
      for (auto& row : rows_) row = permute(row);
    }
    sort_rows(rows_);
  }
  /// A table of rows already in `order`'s layout and sorted.
  static SortedTable from_sorted(Order order, std::vector<Row<N>> rows) {
    SortedTable t(order);
    t.rows_ = std::move(rows);
    return t;
  }

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
  /// A row of this table's layout back in canonical column order.
  Row<N> canonical(const Row<N>& stored) const {
    Row<N> out;
    for (std::size_t i = 0; i < N; ++i) out[order_[i]] = stored[i];
    return out;
  }

  /// The rows whose first `length` columns equal those of `key` (both in
  /// this table's column order).
  std::span<const Row<N>> range(const Row<N>& key, std::size_t length) const {
    if (length == 0) return rows_;
    const auto [first, last] =
        std::equal_range(rows_.begin(), rows_.end(), key, PrefixLess<N>{length});
    return {first, last};
  }
  /// True when the table holds `stored` (in this table's layout).
  bool contains(const Row<N>& stored) const {
    return std::binary_search(rows_.begin(), rows_.end(), stored);
  }

  /// Bytes held by the rows.
  std::size_t memory_usage() const { return rows_.capacity() * sizeof(Row<N>); }

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

}  // namespace quiver::store
