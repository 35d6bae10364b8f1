#pragma once
/// @file
/// Cuts a stream of quads into upload batches, one target graph at a time:
/// N-Triples text of at most `chunk` triples, ready to be sent as a Graph
/// Store body or as the triples of an INSERT DATA.
///
/// Blank nodes: every request is its own document, so `_:b1` in two
/// requests would be two different nodes in the store. Triples that mention
/// a blank node are therefore held back until the end, grouped by connected
/// blank nodes (a list, a nested `[ ]`), and sent after the graph's other
/// triples, whole groups per batch: a batch goes over `chunk` only when one
/// group alone is larger.

#include <cstdint>
#include <functional>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "io/sink.hpp"
#include "util/expected.hpp"

namespace quiver::remote {

/// One upload: some triples of one graph.
struct Batch {
  std::string graph;          ///< target graph IRI; empty for the default graph
  std::string ntriples;       ///< the triples, one N-Triples line each
  std::uint64_t triples = 0;  ///< how many lines
  bool blank_nodes = false;   ///< the held-back batch with every blank-node triple
  bool first = false;         ///< the graph's first batch (PUT when replacing)
};

/// Where the quads go.
enum class GraphTarget {
  KeepGraphs,   ///< each quad to its own graph (default-graph triples to the default graph)
  OneGraph,     ///< everything into one named graph
  DefaultGraph  ///< everything into the default graph
};

/// What was sent to one graph.
struct GraphTally {
  std::string graph;           ///< IRI; empty for the default graph
  std::uint64_t sent = 0;      ///< triples sent, duplicates included
  std::uint64_t distinct = 0;  ///< distinct triples sent
  /// Hashes of the N-Triples lines of the distinct triples without blank
  /// nodes, to check afterwards that the store holds each of them.
  std::unordered_set<std::size_t> plain;
};

/// A QuadSink that groups quads per target graph into batches and hands
/// each full batch to `emit`. After `emit` fails, on_quad returns that
/// failure (so the reader stops) and so does `finish`.
class BatchSink final : public io::QuadSink {
 public:
  /// Batches of at most `chunk` triples (but see the blank nodes note).
  BatchSink(GraphTarget target, std::string graph, std::size_t chunk,
            std::function<Status(Batch&&)> emit);
  Status on_quad(const QuadRef& quad) override;
  /// Sends what is left: partial batches, then the blank-node batches.
  Status finish();
  /// What was sent to each graph, in the order graphs first appeared.
  /// Moves the hash sets out: call once, after finish().
  std::vector<GraphTally> take_tallies();

 private:
  struct BlankTriple {
    std::string line;
    std::vector<std::string> labels;  // its blank nodes, inside triple terms too
  };
  struct Pending {
    std::string graph;
    Batch plain;
    std::vector<BlankTriple> blank;
    bool started = false;
    std::uint64_t sent = 0;
    std::unordered_set<std::size_t> plain_seen;  // hashes of lines
    std::unordered_set<std::size_t> blank_seen;
  };
  Pending& pending_for(const QuadRef& quad);
  void emit(Pending& pending, Batch& batch);
  void emit_blank_groups(Pending& pending);

  GraphTarget target_;
  std::string graph_;
  std::size_t chunk_;
  std::function<Status(Batch&&)> emit_;
  std::vector<Pending> graphs_;
  std::unordered_map<std::string, std::size_t> index_;
  Status status_;
  std::string line_;
};

}  // namespace quiver::remote
