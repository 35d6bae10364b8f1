#pragma once
/// @file
/// A transaction's changes of one kind (inserts or removals) buffered as
/// id rows until the transaction stages them into a new state: what the
/// in-memory and the on-disk store's transactions share.

#include <algorithm>
#include <iterator>
#include <new>
#include <utility>
#include <vector>

#include "dataset/dataset.hpp"
#include "store/sorted_table.hpp"
#include "util/expected.hpp"

namespace quiver::store {

/// Buffered inserts or removals, split by part (default graph, named
/// graphs), with the named graphs the inserts create.
class PendingChanges {
 public:
  /// What the buffer holds.
  enum class Kind { None, Insert, Remove };

  /// The kind buffered (None when empty).
  Kind kind() const { return kind_; }
  /// Buffers `quad` (storable ids) as a change of `kind`; the caller has
  /// staged what was buffered before if it was of the other kind.
  Status add(const QuadIds& quad, Kind kind) {
    kind_ = kind;
    const auto s = static_cast<std::uint32_t>(quad.subject);
    const auto p = static_cast<std::uint32_t>(quad.predicate);
    const auto o = static_cast<std::uint32_t>(quad.object);
    try {
      if (quad.graph == kDefaultGraph) {
        triples_.push_back({s, p, o});
      } else {
        if (kind == Kind::Insert && (new_graphs_.empty() || new_graphs_.back() != quad.graph)) {
          new_graphs_.push_back(quad.graph);
        }
        quads_.push_back({s, p, o, static_cast<std::uint32_t>(quad.graph)});
      }
    } catch (const std::bad_alloc&) {
      return Error(ErrorKind::Limit, "out of memory buffering the transaction's changes");
    }
    return {};
  }
  /// Marks a named graph as created (CREATE GRAPH, or a replayed one).
  void create_graph(TermId graph) { new_graphs_.push_back(graph); }
  /// Takes the buffered default-graph rows.
  std::vector<Row<3>> take_triples() { return std::exchange(triples_, {}); }
  /// Takes the buffered named-graph rows.
  std::vector<Row<4>> take_quads() { return std::exchange(quads_, {}); }
  /// `graphs` (sorted) with the graphs the buffered changes create.
  std::vector<TermId> graphs_with_new(const std::vector<TermId>& graphs) {
    if (new_graphs_.empty()) return graphs;
    std::sort(new_graphs_.begin(), new_graphs_.end());
    new_graphs_.erase(std::unique(new_graphs_.begin(), new_graphs_.end()), new_graphs_.end());
    std::vector<TermId> all;
    std::set_union(graphs.begin(), graphs.end(), new_graphs_.begin(), new_graphs_.end(),
                   std::back_inserter(all));
    return all;
  }
  /// True when nothing is buffered.
  bool empty() const {
    return kind_ == Kind::None && triples_.empty() && quads_.empty() && new_graphs_.empty();
  }
  /// Drops everything buffered.
  void clear() {
    kind_ = Kind::None;
    triples_ = {};
    quads_ = {};
    new_graphs_.clear();
  }

 private:
  Kind kind_ = Kind::None;
  std::vector<Row<3>> triples_;
  std::vector<Row<4>> quads_;
  std::vector<TermId> new_graphs_;
};

}  // namespace quiver::store
