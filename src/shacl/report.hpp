#pragma once
/// @file
/// The validation report as RDF (SHACL 1.1 3.6): one sh:ValidationReport
/// with sh:conforms and a sh:ValidationResult per result, with the triples
/// that spell blank-node result paths.

#include <vector>

#include "shacl/data_graph.hpp"
#include "shacl/shapes.hpp"
#include "shacl/validator.hpp"
#include "terms/term.hpp"

namespace quiver::shacl {

/// The report's triples (quads of the default graph). Blank nodes keep
/// their labels behind a prefix saying where they come from (`d` the data
/// graph, `s` the shapes graph, `v` the report's own) unless
/// `shapes_are_data`, when the shapes graph is the data graph and both get `d`.
std::vector<Quad> report_quads(const Shapes& shapes, const DataGraph& data,
                               const std::vector<ValidationResult>& results, bool shapes_are_data);

}  // namespace quiver::shacl
