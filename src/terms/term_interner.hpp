#pragma once
/// @file
/// The one term interner: every distinct term gets a dense 32-bit index.
/// The store's dictionary and the Turtle writer both use it.

#include <atomic>
#include <cassert>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "terms/term.hpp"
#include "util/chunked_arena.hpp"

namespace quiver {

/// Interns terms: index 0, 1, 2, ... in order of first appearance.
///
/// Terms are equal here when RDF 1.1 says so: kind, value and datatype
/// byte for byte, and language tags compared case-insensitively (the first
/// spelling seen is the one kept). Term bytes live in a chunked arena and
/// never move.
///
/// Concurrency: one thread may intern (or roll back) while any number of
/// others read through `View`s taken earlier: a view sees exactly the terms
/// interned before it was taken, so a store can publish a dictionary state
/// with each snapshot and let queries run beside a writer.
///
/// Layout: per term a record (`header | value | language`) in the arena,
/// pointed at from a segmented array that never moves; an open-addressing
/// table of `tag << 32 | index + 1` slots. When the table grows, a new one
/// replaces it and views taken before keep the old one alive.
class TermInterner {
 public:
  /// A term's index.
  using Index = std::uint32_t;
  /// What find() answers for a term never interned.
  static constexpr Index kNotFound = 0xFFFFFFFFu;
  /// The largest index handed out (the store adds a small offset to make ids).
  static constexpr Index kMaxIndex = 0xFFFFFF00u;

  class View;

  /// A state to roll back to.
  struct Mark {
    /// Number of terms at the mark.
    std::size_t terms = 0;
    /// Number of distinct datatypes at the mark.
    std::size_t datatypes = 0;
    /// The arena's position at the mark.
    ChunkedArena::Mark arena;
  };

  /// An empty interner.
  TermInterner();
  /// Not copyable: views point into it.
  TermInterner(const TermInterner&) = delete;
  /// Not copyable: views point into it.
  TermInterner& operator=(const TermInterner&) = delete;
  ~TermInterner();

  /// The index of `term`, adding it when new; `term` must not be None.
  /// Throws std::length_error past kMaxIndex terms or for a term too long.
  Index intern(const TermRef& term);
  /// The index of `term`, or kNotFound.
  Index find(const TermRef& term) const;

  /// The hash `term` is filed under (language tags folded to lower case).
  static std::uint32_t hash_of(const TermRef& term);
  /// intern(term), its hash_of already computed.
  Index intern(const TermRef& term, std::uint32_t hash);
  /// A hint for bulk interning, which is bound by cache misses: starts
  /// loading what intern(term, hash) will read. Its reads depend on each
  /// other (slot, record pointer, record), so a caller calls the three
  /// stages 0, 1, 2 a few terms apart, ahead of interning.
  void prefetch(std::uint32_t hash, int stage) const;
  /// The term at `index` (< size()); the view lives as long as the interner
  /// (or until a rollback past it).
  TermRef term(Index index) const;
  /// Number of terms.
  std::size_t size() const { return size_.load(std::memory_order_relaxed); }

  /// The terms interned so far, for readers on other threads.
  View view() const;

  /// The current state, for `rollback`.
  Mark mark() const;
  /// Forgets every term interned since `m`; their indexes will be reused.
  /// Views taken before the rollback stay valid (they never saw those terms).
  void rollback(const Mark& m);

  /// Bytes held by the interner.
  std::size_t memory_usage() const;

 private:
  struct Table;
  struct Segments;
  friend class View;

  Index probe_find(const Table& table, const TermRef& term, std::uint32_t tag,
                   std::size_t visible) const;
  bool equals(Index index, const TermRef& term) const;
  TermRef decode(Index index) const;
  std::uint32_t datatype_index(std::string_view datatype);
  void grow();

  ChunkedArena arena_;
  std::unique_ptr<Segments> records_;    // record pointers, by index
  std::unique_ptr<Segments> datatypes_;  // datatype IRI records, by number
  std::unordered_map<std::string_view, std::uint32_t> datatype_numbers_;
  std::size_t datatype_count_ = 0;
  std::uint32_t last_datatype_ = 0;
  std::shared_ptr<Table> table_;
  std::atomic<std::size_t> size_{0};
};

/// The terms of an interner as they were when the view was taken. Cheap to
/// copy; safe to use on any thread while the interner takes new terms.
class TermInterner::View {
 public:
  /// An empty view (of no interner).
  View() = default;
  /// The index of `term` if it was interned before the view was taken, else kNotFound.
  Index find(const TermRef& term) const;
  /// The term at `index` (< size()).
  TermRef term(Index index) const {
    assert(index < size_ && "caller error: an index this view does not see");
    return owner_->decode(index);
  }
  /// Number of terms the view sees.
  std::size_t size() const { return size_; }

 private:
  friend class TermInterner;
  const TermInterner* owner_ = nullptr;
  std::shared_ptr<const Table> table_;
  std::size_t size_ = 0;
};

}  // namespace quiver
