#pragma once
/// @file
/// Which variables an algebra expression binds or mentions: the in-scope
/// rules of SPARQL 1.1 section 18.2.1, used by the parser's checks, SELECT *
/// and the optimizer.

#include <string>
#include <vector>

#include "sparql/algebra.hpp"

namespace quiver::sparql {

/// The variables in scope after `op` (18.2.1), in order of first
/// appearance, each once. Blank node variables (`_:x`) are included.
std::vector<std::string> in_scope_variables(const Op& op);

/// Appends the variables `expr` mentions, outside EXISTS patterns, each
/// once, in order of first appearance.
void collect_expr_variables(const Expr& expr, std::vector<std::string>& out);

}  // namespace quiver::sparql
