#pragma once
/// @file
/// What SPARQL's functions and operators (section 17) compute with: the
/// value of an expression, the per-query state some functions read, and
/// the effective boolean value. An error (type error, unbound argument,
/// ...) is a nullopt Value: by the spec it is not a C++ error, it leaves a
/// variable unbound or a filter false.

#include <cstdint>
#include <optional>
#include <random>
#include <string>
#include <unordered_map>

#include "terms/term.hpp"

namespace quiver::functions {

/// The value of an expression: a term, or nullopt for an error.
using Value = std::optional<Term>;

/// State shared by the function calls of one query execution.
struct FunctionContext {
  /// NOW(): one xsd:dateTime for the whole query (set by the evaluator).
  Term now;
  /// For IRI(): the query's base IRI.
  std::string base_iri;
  /// RAND(), UUID(), STRUUID(), BNODE().
  std::mt19937_64 random{std::random_device{}()};
  /// BNODE(str): same string gives the same blank node within one solution;
  /// the evaluator clears this between solutions.
  std::unordered_map<std::string, std::string> bnode_labels;
  /// Counter for fresh blank node labels.
  std::uint64_t next_bnode = 0;
};

/// Effective boolean value (17.2.2); nullopt when it is an error.
std::optional<bool> effective_boolean_value(const Term& term);

/// True when `term` is a literal of a numeric XSD type with a valid lexical form.
bool is_numeric(const Term& term);

}  // namespace quiver::functions
