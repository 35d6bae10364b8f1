#pragma once
/// @file
/// Readers for query results: the W3C runner reads expected results with
/// them, and a client reads what a remote endpoint answers.
///
/// What each reader makes of its input:
/// - JSON, XML: every term exactly. Literals without datatype become
///   xsd:string, with `xml:lang` rdf:langString. SPARQL 1.2 triple terms and
///   base directions are rejected (Term cannot hold them).
/// - TSV: every term exactly (Turtle syntax, bare numbers and booleans typed
///   as Turtle types them). A single line `true` or `false` is an ASK result.
/// - CSV: types are lost, so cells are guessed: empty is unbound, `_:x` a
///   blank node, an absolute IRI (scheme, no spaces) an IRI, anything else a
///   simple literal; a quoted empty field `""` is the empty literal. A single
///   line `true` or `false` is an ASK result.
/// - RDF result-set graphs (`rs:` vocabulary of the DAWG tests): see
///   read_result_set_graph().

#include <string_view>
#include <vector>

#include "results/result_format.hpp"
#include "solutions/query_result.hpp"
#include "terms/term.hpp"
#include "util/expected.hpp"

namespace quiver::results {

/// The result-set vocabulary namespace used by the SPARQL 1.0 test suite.
inline constexpr std::string_view kResultSetNs =
    "http://www.w3.org/2001/sw/DataAccess/tests/result-set#";

/// Parses a SELECT or ASK result in `format` (not Table). Errors carry a
/// line (and column where the parser knows it) and say what is wrong.
Expected<QueryResult> read_results(std::string_view text, ResultFormat format);

/// Reads a result set written as RDF with the `rs:` vocabulary: the node
/// typed rs:ResultSet (or else the one subject of rs:resultVariable,
/// rs:solution or rs:boolean) gives the variables (rs:resultVariable, plus
/// any variable bound in a solution), the solutions (rs:solution /
/// rs:binding / rs:variable / rs:value) or the ASK answer (rs:boolean).
/// When solutions carry rs:index they are sorted by it and the result is
/// marked `ordered`. Graph names are ignored.
Expected<QueryResult> read_result_set_graph(const std::vector<Quad>& quads);

}  // namespace quiver::results
