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
/// Terms no quad or graph uses any more (the blank nodes of a graph
/// replaced again and again) are dropped: when the dictionary has doubled
/// since it was last looked at, a commit counts the terms in use, and if
/// they are fewer than half, it builds a new dictionary of those alone
/// (same order, so every sorted table stays sorted) and the state over it.
/// Snapshots taken before keep the old dictionary until they end.
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
  /// Sorts the permutations a bulk load left to their first reader.
  void prepare() const override;

  /// The last committed state, with the store's own accessors.
  std::shared_ptr<const Version> current() const;

  /// Number of distinct terms in the dictionary. This and
  /// dictionary_memory() read the store's dictionary, which a commit may
  /// replace: call them where no transaction commits meanwhile.
  std::size_t term_count() const { return terms_->size(); }
  /// Bytes held by the dictionary.
  std::size_t dictionary_memory() const { return terms_->memory_usage(); }
  /// Bytes held by the indexes of the current state.
  std::size_t index_memory() const;

 private:
  friend class MemoryTransaction;
  void publish(std::shared_ptr<const Version> version);
  /// `version` over a new dictionary of the terms it uses, when due (see
  /// above); called by a committing writer.
  void compact_if_due(std::shared_ptr<const Version>& version);

  // Replaced (never changed in place) by compaction; writers hold it
  // through their transaction, versions through their view.
  std::shared_ptr<TermInterner> terms_;
  std::size_t next_compaction_check_;
  mutable std::mutex current_mutex_;
  std::shared_ptr<const Version> current_;
  std::timed_mutex writer_;
};

}  // namespace quiver::store
