#pragma once
/// @file
/// The W3C SPARQL syntax tests Quiver is known to fail (runner
/// `w3c_sparql_syntax`), in the style of known_failures.hpp.

#include <vector>

#include "known_failures.hpp"

namespace quiver::w3c {

/// Known failures of the SPARQL query syntax suites: `<suite>/<mf:name>`.
const std::vector<KnownFailure>& sparql_syntax_known_failures();

}  // namespace quiver::w3c
