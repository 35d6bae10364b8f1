#pragma once
/// @file
/// XSD numeric values (integer, decimal, float, double and the types derived
/// from integer): strict lexical parsing, canonical lexical forms and the
/// XPath numeric operators with type promotion.
///
/// Integers are int64; an integer lexical form or result that does not fit
/// becomes a decimal (arbitrary size is not required by SPARQL). Decimals are
/// long double, printed with 18 significant digits, which is exact for every
/// decimal a query or the W3C tests write down.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "terms/term.hpp"

namespace quiver::eval {

/// The four primitive numeric types, in promotion order.
enum class NumericType { Integer, Decimal, Float, Double };

/// A numeric value. Only the field of `type` is meaningful; floats are
/// stored widened to double but always rounded to float precision.
struct Numeric {
  NumericType type = NumericType::Integer;
  std::int64_t integer = 0;
  long double decimal = 0;
  double floating = 0;

  static Numeric of_integer(std::int64_t v) { return {NumericType::Integer, v, 0, 0}; }
  static Numeric of_decimal(long double v) { return {NumericType::Decimal, 0, v, 0}; }
  static Numeric of_float(float v) { return {NumericType::Float, 0, 0, v}; }
  static Numeric of_double(double v) { return {NumericType::Double, 0, 0, v}; }

  /// The value as long double (exact for integers and decimals).
  long double as_long_double() const;
  /// The value as double.
  double as_double() const { return static_cast<double>(as_long_double()); }
  /// True for float/double NaN.
  bool is_nan() const;
};

/// The primitive type behind a datatype IRI (xsd:int → Integer, ...), or
/// nullopt when the datatype is not numeric.
std::optional<NumericType> numeric_type_of(std::string_view datatype);

/// The XSD IRI of a primitive numeric type.
std::string_view numeric_datatype(NumericType type);

/// Parses a literal of a numeric datatype; nullopt for other terms and for
/// invalid lexical forms (including out-of-range values of derived types).
std::optional<Numeric> parse_numeric(const Term& term);

/// Parses `lexical` as the given primitive type (no whitespace allowed).
std::optional<Numeric> parse_numeric_lexical(std::string_view lexical, NumericType type);

/// True when `value` fits the value space of the derived integer `datatype`
/// (always true for xsd:integer itself and for non-integer datatypes).
bool in_integer_range(std::string_view datatype, long double value);

/// Canonical lexical forms: integer `-12`, decimal `1.0` / `-0.5`
/// (XSD 1.0: at least one fraction digit), double/float `1.5E2`, `INF`, `NaN`.
std::string format_integer(std::int64_t v);
std::string format_decimal(long double v);
std::string format_double(double v);
std::string format_float(float v);

/// The literal holding `value` in canonical form.
Term numeric_term(const Numeric& value);

/// The value converted to `type` (only widening is meant: integer →
/// decimal → float → double).
Numeric promote(const Numeric& value, NumericType type);

/// op:numeric-add / subtract / multiply / divide; `op` is one of "+-*/".
/// nullopt on integer/decimal division by zero.
std::optional<Numeric> numeric_arithmetic(char op, const Numeric& a, const Numeric& b);

/// op:numeric-unary-minus.
Numeric numeric_negate(const Numeric& value);

/// Three-way comparison by value after promotion; nullopt when a NaN is
/// involved (every comparison with NaN is false).
std::optional<int> numeric_compare(const Numeric& a, const Numeric& b);

/// fn:abs, fn:ceiling, fn:floor, fn:round (halves round toward +INF); the
/// result keeps the argument's type.
Numeric numeric_abs(const Numeric& value);
Numeric numeric_ceil(const Numeric& value);
Numeric numeric_floor(const Numeric& value);
Numeric numeric_round(const Numeric& value);

}  // namespace quiver::eval
