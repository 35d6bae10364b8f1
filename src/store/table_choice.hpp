#pragma once
/// @file
/// Which table answers a pattern: the choice every store that keeps the
/// SPO, POS, OSP permutations (and their graph variants) makes the same
/// way, in memory or on disk.

#include <array>
#include <cstddef>

#include "dataset/dataset.hpp"
#include "store/sorted_table.hpp"

namespace quiver::store {

/// Tables of the default graph's triples (the size of triple_orders()).
inline constexpr std::size_t kTripleTables = 4;
/// Tables of the named graphs' quads (the size of quad_orders()).
inline constexpr std::size_t kQuadTables = 8;

/// The table orders of the default graph's triples: SPO, POS, OSP, PSO.
/// PSO answers a pattern with only its predicate bound: rows by subject,
/// so the patterns of a subject star that follow probe ascending subjects
/// (each near the last), and a GROUP BY of the subject meets each group's
/// rows together.
const std::vector<SortedTable<3>::Order>& triple_orders();
/// The table orders of the named graphs' quads: SPOG, POSG, OSPG, GSPO,
/// GPOS, GOSP, PSOG, GPSO.
const std::vector<SortedTable<4>::Order>& quad_orders();

/// The id of a stored row column (the tables keep 32 bits).
inline bool storable(TermId id) { return id >= kFirstTermId && id <= 0xFFFFFFFFu; }
/// True when every position of `quad` is a storable id (the graph may be
/// kDefaultGraph).
inline bool storable(const QuadIds& quad) {
  return storable(quad.subject) && storable(quad.predicate) && storable(quad.object) &&
         (quad.graph == kDefaultGraph || storable(quad.graph));
}

/// The tables and keys that answer one pattern.
///
/// Every shape's bound positions form a prefix of one of SPO, POS, OSP,
/// PSO; named graphs use the same order with the graph last (all graphs)
/// or the G-led variant (one graph).
struct TableChoice {
  /// False when a bound id cannot be stored: nothing matches.
  bool possible = true;
  /// The triple table (0 SPO, 1 POS, 2 OSP, 3 PSO) and its bound prefix.
  std::size_t triple_table = 0;
  /// Number of leading bound columns in triple_table.
  std::size_t triple_prefix = 0;
  /// The key in triple_table's layout (free columns 0).
  Row<3> triple_key{};
  /// The default graph is read.
  bool defaults = false;
  /// Named graphs are read (all, or the one in the pattern).
  bool named = false;
  /// The quad table (0-7, as quad_orders()) and its bound prefix.
  std::size_t quad_table = 0;
  /// Number of leading bound columns in quad_table.
  std::size_t quad_prefix = 0;
  /// The key in quad_table's layout.
  Row<4> quad_key{};
};

/// The choice for `pattern`.
TableChoice choose_tables(const QuadIds& pattern);

/// A quad with every position bound as the row its part's canonical table
/// (SPO for the default graph, SPOG for the named graphs) would hold: what
/// Dataset::contains looks up.
struct CanonicalRow {
  /// Where a row would be: Nowhere when an id cannot be stored; Unknown
  /// when the quad is not one statement (a position or the graph unbound).
  enum class Part { Default, Named, Nowhere, Unknown };
  /// Where this row would be.
  Part part = Part::Unknown;
  /// The row, for Part::Default.
  Row<3> triple{};
  /// The row, for Part::Named.
  Row<4> quad{};
};

/// `quad` as its canonical row.
CanonicalRow canonical_row(const QuadIds& quad);

/// The order of the rows that TableChoice gives: positions (0 subject,
/// 1 predicate, 2 object, 3 graph), most significant first.
std::array<int, 4> choice_order(const QuadIds& pattern);

}  // namespace quiver::store
