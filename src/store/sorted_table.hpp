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

/// Least-significant-digit radix sort of `rows` on columns `first`..N-1
/// (16-bit digits, skipping digits all rows share), through `buffer` (as
/// long as `rows`); the result ends in `rows`.
template <std::size_t N>
void radix_sort_columns(std::span<Row<N>> rows, std::span<Row<N>> buffer, std::size_t first,
                        std::vector<std::uint32_t>& offsets) {
  offsets.assign(std::size_t{1} << 16, 0);
  std::span<Row<N>> from = rows, to = buffer;
  for (std::size_t col = N; col-- > first;) {
    for (const unsigned shift : {0u, 16u}) {
      std::fill(offsets.begin(), offsets.end(), 0);
      for (const Row<N>& row : from) ++offsets[(row[col] >> shift) & 0xFFFF];
      if (offsets[(from[0][col] >> shift) & 0xFFFF] == from.size()) continue;
      std::uint32_t sum = 0;
      for (std::uint32_t& o : offsets) sum += std::exchange(o, sum);
      for (const Row<N>& row : from) to[offsets[(row[col] >> shift) & 0xFFFF]++] = row;
      std::swap(from, to);
    }
  }
  if (from.data() != rows.data()) std::copy(from.begin(), from.end(), rows.begin());
}

/// Sorts rows lexicographically. Large inputs take radix sorts: several
/// times faster than std::sort on millions of rows. When column 0's values
/// are few enough to count, rows are first moved in place into one run per
/// value (an American flag sort: no second copy of the rows), and each run
/// is radix sorted on the other columns through a buffer as long as the
/// longest run: a bulk load's peak memory is then one table less than with
/// a whole-table buffer (13 MiB of 75 on WatDiv 1M).
template <std::size_t N>
void sort_rows(std::vector<Row<N>>& rows) {
  constexpr std::size_t kRadixMin = 1 << 14;
  if (rows.size() < kRadixMin) {
    std::sort(rows.begin(), rows.end());
    return;
  }
  std::vector<std::uint32_t> offsets;
  std::uint32_t max = 0;
  for (const Row<N>& row : rows) max = std::max(max, row[0]);
  // Two counters per value must cost well under the buffer they replace.
  const std::size_t values = std::size_t{max} + 1;
  if (rows.size() > 0xFFFFFFFFu ||
      values * 2 * sizeof(std::uint32_t) > rows.size() * sizeof(Row<N>) / 2) {
    std::vector<Row<N>> buffer(rows.size());
    radix_sort_columns<N>(rows, buffer, 0, offsets);
    return;
  }
  // start[v] .. start[v + 1]: where the run of value v goes.
  std::vector<std::uint32_t> start(values + 1, 0);
  for (const Row<N>& row : rows) ++start[row[0] + 1];
  for (std::size_t v = 1; v <= values; ++v) start[v] += start[v - 1];
  std::vector<std::uint32_t> fill(start.begin(), start.end() - 1);
  std::size_t longest = 0;
  for (std::size_t v = 0; v < values; ++v) {
    longest = std::max<std::size_t>(longest, start[v + 1] - start[v]);
    // Each row taken out is carried to its run, displacing the row there,
    // until one belongs to run v.
    while (fill[v] < start[v + 1]) {
      Row<N> row = rows[fill[v]];
      while (row[0] != v) std::swap(row, rows[fill[row[0]]++]);
      rows[fill[v]++] = row;
    }
  }
  std::vector<std::uint32_t>().swap(fill);
  std::vector<Row<N>> buffer(longest >= kRadixMin ? longest : 0);
  for (std::size_t v = 0; v < values; ++v) {
    const std::span<Row<N>> run(rows.data() + start[v], start[v + 1] - start[v]);
    if (run.size() < kRadixMin) {
      std::sort(run.begin(), run.end());
    } else {
      radix_sort_columns<N>(run, std::span<Row<N>>(buffer.data(), run.size()), 1, offsets);
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
  Row<N> permute(const Row<N>& canonical) const { return permute(order_, canonical); }
  /// A canonical row rearranged into `order`.
  static Row<N> permute(const Order& order, const Row<N>& canonical) {
    Row<N> out;
    for (std::size_t i = 0; i < N; ++i) out[i] = canonical[order[i]];
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
