#include "eval/xsd_numeric.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <limits>

namespace quiver::eval {
namespace {

constexpr std::string_view kXsdInteger = "http://www.w3.org/2001/XMLSchema#integer";
constexpr std::string_view kXsdDecimal = "http://www.w3.org/2001/XMLSchema#decimal";
constexpr std::string_view kXsdFloat = "http://www.w3.org/2001/XMLSchema#float";
constexpr std::string_view kXsdDouble = "http://www.w3.org/2001/XMLSchema#double";

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

bool is_digit(char c) { return c >= '0' && c <= '9'; }

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
      return Numeric::of_decimal(std::strtold(std::string(s).c_str(), nullptr));
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
    return Numeric::of_float(std::strtof(std::string(s).c_str(), nullptr));
  } else {
    value = std::strtod(std::string(s).c_str(), nullptr);
  }
  if (type == NumericType::Float) return Numeric::of_float(static_cast<float>(value));
  return Numeric::of_double(value);
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
      return decimal;
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
      return Numeric::of_decimal(std::strtold(std::string(lexical).c_str(), nullptr));
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

std::string format_decimal(long double v) {
  if (v == 0 || !std::isfinite(v)) return "0.0";
  const int exp10 = static_cast<int>(std::floor(std::log10(std::fabs(v))));
  // 18 significant digits: all a long double holds reliably.
  const int fraction_digits = std::clamp(17 - exp10, 1, 60);
  char buf[128];
  std::snprintf(buf, sizeof buf, "%.*Lf", fraction_digits, v);
  std::string out(buf);
  while (out.back() == '0') out.pop_back();
  if (out.back() == '.') out += '0';
  if (out == "-0.0") out = "0.0";
  return out;
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
      lexical = format_float(static_cast<float>(value.floating));
      break;
    case NumericType::Double:
      lexical = format_double(value.floating);
      break;
  }
  return Term::literal(lexical, numeric_datatype(value.type));
}

Numeric promote(const Numeric& value, NumericType type) {
  if (type <= value.type) return value;
  switch (type) {
    case NumericType::Decimal:
      return Numeric::of_decimal(value.as_long_double());
    case NumericType::Float:
      return Numeric::of_float(static_cast<float>(value.as_long_double()));
    default:
      return Numeric::of_double(value.as_double());
  }
}

std::optional<Numeric> numeric_arithmetic(char op, const Numeric& a, const Numeric& b) {
  NumericType type = std::max(a.type, b.type);
  // Integer division yields a decimal (op:numeric-divide).
  if (op == '/' && type == NumericType::Integer) type = NumericType::Decimal;
  const Numeric x = promote(a, type);
  const Numeric y = promote(b, type);
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
      if (op == '/' && y.decimal == 0) return std::nullopt;  // err:FOAR0001
      long double r = op == '+'   ? x.decimal + y.decimal
                      : op == '-' ? x.decimal - y.decimal
                      : op == '*' ? x.decimal * y.decimal
                                  : x.decimal / y.decimal;
      return Numeric::of_decimal(r);
    }
    case NumericType::Float: {
      const float p = static_cast<float>(x.floating);
      const float q = static_cast<float>(y.floating);
      return Numeric::of_float(op == '+' ? p + q : op == '-' ? p - q : op == '*' ? p * q : p / q);
    }
    case NumericType::Double: {
      const double p = x.floating;
      const double q = y.floating;
      return Numeric::of_double(op == '+' ? p + q : op == '-' ? p - q : op == '*' ? p * q : p / q);
    }
  }
  return std::nullopt;
}

Numeric numeric_negate(const Numeric& value) {
  Numeric r = value;
  switch (value.type) {
    case NumericType::Integer:
      if (value.integer == std::numeric_limits<std::int64_t>::min()) {
        return Numeric::of_decimal(-value.as_long_double());
      }
      r.integer = -value.integer;
      break;
    case NumericType::Decimal:
      r.decimal = -value.decimal;
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
  const long double x = promote(a, type).as_long_double();
  const long double y = promote(b, type).as_long_double();
  return (x > y) - (x < y);
}

namespace {

/// Applies `fn` to a decimal or floating value, keeping integers as they are.
template <class Fn>
Numeric map_non_integer(const Numeric& value, Fn fn) {
  Numeric r = value;
  if (value.type == NumericType::Decimal) r.decimal = fn(value.decimal);
  if (value.type == NumericType::Float || value.type == NumericType::Double) {
    r.floating = static_cast<double>(fn(static_cast<long double>(value.floating)));
  }
  return r;
}

}  // namespace

Numeric numeric_abs(const Numeric& value) {
  if (value.type == NumericType::Integer) {
    return value.integer < 0 ? numeric_negate(value) : value;
  }
  return map_non_integer(value, [](long double v) { return std::fabs(v); });
}

Numeric numeric_ceil(const Numeric& value) {
  return map_non_integer(value, [](long double v) { return std::ceil(v); });
}

Numeric numeric_floor(const Numeric& value) {
  return map_non_integer(value, [](long double v) { return std::floor(v); });
}

Numeric numeric_round(const Numeric& value) {
  return map_non_integer(value, [](long double v) {
    // fn:round: the nearest integer, halves toward positive infinity.
    if (!std::isfinite(v)) return v;
    return std::floor(v + 0.5L);
  });
}

}  // namespace quiver::eval
