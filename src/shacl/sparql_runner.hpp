#pragma once
/// @file
/// SPARQL-based constraints (SHACL 1.1 5, 6) run by Quiver's engine: each
/// query is parsed once per shape ($PATH is the shape's path), checked
/// against the restrictions of 5.3.1 (no MINUS, SERVICE or VALUES; no BIND
/// of a pre-bound variable; subqueries return every pre-bound variable),
/// then run per focus node with $this, $value, $currentShape,
/// $shapesGraph and a component's parameters pre-bound by substitution.

#include <chrono>
#include <optional>
#include <string>

#include "shacl/data_graph.hpp"
#include "shacl/shapes.hpp"
#include "shacl/validator.hpp"

namespace quiver::engine {
class Engine;
}

namespace quiver::shacl {

/// How SPARQL-based constraints run.
struct SparqlSettings {
  /// The IRI of a named graph of the engine's store holding the shapes
  /// graph, for $shapesGraph; empty leaves $shapesGraph unbound.
  std::string shapes_graph;
  /// The queries' default graph is the union of the named graphs.
  bool union_default_graph = false;
  /// A limit for each query.
  std::optional<std::chrono::milliseconds> timeout;
  /// No query runs past this point (the whole validation's deadline).
  std::chrono::steady_clock::time_point deadline = std::chrono::steady_clock::time_point::max();
};

/// A SparqlRunner over `engine`, whose store holds the data graph `data`
/// views; `shapes`, `data` and `engine` must outlive it.
SparqlRunner engine_sparql_runner(engine::Engine& engine, const Shapes& shapes, DataGraph& data,
                                  SparqlSettings settings = {});

}  // namespace quiver::shacl
