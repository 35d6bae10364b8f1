#pragma once
/// @file
/// SHACL validation (SHACL 1.1 3): every focus node of every shape with
/// targets, checked against the shape's constraints over the data graph.
/// The results are values; a report (report.hpp) writes them as RDF.

#include <atomic>
#include <chrono>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "shacl/data_graph.hpp"
#include "shacl/shapes.hpp"
#include "util/expected.hpp"

namespace quiver::shacl {

/// One validation result (SHACL 1.1 3.6.2), in ids of the data graph.
struct ValidationResult {
  TermId focus = kAnyTerm;                 ///< sh:focusNode
  std::optional<TermId> value;             ///< sh:value, when there is one
  ShapeIndex shape = 0;                    ///< sh:sourceShape
  Component component = Component::Class;  ///< sh:sourceConstraintComponent
  Term path;                               ///< sh:resultPath (shapes graph), or None
  std::optional<std::size_t> sparql;       ///< a SPARQL constraint: its index
  const Constraint* constraint = nullptr;  ///< the constraint, in the Shapes validated
  std::vector<Term> messages;              ///< sh:resultMessage values
};

/// One violation a SPARQL-based constraint found for a focus node.
struct SparqlViolation {
  /// ?value of a SELECT's solution, or the value node an ASK rejected;
  /// kAnyTerm when there is none (a node shape's focus node then).
  TermId value = kAnyTerm;
  Term path;                   ///< ?path when bound to an IRI; else None
  std::vector<Term> messages;  ///< the constraint's messages, {?var} filled in
};

/// Runs SPARQL-based constraint `constraint` (an index in Shapes::sparql)
/// of shape `shape` for `focus`, whose value nodes are `values`.
using SparqlRunner = std::function<Expected<std::vector<SparqlViolation>>(
    std::size_t constraint, ShapeIndex shape, TermId focus, const std::vector<TermId>& values)>;

/// How to validate.
struct ValidationOptions {
  /// Runs SPARQL-based constraints; unset, a shape with one is refused.
  SparqlRunner sparql;
  /// When set and it turns true, validation stops with "cancelled".
  const std::atomic<bool>* cancel = nullptr;
  /// Validation stops with a Timeout error past this point: nested shapes
  /// can make the work exponential in the size of the shapes graph.
  std::chrono::steady_clock::time_point deadline = std::chrono::steady_clock::time_point::max();
};

/// Validates the data graph `data` against `shapes` (read with read_shapes
/// over the same `data`). Fails when a shape refers back to itself for the
/// same focus node (recursive shapes have no meaning in SHACL), or when a
/// SPARQL constraint cannot run.
Expected<std::vector<ValidationResult>> validate(const Shapes& shapes, DataGraph& data,
                                                 const ValidationOptions& options = {});

}  // namespace quiver::shacl
