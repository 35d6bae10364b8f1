#pragma once
/// @file
/// The SPARQL 1.1 Query parser: query text to algebra (section 18.2),
/// with the static checks of section 18 and 19.8 (scoping of BIND and
/// SELECT expressions, grouping, blank node labels).

#include <string>
#include <string_view>

#include "sparql/algebra.hpp"
#include "util/expected.hpp"

namespace quiver::sparql {

/// Options for parse_query().
struct ParseOptions {
  /// The base IRI relative IRIs resolve against until a BASE changes it;
  /// empty leaves relative IRIs as written.
  std::string base_iri;
};

/// Parses a SPARQL 1.1 query (not Update). A syntax error carries the line
/// and column (from 1, in code points) of the offending token and a message
/// such as `expected '}' but found 'FILTER'`.
Expected<Query> parse_query(std::string_view text, const ParseOptions& options = {});

/// Formats an error from parse_query for a terminal: `file:line:col: error:
/// message`, then the query line, then a caret line under the token:
///
///     q.rq:3:5: error: expected '}' but found 'FILTER'
///     { ?s FILTER(?s) }
///          ^~~~~~
std::string format_parse_error(std::string_view query_text, const Error& error,
                               std::string_view file_name);

}  // namespace quiver::sparql
