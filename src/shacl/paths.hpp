#pragma once
/// @file
/// SHACL property paths (SHACL 1.1 2.3.1): read from the shapes graph, and
/// evaluated from a focus node over the data graph to its value nodes.

#include <cstdint>
#include <vector>

#include "shacl/data_graph.hpp"
#include "terms/term.hpp"
#include "util/expected.hpp"

namespace quiver::shacl {

/// A property path, as a tree.
struct Path {
  /// Which form of path this is.
  enum class Kind : std::uint8_t {
    Predicate,    ///< an IRI
    Inverse,      ///< sh:inversePath, one part
    Sequence,     ///< an RDF list of two or more paths
    Alternative,  ///< sh:alternativePath, a list of two or more
    ZeroOrMore,   ///< sh:zeroOrMorePath, one part
    OneOrMore,    ///< sh:oneOrMorePath, one part
    ZeroOrOne,    ///< sh:zeroOrOnePath, one part
  };
  Kind kind = Kind::Predicate;  ///< the form
  TermId predicate = kAnyTerm;  ///< Predicate: the IRI's id in the data graph
  std::vector<Path> parts;      ///< the sub-paths of the other forms
};

/// Reads the path at `node` of the shapes graph (ids of `shapes`), with
/// predicates as ids of `data`. Appends to `triples` the shapes graph's
/// triples that spell it (for the report's sh:resultPath). An error names
/// what is not a path.
Expected<Path> read_path(DataGraph& shapes, TermId node, DataGraph& data,
                         std::vector<Quad>& triples);

/// The value nodes of `path` from `focus`, sorted, each once.
std::vector<TermId> evaluate_path(const Path& path, TermId focus, const DataGraph& data);

/// True when `path` is a single IRI; then `predicate` is set.
inline bool is_predicate(const Path& path) { return path.kind == Path::Kind::Predicate; }

}  // namespace quiver::shacl
