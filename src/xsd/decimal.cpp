#include "xsd/decimal.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>

namespace quiver::xsd {
namespace {

using Int128 = __int128;
using UInt128 = unsigned __int128;
// std::numeric_limits knows __int128 only in the GNU dialects.
constexpr UInt128 kUInt128Max = ~UInt128{0};
constexpr Int128 kInt128Max = static_cast<Int128>(kUInt128Max >> 1);

/// 10^n for 0 <= n <= 38.
Int128 pow10(int n) {
  Int128 p = 1;
  for (int i = 0; i < n; ++i) p *= 10;
  return p;
}

/// Multiplies `v` by 10^n (n >= 0); false on overflow.
bool scale_up(Int128& v, int n) {
  if (v == 0) return true;
  for (int i = 0; i < n; ++i) {
    if (__builtin_mul_overflow(v, 10, &v)) return false;
  }
  return true;
}

UInt128 magnitude(Int128 v) { return v < 0 ? -static_cast<UInt128>(v) : static_cast<UInt128>(v); }

std::string digits_of(UInt128 v) {
  std::string out;
  do {
    out += static_cast<char>('0' + static_cast<int>(v % 10));
    v /= 10;
  } while (v != 0);
  std::reverse(out.begin(), out.end());
  return out;
}

/// Fraction digits a quotient keeps when it does not terminate (Jena's
/// DIVIDE_PRECISION).
constexpr int kDivideScale = 24;

}  // namespace

Decimal parse_decimal(std::string_view s) {
  const bool negative = s[0] == '-';
  if (s[0] == '+' || s[0] == '-') s.remove_prefix(1);
  Int128 v = 0;
  int scale = 0;
  bool in_fraction = false;
  for (const char c : s) {
    if (c == '.') {
      in_fraction = true;
      continue;
    }
    const int digit = c - '0';
    Int128 next;
    if (__builtin_mul_overflow(v, 10, &next) || __builtin_add_overflow(next, digit, &next)) {
      if (!in_fraction) {
        const long double approx = std::strtold(std::string(s).c_str(), nullptr);
        return Decimal::from_long_double(negative ? -approx : approx);
      }
      if (digit >= 5 && v < kInt128Max) ++v;
      break;
    }
    v = next;
    if (in_fraction) ++scale;
  }
  return {negative ? -v : v, scale};
}

Decimal parse_exponent_form(std::string_view s) {
  const std::size_t e = s.find_first_of("eE");
  const int exponent = std::atoi(std::string(s.substr(e + 1)).c_str());
  const Decimal mantissa = parse_decimal(s.substr(0, e));
  return {mantissa.unscaled, mantissa.scale - exponent};
}

std::optional<Decimal> exact_add(const Decimal& a, const Decimal& b, bool subtract) {
  const int scale = std::max(a.scale, b.scale);
  Int128 x = a.unscaled;
  Int128 y = b.unscaled;
  if (!scale_up(x, scale - a.scale) || !scale_up(y, scale - b.scale)) return std::nullopt;
  Int128 r;
  if (subtract ? __builtin_sub_overflow(x, y, &r) : __builtin_add_overflow(x, y, &r)) {
    return std::nullopt;
  }
  return Decimal{r, scale};
}

std::optional<Decimal> exact_multiply(const Decimal& a, const Decimal& b) {
  Int128 r;
  if (__builtin_mul_overflow(a.unscaled, b.unscaled, &r)) return std::nullopt;
  return Decimal{r, a.scale + b.scale};
}

std::optional<Decimal> exact_divide(const Decimal& a, const Decimal& b) {
  const UInt128 limit = static_cast<UInt128>(pow10(37));
  const UInt128 m = magnitude(b.unscaled);
  if (m >= limit) return std::nullopt;
  UInt128 q = magnitude(a.unscaled) / m;
  UInt128 r = magnitude(a.unscaled) % m;
  // a/b = (|a.unscaled| / m) × 10^(b.scale - a.scale); each digit adds one
  // to the scale.
  int scale = a.scale - b.scale;
  while (r != 0 && scale < kDivideScale && q < limit) {
    r *= 10;
    q = q * 10 + r / m;
    r %= m;
    ++scale;
  }
  if (r != 0 && (2 * r > m || (2 * r == m && q % 2 == 1))) ++q;
  if (q > static_cast<UInt128>(kInt128Max)) return std::nullopt;
  const Int128 value = static_cast<Int128>(q);
  const bool negative = (a.unscaled < 0) != (b.unscaled < 0);
  return Decimal{negative ? -value : value, scale}.canonical();
}

Decimal round_decimal(const Decimal& d, Rounding mode) {
  if (d.scale <= 0) return d;
  Int128 q = 0;
  Int128 r = d.unscaled;
  UInt128 p = kUInt128Max;  // scale > 38: |value| < 1, every |r| is below p
  if (d.scale <= 38) {
    p = static_cast<UInt128>(pow10(d.scale));
    q = d.unscaled / static_cast<Int128>(p);
    r = d.unscaled % static_cast<Int128>(p);
  }
  switch (mode) {
    case Rounding::Ceil:
      if (r > 0) ++q;
      break;
    case Rounding::Floor:
      if (r < 0) --q;
      break;
    case Rounding::HalfUp:  // halves toward positive infinity
      if (r > 0 && 2 * magnitude(r) >= p) ++q;
      if (r < 0 && 2 * magnitude(r) > p) --q;
      break;
    case Rounding::Trunc:
      break;
  }
  return {q, 0};
}

Decimal Decimal::from_long_double(long double v) {
  if (v == 0 || !std::isfinite(v)) return {0, 1};
  // 18 significant digits: all a long double holds reliably.
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.17Le", v);
  return parse_exponent_form(buf).canonical();
}

long double Decimal::to_long_double() const {
  const long double v = static_cast<long double>(unscaled);
  // Powers of ten up to 10^27 are exact in a long double.
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
    Int128 v = d.unscaled;
    if (scale_up(v, 1 - d.scale)) d = {v, 1};  // else too large: keep the zeros implicit
  }
  return d;
}

// Appends rather than inserts: GCC 12 misreads std::string::insert here
// as an overlapping copy (-Wrestrict, GCC PR 105329).
std::string format_decimal(const Decimal& v) {
  const std::string digits = digits_of(magnitude(v.unscaled));
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

std::optional<Decimal> exact_negate(const Decimal& a) {
  if (a.unscaled == -kInt128Max - 1) return std::nullopt;
  return Decimal{-a.unscaled, a.scale};  // the scale stays
}

}  // namespace quiver::xsd
