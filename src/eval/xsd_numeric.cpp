#include "eval/xsd_numeric.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <limits>

#include "util/ascii.hpp"

namespace quiver::eval {
namespace {

using vocab::kXsdDecimal;
using vocab::kXsdDouble;
using vocab::kXsdFloat;
using vocab::kXsdInteger;

/// A type derived from xsd:integer and its value space bounds.
struct IntegerRange {
  std::string_view local_name;
  long double min;
  long double max;
};

constexpr long double kNoBound = std::numeric_limits<long double>::infinity();

constexpr std::array<IntegerRange, 13> kIntegerTypes{{
    {"integer", -kNoBound, kNoBound},
    {"long", -9223372036854775808.0L, 9223372036854775807.0L},
    {"int", -2147483648.0L, 2147483647.0L},
    {"short", -32768.0L, 32767.0L},
    {"byte", -128.0L, 127.0L},
    {"nonNegativeInteger", 0, kNoBound},
    {"positiveInteger", 1, kNoBound},
    {"nonPositiveInteger", -kNoBound, 0},
    {"negativeInteger", -kNoBound, -1},
    {"unsignedLong", 0, 18446744073709551615.0L},
    {"unsignedInt", 0, 4294967295.0L},
    {"unsignedShort", 0, 65535.0L},
    {"unsignedByte", 0, 255.0L},
}};

const IntegerRange* integer_range(std::string_view datatype) {
  if (!datatype.starts_with(vocab::kXsd)) return nullptr;
  const std::string_view local = datatype.substr(vocab::kXsd.size());
  for (const auto& range : kIntegerTypes) {
    if (range.local_name == local) return &range;
  }
  return nullptr;
}

/// Length of the run of digits starting at `pos`.
std::size_t digit_run(std::string_view s, std::size_t pos) {
  std::size_t n = 0;
  while (pos + n < s.size() && is_digit(s[pos + n])) ++n;
  return n;
}

/// Matches `[+-]? (digits ('.' digits?)? | '.' digits)` at the start of `s`;
/// returns the length matched or npos. `allow_point` false means integer.
std::size_t match_decimal(std::string_view s, bool allow_point) {
  std::size_t pos = (!s.empty() && (s[0] == '+' || s[0] == '-')) ? 1 : 0;
  const std::size_t int_digits = digit_run(s, pos);
  pos += int_digits;
  std::size_t frac_digits = 0;
  if (allow_point && pos < s.size() && s[pos] == '.') {
    frac_digits = digit_run(s, pos + 1);
    pos += 1 + frac_digits;
  }
  if (int_digits + frac_digits == 0) return std::string_view::npos;
  return pos;
}

bool valid_floating_lexical(std::string_view s) {
  if (s == "NaN" || s == "INF" || s == "-INF" || s == "+INF") return true;
  std::size_t pos = match_decimal(s, true);
  if (pos == std::string_view::npos) return false;
  if (pos < s.size() && (s[pos] == 'e' || s[pos] == 'E')) {
    ++pos;
    if (pos < s.size() && (s[pos] == '+' || s[pos] == '-')) ++pos;
    const std::size_t exp_digits = digit_run(s, pos);
    if (exp_digits == 0) return false;
    pos += exp_digits;
  }
  return pos == s.size();
}

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

/// A lexical form matched by match_decimal as a decimal with the scale as
/// written. Fraction digits beyond 38 significant digits are rounded off;
/// a longer integer part falls back to long double.
Decimal parse_decimal_digits(std::string_view s) {
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

/// "[-]d[.ddd]E[-]n" (printf's or XSD's exponent form) as a decimal.
Decimal parse_exponent_form(std::string_view s) {
  const std::size_t e = s.find_first_of("eE");
  const int exponent = std::atoi(std::string(s.substr(e + 1)).c_str());
  const Decimal mantissa = parse_decimal_digits(s.substr(0, e));
  return {mantissa.unscaled, mantissa.scale - exponent};
}

bool written_plain(std::string_view s) { return s.find_first_of("eE") == std::string_view::npos; }

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

/// Fraction digits a quotient keeps when it does not terminate (Jena's
/// DIVIDE_PRECISION).
constexpr int kDivideScale = 24;

/// a / b (b not zero), exact when the quotient terminates within
/// kDivideScale fraction digits, else rounded half to even there; in
/// canonical form. nullopt when the divisor is too large for the digit loop.
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

enum class Rounding { Ceil, Floor, HalfUp, Trunc };

/// The decimal rounded to an integer, with scale 0.
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

std::optional<Numeric> parse_integer_lexical(std::string_view s) {
  if (match_decimal(s, false) != s.size()) return std::nullopt;
  const bool negative = s[0] == '-';
  const std::size_t start = (s[0] == '+' || s[0] == '-') ? 1 : 0;
  std::int64_t value = 0;
  for (std::size_t i = start; i < s.size(); ++i) {
    const int digit = s[i] - '0';
    if (__builtin_mul_overflow(value, 10, &value) ||
        __builtin_add_overflow(value, negative ? -digit : digit, &value)) {
      // Too big for int64: keep the value, as a decimal.
      return Numeric::of_decimal(parse_decimal_digits(s));
    }
  }
  return Numeric::of_integer(value);
}

std::optional<Numeric> parse_floating_lexical(std::string_view s, NumericType type) {
  if (!valid_floating_lexical(s)) return std::nullopt;
  double value;
  if (s == "NaN") {
    value = std::numeric_limits<double>::quiet_NaN();
  } else if (s.ends_with("INF")) {
    value = s[0] == '-' ? -std::numeric_limits<double>::infinity()
                        : std::numeric_limits<double>::infinity();
  } else if (type == NumericType::Float) {
    return Numeric::of_float(std::strtof(std::string(s).c_str(), nullptr), written_plain(s));
  } else {
    value = std::strtod(std::string(s).c_str(), nullptr);
  }
  if (type == NumericType::Float) return Numeric::of_float(static_cast<float>(value));
  return Numeric::of_double(value, written_plain(s));
}

/// Rewrites printf's `d.ddde±XX` as XSD's canonical `d.dddEX`.
std::string canonical_exponent_form(const char* printed) {
  std::string_view s(printed);
  const std::size_t e = s.find('e');
  std::string out(s.substr(0, e));
  if (out.find('.') == std::string::npos) out += ".0";
  out += 'E';
  out += std::to_string(std::atoi(std::string(s.substr(e + 1)).c_str()));
  return out;
}

std::string special_floating(double v) {
  if (std::isnan(v)) return "NaN";
  if (std::isinf(v)) return v < 0 ? "-INF" : "INF";
  return std::signbit(v) ? "-0.0E0" : "0.0E0";
}

}  // namespace

long double Numeric::as_long_double() const {
  switch (type) {
    case NumericType::Integer:
      return static_cast<long double>(integer);
    case NumericType::Decimal:
      return decimal.to_long_double();
    default:
      return floating;
  }
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

bool Numeric::is_nan() const {
  return (type == NumericType::Float || type == NumericType::Double) && std::isnan(floating);
}

std::optional<NumericType> numeric_type_of(std::string_view datatype) {
  if (datatype == kXsdDecimal) return NumericType::Decimal;
  if (datatype == kXsdDouble) return NumericType::Double;
  if (datatype == kXsdFloat) return NumericType::Float;
  if (integer_range(datatype) != nullptr) return NumericType::Integer;
  return std::nullopt;
}

std::string_view numeric_datatype(NumericType type) {
  switch (type) {
    case NumericType::Integer:
      return kXsdInteger;
    case NumericType::Decimal:
      return kXsdDecimal;
    case NumericType::Float:
      return kXsdFloat;
    case NumericType::Double:
      return kXsdDouble;
  }
  return kXsdInteger;
}

std::optional<Numeric> parse_numeric_lexical(std::string_view lexical, NumericType type) {
  switch (type) {
    case NumericType::Integer:
      return parse_integer_lexical(lexical);
    case NumericType::Decimal:
      if (match_decimal(lexical, true) != lexical.size()) return std::nullopt;
      return Numeric::of_decimal(parse_decimal_digits(lexical));
    case NumericType::Float:
    case NumericType::Double:
      return parse_floating_lexical(lexical, type);
  }
  return std::nullopt;
}

bool in_integer_range(std::string_view datatype, long double value) {
  const IntegerRange* range = integer_range(datatype);
  return range == nullptr || (value >= range->min && value <= range->max);
}

std::optional<Numeric> parse_numeric(const Term& term) {
  if (!term.is_literal()) return std::nullopt;
  const auto type = numeric_type_of(term.datatype());
  if (!type) return std::nullopt;
  auto value = parse_numeric_lexical(term.value(), *type);
  if (value && *type == NumericType::Integer &&
      !in_integer_range(term.datatype(), value->as_long_double())) {
    return std::nullopt;
  }
  return value;
}

std::string format_integer(std::int64_t v) { return std::to_string(v); }

std::string format_decimal(const Decimal& v) {
  std::string out = digits_of(magnitude(v.unscaled));
  if (v.scale <= 0) {
    if (v.unscaled != 0) out.append(static_cast<std::size_t>(-v.scale), '0');
  } else {
    const auto scale = static_cast<std::size_t>(v.scale);
    if (out.size() <= scale) out.insert(0, scale + 1 - out.size(), '0');
    out.insert(out.size() - scale, ".");
  }
  return v.unscaled < 0 ? "-" + out : out;
}

std::string format_double(double v) {
  if (v == 0 || !std::isfinite(v)) return special_floating(v);
  char buf[64];
  for (int precision = 1; precision <= 17; ++precision) {
    std::snprintf(buf, sizeof buf, "%.*e", precision - 1, v);
    if (std::strtod(buf, nullptr) == v) break;
  }
  return canonical_exponent_form(buf);
}

std::string format_float(float v) {
  if (v == 0 || !std::isfinite(v)) return special_floating(v);
  char buf[64];
  for (int precision = 1; precision <= 9; ++precision) {
    std::snprintf(buf, sizeof buf, "%.*e", precision - 1, static_cast<double>(v));
    if (std::strtof(buf, nullptr) == v) break;
  }
  return canonical_exponent_form(buf);
}

std::string positional_form(std::string_view exponent_form) {
  std::string_view s(exponent_form);
  const bool negative = s.front() == '-';
  if (negative) s.remove_prefix(1);
  const std::size_t e = s.find('E');
  const int exponent = std::atoi(std::string(s.substr(e + 1)).c_str());
  std::string digits(s.substr(0, 1));
  if (e > 2) digits += s.substr(2, e - 2);
  const int point = 1 + exponent;
  std::string out;
  if (point <= 0) {
    out = "0." + std::string(static_cast<std::size_t>(-point), '0') + digits;
  } else if (static_cast<std::size_t>(point) >= digits.size()) {
    out = digits + std::string(static_cast<std::size_t>(point) - digits.size(), '0');
  } else {
    out = digits.substr(0, static_cast<std::size_t>(point)) + "." +
          digits.substr(static_cast<std::size_t>(point));
  }
  if (out.find('.') != std::string::npos) {
    while (out.back() == '0') out.pop_back();
    if (out.back() == '.') out.pop_back();
  }
  if (out == "0") return out;
  return negative ? "-" + out : out;
}

std::string format_floating_plain(double v, bool is_float) {
  const std::string canonical = is_float ? format_float(static_cast<float>(v)) : format_double(v);
  const double a = std::fabs(v);
  if (a == 0) return std::signbit(v) ? "-0" : "0";
  if (!std::isfinite(v) || a < 1e-6 || a >= 1e6) return canonical;
  return positional_form(canonical);
}

Term numeric_term(const Numeric& value) {
  std::string lexical;
  switch (value.type) {
    case NumericType::Integer:
      lexical = format_integer(value.integer);
      break;
    case NumericType::Decimal:
      lexical = format_decimal(value.decimal);
      break;
    case NumericType::Float:
      lexical = value.plain ? format_floating_plain(value.floating, true)
                            : format_float(static_cast<float>(value.floating));
      break;
    case NumericType::Double:
      lexical = value.plain ? format_floating_plain(value.floating, false)
                            : format_double(value.floating);
      break;
  }
  return Term::literal(lexical, numeric_datatype(value.type));
}

Numeric promote(const Numeric& value, NumericType type) {
  if (type <= value.type) return value;
  // Integers and decimals are written without exponent.
  const bool plain = value.type == NumericType::Float ? value.plain : true;
  switch (type) {
    case NumericType::Decimal:
      return Numeric::of_decimal(Decimal{value.integer, 0});
    case NumericType::Float:
      return Numeric::of_float(static_cast<float>(value.as_long_double()), plain);
    default:
      return Numeric::of_double(value.as_double(), plain);
  }
}

namespace {

/// op on two decimals: exact where the result fits, else through long double.
std::optional<Decimal> decimal_arithmetic(char op, const Decimal& x, const Decimal& y) {
  if (op == '/' && y.unscaled == 0) return std::nullopt;  // err:FOAR0001
  const auto exact = op == '+'   ? exact_add(x, y, false)
                     : op == '-' ? exact_add(x, y, true)
                     : op == '*' ? exact_multiply(x, y)
                                 : exact_divide(x, y);
  if (exact) return exact;
  const long double p = x.to_long_double();
  const long double q = y.to_long_double();
  return Decimal::from_long_double(op == '+'   ? p + q
                                   : op == '-' ? p - q
                                   : op == '*' ? p * q
                                               : p / q);
}

}  // namespace

std::optional<Numeric> numeric_arithmetic(char op, const Numeric& a, const Numeric& b) {
  NumericType type = std::max(a.type, b.type);
  // Integer division yields a decimal (op:numeric-divide).
  if (op == '/' && type == NumericType::Integer) type = NumericType::Decimal;
  const Numeric x = promote(a, type);
  const Numeric y = promote(b, type);
  const bool plain = x.plain && y.plain;
  switch (type) {
    case NumericType::Integer: {
      std::int64_t r = 0;
      bool overflow = false;
      if (op == '+') overflow = __builtin_add_overflow(x.integer, y.integer, &r);
      if (op == '-') overflow = __builtin_sub_overflow(x.integer, y.integer, &r);
      if (op == '*') overflow = __builtin_mul_overflow(x.integer, y.integer, &r);
      // Out of int64 range: carry on as a decimal rather than wrap.
      if (overflow) {
        return numeric_arithmetic(op, promote(x, NumericType::Decimal), y);
      }
      return Numeric::of_integer(r);
    }
    case NumericType::Decimal: {
      const auto r = decimal_arithmetic(op, x.decimal, y.decimal);
      if (!r) return std::nullopt;
      return Numeric::of_decimal(*r);
    }
    case NumericType::Float: {
      const float p = static_cast<float>(x.floating);
      const float q = static_cast<float>(y.floating);
      return Numeric::of_float(op == '+'   ? p + q
                               : op == '-' ? p - q
                               : op == '*' ? p * q
                                           : p / q,
                               plain);
    }
    case NumericType::Double: {
      const double p = x.floating;
      const double q = y.floating;
      return Numeric::of_double(op == '+'   ? p + q
                                : op == '-' ? p - q
                                : op == '*' ? p * q
                                            : p / q,
                                plain);
    }
  }
  return std::nullopt;
}

Numeric numeric_negate(const Numeric& value) {
  Numeric r = value;
  switch (value.type) {
    case NumericType::Integer:
      if (value.integer == std::numeric_limits<std::int64_t>::min()) {
        return Numeric::of_decimal(Decimal{-static_cast<Int128>(value.integer), 0});
      }
      r.integer = -value.integer;
      break;
    case NumericType::Decimal:
      if (value.decimal.unscaled == -kInt128Max - 1) {
        return Numeric::of_decimal(-value.as_long_double());
      }
      r.decimal.unscaled = -value.decimal.unscaled;  // the scale stays
      break;
    default:
      r.floating = -value.floating;
  }
  return r;
}

std::optional<int> numeric_compare(const Numeric& a, const Numeric& b) {
  if (a.is_nan() || b.is_nan()) return std::nullopt;
  if (a.type == NumericType::Integer && b.type == NumericType::Integer) {
    return (a.integer > b.integer) - (a.integer < b.integer);
  }
  const NumericType type = std::max(a.type, b.type);
  if (type == NumericType::Decimal) {
    const auto diff = exact_add(promote(a, type).decimal, promote(b, type).decimal, true);
    if (diff) return (diff->unscaled > 0) - (diff->unscaled < 0);
  }
  const long double x = promote(a, type).as_long_double();
  const long double y = promote(b, type).as_long_double();
  return (x > y) - (x < y);
}

namespace {

/// Rounds a decimal (to scale 0) or a floating value, keeping integers.
template <class Fn>
Numeric map_non_integer(const Numeric& value, Rounding mode, Fn fn) {
  Numeric r = value;
  if (value.type == NumericType::Decimal) r.decimal = round_decimal(value.decimal, mode);
  if (value.type == NumericType::Float || value.type == NumericType::Double) {
    r.floating = static_cast<double>(fn(static_cast<long double>(value.floating)));
  }
  return r;
}

}  // namespace

Numeric numeric_abs(const Numeric& value) {
  const bool negative = value.type == NumericType::Integer   ? value.integer < 0
                        : value.type == NumericType::Decimal ? value.decimal.unscaled < 0
                                                             : std::signbit(value.floating);
  return negative ? numeric_negate(value) : value;
}

Numeric numeric_ceil(const Numeric& value) {
  return map_non_integer(value, Rounding::Ceil, [](long double v) { return std::ceil(v); });
}

Numeric numeric_floor(const Numeric& value) {
  return map_non_integer(value, Rounding::Floor, [](long double v) { return std::floor(v); });
}

Numeric numeric_round(const Numeric& value) {
  return map_non_integer(value, Rounding::HalfUp, [](long double v) {
    // fn:round: the nearest integer, halves toward positive infinity.
    if (!std::isfinite(v)) return v;
    return std::floor(v + 0.5L);
  });
}

Numeric numeric_truncate(const Numeric& value) {
  return map_non_integer(value, Rounding::Trunc, [](long double v) { return std::trunc(v); });
}

}  // namespace quiver::eval
