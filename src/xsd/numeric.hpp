#pragma once
/// @file
/// XSD numeric values (integer, decimal, float, double and the types derived
/// from integer): strict lexical parsing, canonical lexical forms and the
/// XPath numeric operators with type promotion.
///
/// Integers are of arbitrary precision, as XSD says (up to kMaxDigits
/// digits): int64 while they fit, a BigInt past it, still xsd:integer.
///
/// Lexical forms of computed values follow what the W3C tests expect:
/// - Decimals carry a scale, as Java's BigDecimal (and so Apache Jena) does:
///   the fraction digits as written ("1.50" has 2, integers 0); `+ -` keep
///   the larger scale, `*` adds them, CEIL/FLOOR/ROUND give 0, and division
///   and casts give the canonical form (no trailing zeros, at least one
///   fraction digit). A decimal prints with exactly its scale ("3.0", "6").
/// - A double or float remembers whether it was written without exponent
///   ("3", "1.5"). A result computed only from such values (integers and
///   decimals count as written so) prints as XPath casts it to a string
///   ("6", "-3", "0.25"); any other prints canonically ("2.0E-1", "INF").
///   Casts and RAND() produce the canonical form.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

#include "terms/term.hpp"
#include "xsd/decimal.hpp"

namespace quiver::xsd {

/// The four primitive numeric types, in promotion order: `Integer`
/// (xsd:integer and its derived types, held in an int64, or past it in
/// `decimal` with scale 0 and `big` set), `Decimal` (held
/// as a Decimal), `Float` (held as a double rounded to float precision) and
/// `Double`.
enum class NumericType { Integer, Decimal, Float, Double };

/// A numeric value. Only the field of `type` is meaningful; floats are
/// stored widened to double but always rounded to float precision.
/// `plain` (floats and doubles only): written without exponent, see above.
struct Numeric {
  /// Which primitive type the value has; selects the meaningful field.
  NumericType type = NumericType::Integer;
  /// The value of an Integer that fits int64 (`big` false).
  std::int64_t integer = 0;
  /// The value of a Decimal, or of an Integer past int64 (`big`).
  Decimal decimal;
  /// The value of a Float (rounded to float precision) or Double.
  double floating = 0;
  /// Float/Double written without exponent: prints positionally.
  bool plain = false;
  /// An Integer too large for int64: its value is `decimal.unscaled`.
  bool big = false;

  /// An xsd:integer value.
  static Numeric of_integer(std::int64_t v) { return {NumericType::Integer, v, {}, 0, false}; }
  /// An xsd:integer value of any size: int64 when it fits.
  static Numeric of_integer(const BigInt& v);
  /// An xsd:decimal value, keeping the scale of `v`.
  static Numeric of_decimal(Decimal v) { return {NumericType::Decimal, 0, std::move(v), 0, false}; }
  /// The value of an Integer, whatever its size.
  BigInt big_integer() const { return big ? decimal.unscaled : BigInt(integer); }
  /// The canonical decimal nearest `v` (18 significant digits).
  static Numeric of_decimal(long double v) { return of_decimal(Decimal::from_long_double(v)); }
  /// An xsd:float value; `plain` when it was written without exponent.
  static Numeric of_float(float v, bool plain = false) {
    return {NumericType::Float, 0, {}, v, plain};
  }
  /// An xsd:double value; `plain` when it was written without exponent.
  static Numeric of_double(double v, bool plain = false) {
    return {NumericType::Double, 0, {}, v, plain};
  }

  /// The value as long double (exact for integers; decimals to 18 digits).
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
/// invalid lexical forms (including out-of-range values of derived types,
/// checked exactly on the lexical form).
std::optional<Numeric> parse_numeric(const Term& term);

/// Parses `lexical` as the given primitive type (no whitespace allowed).
std::optional<Numeric> parse_numeric_lexical(std::string_view lexical, NumericType type);

/// True when `value` fits the value space of the derived integer `datatype`
/// (always true for xsd:integer itself and for non-integer datatypes); the
/// bounds come from xsd/datatypes.hpp's table.
bool in_integer_range(std::string_view datatype, long double value);

/// The lexical form of an integer (`-12`).
std::string format_integer(std::int64_t v);
/// The canonical xsd:double form (`1.5E2`, `INF`, `NaN`).
std::string format_double(double v);
/// The canonical xsd:float form (`1.5E2`, `INF`, `NaN`), from float precision.
std::string format_float(float v);

/// XPath's cast of a float or double to xs:string: positional without a
/// trailing `.0` for 1e-6 <= |v| < 1e6 (`6`, `-0.25`, `0`), else canonical.
std::string format_floating_plain(double v, bool is_float);

/// Rewrites a canonical `d.dddEn` form positionally (`1.25`, `100`,
/// `0.001`), without a trailing `.0`.
std::string positional_form(std::string_view exponent_form);

/// The literal holding `value` in the forms described at the top.
Term numeric_term(const Numeric& value);

/// The value converted to `type` (only widening is meant: integer →
/// decimal → float → double).
Numeric promote(const Numeric& value, NumericType type);

/// op:numeric-add / subtract / multiply / divide; `op` is one of "+-*/".
/// nullopt on integer/decimal division by zero. Decimal quotients are
/// exact or rounded to 24 fraction digits, in canonical form.
std::optional<Numeric> numeric_arithmetic(char op, const Numeric& a, const Numeric& b);

/// op:numeric-unary-minus.
Numeric numeric_negate(const Numeric& value);

/// Three-way comparison by value after promotion; nullopt when a NaN is
/// involved (every comparison with NaN is false).
std::optional<int> numeric_compare(const Numeric& a, const Numeric& b);

/// fn:abs. These rounding functions keep the argument's type; a decimal
/// keeps its scale here, and gets scale 0 from the three below.
Numeric numeric_abs(const Numeric& value);
/// fn:ceiling: the smallest whole number not below the value.
Numeric numeric_ceil(const Numeric& value);
/// fn:floor: the largest whole number not above the value.
Numeric numeric_floor(const Numeric& value);
/// fn:round: the nearest whole number; halves round toward +INF.
Numeric numeric_round(const Numeric& value);
/// Rounding toward zero, as casts to xsd:integer do.
Numeric numeric_truncate(const Numeric& value);

}  // namespace quiver::xsd
