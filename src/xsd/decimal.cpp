#include "xsd/decimal.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <string>

namespace quiver::xsd {
namespace {

using boost::multiprecision::abs;

/// kMaxDigits in bits: the cap is checked on the binary length, which costs
/// nothing, rather than on the decimal one.
constexpr unsigned kMaxBits = static_cast<unsigned>(kMaxDigits * 3.3219280948873623);

bool too_long(const BigInt& v) {
  return v != 0 && boost::multiprecision::msb(BigInt(abs(v))) >= kMaxBits;
}
bool scale_ok(long scale) { return scale >= -kMaxDigits && scale <= kMaxDigits; }

/// 10^n for 0 <= n <= 2 × kMaxDigits.
BigInt pow10(long n) { return boost::multiprecision::pow(BigInt(10), static_cast<unsigned>(n)); }

/// Fraction digits a quotient keeps when it does not terminate (Jena's
/// DIVIDE_PRECISION).
constexpr int kDivideScale = 24;

}  // namespace

Decimal parse_decimal(std::string_view s) {
  const bool negative = s[0] == '-';
  if (s[0] == '+' || s[0] == '-') s.remove_prefix(1);
  std::string digits;
  int scale = 0;
  bool in_fraction = false;
  for (const char c : s) {
    if (c == '.') {
      in_fraction = true;
      continue;
    }
    if (!digits.empty() || c != '0') digits += c;  // leading zeros say nothing
    if (in_fraction) ++scale;
  }
  if (digits.size() > static_cast<std::size_t>(kMaxDigits) || scale > kMaxDigits) {
    const long double approx = std::strtold(std::string(s).c_str(), nullptr);
    return Decimal::from_long_double(negative ? -approx : approx);
  }
  BigInt v = digits.empty() ? BigInt(0) : BigInt(digits);
  return {negative ? BigInt(-v) : v, scale};
}

Decimal parse_exponent_form(std::string_view s) {
  const std::size_t e = s.find_first_of("eE");
  const int exponent = std::atoi(std::string(s.substr(e + 1)).c_str());
  const Decimal mantissa = parse_decimal(s.substr(0, e));
  return {mantissa.unscaled, mantissa.scale - exponent};
}

std::optional<Decimal> exact_add(const Decimal& a, const Decimal& b, bool subtract) {
  const int scale = std::max(a.scale, b.scale);
  if (!scale_ok(scale) || !scale_ok(static_cast<long>(scale) - a.scale) ||
      !scale_ok(static_cast<long>(scale) - b.scale)) {
    return std::nullopt;
  }
  const BigInt x = scale == a.scale ? a.unscaled : a.unscaled * pow10(scale - a.scale);
  const BigInt y = scale == b.scale ? b.unscaled : b.unscaled * pow10(scale - b.scale);
  BigInt r = subtract ? BigInt(x - y) : BigInt(x + y);
  if (too_long(r)) return std::nullopt;
  return Decimal{std::move(r), scale};
}

std::optional<Decimal> exact_multiply(const Decimal& a, const Decimal& b) {
  const long scale = static_cast<long>(a.scale) + b.scale;
  if (!scale_ok(scale)) return std::nullopt;
  BigInt r = a.unscaled * b.unscaled;
  if (too_long(r)) return std::nullopt;
  return Decimal{std::move(r), static_cast<int>(scale)};
}

std::optional<Decimal> exact_divide(const Decimal& a, const Decimal& b) {
  const BigInt m = abs(b.unscaled);
  if (m == 0) return std::nullopt;
  // a/b = (|a.unscaled| × 10^k / m) × 10^-(a.scale - b.scale + k): k more
  // digits, enough for kDivideScale fraction digits; canonical() drops
  // the zeros of a quotient that terminates earlier.
  long scale = static_cast<long>(a.scale) - b.scale;
  const long k = std::max(0L, kDivideScale - scale);
  if (!scale_ok(scale) || k > 2L * kMaxDigits) return std::nullopt;
  const BigInt numerator = abs(a.unscaled) * pow10(k);
  BigInt q = numerator / m;
  const BigInt r = numerator % m;
  scale += k;
  if (r != 0 && (2 * r > m || (2 * r == m && (q & 1) != 0))) ++q;
  if (too_long(q) || !scale_ok(scale)) return std::nullopt;
  const bool negative = (a.unscaled < 0) != (b.unscaled < 0);
  return Decimal{negative ? BigInt(-q) : q, static_cast<int>(scale)}.canonical();
}

Decimal round_decimal(const Decimal& d, Rounding mode) {
  if (d.scale <= 0) return d;
  const BigInt p = pow10(d.scale);
  BigInt q = d.unscaled / p;  // toward zero
  const BigInt r = d.unscaled % p;
  switch (mode) {
    case Rounding::Ceil:
      if (r > 0) ++q;
      break;
    case Rounding::Floor:
      if (r < 0) --q;
      break;
    case Rounding::HalfUp:  // halves toward positive infinity
      if (r > 0 && 2 * abs(r) >= p) ++q;
      if (r < 0 && 2 * abs(r) > p) --q;
      break;
    case Rounding::Trunc:
      break;
  }
  return {std::move(q), 0};
}

Decimal Decimal::from_long_double(long double v) {
  if (v == 0 || !std::isfinite(v)) return {0, 1};
  // 18 significant digits: all a long double holds reliably.
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.17Le", v);
  return parse_exponent_form(buf).canonical();
}

long double Decimal::to_long_double() const {
  const long double v = unscaled.convert_to<long double>();
  return scale >= 0 ? v / std::pow(10.0L, scale) : v * std::pow(10.0L, -scale);
}

Decimal Decimal::canonical() const {
  if (unscaled == 0) return {0, 1};
  Decimal d = *this;
  while (d.scale > 1 && d.unscaled % 10 == 0) {
    d.unscaled /= 10;
    --d.scale;
  }
  if (d.scale < 1) {
    d.unscaled *= pow10(1 - d.scale);
    d.scale = 1;
  }
  return d;
}

// Appends rather than inserts: GCC 12 misreads std::string::insert here
// as an overlapping copy (-Wrestrict, GCC PR 105329).
std::string format_decimal(const Decimal& v) {
  const std::string digits = BigInt(abs(v.unscaled)).str();
  std::string out = v.unscaled < 0 ? "-" : "";
  if (v.scale <= 0) {
    out += digits;
    if (v.unscaled != 0) out.append(static_cast<std::size_t>(-v.scale), '0');
    return out;
  }
  const auto scale = static_cast<std::size_t>(v.scale);
  if (digits.size() <= scale) {
    out += "0.";
    out.append(scale - digits.size(), '0');
    out += digits;
  } else {
    out.append(digits, 0, digits.size() - scale);
    out += '.';
    out.append(digits, digits.size() - scale);
  }
  return out;
}

std::optional<Decimal> exact_negate(const Decimal& a) { return Decimal{-a.unscaled, a.scale}; }

}  // namespace quiver::xsd
