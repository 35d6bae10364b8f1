#pragma once
/// @file
/// DiskStore: a database folder behind the Store interface. One writer
/// (across processes, by a lock on the folder) and any number of readers,
/// each on a snapshot; commits are durable when acknowledged.

#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <string>

#include "database/disk_version.hpp"
#include "database/wal.hpp"
#include "dataset/store.hpp"

namespace quiver::database {

/// How to open a database folder.
struct OpenOptions {
  /// Take the writer's lock: transactions may commit. Without it the store
  /// reads the state it found at open and begin() fails.
  bool writable = false;
  /// With `writable`: a missing or empty folder becomes a new, empty database.
  bool create = false;
  /// With `writable`: wait for another process's writer to finish instead
  /// of failing with a Conflict error.
  bool wait = false;
  /// Sync each commit's log record before acknowledging it (the default);
  /// false trades durability of the last commits for speed (`--no-sync`).
  bool sync = true;
  /// Merge the delta into a new generation once it holds this many rows
  /// (or a sixteenth of the base, if more).
  std::size_t merge_rows = std::size_t{1} << 20;
};

/// The state of a database at open: what `db info` prints.
struct DatabaseInfo {
  std::uint64_t generation = 0;   ///< the live generation
  std::uint64_t quads = 0;        ///< statements (default graph and named)
  std::uint64_t graphs = 0;       ///< named graphs
  std::uint64_t terms = 0;        ///< dictionary entries
  std::uint64_t log_records = 0;  ///< commits in the log since the generation
  std::uint64_t bytes = 0;        ///< bytes of the live files
};

/// A database folder (see manifest.hpp for its files).
///
/// A snapshot is a DiskVersion: the live generation's files, mapped, plus
/// a delta in memory. A commit appends its changes to the log (synced)
/// and publishes a new version; once the delta is large, the writer merges
/// base and delta into a new generation, written beside the old one and
/// made live by replacing the manifest: a crash at any moment leaves the
/// old generation and its log, or the new one. A transaction whose log
/// record would be large commits by such a merge directly.
class DiskStore final : public Store {
 public:
  /// Opens (or, as `options` say, creates) the database in `folder`.
  static Expected<std::unique_ptr<DiskStore>> open(const std::string& folder,
                                                   const OpenOptions& options);
  ~DiskStore() override;
  DiskStore(const DiskStore&) = delete;
  DiskStore& operator=(const DiskStore&) = delete;

  std::shared_ptr<const Dataset> snapshot() const override { return current(); }
  Expected<std::unique_ptr<Transaction>> begin(bool wait = true) override;
  std::string blank_namespace() const override { return blank_namespace_; }

  /// The last committed state.
  std::shared_ptr<const DiskVersion> current() const;
  /// Merges the current state into a new generation now (what a commit
  /// does when the delta is large, and `load` at its end).
  Status merge();
  /// Counts for `db info`.
  DatabaseInfo info() const;
  /// Verifies every file of the live generation and the log: `db check`.
  Status check() const;
  /// The folder.
  const std::string& folder() const { return folder_; }

 private:
  friend class DiskTransaction;
  friend class BulkLoader;
  DiskStore() = default;
  Status check_writable() const;
  Status load_generation(std::uint64_t generation);
  Status replay(const std::vector<std::string>& records);
  Status switch_to(std::uint64_t generation, const GenerationSource& source);
  Status commit(const std::shared_ptr<const DiskVersion>& version, const std::string& record);
  void publish(std::shared_ptr<const DiskVersion> version);
  void remove_other_generations() const;

  std::string folder_;
  OpenOptions options_;
  int lock_fd_ = -1;
  std::uint64_t generation_ = 0;
  std::uint64_t log_records_ = 0;
  std::optional<WalWriter> wal_;
  // Terms past the live generation's dictionary; replaced by a merge.
  std::shared_ptr<TermInterner> terms_;
  mutable std::mutex current_mutex_;
  std::shared_ptr<const DiskVersion> current_;
  std::timed_mutex writer_;
  std::string blank_namespace_;
  // Set when a merge made a generation live that could not then be opened:
  // writes are refused until the database is reopened.
  std::optional<Error> broken_;
};

}  // namespace quiver::database
