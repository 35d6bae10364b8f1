#pragma once
/// @file
/// MemoryStore: an in-memory, dictionary-encoded quad store implementing
/// the evaluator's Dataset interface.

#include <array>
#include <atomic>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <mutex>
#include <span>
#include <vector>

#include "dataset/dataset.hpp"
#include "store/sorted_table.hpp"
#include "store/statistics.hpp"
#include "store/term_dictionary.hpp"
#include "terms/term.hpp"

namespace quiver::store {

/// An RDF dataset in memory, with set semantics (duplicates are dropped).
///
/// Terms are dictionary-encoded (see TermDictionary). Default-graph triples
/// live in three sorted permutations (SPO, POS, OSP), named-graph quads in
/// six (SPOG, POSG, OSPG, GSPO, GPOS, GOSP), all with 32-bit ids. Together
/// they answer every pattern shape with one binary-searched range, no
/// filtering.
///
/// Loading: `add` buffers quads; the indexes are (re)built by `freeze()` or
/// lazily by the first read after an add, which sorts the buffered quads,
/// drops duplicates and merges them in. Reads may run concurrently with one
/// another, never with adds; an add invalidates open cursors.
class MemoryStore final : public Dataset {
 public:
  /// A state to return to with `rollback` (used to undo a failed load).
  struct Checkpoint {
    /// The dictionary's state: terms added since are dropped.
    TermDictionary::Mark terms;
    /// Buffered triples to keep; later ones are dropped.
    std::size_t pending_triples = 0;
    /// Buffered quads to keep; later ones are dropped.
    std::size_t pending_quads = 0;
    /// Index builds so far; a rollback across a build is a caller error.
    std::uint64_t generation = 0;
  };

  /// An empty store.
  MemoryStore() = default;
  /// Not copyable: a store can hold millions of quads.
  MemoryStore(const MemoryStore&) = delete;
  /// Not copyable: a store can hold millions of quads.
  MemoryStore& operator=(const MemoryStore&) = delete;

  /// The id of `term`, adding it to the dictionary when new (not None).
  TermId intern(const TermRef& term) { return dictionary_.intern(term); }
  /// Adds a quad; a None graph is the default graph.
  void add(const QuadRef& quad);
  /// Adds a quad of ids from `intern`; graph is kDefaultGraph or a term id.
  void add(const QuadIds& quad);
  /// Builds the indexes now rather than at the next read.
  void freeze() const;
  /// Removes every quad of `graph` (kDefaultGraph: the default graph's
  /// triples); returns how many. Terms stay in the dictionary. Like `add`,
  /// never concurrent with reads.
  std::uint64_t clear_graph(TermId graph);

  /// The current state. `rollback` to it is possible until the indexes
  /// are next built (by `freeze` or a read).
  Checkpoint checkpoint() const;
  /// Forgets every term and quad added since `checkpoint`.
  void rollback(const Checkpoint& checkpoint);

  TermId find_id(const TermRef& term) const override { return dictionary_.find(term); }
  TermRef term(TermId id) const override { return dictionary_.term(id); }
  /// Matches come sorted lexicographically by the positions listed in
  /// `match_order(pattern)`, including for kAnyTerm graphs (the default
  /// graph's quads merged with the named graphs' ones).
  std::unique_ptr<QuadCursor> match(const QuadIds& pattern) const override;
  /// Exact: the same as count().
  double estimate(const QuadIds& pattern) const override {
    return static_cast<double>(count(pattern));
  }
  /// Exact, from the sizes of binary-searched ranges: O(log n).
  std::uint64_t count(const QuadIds& pattern) const override;
  std::vector<TermId> graph_names() const override;
  std::uint64_t size() const override;

  /// The order of `match(pattern)`'s results: positions (0 subject,
  /// 1 predicate, 2 object, 3 graph), most significant first. Bound
  /// positions are constant, so they may appear anywhere; the free ones are
  /// sorted in this order. By bound positions of the triple:
  /// none, s, s+p, s+p+o: (s, p, o, g); p, p+o: (p, o, s, g);
  /// o, o+s: (o, s, p, g).
  static std::array<int, 4> match_order(const QuadIds& pattern);

  /// Per-predicate and overall counts for the optimizer, exact as of the
  /// indexes (built first if needed).
  const Statistics& statistics() const;

  /// Number of distinct terms in the dictionary.
  std::size_t term_count() const { return dictionary_.size(); }
  /// Bytes held by the dictionary.
  std::size_t dictionary_memory() const { return dictionary_.memory_usage(); }
  /// Bytes held by the indexes (and quads still buffered).
  std::size_t index_memory() const;

 private:
  /// The index ranges answering one pattern.
  struct Ranges {
    std::span<const Row<3>> defaults;
    std::span<const Row<4>> named;
    std::size_t triple_table = 0;  ///< 0 SPO, 1 POS, 2 OSP
    bool graph_prefix = false;     ///< named rows come from a G-led table
  };

  void ensure_indexed() const;
  void build_indexes() const;
  Ranges ranges(const QuadIds& pattern) const;

  TermDictionary dictionary_;
  /// The last subject added: statements about one subject tend to come
  /// together, and comparing with it is cheaper than a dictionary lookup.
  TermRef last_subject_;
  TermId last_subject_id_ = kAnyTerm;
  mutable IndexSet<3> triples_{{0, 1, 2}, {1, 2, 0}, {2, 0, 1}};
  mutable IndexSet<4> quads_{{0, 1, 2, 3}, {1, 2, 0, 3}, {2, 0, 1, 3},
                             {3, 0, 1, 2}, {3, 1, 2, 0}, {3, 2, 0, 1}};
  mutable Statistics statistics_;
  mutable std::vector<TermId> graph_names_;
  mutable std::uint64_t generation_ = 0;
  mutable std::atomic<bool> dirty_{false};
  mutable std::mutex build_mutex_;
};

}  // namespace quiver::store
