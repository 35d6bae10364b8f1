#pragma once
/// @file
/// MemoryStore: an in-memory, dictionary-encoded quad store with snapshot
/// isolation, implementing the Store interface.

#include <cstddef>
#include <memory>
#include <mutex>

#include "dataset/store.hpp"
#include "store/version.hpp"
#include "terms/term_interner.hpp"

namespace quiver::store {

/// An RDF dataset in memory, with set semantics (duplicates are dropped).
///
/// Terms are interned once (TermInterner). Default-graph triples live in
/// three sorted permutations (SPO, POS, OSP), named-graph quads in six
/// (SPOG, POSG, OSPG, GSPO, GPOS, GOSP), all with 32-bit ids; together they
/// answer every pattern shape with one binary-searched range.
///
/// Every commit publishes a new immutable Version. Snapshots hold the
/// version they were taken at, so a query never sees a commit that happens
/// while it runs and never waits for one; a writer never waits for readers.
/// Changes go into a small delta (rows added, rows removed) that is folded
/// into a new base once it grows past a fraction of it; a bulk load into an
/// empty store builds the base directly.
class MemoryStore final : public Store {
 public:
  /// An empty store.
  MemoryStore();
  /// Not copyable: a store can hold millions of quads.
  MemoryStore(const MemoryStore&) = delete;
  /// Not copyable: a store can hold millions of quads.
  MemoryStore& operator=(const MemoryStore&) = delete;
  ~MemoryStore() override;

  std::shared_ptr<const Dataset> snapshot() const override { return current(); }
  Expected<std::unique_ptr<Transaction>> begin(bool wait = true) override;

  /// The last committed state, with the store's own accessors.
  std::shared_ptr<const Version> current() const;

  /// Number of distinct terms in the dictionary.
  std::size_t term_count() const { return terms_.size(); }
  /// Bytes held by the dictionary.
  std::size_t dictionary_memory() const { return terms_.memory_usage(); }
  /// Bytes held by the indexes of the current state.
  std::size_t index_memory() const;

 private:
  friend class MemoryTransaction;
  void publish(std::shared_ptr<const Version> version);

  TermInterner terms_;
  mutable std::mutex current_mutex_;
  std::shared_ptr<const Version> current_;
  std::timed_mutex writer_;
};

}  // namespace quiver::store
