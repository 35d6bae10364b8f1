#pragma once
/// @file
/// xsd:decimal values as `unscaled × 10^-scale` in 128 bits, with the
/// exact operations the XPath numeric operators need: the scale is the
/// number of fraction digits as written or as computed, as Java's
/// BigDecimal (and so Apache Jena) keeps it. Results that do not fit fall
/// back to long double; callers see that as a nullopt from the exact_*
/// functions.

#include <optional>
#include <string>
#include <string_view>

namespace quiver::xsd {

/// An xsd:decimal as `unscaled × 10^-scale`, exact to 38 digits. The scale
/// is negative only for values beyond 10^38, which fall back to long double
/// precision (18 significant digits), as do results that overflow.
struct Decimal {
  /// The digits as an integer: 1.50 is 150 with scale 2.
  __int128 unscaled = 0;
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
/// the caller) as a decimal with the scale as written. Fraction digits
/// beyond 38 significant digits are rounded off; a longer integer part
/// falls back to long double.
Decimal parse_decimal(std::string_view lexical);

/// `[-]d[.ddd]E[-]n` (printf's or XSD's exponent form) as a decimal.
Decimal parse_exponent_form(std::string_view text);

/// The lexical form of a decimal with exactly its scale (`3.0`, `6`,
/// `-0.50`), as Java's BigDecimal.toPlainString.
std::string format_decimal(const Decimal& v);

/// a + b (or a - b with `subtract`) at the larger scale; nullopt on overflow.
std::optional<Decimal> exact_add(const Decimal& a, const Decimal& b, bool subtract);
/// a × b with the sum of the scales; nullopt on overflow.
std::optional<Decimal> exact_multiply(const Decimal& a, const Decimal& b);
/// a / b (b not zero), exact when the quotient terminates within 24
/// fraction digits (Jena's DIVIDE_PRECISION), else rounded half to even
/// there; in canonical form. nullopt when the divisor is too large.
std::optional<Decimal> exact_divide(const Decimal& a, const Decimal& b);
/// -a; nullopt for the one unscaled value whose negation overflows.
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
