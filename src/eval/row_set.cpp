#include "eval/row_set.hpp"

#include <algorithm>
#include <stdexcept>

namespace quiver::eval {

std::size_t RowSet::hash(const TermId* row) const {
  std::uint64_t h = 0x9e3779b97f4a7c15ULL;
  for (std::size_t i = 0; i < width_; ++i) {
    h ^= row[i] + 0x9e3779b97f4a7c15ULL + (h << 6) + (h >> 2);
  }
  // A final mix: ids are small dense numbers, and the table uses the low bits.
  h ^= h >> 33;
  h *= 0xff51afd7ed558ccdULL;
  h ^= h >> 33;
  return static_cast<std::size_t>(h);
}

bool RowSet::insert(const TermId* row) {
  // Keep the table at most half full.
  if ((count_ + 1) * 2 > slots_.size()) grow();
  const std::size_t mask = slots_.size() - 1;
  for (std::size_t pos = hash(row) & mask;; pos = (pos + 1) & mask) {
    const std::uint32_t slot = slots_[pos];
    if (slot == 0) {
      if (count_ >= 0xFFFFFFFEu) throw std::length_error("more than 2^32 distinct rows");
      cells_.insert(cells_.end(), row, row + width_);
      slots_[pos] = static_cast<std::uint32_t>(++count_);
      return true;
    }
    if (std::equal(row, row + width_, this->row(slot - 1))) return false;
  }
}

void RowSet::grow() {
  std::vector<std::uint32_t> old(std::max<std::size_t>(16, slots_.size() * 2), 0);
  old.swap(slots_);
  const std::size_t mask = slots_.size() - 1;
  for (const std::uint32_t slot : old) {
    if (slot == 0) continue;
    std::size_t pos = hash(row(slot - 1)) & mask;
    while (slots_[pos] != 0) pos = (pos + 1) & mask;
    slots_[pos] = slot;
  }
}

void RowSet::clear() {
  count_ = 0;
  cells_.clear();
  slots_.clear();
}

}  // namespace quiver::eval
