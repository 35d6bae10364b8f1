#pragma once
/// @file
/// Loads statements into a database in bounded memory: their ids are
/// buffered up to a budget, sorted in every table order (in a second
/// thread, while reading goes on) and spilled as sorted runs; at the end
/// the runs and the database's current state are merged, table by table,
/// into the next generation, made live by the manifest. A crash or a
/// failure before that leaves the database as it was.

#include <array>
#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <span>
#include <string>
#include <thread>
#include <vector>

#include "database/disk_store.hpp"
#include "io/sink.hpp"
#include "store/sorted_table.hpp"

namespace quiver::database {

/// A bulk load into one database; statements arrive as an io::QuadSink.
class BulkLoader final : public io::QuadSink {
 public:
  /// A point to go back to: the start of a file whose load failed.
  struct Mark {
    TermInterner::Mark terms;     ///< the dictionary's
    std::size_t triple_runs = 0;  ///< default-graph runs spilled
    std::size_t quad_runs = 0;    ///< named-graph runs spilled
    std::size_t graphs = 0;       ///< graphs seen
    std::size_t triple_rows = 0;  ///< default-graph rows buffered
    std::size_t quad_rows = 0;    ///< named-graph rows buffered
  };

  /// Starts a load into `store` (opened writable), holding its writer lock;
  /// `memory` bounds the bytes of buffered and sorting rows; `threads`
  /// (1: none but the caller's) sort runs beside the reading and write the
  /// final merge's files side by side.
  static Expected<std::unique_ptr<BulkLoader>> start(DiskStore& store, std::size_t memory,
                                                     unsigned threads = 2);
  /// Removes the runs; a load not finished changes nothing.
  ~BulkLoader() override;
  BulkLoader(const BulkLoader&) = delete;
  BulkLoader& operator=(const BulkLoader&) = delete;

  /// Statements with no graph of their own go to the named graph `iri`
  /// (made to exist) or, unset, to the default graph.
  Status set_graph(const std::optional<std::string>& iri);
  Status on_quad(const QuadRef& quad) override;
  Status on_quads(std::span<const QuadRef> quads, std::size_t& taken) override;

  /// The current point. The rows buffered before it are spilled apart
  /// from those after it, so that a rollback drops whole runs.
  Mark mark();
  /// Drops everything taken since `point`.
  void rollback(const Mark& point);
  /// Merges the database's state and everything taken into its next
  /// generation and makes it live.
  Status finish();

 private:
  struct Runs;
  BulkLoader(DiskStore& store, std::size_t memory, unsigned threads);
  Expected<TermId> intern(const TermRef& term);
  Expected<TermId> intern(const TermRef& term, std::uint32_t hash);
  Status spill(bool last);

  DiskStore& store_;
  std::unique_lock<std::timed_mutex> lock_;
  std::shared_ptr<const DiskVersion> start_;
  std::shared_ptr<TermInterner> terms_;
  TermInterner::Mark begin_;
  std::string folder_;
  std::size_t chunk_rows_;
  unsigned threads_;
  TermId graph_ = kDefaultGraph;
  std::vector<TermId> graphs_;
  std::vector<store::Row<3>> triples_;
  std::vector<store::Row<4>> quads_;
  // Where the last mark fell in the buffers (spill splits there).
  std::size_t mark_triples_ = 0;
  std::size_t mark_quads_ = 0;
  std::vector<std::array<std::uint32_t, 2>> hashes_;
  TermRef last_subject_;
  TermId last_subject_id_ = kAnyTerm;
  std::unique_ptr<Runs> runs_;
  std::thread sorter_;
  // The sorting thread's outcome: written by it, read after joining it.
  Status sorted_;
  bool finished_ = false;
};

}  // namespace quiver::database
