#pragma once
/// @file
/// One state of the in-memory store, immutable once built: what a snapshot
/// reads and what a commit publishes.

#include <memory>
#include <vector>

#include "dataset/dataset.hpp"
#include "store/layered_index.hpp"
#include "store/statistics.hpp"
#include "store/table_choice.hpp"
#include "terms/term_interner.hpp"

namespace quiver::store {

/// The id of interner index `i`, and back.
inline TermId id_of(TermInterner::Index i) { return kFirstTermId + i; }
/// The interner index of a stored id.
inline TermInterner::Index index_of(TermId id) {
  return static_cast<TermInterner::Index>(id - kFirstTermId);
}

/// A state of the store: the indexes (with the statistics of their bases),
/// the named graphs that exist, and the dictionary as it was.
///
/// Reads answer every pattern shape with one binary-searched range per
/// part (default graph, named graphs), no filtering. Matches come sorted
/// lexicographically by the positions of `match_order(pattern)`; for a
/// kAnyTerm graph, the default graph's quads merged with the named ones.
class Version final : public Dataset {
 public:
  /// An empty store's state over the dictionary `terms`, which the version
  /// (and every version made from it) keeps alive: a store may replace its
  /// dictionary (MemoryStore's compaction) while snapshots still read this one.
  explicit Version(std::shared_ptr<const TermInterner> terms);

  /// A copy with indexes, graphs and dictionary view replaced (a view of
  /// this version's dictionary).
  std::shared_ptr<const Version> with(LayeredIndex<3> triples, LayeredIndex<4> quads,
                                      std::vector<TermId> graphs, TermInterner::View terms) const;
  /// This version with its deltas folded where they are past the published
  /// threshold (what a commit publishes).
  std::shared_ptr<const Version> settled() const;

  TermId find_id(const TermRef& term) const override;
  TermRef term(TermId id) const override { return terms_.term(index_of(id)); }
  std::unique_ptr<QuadCursor> match(const QuadIds& pattern) const override;
  std::uint64_t count(const QuadIds& pattern) const override;
  bool contains(const QuadIds& quad) const override;
  PatternStats stats(const QuadIds& pattern) const override;
  std::vector<TermId> graph_names() const override { return *graphs_; }
  bool has_graph(TermId graph) const override;
  std::uint64_t size() const override { return triples_.size() + quads_.size(); }

  /// The order of `match(pattern)`'s results: positions (0 subject,
  /// 1 predicate, 2 object, 3 graph), most significant first. By bound
  /// positions of the triple: none, s, s+p, s+p+o: (s, p, o, g); p, p+o:
  /// (p, o, s, g); o, o+s: (o, s, p, g).
  static std::array<int, 4> match_order(const QuadIds& pattern);

  /// The default graph's triples.
  const LayeredIndex<3>& triples() const { return triples_; }
  /// The named graphs' quads.
  const LayeredIndex<4>& quads() const { return quads_; }
  /// The named graphs, sorted.
  const std::vector<TermId>& graphs() const { return *graphs_; }
  /// The dictionary as this state sees it.
  const TermInterner::View& terms() const { return terms_; }
  /// Counts of the bases (the deltas are small and left out), all of them:
  /// every table of the bases is built first.
  Statistics statistics() const;

 private:
  struct Ranges {
    LayeredRange<3> defaults;
    LayeredRange<4> named;
    std::size_t triple_table = 0;  ///< as TableChoice
    std::size_t quad_table = 0;    ///< as TableChoice
  };
  Ranges ranges(const QuadIds& pattern) const;

  LayeredIndex<3> triples_;
  LayeredIndex<4> quads_;
  std::shared_ptr<const std::vector<TermId>> graphs_;
  std::shared_ptr<const TermInterner> dictionary_;
  TermInterner::View terms_;
};

}  // namespace quiver::store
