#pragma once
/// @file
/// One state of the on-disk store: a generation's files (the base) plus a
/// delta in memory (rows added, base rows removed, new terms) replayed from
/// the write-ahead log or made by commits since. Immutable once built.

#include <memory>
#include <vector>

#include "database/base.hpp"
#include "database/disk_rows.hpp"
#include "dataset/dataset.hpp"
#include "store/layered_index.hpp"
#include "terms/term_interner.hpp"

namespace quiver::database {

/// A snapshot of a database. Reads answer every pattern shape with one
/// block range of the base plus the delta's ranges, in the same table
/// orders as the in-memory store (store::Version::match_order).
class DiskVersion final : public Dataset {
 public:
  /// The state of `base` with an empty delta; terms past the base's go to
  /// `terms` (kept alive by this version and every one made from it).
  DiskVersion(std::shared_ptr<const Base> base, std::shared_ptr<const TermInterner> terms);

  /// A copy with the delta, graphs and dictionary view replaced.
  std::shared_ptr<const DiskVersion> with(store::LayeredIndex<3> added_triples,
                                          store::LayeredIndex<3> removed_triples,
                                          store::LayeredIndex<4> added_quads,
                                          store::LayeredIndex<4> removed_quads,
                                          std::vector<TermId> graphs,
                                          TermInterner::View terms) const;

  TermId find_id(const TermRef& term) const override;
  TermRef term(TermId id) const override;
  std::unique_ptr<QuadCursor> match(const QuadIds& pattern) const override;
  std::uint64_t count(const QuadIds& pattern) const override;
  bool contains(const QuadIds& quad) const override;
  PatternStats stats(const QuadIds& pattern) const override;
  std::vector<TermId> graph_names() const override { return *graphs_; }
  bool has_graph(TermId graph) const override;
  std::uint64_t size() const override;

  /// The generation read.
  const Base& base() const { return *base_; }
  /// The generation read, shared.
  const std::shared_ptr<const Base>& shared_base() const { return base_; }
  /// Default-graph rows added since the base (not in it).
  const store::LayeredIndex<3>& added_triples() const { return added_triples_; }
  /// Base default-graph rows removed since.
  const store::LayeredIndex<3>& removed_triples() const { return removed_triples_; }
  /// Named-graph rows added since the base.
  const store::LayeredIndex<4>& added_quads() const { return added_quads_; }
  /// Base named-graph rows removed since.
  const store::LayeredIndex<4>& removed_quads() const { return removed_quads_; }
  /// The named graphs, sorted.
  const std::vector<TermId>& graphs() const { return *graphs_; }
  /// The terms added since the base, as this state sees them.
  const TermInterner::View& new_terms() const { return terms_; }
  /// Number of terms: the base's and the new ones.
  std::uint64_t term_count() const { return base_->terms.size() + terms_.size(); }
  /// Rows in the delta (added and removed, both parts).
  std::size_t delta_size() const;

  /// True when the state holds the default-graph row (s, p, o).
  bool contains(const store::Row<3>& row) const;
  /// True when the state holds the named-graph row (s, p, o, g).
  bool contains(const store::Row<4>& row) const;
  /// True when the base holds the row (removed or not).
  bool base_contains(const store::Row<3>& row) const { return base_->triples[0].contains(row); }
  /// True when the base holds the row (removed or not).
  bool base_contains(const store::Row<4>& row) const { return base_->quads[0].contains(row); }

  /// The rows of triple table `table` (whole), delta applied, as a source.
  DiskRows<3> triple_rows(std::size_t table) const;
  /// The rows of quad table `table` (whole), delta applied, as a source.
  DiskRows<4> quad_rows(std::size_t table) const;
  /// Streams the rows of triple table `table` (whole) to `add`, delta applied.
  Status each_triple(std::size_t table,
                     const std::function<Status(const store::Row<3>&)>& add) const;
  /// Streams the rows of quad table `table` (whole) to `add`, delta applied.
  Status each_quad(std::size_t table, const std::function<Status(const store::Row<4>&)>& add) const;

 private:
  std::shared_ptr<const Base> base_;
  store::LayeredIndex<3> added_triples_;
  store::LayeredIndex<3> removed_triples_;
  store::LayeredIndex<4> added_quads_;
  store::LayeredIndex<4> removed_quads_;
  std::shared_ptr<const std::vector<TermId>> graphs_;
  std::shared_ptr<const TermInterner> dictionary_;
  TermInterner::View terms_;
};

}  // namespace quiver::database
