#pragma once
/// @file
/// Pieces shared by the files implementing the builtins: the
/// implementations registry.cpp's table points to, literal kinds and
/// result constructors. Not part of the functions library's interface.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "functions/registry.hpp"
#include "functions/value.hpp"
#include "terms/term.hpp"
#include "util/ascii.hpp"

namespace quiver::functions::detail {

using vocab::kXsdBoolean;
using vocab::kXsdDecimal;
using vocab::kXsdDouble;
using vocab::kXsdInteger;

// The implementations the registry's table points to, one family per
// source file. Each takes the arity the table gives it.

// term_builtins.cpp (17.4.2, and langMatches of 17.4.3)
Value fn_str(Args args, FunctionContext& ctx);
Value fn_lang(Args args, FunctionContext& ctx);
Value fn_datatype(Args args, FunctionContext& ctx);
Value fn_iri(Args args, FunctionContext& ctx);
Value fn_bnode(Args args, FunctionContext& ctx);
Value fn_strdt(Args args, FunctionContext& ctx);
Value fn_strlang(Args args, FunctionContext& ctx);
Value fn_sameterm(Args args, FunctionContext& ctx);
Value fn_isiri(Args args, FunctionContext& ctx);
Value fn_isblank(Args args, FunctionContext& ctx);
Value fn_isliteral(Args args, FunctionContext& ctx);
Value fn_isnumeric(Args args, FunctionContext& ctx);
Value fn_langmatches(Args args, FunctionContext& ctx);

// triple_builtins.cpp (SPARQL 1.2 17.4.2: RDF 1.2 terms)
Value fn_triple(Args args, FunctionContext& ctx);
Value fn_subject(Args args, FunctionContext& ctx);
Value fn_predicate(Args args, FunctionContext& ctx);
Value fn_object(Args args, FunctionContext& ctx);
Value fn_istriple(Args args, FunctionContext& ctx);
Value fn_langdir(Args args, FunctionContext& ctx);
Value fn_haslang(Args args, FunctionContext& ctx);
Value fn_haslangdir(Args args, FunctionContext& ctx);
Value fn_strlangdir(Args args, FunctionContext& ctx);

// string_builtins.cpp (17.4.3)
Value fn_strlen(Args args, FunctionContext& ctx);
Value fn_substr(Args args, FunctionContext& ctx);
Value fn_ucase(Args args, FunctionContext& ctx);
Value fn_lcase(Args args, FunctionContext& ctx);
Value fn_strstarts(Args args, FunctionContext& ctx);
Value fn_strends(Args args, FunctionContext& ctx);
Value fn_contains(Args args, FunctionContext& ctx);
Value fn_strbefore(Args args, FunctionContext& ctx);
Value fn_strafter(Args args, FunctionContext& ctx);
Value fn_encode_for_uri(Args args, FunctionContext& ctx);
Value fn_concat(Args args, FunctionContext& ctx);

// regex_builtins.cpp (17.4.3.14, 17.4.3.15)
Value fn_regex(Args args, FunctionContext& ctx);
Value fn_replace(Args args, FunctionContext& ctx);

// numeric_builtins.cpp (17.4.4, 17.4.5)
Value fn_abs(Args args, FunctionContext& ctx);
Value fn_round(Args args, FunctionContext& ctx);
Value fn_ceil(Args args, FunctionContext& ctx);
Value fn_floor(Args args, FunctionContext& ctx);
Value fn_rand(Args args, FunctionContext& ctx);
Value fn_now(Args args, FunctionContext& ctx);
Value fn_year(Args args, FunctionContext& ctx);
Value fn_month(Args args, FunctionContext& ctx);
Value fn_day(Args args, FunctionContext& ctx);
Value fn_hours(Args args, FunctionContext& ctx);
Value fn_minutes(Args args, FunctionContext& ctx);
Value fn_seconds(Args args, FunctionContext& ctx);
Value fn_timezone(Args args, FunctionContext& ctx);
Value fn_tz(Args args, FunctionContext& ctx);

// hash_builtins.cpp (17.4.6, and UUID, STRUUID of 17.4.2)
Value fn_md5(Args args, FunctionContext& ctx);
Value fn_sha1(Args args, FunctionContext& ctx);
Value fn_sha256(Args args, FunctionContext& ctx);
Value fn_sha384(Args args, FunctionContext& ctx);
Value fn_sha512(Args args, FunctionContext& ctx);
Value fn_uuid(Args args, FunctionContext& ctx);
Value fn_struuid(Args args, FunctionContext& ctx);

// casts.cpp (17.5): `arg` cast to the XSD datatype `target_iri`.
Value cast(std::string_view target_iri, const Term& arg);

/// True when entry i of a table indexed by its ids (Function, Aggregate)
/// describes id i, for every i: each id once, in the enum's order.
template <class Table>
constexpr bool in_id_order(const Table& table) {
  for (std::size_t i = 0; i < table.size(); ++i) {
    if (static_cast<std::size_t>(table[i].id) != i) return false;
  }
  return true;
}

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
