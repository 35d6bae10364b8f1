#include "xsd/numeric.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <limits>

#include "util/ascii.hpp"
#include "xsd/datatypes.hpp"

namespace quiver::xsd {
namespace {

using vocab::kXsdDecimal;
using vocab::kXsdDouble;
using vocab::kXsdFloat;
using vocab::kXsdInteger;

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

bool written_plain(std::string_view s) { return s.find_first_of("eE") == std::string_view::npos; }

std::optional<Numeric> parse_integer_lexical(std::string_view s) {
  if (match_decimal(s, false) != s.size()) return std::nullopt;
  const bool negative = s[0] == '-';
  const std::size_t start = (s[0] == '+' || s[0] == '-') ? 1 : 0;
  std::int64_t value = 0;
  for (std::size_t i = start; i < s.size(); ++i) {
    const int digit = s[i] - '0';
    if (__builtin_mul_overflow(value, 10, &value) ||
        __builtin_add_overflow(value, negative ? -digit : digit, &value)) {
      // Past int64: exact, up to kMaxDigits digits (beyond, an error).
      if (s.size() - start > static_cast<std::size_t>(kMaxDigits)) return std::nullopt;
      return Numeric::of_integer(parse_decimal(s).unscaled);
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

Numeric Numeric::of_integer(const BigInt& v) {
  if (v >= std::numeric_limits<std::int64_t>::min() &&
      v <= std::numeric_limits<std::int64_t>::max()) {
    return of_integer(v.convert_to<std::int64_t>());
  }
  Numeric n{NumericType::Integer, 0, Decimal{v, 0}, 0, false};
  n.big = true;
  return n;
}

long double Numeric::as_long_double() const {
  switch (type) {
    case NumericType::Integer:
      return big ? decimal.to_long_double() : static_cast<long double>(integer);
    case NumericType::Decimal:
      return decimal.to_long_double();
    default:
      return floating;
  }
}

bool Numeric::is_nan() const {
  return (type == NumericType::Float || type == NumericType::Double) && std::isnan(floating);
}

std::optional<NumericType> numeric_type_of(std::string_view datatype) {
  if (datatype == kXsdDecimal) return NumericType::Decimal;
  if (datatype == kXsdDouble) return NumericType::Double;
  if (datatype == kXsdFloat) return NumericType::Float;
  if (integer_type_of(datatype) != nullptr) return NumericType::Integer;
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
      return Numeric::of_decimal(parse_decimal(lexical));
    case NumericType::Float:
    case NumericType::Double:
      return parse_floating_lexical(lexical, type);
  }
  return std::nullopt;
}

bool in_integer_range(std::string_view datatype, long double value) {
  const IntegerType* type = integer_type_of(datatype);
  return type == nullptr || integer_in_range(*type, value);
}

std::optional<Numeric> parse_numeric(const Term& term) {
  if (!term.is_literal()) return std::nullopt;
  const auto type = numeric_type_of(term.datatype());
  if (!type) return std::nullopt;
  auto value = parse_numeric_lexical(term.value(), *type);
  if (value && *type == NumericType::Integer &&
      !integer_lexical_in_range(*integer_type_of(term.datatype()), term.value())) {
    return std::nullopt;
  }
  return value;
}

std::string format_integer(std::int64_t v) { return std::to_string(v); }

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
      lexical = value.big ? format_decimal(value.decimal) : format_integer(value.integer);
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
      return Numeric::of_decimal(Decimal{value.big_integer(), 0});
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
      bool overflow = x.big || y.big;
      if (!overflow && op == '+') overflow = __builtin_add_overflow(x.integer, y.integer, &r);
      if (!overflow && op == '-') overflow = __builtin_sub_overflow(x.integer, y.integer, &r);
      if (!overflow && op == '*') overflow = __builtin_mul_overflow(x.integer, y.integer, &r);
      if (!overflow) return Numeric::of_integer(r);
      // Past int64: exact, as XSD's integers are (nullopt past kMaxDigits).
      const Decimal p{x.big_integer(), 0};
      const Decimal q{y.big_integer(), 0};
      const auto exact = op == '*' ? exact_multiply(p, q) : exact_add(p, q, op == '-');
      if (!exact) return std::nullopt;
      return Numeric::of_integer(exact->unscaled);
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
      if (value.big || value.integer == std::numeric_limits<std::int64_t>::min()) {
        return Numeric::of_integer(BigInt(-value.big_integer()));
      }
      r.integer = -value.integer;
      break;
    case NumericType::Decimal:
      if (const auto negated = exact_negate(value.decimal)) {
        r.decimal = *negated;
      } else {
        return Numeric::of_decimal(-value.as_long_double());
      }
      break;
    default:
      r.floating = -value.floating;
  }
  return r;
}

std::optional<int> numeric_compare(const Numeric& a, const Numeric& b) {
  if (a.is_nan() || b.is_nan()) return std::nullopt;
  if (a.type == NumericType::Integer && b.type == NumericType::Integer) {
    if (a.big || b.big) {
      const BigInt x = a.big_integer();
      const BigInt y = b.big_integer();
      return (x > y) - (x < y);
    }
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
  const bool negative = value.type == NumericType::Integer   ? value.big_integer() < 0
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

}  // namespace quiver::xsd