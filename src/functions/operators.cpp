// Effective boolean value, the comparison operators and arithmetic (17.2.2,
// 17.3), plus the small helpers of functions_internal.hpp.

#include <cmath>

#include "functions/builtins_internal.hpp"
#include "functions/value.hpp"
#include "terms/triple_term.hpp"
#include "xsd/datetime.hpp"
#include "xsd/lexical.hpp"
#include "xsd/numeric.hpp"

namespace quiver::functions {

using vocab::kXsdDate;
using vocab::kXsdDateTime;
constexpr std::string_view kXsdTime = "http://www.w3.org/2001/XMLSchema#time";
constexpr std::string_view kXsdGYear = "http://www.w3.org/2001/XMLSchema#gYear";
constexpr std::string_view kXsdGYearMonth = "http://www.w3.org/2001/XMLSchema#gYearMonth";
using xsd::compare_datetime;
using xsd::DateTime;
using xsd::format_integer;
using xsd::Numeric;
using xsd::numeric_arithmetic;
using xsd::numeric_compare;
using xsd::numeric_negate;
using xsd::numeric_term;
using xsd::numeric_type_of;
using xsd::parse_date;
using xsd::parse_datetime;
using xsd::parse_numeric;
namespace detail {

Term make_bool(bool value) { return Term::literal(value ? "true" : "false", kXsdBoolean); }

Term make_integer(std::int64_t value) { return Term::literal(format_integer(value), kXsdInteger); }

bool compatible_arguments(const Term& first, const Term& second) {
  if (!is_string_literal(first) || !is_string_literal(second)) return false;
  if (is_simple_string(second)) return true;
  return is_lang_string(first) && equal_ignore_case(first.language(), second.language());
}

Term same_kind_string(const Term& like, std::string_view lexical) {
  return Term::literal(lexical, {}, like.language());
}

std::optional<bool> parse_boolean(const Term& t) {
  if (!t.is_literal() || t.datatype() != kXsdBoolean) return std::nullopt;
  return xsd::parse_boolean(t.value());
}

bool same_term(const Term& a, const Term& b) {
  return a.kind() == b.kind() && a.value() == b.value() && a.datatype() == b.datatype() &&
         equal_ignore_case(a.language(), b.language());
}

}  // namespace detail

namespace {

using detail::make_bool;

/// The value spaces the operator mapping table (17.3) knows, and the other
/// temporal types of XSD (time, gYear, gYearMonth), which Jena and Oxigraph
/// compare too (17.3.1, operator extensibility): each is its own space.
enum class LiteralClass {
  Numeric,
  String,
  Boolean,
  DateTime,
  Date,
  Time,
  GYear,
  GYearMonth,
  Unknown
};

/// The temporal type of a temporal class, for xsd::parse_temporal.
std::optional<xsd::TemporalType> temporal_type(LiteralClass c) {
  switch (c) {
    case LiteralClass::DateTime:
      return xsd::TemporalType::DateTime;
    case LiteralClass::Date:
      return xsd::TemporalType::Date;
    case LiteralClass::Time:
      return xsd::TemporalType::Time;
    case LiteralClass::GYear:
      return xsd::TemporalType::GYear;
    case LiteralClass::GYearMonth:
      return xsd::TemporalType::GYearMonth;
    default:
      return std::nullopt;
  }
}

/// How a term takes part in comparisons: its class, and Unknown for
/// invalid lexical forms and datatypes outside the table.
LiteralClass classify(const Term& t) {
  if (!t.is_literal() || !t.language().empty()) return LiteralClass::Unknown;
  const std::string& dt = t.datatype();
  if (dt == vocab::kXsdString) return LiteralClass::String;
  if (numeric_type_of(dt)) return parse_numeric(t) ? LiteralClass::Numeric : LiteralClass::Unknown;
  if (dt == detail::kXsdBoolean) {
    return detail::parse_boolean(t) ? LiteralClass::Boolean : LiteralClass::Unknown;
  }
  if (dt == kXsdDateTime) {
    return parse_datetime(t.value()) ? LiteralClass::DateTime : LiteralClass::Unknown;
  }
  if (dt == kXsdDate) return parse_date(t.value()) ? LiteralClass::Date : LiteralClass::Unknown;
  for (const auto& [datatype, c] :
       {std::pair{kXsdTime, LiteralClass::Time}, std::pair{kXsdGYear, LiteralClass::GYear},
        std::pair{kXsdGYearMonth, LiteralClass::GYearMonth}}) {
    if (dt != datatype) continue;
    return xsd::parse_temporal(*temporal_type(c), t.value()) ? c : LiteralClass::Unknown;
  }
  return LiteralClass::Unknown;
}

/// True when `t` certainly differs in value from any other term that is
/// not the same: IRIs, blank nodes, tagged strings and valid literals of
/// the types the table knows.
bool certainly_distinct(const Term& t) {
  return !t.is_literal() || !t.language().empty() || classify(t) != LiteralClass::Unknown;
}

int sign(int v) { return (v > 0) - (v < 0); }

// How xsd::numeric_arithmetic names an operator; 0 for other functions.
char arithmetic_symbol(Function op) {
  switch (op) {
    case Function::Add:
      return '+';
    case Function::Subtract:
      return '-';
    case Function::Multiply:
      return '*';
    case Function::Divide:
      return '/';
    default:
      return 0;
  }
}

Value apply_order(Function op, detail::Order order) {
  using detail::Order;
  if (order == Order::Indeterminate || order == Order::Incomparable) return std::nullopt;
  if (order == Order::Unordered) return make_bool(op == Function::NotEqual);
  const int c = order == Order::Less ? -1 : order == Order::Greater ? 1 : 0;
  switch (op) {
    case Function::Equal:
      return make_bool(c == 0);
    case Function::NotEqual:
      return make_bool(c != 0);
    case Function::Less:
      return make_bool(c < 0);
    case Function::Greater:
      return make_bool(c > 0);
    case Function::LessEqual:
      return make_bool(c <= 0);
    case Function::GreaterEqual:
      return make_bool(c >= 0);
    default:
      return std::nullopt;
  }
}

}  // namespace

namespace detail {

Order value_order(const Term& a, const Term& b) {
  const LiteralClass ca = classify(a);
  if (ca == LiteralClass::Unknown || ca != classify(b)) return Order::Incomparable;
  std::optional<int> c;
  switch (ca) {
    case LiteralClass::Numeric:
      c = numeric_compare(*parse_numeric(a), *parse_numeric(b));
      if (!c) return Order::Unordered;
      break;
    case LiteralClass::String:
      c = sign(a.value().compare(b.value()));
      break;
    case LiteralClass::Boolean:
      c = int(*parse_boolean(a)) - int(*parse_boolean(b));
      break;
    case LiteralClass::DateTime:
    case LiteralClass::Date:
    case LiteralClass::Time:
    case LiteralClass::GYear:
    case LiteralClass::GYearMonth: {
      const xsd::TemporalType type = *temporal_type(ca);
      c = compare_datetime(*xsd::parse_temporal(type, a.value()),
                           *xsd::parse_temporal(type, b.value()));
      break;
    }
    case LiteralClass::Unknown:
      break;
  }
  if (!c) return Order::Indeterminate;
  return *c < 0 ? Order::Less : *c > 0 ? Order::Greater : Order::Equal;
}

}  // namespace detail

std::optional<bool> effective_boolean_value(const Term& term) {
  if (!term.is_literal()) return std::nullopt;
  // SPARQL 1.2 17.2.2: an invalid xsd:boolean has no EBV (1.1 said false).
  if (term.datatype() == detail::kXsdBoolean) return detail::parse_boolean(term);
  if (detail::is_simple_string(term)) return !term.value().empty();
  if (numeric_type_of(term.datatype())) {
    const auto n = parse_numeric(term);
    // An invalid lexical form of a numeric type has EBV false (17.2.2).
    if (!n || n->is_nan()) return false;
    return n->as_long_double() != 0;
  }
  return std::nullopt;
}

Value compare(Function op, const Term& left, const Term& right) {
  // SPARQL 1.2: two triple terms are equal when their parts are, each by
  // `=` (so <<( :a :b 1 )>> = <<( :a :b 1.0 )>>); an error in a part is one.
  if (left.is_triple() && right.is_triple() &&
      (op == Function::Equal || op == Function::NotEqual)) {
    const std::optional<Triple> a = triple_term_parts(left.value());
    const std::optional<Triple> b = triple_term_parts(right.value());
    if (!a || !b) return std::nullopt;
    bool equal = true;
    for (const auto part : {&Triple::subject, &Triple::predicate, &Triple::object}) {
      const Value same = compare(Function::Equal, *a.*part, *b.*part);
      if (!same) return std::nullopt;
      equal = equal && same->value() == "true";
    }
    return make_bool(op == Function::Equal ? equal : !equal);
  }
  const detail::Order order = detail::value_order(left, right);
  if (order != detail::Order::Incomparable) return apply_order(op, order);
  if (op != Function::Equal && op != Function::NotEqual) return std::nullopt;
  // RDFterm-equal (17.4.1.7): the same term is equal; two literals of which
  // one might denote the other's value (an unknown datatype or an invalid
  // lexical form on both sides of the question) are an error.
  bool equal;
  if (detail::same_term(left, right)) {
    equal = true;
  } else if (certainly_distinct(left) || certainly_distinct(right)) {
    // Different known value spaces, or a tagged literal, IRI or blank node.
    if (left.is_literal() && right.is_literal() && left.language().empty() &&
        right.language().empty() && (!certainly_distinct(left) || !certainly_distinct(right))) {
      return std::nullopt;
    }
    equal = false;
  } else {
    return std::nullopt;
  }
  return make_bool(op == Function::Equal ? equal : !equal);
}

bool is_numeric(const Term& term) { return parse_numeric(term).has_value(); }

Value arithmetic(Function op, const Term& left, const Term& right) {
  const char symbol = arithmetic_symbol(op);
  if (symbol == 0) return std::nullopt;
  const auto a = parse_numeric(left);
  const auto b = parse_numeric(right);
  if (!a || !b) return std::nullopt;
  const auto r = numeric_arithmetic(symbol, *a, *b);
  if (!r) return std::nullopt;
  return numeric_term(*r);
}

Value unary(Function op, const Term& operand) {
  if (op == Function::Not) {
    const auto b = effective_boolean_value(operand);
    if (!b) return std::nullopt;
    return make_bool(!*b);
  }
  const auto n = parse_numeric(operand);
  if (!n) return std::nullopt;
  if (op == Function::UnaryPlus) return operand;
  if (op == Function::UnaryMinus) return numeric_term(numeric_negate(*n));
  return std::nullopt;
}

}  // namespace quiver::functions
