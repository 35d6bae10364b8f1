#pragma once
/// @file
/// The write transaction of the in-memory store.

#include <array>
#include <cstdint>
#include <memory>
#include <mutex>
#include <vector>

#include "dataset/store.hpp"
#include "store/memory_store.hpp"
#include "store/pending_changes.hpp"

namespace quiver::store {

/// Changes to a MemoryStore, private until commit(). Inserts and removals
/// are buffered as id rows and applied in batches ("staged") to a private
/// Version whenever the transaction reads, switches between inserting and
/// removing, or commits; commit publishes the last staged Version.
///
/// Cursors from match() are valid until the next change.
class MemoryTransaction final : public Transaction {
 public:
  /// Starts a transaction on `store`, holding its writer lock.
  MemoryTransaction(MemoryStore& store, std::unique_lock<std::timed_mutex> lock);
  /// Rolls back unless committed.
  ~MemoryTransaction() override;

  TermId find_id(const TermRef& term) const override;
  TermRef term(TermId id) const override;
  std::unique_ptr<QuadCursor> match(const QuadIds& pattern) const override;
  std::uint64_t count(const QuadIds& pattern) const override;
  PatternStats stats(const QuadIds& pattern) const override;
  std::vector<TermId> graph_names() const override;
  bool has_graph(TermId graph) const override;
  std::uint64_t size() const override;

  Expected<TermId> intern(const TermRef& term) override;
  Status insert(const QuadRef& quad) override;
  Status insert(std::span<const QuadRef> quads, std::size_t& inserted) override;
  Status insert(const QuadIds& quad) override;
  Status remove(const QuadIds& quad) override;
  Status create_graph(TermId graph) override;
  Status clear_graph(TermId graph) override;
  Status drop_graph(TermId graph) override;
  Savepoint savepoint() override;
  void rollback_to(Savepoint point) override;
  Status commit() override;
  void rollback() override;

 private:
  struct Saved {
    std::shared_ptr<const Version> version;
    TermInterner::Mark terms;
  };

  Status buffer(const QuadIds& quad, PendingChanges::Kind kind);
  const Version& view() const;
  void stage() const;
  Status check_active() const;
  void end();

  MemoryStore& store_;
  std::unique_lock<std::timed_mutex> lock_;
  // The store's dictionary when the transaction began (a commit may
  // replace the store's; this one then lives as long as the transaction).
  std::shared_ptr<TermInterner> terms_;
  TermInterner::Mark begin_;
  bool active_ = true;
  std::vector<Saved> savepoints_;
  // The last subject interned: statements about one subject come together,
  // and comparing with it is cheaper than a dictionary lookup.
  TermRef last_subject_;
  TermId last_subject_id_ = kAnyTerm;
  // Hashes of a batch's predicates, objects and graphs (insert(span)).
  std::vector<std::array<std::uint32_t, 3>> hashes_;
  // Staging happens on reads too, hence mutable.
  mutable std::shared_ptr<const Version> staged_;
  mutable PendingChanges pending_;
};

}  // namespace quiver::store
