#pragma once
/// @file
/// Pre-binding (SHACL 1.1 5.3.1, the way Jena's initial bindings work):
/// a copy of a query's algebra with chosen variables replaced by terms
/// everywhere they occur, inside subqueries and EXISTS too. A blank node
/// given as a term stays that very node (a constant of the dataset), which
/// no query text could name.

#include <map>
#include <string>

#include "sparql/algebra.hpp"

namespace quiver::sparql {

/// Variable name (without `?`) to the term it stands for.
using Substitution = std::map<std::string, Term, std::less<>>;

/// `op` with every occurrence of a variable of `values` replaced by its
/// term; BOUND of such a variable becomes true. Variables the query binds
/// itself (BIND, VALUES, aggregates) are left as they are: callers refuse
/// such queries first when it matters.
OpPtr substitute(const OpPtr& op, const Substitution& values);

}  // namespace quiver::sparql
