#pragma once
/// @file
/// What SPARQL's functions and operators (section 17) compute with: the
/// value of an expression, the per-query state some functions read, the
/// effective boolean value, and the operators on values (comparison,
/// arithmetic, the ORDER BY order). An error (type error, unbound
/// argument, ...) is a nullopt Value: by the spec it is not a C++ error, it
/// leaves a variable unbound or a filter false.

#include <chrono>
#include <cstdint>
#include <optional>
#include <random>
#include <string>
#include <unordered_map>

#include "functions/function.hpp"
#include "terms/term.hpp"
#include "util/error.hpp"

namespace quiver::functions {

/// The value of an expression: a term, or nullopt for an error.
using Value = std::optional<Term>;

/// State shared by the function calls of one query execution.
struct FunctionContext {
  /// NOW(): one xsd:dateTime for the whole query (set by the evaluator).
  Term now;
  /// For IRI(): the query's base IRI.
  std::string base_iri;
  /// RAND(), UUID(), STRUUID(), BNODE(): seeded on first use, since
  /// seeding (a system call, 2.5 KB of state) would be most of a small
  /// query's cost, and few queries ask.
  std::mt19937_64& random() {
    if (!random_) random_.emplace(std::random_device{}());
    return *random_;
  }
  /// BNODE(str): same string gives the same blank node within one solution;
  /// the evaluator clears this between solutions.
  std::unordered_map<std::string, std::string> bnode_labels;
  /// Counter for fresh blank node labels.
  std::uint64_t next_bnode = 0;
  /// The query's deadline, for the functions one call of which may take
  /// long (REGEX, REPLACE): they look at it themselves.
  std::chrono::steady_clock::time_point deadline = std::chrono::steady_clock::time_point::max();
  /// Set by a function that must stop the whole query rather than give an
  /// error value (a time or resource limit): the evaluator fails with it.
  std::optional<Error> fatal;

 private:
  std::optional<std::mt19937_64> random_;
};

/// Effective boolean value (17.2.2); nullopt when it is an error.
std::optional<bool> effective_boolean_value(const Term& term);

/// True when `term` is a literal of a numeric XSD type with a valid lexical form.
bool is_numeric(const Term& term);

/// `=` / `!=` / `<` / `>` / `<=` / `>=` (17.3, RDFterm-equal for terms
/// that are not comparable values); `op` is Equal, NotEqual, Less,
/// Greater, LessEqual or GreaterEqual, any other Function an error.
Value compare(Function op, const Term& left, const Term& right);

/// `+ - * /` on numerics with type promotion (integer, decimal, float,
/// double); `op` is Add, Subtract, Multiply or Divide, any other Function
/// an error.
Value arithmetic(Function op, const Term& left, const Term& right);

/// `+`, `-` on a numeric and `!` on the effective boolean value; `op` is
/// UnaryPlus, UnaryMinus or Not, any other Function an error.
Value unary(Function op, const Term& operand);

/// The ORDER BY order (15.1): unbound < blank nodes < IRIs < literals <
/// triple terms, literals by value where comparable, otherwise by a fixed
/// total order. Returns <0, 0, >0.
int order_compare(const std::optional<Term>& a, const std::optional<Term>& b);

/// The order of two triple terms (SPARQL 1.2 15.1): by subject, then
/// predicate, then object, each in order_compare()'s order.
int compare_triple_terms(const Term& a, const Term& b);

}  // namespace quiver::functions
