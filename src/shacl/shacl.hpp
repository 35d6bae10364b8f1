#pragma once
/// @file
/// SHACL validation in one call: a shapes graph and a data graph (datasets,
/// which may be the same) in, the report out. What `quiver validate
/// --shapes` and the W3C runner call.

#include <atomic>
#include <chrono>
#include <cstddef>
#include <optional>
#include <string_view>
#include <vector>

#include "dataset/dataset.hpp"
#include "shacl/sparql_runner.hpp"
#include "shacl/validator.hpp"
#include "terms/term.hpp"
#include "util/expected.hpp"

namespace quiver::shacl {

/// How to validate.
struct Options {
  /// The data graph is the union of the named graphs of `data`, not its
  /// default graph; and the shapes graph all of `shapes`, named graphs too
  /// (a TriG file of shapes), not its default graph alone.
  bool union_default_graph = false;
  /// Runs SPARQL-based constraints; its store must be the one `data`
  /// is a snapshot of. Null refuses shapes that have them.
  engine::Engine* engine = nullptr;
  /// How they run (union_default_graph is taken from above).
  SparqlSettings sparql;
  /// When set and it turns true, validation stops with "cancelled".
  const std::atomic<bool>* cancel = nullptr;
  /// Validation (SPARQL-based constraints included) stops with a Timeout
  /// error after this long.
  std::optional<std::chrono::milliseconds> timeout;
};

/// One validation result as terms (what the report says of it).
struct ResultTerms {
  Term focus;                  ///< sh:focusNode
  Term value;                  ///< sh:value, or None
  Term path;                   ///< sh:resultPath (a blank node for a complex path), or None
  Term shape;                  ///< sh:sourceShape
  Term component;              ///< sh:sourceConstraintComponent
  Term severity;               ///< sh:resultSeverity
  std::vector<Term> messages;  ///< sh:resultMessage values
};

/// What a validation found.
struct Outcome {
  bool conforms = true;              ///< no result at all
  std::vector<Quad> report;          ///< the report graph (report.hpp)
  std::vector<ResultTerms> results;  ///< the results, in the report's order
};

/// True when a SPARQL-based constraint of `shapes` mentions $shapesGraph,
/// so that the caller knows to provide the shapes graph as a named graph
/// of the data's store (SparqlSettings::shapes_graph).
bool uses_shapes_graph(const Dataset& shapes);

/// The IRI Quiver gives the shapes graph when it provides it as a named graph.
inline constexpr std::string_view kShapesGraphIri = "urn:x-quiver:shapes-graph";

/// Reads the shapes of `shapes` and validates `data` against them.
/// `shapes` and `data` may be the same dataset. Fails on an ill-formed
/// shape, a recursive one, or past the timeout.
Expected<Outcome> validate_datasets(const Dataset& shapes, const Dataset& data,
                                    const Options& options = {});

}  // namespace quiver::shacl
