#pragma once
/// @file
/// The term dictionary of the in-memory store: every distinct term (kind,
/// exact lexical form, datatype, language) gets a dense 32-bit-sized id.

#include <cstddef>
#include <cstdint>
#include <deque>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "dataset/dataset.hpp"
#include "store/chunked_arena.hpp"
#include "terms/term.hpp"

namespace quiver::store {

/// The largest id the dictionary hands out: ids must fit the 32-bit
/// columns of the quad indexes.
inline constexpr TermId kMaxStoredId = 0xFFFFFFFEu;

/// Interns terms. Ids run densely from kFirstTermId in order of first
/// appearance. Term bytes live in a chunked arena and never move, so the
/// views `term()` returns stay valid for the dictionary's lifetime (until a
/// rollback past them).
///
/// Layout: per term, a pointer to its record (`header | value | language`)
/// and a slot in an open-addressing (linear probing) table holding a 32-bit
/// hash tag and the term's index. Datatype IRIs, being few, are interned
/// once in a side table and referred to by number.
class TermDictionary {
 public:
  /// A state to roll back to.
  struct Mark {
    /// Number of terms at the mark; later ones are dropped by a rollback.
    std::size_t terms = 0;
    /// The arena's position at the mark, so later terms' bytes are freed.
    ChunkedArena::Mark arena;
  };

  /// An empty dictionary.
  TermDictionary();

  /// The id of `term`, adding it when new. `term` must not be None.
  /// Throws std::length_error past kMaxStoredId terms.
  TermId intern(const TermRef& term);
  /// The id of `term`, or kAnyTerm when it was never interned.
  TermId find(const TermRef& term) const;
  /// The term behind `id`; `contains(id)` must hold.
  TermRef term(TermId id) const;
  /// True when `id` was handed out by this dictionary.
  bool contains(TermId id) const {
    return id >= kFirstTermId && id - kFirstTermId < records_.size();
  }
  /// Number of terms.
  std::size_t size() const { return records_.size(); }

  /// The current state, for `rollback`.
  Mark mark() const { return {records_.size(), arena_.mark()}; }
  /// Forgets every term interned since `m`; their ids will be reused.
  void rollback(const Mark& m);

  /// Bytes held by the dictionary's own structures.
  std::size_t memory_usage() const;

 private:
  struct Header {
    std::uint32_t value_size;
    std::uint32_t datatype;
    std::uint16_t language_size;
    TermKind kind;
  };

  static std::uint32_t tag_of(const TermRef& term);
  bool equals(std::uint32_t index, const TermRef& term) const;
  /// The slot holding `term`, or the empty slot where it would go.
  std::size_t probe(const TermRef& term, std::uint32_t tag) const;
  std::uint32_t datatype_index(std::string_view datatype);
  /// Rebuilds the slot table with `capacity` slots, keeping the terms with
  /// index below `keep`.
  void rebuild(std::size_t capacity, std::size_t keep);

  ChunkedArena arena_;
  std::vector<const char*> records_;
  /// `tag << 32 | (index + 1)`; 0 is an empty slot.
  std::vector<std::uint64_t> slots_;
  std::size_t mask_ = 0;
  std::deque<std::string> datatypes_;
  std::unordered_map<std::string_view, std::uint32_t> datatype_ids_;
  std::uint32_t last_datatype_ = 0;
};

}  // namespace quiver::store
