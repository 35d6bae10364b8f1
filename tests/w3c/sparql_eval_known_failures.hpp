#pragma once
// Known failures of the SPARQL query evaluation suites (w3c_sparql_eval).

#include <vector>

#include "known_failures.hpp"

namespace quiver::w3c {

const std::vector<KnownFailure>& sparql_eval_known_failures();

}  // namespace quiver::w3c
