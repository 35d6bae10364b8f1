#pragma once
/// @file
/// The XSD datatype hierarchy Quiver knows: xsd:integer and the twelve
/// types derived from it (one table, with the exact bounds of each value
/// space), and the string types derived by restriction. Validation asks
/// whether one datatype derives from another; evaluation asks which
/// integer type a datatype IRI names and whether a value fits it.

#include <string_view>

namespace quiver::xsd {

/// xsd:integer or a type derived from it by restriction.
struct IntegerType {
  /// The local name in the XSD namespace (`byte`, `unsignedLong`).
  std::string_view name;
  /// The smallest value as an integer lexical form; empty when unbounded.
  std::string_view min;
  /// The largest value as an integer lexical form; empty when unbounded.
  std::string_view max;
  /// The local name of the type it restricts (`decimal` for `integer`).
  std::string_view base;
};

/// The local name of an IRI in the XSD namespace (`integer` for
/// xsd:integer); empty for any other IRI.
std::string_view local_name(std::string_view datatype);

/// The integer type with this local name, or nullptr.
const IntegerType* find_integer_type(std::string_view local);

/// The integer type a datatype IRI names (xsd:integer, xsd:byte, ...), or
/// nullptr.
inline const IntegerType* integer_type_of(std::string_view datatype) {
  const std::string_view local = local_name(datatype);
  return local.empty() ? nullptr : find_integer_type(local);
}

/// True when `lexical` is an xsd:integer lexical form (`[+-]?[0-9]+`, as
/// written: no white space) whose value lies in `type`'s value space;
/// exact for any number of digits.
bool integer_lexical_in_range(const IntegerType& type, std::string_view lexical);

/// True when `value` (an integer) lies in `type`'s value space. Compared
/// as long double, which holds every bound of the table exactly.
bool integer_in_range(const IntegerType& type, long double value);

/// True when the datatype `derived` is `base` or derived from it by
/// restriction (xsd:byte from xsd:integer, xsd:integer from xsd:decimal,
/// xsd:token from xsd:string), so a literal of `derived` fits a range `base`.
bool derives_from(std::string_view derived, std::string_view base);

}  // namespace quiver::xsd
