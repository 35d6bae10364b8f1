#pragma once
/// @file
/// xsd:decimal values as `unscaled × 10^-scale` with an arbitrary-precision
/// integer (Boost.Multiprecision's cpp_int: header-only, already installed
/// with Boost.Program_options, and as fast as a machine integer for small
/// values), with the exact operations the XPath numeric operators need: the
/// scale is the number of fraction digits as written or as computed, as
/// Java's BigDecimal (and so Apache Jena) keeps it. XSD decimals and
/// integers are of arbitrary precision; so that a hostile query cannot
/// grow one without bound, values stop at kMaxDigits digits: the exact_*
/// functions answer nullopt past it, and parsing falls back to long double.

#include <boost/multiprecision/cpp_int.hpp>
#include <optional>
#include <string>
#include <string_view>

namespace quiver::xsd {

/// The integers of decimals and of xsd:integer values past int64.
using BigInt = boost::multiprecision::cpp_int;

/// Digits a decimal's unscaled value, and its scale, may have: far beyond
/// any real data (XSD asks for at least 16), far below what costs time.
inline constexpr int kMaxDigits = 4096;

/// An xsd:decimal as `unscaled × 10^-scale`, exact to kMaxDigits digits.
/// The scale is negative only for values written in exponent form
/// (doubles cast to decimal) with trailing zeros left implicit.
struct Decimal {
  /// The digits as an integer: 1.50 is 150 with scale 2.
  BigInt unscaled = 0;
  /// The power of ten dividing `unscaled`: the fraction digits printed.
  int scale = 0;

  /// The value rounded to 18 significant digits, in canonical form.
  static Decimal from_long_double(long double v);
  /// The value as long double (about 18 significant digits); the fallback
  /// when exact decimal arithmetic overflows.
  long double to_long_double() const;
  /// The same value with trailing zeros dropped, keeping at least one
  /// fraction digit ("2.0", "0.25"): XSD 1.0's canonical form.
  Decimal canonical() const;
};

/// A lexical form matching `[+-]?(digits(.digits?)?|.digits)` (checked by
/// the caller) as a decimal with the scale as written, exactly; past
/// kMaxDigits digits it falls back to long double.
Decimal parse_decimal(std::string_view lexical);

/// `[-]d[.ddd]E[-]n` (printf's or XSD's exponent form) as a decimal.
Decimal parse_exponent_form(std::string_view text);

/// The lexical form of a decimal with exactly its scale (`3.0`, `6`,
/// `-0.50`), as Java's BigDecimal.toPlainString.
std::string format_decimal(const Decimal& v);

/// a + b (or a - b with `subtract`) at the larger scale; nullopt past kMaxDigits.
std::optional<Decimal> exact_add(const Decimal& a, const Decimal& b, bool subtract);
/// a × b with the sum of the scales; nullopt past kMaxDigits.
std::optional<Decimal> exact_multiply(const Decimal& a, const Decimal& b);
/// a / b (b not zero), exact when the quotient terminates within 24
/// fraction digits (Jena's DIVIDE_PRECISION), else rounded half to even
/// there; in canonical form. nullopt past kMaxDigits.
std::optional<Decimal> exact_divide(const Decimal& a, const Decimal& b);
/// -a (always exact; optional for the callers written for 128 bits).
std::optional<Decimal> exact_negate(const Decimal& a);

/// How round_decimal() rounds to a whole number.
enum class Rounding {
  /// Toward positive infinity (fn:ceiling).
  Ceil,
  /// Toward negative infinity (fn:floor).
  Floor,
  /// To the nearest, halves toward positive infinity (fn:round).
  HalfUp,
  /// Toward zero (casts to xsd:integer).
  Trunc,
};

/// The decimal rounded to a whole number, with scale 0.
Decimal round_decimal(const Decimal& d, Rounding mode);

}  // namespace quiver::xsd
