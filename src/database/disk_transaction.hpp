#pragma once
/// @file
/// The write transaction of the on-disk store.

#include <array>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "database/disk_store.hpp"
#include "dataset/store.hpp"
#include "store/pending_changes.hpp"

namespace quiver::database {

/// Changes to a DiskStore, private until commit(). Like the in-memory
/// store's transaction, inserts and removals are buffered as id rows and
/// staged in batches into a private DiskVersion (its delta). Each call is
/// also written to the commit's log record (ids, and the terms new to the
/// dictionary): replaying the record over the state it began on gives the
/// same state, ids included.
///
/// Cursors from match() are valid until the next change.
class DiskTransaction final : public Transaction {
 public:
  /// Starts a transaction on `store`, holding its writer lock. A replay
  /// (`replaying`) writes no log.
  DiskTransaction(DiskStore& store, std::unique_lock<std::timed_mutex> lock, bool replaying);
  /// Rolls back unless committed.
  ~DiskTransaction() override;

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
  Status insert(const QuadIds& quad) override;
  Status remove(const QuadIds& quad) override;
  Status create_graph(TermId graph) override;
  Status clear_graph(TermId graph) override;
  Status drop_graph(TermId graph) override;
  Savepoint savepoint() override;
  void rollback_to(Savepoint point) override;
  Status commit() override;
  void rollback() override;

  /// Applies one commit's log record (a replay at open).
  Status apply(std::string_view record);

 private:
  struct Saved {
    std::shared_ptr<const DiskVersion> version;
    TermInterner::Mark terms;
    std::size_t log = 0;
  };

  Status buffer(const QuadIds& quad, store::PendingChanges::Kind kind);
  const DiskVersion& view() const;
  void stage() const;
  Status check_active() const;
  void log_op(std::uint8_t code, const QuadIds& quad);
  std::string record() const;
  void end();

  DiskStore& store_;
  std::unique_lock<std::timed_mutex> lock_;
  std::shared_ptr<TermInterner> terms_;
  TermInterner::Mark begin_;
  bool replaying_;
  bool active_ = true;
  std::vector<Saved> savepoints_;
  std::string log_;
  mutable std::shared_ptr<const DiskVersion> staged_;
  mutable store::PendingChanges pending_;
};

}  // namespace quiver::database
