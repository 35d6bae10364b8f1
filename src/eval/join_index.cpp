#include "eval/join_index.hpp"

#include <algorithm>
#include <numeric>

namespace quiver::eval {

JoinIndex::JoinIndex(const Table& table, std::vector<Slot> keys)
    : keys_(std::move(keys)), rows_(table.size()) {
  std::iota(rows_.begin(), rows_.end(), 0);
  if (keys_.empty()) return;
  std::vector<std::pair<std::size_t, std::size_t>> entries;
  entries.reserve(table.size());
  for (std::size_t r = 0; r < table.size(); ++r) {
    entries.emplace_back(hash_cells(table.row(r), keys_), r);
  }
  std::sort(entries.begin(), entries.end());
  hashes_.reserve(entries.size());
  for (std::size_t i = 0; i < entries.size(); ++i) {
    hashes_.push_back(entries[i].first);
    rows_[i] = entries[i].second;
  }
}

std::span<const std::size_t> JoinIndex::candidates(const TermId* row) const {
  if (keys_.empty()) return rows_;
  const std::size_t h = hash_cells(row, keys_);
  const auto [first, last] = std::equal_range(hashes_.begin(), hashes_.end(), h);
  return std::span<const std::size_t>(rows_).subspan(
      static_cast<std::size_t>(first - hashes_.begin()), static_cast<std::size_t>(last - first));
}

}  // namespace quiver::eval
