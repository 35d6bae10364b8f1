#pragma once
/// @file
/// SHACL validation in one call: a shapes graph and a data graph (datasets,
/// which may be the same) in, the report out. What `quiver validate
/// --shapes` and the W3C runner call.

#include <atomic>
#include <cstddef>
#include <vector>

#include "dataset/dataset.hpp"
#include "shacl/sparql_runner.hpp"
#include "shacl/validator.hpp"
#include "terms/term.hpp"
#include "util/expected.hpp"

namespace quiver::shacl {

/// How to validate.
struct Options {
  /// Read the union of the named graphs of each dataset instead of its
  /// default graph.
  bool union_default_graph = false;
  /// Runs SPARQL-based constraints; its store must be the one `data`
  /// is a snapshot of. Null refuses shapes that have them.
  engine::Engine* engine = nullptr;
  /// How they run (union_default_graph is taken from above).
  SparqlSettings sparql;
  /// When set and it turns true, validation stops with "cancelled".
  const std::atomic<bool>* cancel = nullptr;
};

/// What a validation found.
struct Outcome {
  bool conforms = true;                   ///< no result at all
  std::vector<Quad> report;               ///< the report graph (report.hpp)
  std::vector<ValidationResult> results;  ///< the results, in ids of the data graph
};

/// Reads the shapes of `shapes` and validates `data` against them.
/// `shapes` and `data` may be the same dataset. Fails on an ill-formed
/// shape or a recursive one.
Expected<Outcome> validate_datasets(const Dataset& shapes, const Dataset& data,
                                    const Options& options = {});

}  // namespace quiver::shacl
