#pragma once
/// @file
/// A hash index over a table's rows on a set of key slots, for hash joins,
/// left joins and MINUS. Rows are found by hash only: callers still check
/// compatibility.

#include <cstdint>
#include <span>
#include <vector>

#include "eval/solution.hpp"

namespace quiver::eval {

/// Row numbers of one table grouped by the hash of their key cells. The
/// table must outlive it.
///
/// A table sorted on its one key (the right side of a join read from a
/// table in that order) is searched instead: probes that ascend, as the
/// left side of a join read in the same order does, gallop from the last
/// one, a merge join without a plan that knows the order. Once probes
/// stop ascending it hashes after all.
class JoinIndex {
 public:
  /// Row numbers that may match a probe: a list, or a run of consecutive
  /// rows (a sorted table's).
  class Candidates {
   public:
    Candidates() = default;
    /// The rows in `list`.
    explicit Candidates(std::span<const std::size_t> list) : list_(list), size_(list.size()) {}
    /// Rows first .. first + count - 1.
    Candidates(std::size_t first, std::size_t count) : first_(first), size_(count), run_(true) {}
    /// How many.
    std::size_t size() const { return size_; }
    /// The i-th row number.
    std::size_t operator[](std::size_t i) const { return run_ ? first_ + i : list_[i]; }

   private:
    std::span<const std::size_t> list_;
    std::size_t first_ = 0;
    std::size_t size_ = 0;
    bool run_ = false;
  };

  /// An empty index.
  JoinIndex() = default;
  /// Indexes `table` on `keys`; with no keys every row is a candidate.
  /// Probes hold their keys at `probe_keys` (the same slots when empty).
  JoinIndex(const Table& table, std::vector<Slot> keys, std::vector<Slot> probe_keys = {});

  /// The rows of the table that may match `row` (their key cells hash to
  /// `row`'s bucket, or equal its key), by row number.
  Candidates candidates(const TermId* row);

 private:
  void build_buckets();
  std::size_t bucket(const TermId* row, const std::vector<Slot>& keys) const;
  Candidates run_of(TermId key);

  std::vector<Slot> keys_;
  std::vector<Slot> probe_keys_;
  const Table* table_ = nullptr;
  unsigned bits_ = 0;                // 2^bits_ buckets
  std::vector<std::size_t> starts_;  // bucket b's rows: rows_[starts_[b], starts_[b + 1])
  std::vector<std::size_t> rows_;    // hashed, or without keys: row numbers by bucket
  // Sorted on the one key: the table is searched from cursor_.
  bool sorted_ = false;
  std::size_t cursor_ = 0;
  TermId last_ = 0;
  std::uint64_t probes_ = 0;
  std::uint64_t descents_ = 0;  // probes below the one before
  static constexpr std::uint64_t kDescents = 64;
};

/// The distinct values of a set of key slots seen so far: insert() says
/// whether a row's keys are new. Open addressing over a flat copy of the
/// keys, so that millions of rows cost no allocation each.
class KeySet {
 public:
  /// Keys at `slots` of the rows inserted.
  explicit KeySet(std::vector<Slot> slots) : slots_(std::move(slots)) {}
  /// True when `row`'s keys were not in the set (they are now).
  bool insert(const TermId* row);
  /// True when `row`'s keys are in the set.
  bool contains(const TermId* row) const;
  /// Forgets every key and frees the memory.
  void clear();

 private:
  void grow();
  // The table slot holding `row`'s keys (hash `h`), or the empty one
  // where they would go.
  std::size_t find(const TermId* row, std::size_t h) const;

  std::vector<Slot> slots_;
  std::vector<TermId> keys_;         // slots_.size() ids per distinct keys
  std::vector<std::size_t> table_;   // entry number + 1, 0 empty
  std::vector<std::size_t> hashes_;  // per entry
  unsigned bits_ = 0;
};

}  // namespace quiver::eval
