#include "eval/join_index.hpp"

namespace quiver::eval {

std::vector<bool> bound_in_all(const Table& table) {
  std::vector<bool> bound(table.width(), !table.empty());
  for (std::size_t r = 0; r < table.size(); ++r) {
    const TermId* row = table.row(r);
    for (std::size_t i = 0; i < table.width(); ++i) {
      if (row[i] == kAnyTerm) bound[i] = false;
    }
  }
  return bound;
}

std::vector<bool> bound_in_some(const Table& table) {
  std::vector<bool> bound(table.width(), false);
  for (std::size_t r = 0; r < table.size(); ++r) {
    const TermId* row = table.row(r);
    for (std::size_t i = 0; i < table.width(); ++i) {
      if (row[i] != kAnyTerm) bound[i] = true;
    }
  }
  return bound;
}

std::vector<Slot> join_keys(const Table& left, const Table& right) {
  std::vector<bool> a = bound_in_all(left);
  std::vector<bool> b = bound_in_all(right);
  std::vector<Slot> keys;
  for (Slot i = 0; i < a.size(); ++i) {
    if (a[i] && b[i]) keys.push_back(i);
  }
  return keys;
}

JoinIndex::JoinIndex(const Table& table, std::vector<Slot> keys)
    : keys_(std::move(keys)), size_(table.size()) {
  if (keys_.empty()) return;
  entries_.reserve(table.size());
  for (std::size_t r = 0; r < table.size(); ++r) {
    entries_.emplace_back(hash_cells(table.row(r), keys_), r);
  }
  std::sort(entries_.begin(), entries_.end());
}

}  // namespace quiver::eval
