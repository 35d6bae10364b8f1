#pragma once
/// @file
/// The read side of a store, as the planner and the evaluator see it:
/// dictionary-encoded quads matched by pattern, counted and estimated. Every
/// reserved id lives here. A Dataset is one consistent state: a snapshot of
/// a store, or a write transaction's own view of its changes.

#include <array>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <vector>

#include "terms/term.hpp"

namespace quiver {

/// A dictionary id for a term. Ids are dense-ish, stable for the life of
/// the store, and never reuse the reserved values below.
using TermId = std::uint64_t;

/// In a pattern: any term. In a solution: unbound.
inline constexpr TermId kAnyTerm = 0;
/// In the graph position: the default graph.
inline constexpr TermId kDefaultGraph = 1;
/// In the graph position of a pattern: any named graph (not the default
/// graph). As a query's default graph: the union of the named graphs.
inline constexpr TermId kAnyNamedGraph = 2;
/// In the graph position: a graph that holds nothing (the default graph of
/// a query with FROM NAMED but no FROM).
inline constexpr TermId kNoGraph = 3;
/// The first id a dictionary may hand out; the ones below are reserved.
inline constexpr TermId kFirstTermId = 16;
/// Ids at or above this are never issued by a dataset: evaluators use them
/// for terms they compute (BIND, CONSTRUCT, ...).
inline constexpr TermId kFirstLocalId = TermId{1} << 62;

/// A quad of ids; as a pattern, kAnyTerm marks a free position.
struct QuadIds {
  /// The subject's id; kAnyTerm in a pattern matches any subject.
  TermId subject = kAnyTerm;
  /// The predicate's id; kAnyTerm in a pattern matches any predicate.
  TermId predicate = kAnyTerm;
  /// The object's id; kAnyTerm in a pattern matches any object.
  TermId object = kAnyTerm;
  /// kDefaultGraph, a graph name's id, or in a pattern kAnyNamedGraph or kAnyTerm.
  TermId graph = kDefaultGraph;
  /// Position-wise equality of the four ids.
  bool operator==(const QuadIds&) const = default;
};

/// Streams matching quads in batches (one virtual call per batch, not per quad).
class QuadCursor {
 public:
  /// Virtual: cursors are owned and destroyed through this interface.
  virtual ~QuadCursor() = default;
  /// Writes up to `max` quads to `out`; returns how many (0 at the end).
  virtual std::size_t next(QuadIds* out, std::size_t max) = 0;
};

/// What the planner knows of a pattern's matches.
struct PatternStats {
  /// How many quads match (exact where the store can say so cheaply).
  double matches = 0;
  /// Estimated distinct subjects, predicates and objects among the matches:
  /// binding a free position to one value keeps about matches / distinct.
  std::array<double, 3> distinct{1, 1, 1};
};

/// Read access to an RDF dataset in one consistent state.
class Dataset {
 public:
  /// Virtual: stores are used through this interface.
  virtual ~Dataset() = default;
  /// The id of `term`, or kAnyTerm when the dataset does not contain it.
  /// Language tags compare case-insensitively (RDF 1.1).
  virtual TermId find_id(const TermRef& term) const = 0;
  /// The term behind `id` (a valid id from this dataset); the view lives as
  /// long as the dataset.
  virtual TermRef term(TermId id) const = 0;
  /// Every quad matching `pattern`. The order is unspecified unless noted
  /// by the implementation.
  virtual std::unique_ptr<QuadCursor> match(const QuadIds& pattern) const = 0;
  /// Exact number of quads matching `pattern`.
  virtual std::uint64_t count(const QuadIds& pattern) const = 0;
  /// True when the dataset holds `quad`: subject, predicate and object
  /// bound, the graph kDefaultGraph or a name. A nested loop join asks this
  /// once for each row it closes (the third edge of a triangle), so stores
  /// answer it without building a cursor; this default does.
  virtual bool contains(const QuadIds& quad) const {
    QuadIds found;
    return match(quad)->next(&found, 1) != 0;
  }
  /// Counts and distinct-value estimates for `pattern`, for the planner.
  virtual PatternStats stats(const QuadIds& pattern) const = 0;
  /// The named graphs (not the default graph), sorted by id. A graph may be
  /// empty: created, or emptied, but not dropped.
  virtual std::vector<TermId> graph_names() const = 0;
  /// True when `graph` is kDefaultGraph or one of graph_names().
  virtual bool has_graph(TermId graph) const = 0;
  /// Total number of quads.
  virtual std::uint64_t size() const = 0;
};

}  // namespace quiver
