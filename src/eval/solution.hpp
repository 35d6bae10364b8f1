#pragma once
/// @file
/// The evaluator's solution representation: one slot per variable of the
/// query, rows of TermIds (kAnyTerm = unbound) stored flat in a Table so
/// hot loops never allocate per row.

#include <cstddef>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "dataset/dataset.hpp"

namespace quiver::eval {

/// A slot index in a row.
using Slot = std::size_t;
/// Marks "no slot" (a variable the query does not use).
inline constexpr Slot kNoSlot = static_cast<Slot>(-1);

/// The variables of one query, each with a fixed slot. Every operator's
/// rows have one cell per variable of the whole query, so rows from any
/// two operators line up without remapping.
class VariableTable {
 public:
  /// The slot of `name`, adding it when new.
  Slot add(std::string_view name);
  /// The slot of `name`, or kNoSlot.
  Slot find(std::string_view name) const;
  /// The name (without `?`) of the variable in `slot`.
  const std::string& name(Slot slot) const { return names_[slot]; }
  /// Number of variables, i.e. the width of every row.
  std::size_t size() const { return names_.size(); }

 private:
  std::unordered_map<std::string, Slot> slots_;
  std::vector<std::string> names_;
};

/// A bag of solutions, rows of `width` ids stored back to back.
class Table {
 public:
  /// An empty table (no solutions) whose rows have `width` cells.
  explicit Table(std::size_t width) : width_(width) {}
  /// The table holding one solution that binds nothing.
  static Table unit(std::size_t width) {
    Table t(width);
    t.push_unbound();
    return t;
  }

  /// Number of cells per row (one per query variable).
  std::size_t width() const { return width_; }
  /// Number of rows (solutions).
  std::size_t size() const { return rows_; }
  /// True when there are no rows: no solution at all, unlike unit().
  bool empty() const { return rows_ == 0; }
  /// The `i`-th row: `width()` ids; invalidated by anything that adds rows.
  const TermId* row(std::size_t i) const { return cells_.data() + i * width_; }
  /// The `i`-th row, writable; invalidated by anything that adds rows.
  TermId* row(std::size_t i) { return cells_.data() + i * width_; }

  /// Appends a copy of `row`, which must not point into this table.
  void push(const TermId* row) {
    // Rows are a few cells: push_back inlines, where insert is a call.
    for (std::size_t i = 0; i < width_; ++i) cells_.push_back(row[i]);
    ++rows_;
  }
  /// Appends a row of unbound cells and returns it.
  TermId* push_unbound() {
    cells_.resize(cells_.size() + width_, kAnyTerm);
    ++rows_;
    return row(rows_ - 1);
  }
  /// Reserves space for `rows` rows, so appending them does not reallocate.
  void reserve(std::size_t rows) { cells_.reserve(rows * width_); }
  /// Keeps the first `rows` rows.
  void truncate(std::size_t rows) {
    if (rows >= rows_) return;
    rows_ = rows;
    cells_.resize(rows * width_);
  }
  /// Appends every row of `other` (same width).
  void append(const Table& other) {
    cells_.insert(cells_.end(), other.cells_.begin(), other.cells_.end());
    rows_ += other.rows_;
  }

 private:
  std::size_t width_;
  std::size_t rows_ = 0;
  std::vector<TermId> cells_;
};

/// True when two rows agree on every variable bound in both.
inline bool compatible(const TermId* a, const TermId* b, std::size_t width) {
  for (std::size_t i = 0; i < width; ++i) {
    if (a[i] != kAnyTerm && b[i] != kAnyTerm && a[i] != b[i]) return false;
  }
  return true;
}

/// Writes the union of two compatible rows to `out`.
inline void merge_rows(const TermId* a, const TermId* b, TermId* out, std::size_t width) {
  for (std::size_t i = 0; i < width; ++i) out[i] = a[i] != kAnyTerm ? a[i] : b[i];
}

/// A hash of the cells of `row` at `slots`.
inline std::size_t hash_cells(const TermId* row, const std::vector<Slot>& slots) {
  std::size_t h = 0x9e3779b97f4a7c15ULL;
  for (Slot s : slots) h = (h ^ row[s]) * 0x100000001b3ULL + (h >> 29);
  return h;
}

/// A hash of a whole row.
inline std::size_t hash_row(const TermId* row, std::size_t width) {
  std::size_t h = 0x9e3779b97f4a7c15ULL;
  for (std::size_t i = 0; i < width; ++i) h = (h ^ row[i]) * 0x100000001b3ULL + (h >> 29);
  return h;
}

}  // namespace quiver::eval
