#pragma once
/// @file
/// Pieces shared by the files implementing the builtins: literal kinds,
/// result constructors and the per-family builtin tables registry.cpp
/// merges. Not part of the functions library's interface.

#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "functions/value.hpp"
#include "terms/term.hpp"
#include "util/ascii.hpp"

namespace quiver::functions::detail {

using vocab::kXsdBoolean;
using vocab::kXsdDecimal;
using vocab::kXsdDouble;
using vocab::kXsdInteger;

/// A builtin whose arguments all evaluated without error (every builtin in
/// call_builtin's list is strict in all its arguments).
using BuiltinFn = Value (*)(const std::vector<Term>& args, FunctionContext& ctx);

/// One row of a builtin table: name, accepted argument counts, function.
struct BuiltinEntry {
  std::string_view name;
  std::size_t min_args;
  std::size_t max_args;
  BuiltinFn fn;
};

/// The builtin families, one per source file.
std::span<const BuiltinEntry> term_builtins();
std::span<const BuiltinEntry> string_builtins();
std::span<const BuiltinEntry> regex_builtins();
std::span<const BuiltinEntry> hash_builtins();
std::span<const BuiltinEntry> numeric_datetime_builtins();

/// `"true"^^xsd:boolean` / `"false"^^xsd:boolean`.
Term make_bool(bool value);
/// A simple literal.
inline Term make_string(std::string_view lexical) { return Term::literal(lexical); }
/// An xsd:integer literal.
Term make_integer(std::int64_t value);

/// A simple literal or xsd:string (the same term in RDF 1.1).
inline bool is_simple_string(const Term& t) {
  return t.is_literal() && t.datatype() == vocab::kXsdString;
}
/// A language-tagged literal.
inline bool is_lang_string(const Term& t) { return t.is_literal() && !t.language().empty(); }
/// A "string literal" in the sense of 17.4.3.1.1: simple, xsd:string or
/// language-tagged.
inline bool is_string_literal(const Term& t) { return is_simple_string(t) || is_lang_string(t); }

/// Argument compatibility of 17.4.3.1.2 (both simple/xsd:string, both with
/// the same language tag, or the first tagged and the second not).
bool compatible_arguments(const Term& first, const Term& second);

/// A string literal with `lexical` and the language tag of `like`.
Term same_kind_string(const Term& like, std::string_view lexical);

/// The value of a valid xsd:boolean literal, nullopt otherwise.
std::optional<bool> parse_boolean(const Term& t);

using quiver::ascii_lower;
using quiver::equal_ignore_case;

/// Same RDF term, language tags compared case-insensitively.
bool same_term(const Term& a, const Term& b);

/// How two terms compare as values (17.3's operator mapping).
enum class Order {
  Less,
  Equal,
  Greater,
  /// Same type, but a NaN is involved: every comparison but != is false.
  Unordered,
  /// Two dateTimes the XSD partial order cannot decide: an error.
  Indeterminate,
  /// Not two values of one type the table knows: RDFterm-equal applies.
  Incomparable,
};

/// Compares two numerics, two simple/xsd:string literals, two booleans, two
/// dateTimes or two dates by value.
Order value_order(const Term& a, const Term& b);

}  // namespace quiver::functions::detail
