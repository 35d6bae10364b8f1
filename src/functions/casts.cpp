// XSD constructor functions (17.5): casts between xsd:string, the numeric
// types (with the types derived from xsd:integer), xsd:boolean,
// xsd:dateTime and xsd:date, following the XPath casting rules.

#include <cmath>
#include <limits>

#include "functions/builtins_internal.hpp"
#include "xsd/datetime.hpp"
#include "xsd/lexical.hpp"
#include "xsd/numeric.hpp"

namespace quiver::functions::detail {

using vocab::kXsdDate;
using vocab::kXsdDateTime;
using xsd::date_to_datetime_lexical;
using xsd::DateTime;
using xsd::format_decimal;
using xsd::format_double;
using xsd::format_float;
using xsd::format_floating_plain;
using xsd::format_integer;
using xsd::in_integer_range;
using xsd::Numeric;
using xsd::numeric_term;
using xsd::numeric_truncate;
using xsd::numeric_type_of;
using xsd::NumericType;
using xsd::parse_date;
using xsd::parse_datetime;
using xsd::parse_numeric;
using xsd::parse_numeric_lexical;
using xsd::positional_form;
using xsd::promote;
namespace {

/// XPath casts from a string apply whitespace collapsing first.
std::string_view trim(std::string_view s) {
  const auto space = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; };
  while (!s.empty() && space(s.front())) s.remove_prefix(1);
  while (!s.empty() && space(s.back())) s.remove_suffix(1);
  return s;
}

/// The shortest exponent form of a float or double value.
std::string shortest(const Numeric& n) {
  return n.type == NumericType::Float ? format_float(static_cast<float>(n.floating))
                                      : format_double(n.floating);
}

/// XPath's cast of a numeric to xs:string.
std::string numeric_to_string(const Numeric& n) {
  switch (n.type) {
    case NumericType::Integer:
      return n.big ? format_decimal(n.decimal) : format_integer(n.integer);
    case NumericType::Decimal: {
      std::string s = format_decimal(n.decimal.canonical());
      if (s.ends_with(".0")) s.resize(s.size() - 2);
      return s;
    }
    default:
      return format_floating_plain(n.floating, n.type == NumericType::Float);
  }
}

/// A numeric value as a decimal; floats and doubles go through their
/// shortest decimal form so that 0.1e0 becomes 0.1, not 0.1000000000000000055.
std::optional<Numeric> to_decimal(const Numeric& n) {
  if (n.type == NumericType::Integer || n.type == NumericType::Decimal) {
    return promote(n, NumericType::Decimal);
  }
  if (!std::isfinite(n.floating)) return std::nullopt;
  return parse_numeric_lexical(positional_form(shortest(n)), NumericType::Decimal);
}

/// The source value of a cast: what kind it is and its parsed value.
struct Source {
  enum Kind { String, Numeric, Boolean, DateTime, Date, Other } kind = Other;
  std::optional<xsd::Numeric> number;
  bool boolean = false;
  std::optional<xsd::DateTime> datetime;
};

/// nullopt when the literal's datatype is known but its lexical form invalid.
std::optional<Source> classify_source(const Term& t) {
  Source s;
  const std::string& dt = t.datatype();
  if (dt == vocab::kXsdString) {
    s.kind = Source::String;
  } else if (numeric_type_of(dt)) {
    s.kind = Source::Numeric;
    s.number = parse_numeric(t);
    if (!s.number) return std::nullopt;
  } else if (dt == kXsdBoolean) {
    s.kind = Source::Boolean;
    const auto b = parse_boolean(t);
    if (!b) return std::nullopt;
    s.boolean = *b;
  } else if (dt == kXsdDateTime || dt == kXsdDate) {
    s.kind = dt == kXsdDate ? Source::Date : Source::DateTime;
    s.datetime = dt == kXsdDate ? parse_date(t.value()) : parse_datetime(t.value());
    if (!s.datetime) return std::nullopt;
  }
  return s;
}

Value cast_to_string(const Term& t, const Source& s) {
  switch (s.kind) {
    case Source::Numeric:
      return make_string(numeric_to_string(*s.number));
    case Source::Boolean:
      return make_string(s.boolean ? "true" : "false");
    default:
      return make_string(t.value());
  }
}

Value cast_to_boolean(const Term& t, const Source& s) {
  switch (s.kind) {
    case Source::String: {
      const auto value = xsd::parse_boolean(trim(t.value()));
      if (!value) return std::nullopt;
      return make_bool(*value);
    }
    case Source::Numeric:
      return make_bool(!s.number->is_nan() && s.number->as_long_double() != 0);
    case Source::Boolean:
      return make_bool(s.boolean);
    default:
      return std::nullopt;
  }
}

Value cast_to_numeric(const Term& t, const Source& s, std::string_view target_iri) {
  const NumericType target = *numeric_type_of(target_iri);
  std::optional<Numeric> value;
  switch (s.kind) {
    case Source::String:
      value = parse_numeric_lexical(trim(t.value()), target);
      break;
    case Source::Boolean:
      value = promote(Numeric::of_integer(s.boolean ? 1 : 0), target);
      break;
    case Source::Numeric: {
      const Numeric& n = *s.number;
      if (target == NumericType::Integer) {
        // Truncation toward zero; NaN, INF and huge values cannot be integers.
        const Numeric t = numeric_truncate(n);
        if (t.type == NumericType::Integer) {
          value = t;
        } else if (t.type == NumericType::Decimal && t.decimal.scale == 0) {
          value = Numeric::of_integer(t.decimal.unscaled);
        } else {
          const long double v = t.as_long_double();
          if (!std::isfinite(v)) return std::nullopt;
          if (std::fabs(v) < 9.2e18L) {
            value = Numeric::of_integer(static_cast<std::int64_t>(v));
          } else {
            // A huge float or double is a whole number: its 18 digits exact.
            value = Numeric::of_integer(
                xsd::round_decimal(xsd::Decimal::from_long_double(v), xsd::Rounding::Trunc)
                    .unscaled);
          }
        }
      } else if (target == NumericType::Decimal) {
        value = to_decimal(n);
      } else if (target == NumericType::Float) {
        value = Numeric::of_float(static_cast<float>(n.as_long_double()));
      } else {
        value = Numeric::of_double(n.as_double());
      }
      break;
    }
    default:
      return std::nullopt;
  }
  if (!value) return std::nullopt;
  // A cast yields the canonical form, whatever the source looked like.
  value->plain = false;
  if (target == NumericType::Decimal) value->decimal = value->decimal.canonical();
  if (target != NumericType::Integer) return numeric_term(*value);
  if (value->type != NumericType::Integer) return std::nullopt;
  if (!in_integer_range(target_iri, value->as_long_double())) return std::nullopt;
  return Term::literal(numeric_term(*value).value(), target_iri);
}

Value cast_to_datetime(const Term& t, const Source& s, bool to_date) {
  const std::string_view datatype = to_date ? kXsdDate : kXsdDateTime;
  switch (s.kind) {
    case Source::String: {
      const std::string_view v = trim(t.value());
      const bool valid = to_date ? parse_date(v).has_value() : parse_datetime(v).has_value();
      if (!valid) return std::nullopt;
      return Term::literal(v, datatype);
    }
    case Source::DateTime:
      if (!to_date) return t;
      return Term::literal(t.value().substr(0, t.value().find('T')) + s.datetime->tz_lexical,
                           datatype);
    case Source::Date:
      if (to_date) return t;
      return Term::literal(date_to_datetime_lexical(*s.datetime), datatype);
    default:
      return std::nullopt;
  }
}

}  // namespace

Value cast(std::string_view iri, const Term& arg) {
  const bool to_string = iri == vocab::kXsdString;
  if (arg.is_iri()) {
    return to_string ? Value(make_string(arg.value())) : std::nullopt;
  }
  if (!arg.is_literal()) return std::nullopt;
  if (!arg.language().empty()) {
    return to_string ? Value(make_string(arg.value())) : std::nullopt;
  }
  const auto source = classify_source(arg);
  if (!source) return std::nullopt;
  if (to_string) return cast_to_string(arg, *source);
  if (iri == kXsdBoolean) return cast_to_boolean(arg, *source);
  if (numeric_type_of(iri)) return cast_to_numeric(arg, *source, iri);
  if (iri == kXsdDateTime) return cast_to_datetime(arg, *source, false);
  if (iri == kXsdDate) return cast_to_datetime(arg, *source, true);
  return std::nullopt;
}

}  // namespace quiver::functions::detail
