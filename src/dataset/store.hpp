#pragma once
/// @file
/// The write side of a store: transactions. The engine owns a Store through
/// this interface, so the in-memory store and an on-disk one are
/// interchangeable.
///
/// Isolation is by snapshot: a reader takes a Dataset that never changes
/// under it, whatever commits meanwhile; a writer works in a Transaction
/// whose reads see its own changes and whose commit is all or nothing. One
/// write transaction at a time.

#include <cstdint>
#include <memory>
#include <span>
#include <string>

#include "dataset/dataset.hpp"
#include "util/expected.hpp"

namespace quiver {

/// A write transaction. Its reads (the Dataset methods) see the store as it
/// was when the transaction began plus the transaction's own changes.
/// Destroyed without commit(), it rolls back.
class Transaction : public Dataset {
 public:
  /// A point inside the transaction to roll back to, e.g. for a LOAD SILENT
  /// that fails halfway.
  using Savepoint = std::uint64_t;

  /// The id of `term`, adding it to the dictionary when new (not None).
  /// Fails with a Limit error when the dictionary is full.
  virtual Expected<TermId> intern(const TermRef& term) = 0;
  /// Adds a quad (a None graph is the default graph); adding one already
  /// there changes nothing. Adding to a named graph creates the graph.
  virtual Status insert(const QuadRef& quad) = 0;
  /// Adds quads in order, as insert(quad) each (a store may intern them
  /// faster together); `inserted` counts those taken before a failure.
  virtual Status insert(std::span<const QuadRef> quads, std::size_t& inserted) {
    for (inserted = 0; inserted < quads.size(); ++inserted) {
      if (Status st = insert(quads[inserted]); !st) return st;
    }
    return {};
  }
  /// Adds a quad of ids from intern() or find_id(); graph kDefaultGraph or a name.
  virtual Status insert(const QuadIds& quad) = 0;
  /// Removes a quad of ids (fully bound); removing one not there changes nothing.
  virtual Status remove(const QuadIds& quad) = 0;
  /// Makes `graph` exist, empty if it was not there (SPARQL CREATE).
  virtual Status create_graph(TermId graph) = 0;
  /// Removes every quad of `graph`; a named graph goes on existing, empty
  /// (SPARQL CLEAR). kDefaultGraph clears the default graph.
  virtual Status clear_graph(TermId graph) = 0;
  /// Removes `graph` and its quads (SPARQL DROP); the default graph is only cleared.
  virtual Status drop_graph(TermId graph) = 0;

  /// The current point, for rollback_to().
  virtual Savepoint savepoint() = 0;
  /// Undoes every change made since `point`.
  virtual void rollback_to(Savepoint point) = 0;
  /// Makes every change visible to new snapshots at once; the transaction
  /// is over. On failure nothing is applied.
  virtual Status commit() = 0;
  /// Drops every change; the transaction is over.
  virtual void rollback() = 0;
};

/// A quad store: consistent snapshots for readers, one transaction at a time
/// for writers.
class Store {
 public:
  /// Virtual: engines own stores through this interface.
  virtual ~Store() = default;
  /// The last committed state; it stays as it is while it is held, however
  /// much is committed meanwhile.
  virtual std::shared_ptr<const Dataset> snapshot() const = 0;
  /// Starts a write transaction. A second one waits for the first to end
  /// (`wait`) or fails at once with a Conflict error.
  virtual Expected<std::unique_ptr<Transaction>> begin(bool wait = true) = 0;
  /// Finishes now the work a store may leave to its first reader (the
  /// in-memory store sorts all but one permutation on first use): for a
  /// server, so that its first query does not pay for the load.
  virtual void prepare() const {}
  /// Put before the labels of the blank nodes that this process's loads
  /// and updates make, so that they never meet those stored by earlier
  /// processes (a persistent store); empty for a store that starts empty.
  virtual std::string blank_namespace() const { return {}; }
};

}  // namespace quiver
