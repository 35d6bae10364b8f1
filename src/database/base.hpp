#pragma once
/// @file
/// One generation of a database: the immutable files a bulk load or a
/// merge wrote (dictionary, the twelve permutations as block tables, the
/// named graphs and the planner's statistics), opened through memory maps.

#include <array>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "dataset/dataset.hpp"
#include "disk/block_table.hpp"
#include "disk/dictionary_file.hpp"
#include "store/statistics.hpp"
#include "store/table_choice.hpp"
#include "util/expected.hpp"

namespace quiver::database {

/// The counts of one part (default graph, named graphs) with every
/// per-predicate figure filled: the planner's part, as estimate() reads it.
struct PartStatistics {
  /// The counts.
  store::GraphStatistics counts;
  /// The counts (estimate()'s accessor).
  const store::GraphStatistics& statistics() const { return counts; }
  /// Distinct objects among the statements with `predicate`.
  std::uint64_t distinct_objects(TermId predicate) const {
    return counts.predicate(predicate).distinct_objects;
  }
};

/// One generation's files, open. Immutable; shared by every state built on it.
struct Base {
  /// The generation number.
  std::uint64_t generation = 0;
  /// Every term of the generation; index i is id kFirstTermId + i.
  disk::DictionaryFile terms;
  /// The default graph's tables, as store::triple_orders().
  std::array<disk::BlockTable<3>, store::kTripleTables> triples;
  /// The named graphs' tables, as store::quad_orders().
  std::array<disk::BlockTable<4>, store::kQuadTables> quads;
  /// Counts of the default graph.
  PartStatistics default_graph;
  /// Counts of the named graphs.
  PartStatistics named_graphs;
  /// The named graphs that exist (empty ones too), sorted.
  std::vector<TermId> graphs;

  /// Opens generation `generation` of `folder`, checking each file's
  /// header and footer (not every block: that is verify()).
  static Expected<std::shared_ptr<const Base>> open(const std::string& folder,
                                                    std::uint64_t generation);
  /// Reads every file whole against its checksum, and checks that the
  /// permutations of each part hold the same rows, that every id is in the
  /// dictionary and that the statistics are those of the rows: `db check`.
  Status verify() const;
};

/// What a new generation holds, handed to write_generation as streams.
struct GenerationSource {
  /// Number of terms.
  std::uint64_t term_count = 0;
  /// The term at each index.
  disk::TermSource term;
  /// The named graphs (empty ones too), sorted.
  std::vector<TermId> graphs;
  /// Calls `add` with every row of triple table `table` (0 SPO, 1 POS,
  /// 2 OSP), in that table's layout and order.
  std::function<Status(std::size_t table, const std::function<Status(const store::Row<3>&)>& add)>
      triples;
  /// The same for quad table `table` (0-5, as store::quad_orders()).
  std::function<Status(std::size_t table, const std::function<Status(const store::Row<4>&)>& add)>
      quads;
  /// How many of the files are written at once, each stream called from
  /// its own thread: the streams must be safe to run side by side.
  unsigned threads = 1;
};

/// Writes generation `generation` into `folder`: every file synced and in
/// place, but not yet live (the manifest makes it so). The statistics are
/// computed from the rows as they stream.
Status write_generation(const std::string& folder, std::uint64_t generation,
                        const GenerationSource& source);

/// The suffixes of a generation's files, the write-ahead log last.
const std::vector<std::string>& generation_suffixes();

}  // namespace quiver::database
