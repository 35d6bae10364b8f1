#pragma once
/// @file
/// SPARQL's comparison and arithmetic operators (17.3) and the ORDER BY
/// order (15.1), on terms.

#include <optional>
#include <string_view>

#include "functions/value.hpp"
#include "terms/term.hpp"

namespace quiver::functions {

/// `=` / `!=` / `<` / `>` / `<=` / `>=` (17.3, RDFterm-equal for terms
/// that are not comparable values), the operator given as its text ("=",
/// "!=", "<", ">", "<=", ">=").
Value compare(std::string_view op, const Term& left, const Term& right);

/// `+ - * /` on numerics with type promotion (integer, decimal, float,
/// double); op is "+", "-", "*" or "/".
Value arithmetic(std::string_view op, const Term& left, const Term& right);
/// Unary `+` and `-`, and `!` on the effective boolean value.
Value unary(std::string_view op, const Term& operand);

/// The ORDER BY order (15.1): unbound < blank nodes < IRIs < literals,
/// literals by value where comparable, otherwise by a fixed total order.
/// Returns <0, 0, >0.
int order_compare(const std::optional<Term>& a, const std::optional<Term>& b);

}  // namespace quiver::functions
