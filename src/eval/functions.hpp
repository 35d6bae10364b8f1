#pragma once
/// @file
/// SPARQL 1.1 operators and functions on RDF terms (section 17): values,
/// effective boolean value, comparison and arithmetic with numeric type
/// promotion, every builtin, XSD casts, the ORDER BY order and aggregates.
/// An error (type error, unbound argument, ...) is a nullopt Value: by the
/// spec it is not a C++ error, it leaves a variable unbound or a filter false.

#include <chrono>
#include <cstdint>
#include <memory>
#include <optional>
#include <random>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "terms/term.hpp"

namespace quiver::eval {

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

/// `=` / `!=` / `<` / `>` / `<=` / `>=` (17.3, RDFterm-equal for terms
/// that are not comparable values). The kind must be one of the six
/// comparison kinds of ExprKind, passed as its operator text ("=", "!=",
/// "<", ">", "<=", ">=").
Value compare(std::string_view op, const Term& left, const Term& right);

/// `+ - * /` on numerics with type promotion (integer, decimal, float,
/// double); op is "+", "-", "*" or "/".
Value arithmetic(std::string_view op, const Term& left, const Term& right);
/// Unary `+` and `-`.
Value unary(std::string_view op, const Term& operand);

/// A builtin function by its upper-case SPARQL name (STR, LANG,
/// LANGMATCHES, DATATYPE, IRI, URI, BNODE, RAND, ABS, CEIL, FLOOR, ROUND,
/// CONCAT, STRLEN, UCASE, LCASE, ENCODE_FOR_URI, CONTAINS, STRSTARTS,
/// STRENDS, STRBEFORE, STRAFTER, YEAR, MONTH, DAY, HOURS, MINUTES, SECONDS,
/// TIMEZONE, TZ, NOW, UUID, STRUUID, MD5, SHA1, SHA256, SHA384, SHA512,
/// STRLANG, STRDT, SAMETERM, ISIRI, ISURI, ISBLANK, ISLITERAL, ISNUMERIC,
/// REGEX, SUBSTR, REPLACE), arguments already evaluated. The special forms
/// (BOUND, IF, COALESCE, IN, logical operators, EXISTS) are the
/// evaluator's, since they do not evaluate every argument.
/// A nullopt argument is an error argument; most functions then fail.
Value call_builtin(std::string_view name, const std::vector<Value>& args, FunctionContext& ctx);

/// A function called by IRI: the XSD casts (xsd:string, xsd:integer,
/// xsd:decimal, xsd:float, xsd:double, xsd:boolean, xsd:dateTime, and the
/// other XSD types SPARQL 1.1 lists). Unknown IRIs give an error.
Value call_iri_function(std::string_view iri, const std::vector<Value>& args, FunctionContext& ctx);

/// The ORDER BY order (15.1): unbound < blank nodes < IRIs < literals,
/// literals by value where comparable, otherwise by a fixed total order.
/// Returns <0, 0, >0.
int order_compare(const std::optional<Term>& a, const std::optional<Term>& b);

/// True when `term` is a literal of a numeric XSD type with a valid lexical form.
bool is_numeric(const Term& term);

/// An aggregate over the values of one group (18.5.1).
class Aggregator {
 public:
  virtual ~Aggregator() = default;
  /// Adds one evaluated value (nullopt for an error; COUNT(*) adds a
  /// placeholder term per solution).
  virtual void add(const Value& value) = 0;
  /// The aggregate's value; nullopt for an error (e.g. SUM over an IRI).
  virtual Value result() const = 0;
};

/// Makes the aggregator for COUNT, SUM, AVG, MIN, MAX, GROUP_CONCAT or
/// SAMPLE. `distinct` drops repeated values first; `separator` is for
/// GROUP_CONCAT; `count_star` is COUNT(*).
std::unique_ptr<Aggregator> make_aggregator(std::string_view name, bool distinct,
                                            std::string_view separator, bool count_star);

}  // namespace quiver::eval
