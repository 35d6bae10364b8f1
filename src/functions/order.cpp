// The ORDER BY order (15.1), a strict weak order since the evaluator
// sorts with it: unbound < blank nodes < IRIs < literals < triple terms
// (SPARQL 1.2 15.1), triple terms by subject, then predicate, then object.
// Literals of one value class compare by value (numerics with NaN first,
// dateTimes on the UTC timeline, a missing timezone read as UTC), then by
// class: numeric, boolean, dateTime, date, simple/xsd:string, tagged
// string, other datatypes; ties fall back to lexical form, datatype and
// language tag so that distinct terms never compare equal.

#include <cmath>

#include "functions/builtins_internal.hpp"
#include "functions/value.hpp"
#include "terms/triple_term.hpp"
#include "xsd/datetime.hpp"
#include "xsd/numeric.hpp"

namespace quiver::functions {

using vocab::kXsdDate;
using vocab::kXsdDateTime;
using xsd::DateTime;
using xsd::Numeric;
using xsd::parse_date;
using xsd::parse_datetime;
using xsd::parse_numeric;
namespace {

int kind_rank(const std::optional<Term>& t) {
  if (!t) return 0;
  switch (t->kind()) {
    case TermKind::None:
      return 0;
    case TermKind::Blank:
      return 1;
    case TermKind::Iri:
      return 2;
    case TermKind::Literal:
      return 3;
    case TermKind::Triple:
      return 4;
  }
  return 0;
}

enum class OrderClass { Numeric, Boolean, DateTime, Date, String, LangString, Other };

/// A literal's class and, for the classes compared by value, that value
/// as a number (NaN for a NaN numeric).
struct OrderKey {
  OrderClass cls = OrderClass::Other;
  long double value = 0;
};

OrderKey order_key(const Term& t) {
  if (!t.language().empty()) return {OrderClass::LangString, 0};
  const std::string& dt = t.datatype();
  if (dt == vocab::kXsdString) return {OrderClass::String, 0};
  if (const auto n = parse_numeric(t)) {
    return {OrderClass::Numeric, n->is_nan() ? NAN : n->as_long_double()};
  }
  if (const auto b = detail::parse_boolean(t)) return {OrderClass::Boolean, *b ? 1.0L : 0.0L};
  if (dt == kXsdDateTime) {
    if (const auto d = parse_datetime(t.value())) return {OrderClass::DateTime, d->timeline()};
  }
  if (dt == kXsdDate) {
    if (const auto d = parse_date(t.value())) return {OrderClass::Date, d->timeline()};
  }
  return {OrderClass::Other, 0};
}

int three_way(const std::string& a, const std::string& b) {
  const int c = a.compare(b);
  return (c > 0) - (c < 0);
}

int compare_literals(const Term& a, const Term& b) {
  const OrderKey ka = order_key(a);
  const OrderKey kb = order_key(b);
  if (ka.cls != kb.cls) return ka.cls < kb.cls ? -1 : 1;
  const bool by_value = ka.cls == OrderClass::Numeric || ka.cls == OrderClass::Boolean ||
                        ka.cls == OrderClass::DateTime || ka.cls == OrderClass::Date;
  if (by_value) {
    const bool nan_a = std::isnan(ka.value);
    const bool nan_b = std::isnan(kb.value);
    if (nan_a != nan_b) return nan_a ? -1 : 1;
    if (ka.value < kb.value) return -1;
    if (ka.value > kb.value) return 1;
  }
  if (int c = three_way(a.value(), b.value()); c != 0) return c;
  if (int c = three_way(a.datatype(), b.datatype()); c != 0) return c;
  return three_way(a.language(), b.language());
}

}  // namespace

int compare_triple_terms(const Term& a, const Term& b) {
  const std::optional<Triple> ta = triple_term_parts(a.value());
  const std::optional<Triple> tb = triple_term_parts(b.value());
  if (!ta || !tb) return three_way(a.value(), b.value());
  if (int c = order_compare(ta->subject, tb->subject); c != 0) return c;
  if (int c = order_compare(ta->predicate, tb->predicate); c != 0) return c;
  return order_compare(ta->object, tb->object);
}

int order_compare(const std::optional<Term>& a, const std::optional<Term>& b) {
  const int ra = kind_rank(a);
  const int rb = kind_rank(b);
  if (ra != rb) return ra < rb ? -1 : 1;
  if (ra == 0) return 0;
  if (ra == 3) return compare_literals(*a, *b);
  if (ra == 4) return compare_triple_terms(*a, *b);
  return three_way(a->value(), b->value());
}

}  // namespace quiver::functions
