// Numeric builtins (17.4.4: ABS, ROUND, CEIL, FLOOR, RAND) and the
// dateTime accessors (17.4.5: NOW, YEAR ... SECONDS, TIMEZONE, TZ).

#include <random>

#include "functions/builtins_internal.hpp"
#include "xsd/datetime.hpp"
#include "xsd/numeric.hpp"

namespace quiver::functions::detail {

using vocab::kXsdDate;
using vocab::kXsdDateTime;
using vocab::kXsdDayTimeDuration;
using xsd::DateTime;
using xsd::Numeric;
using xsd::numeric_abs;
using xsd::numeric_ceil;
using xsd::numeric_floor;
using xsd::numeric_round;
using xsd::numeric_term;
using xsd::NumericType;
using xsd::parse_date;
using xsd::parse_datetime;
using xsd::parse_numeric;
using xsd::parse_numeric_lexical;
using xsd::timezone_duration;
namespace {

template <Numeric (*Op)(const Numeric&)>
Value numeric_builtin(Args args) {
  const auto n = parse_numeric(args[0]);
  if (!n) return std::nullopt;
  return numeric_term(Op(*n));
}

/// The accessors take an xsd:dateTime; xsd:date is accepted too where the
/// field exists (YEAR, MONTH, DAY, TIMEZONE, TZ), as XPath has those.
std::optional<DateTime> datetime_argument(const Term& t, bool allow_date) {
  if (!t.is_literal()) return std::nullopt;
  if (t.datatype() == kXsdDateTime) return parse_datetime(t.value());
  if (allow_date && t.datatype() == kXsdDate) return parse_date(t.value());
  return std::nullopt;
}

Value field_accessor(Args args, int DateTime::*field, bool allow_date) {
  const auto dt = datetime_argument(args[0], allow_date);
  if (!dt) return std::nullopt;
  return make_integer((*dt).*field);
}

}  // namespace

Value fn_abs(Args args, FunctionContext&) { return numeric_builtin<numeric_abs>(args); }
Value fn_round(Args args, FunctionContext&) { return numeric_builtin<numeric_round>(args); }
Value fn_ceil(Args args, FunctionContext&) { return numeric_builtin<numeric_ceil>(args); }
Value fn_floor(Args args, FunctionContext&) { return numeric_builtin<numeric_floor>(args); }

Value fn_rand(Args, FunctionContext& ctx) {
  std::uniform_real_distribution<double> uniform(0.0, 1.0);
  return numeric_term(Numeric::of_double(uniform(ctx.random())));
}

Value fn_now(Args, FunctionContext& ctx) {
  if (ctx.now.is_none()) return std::nullopt;
  return ctx.now;
}

Value fn_year(Args args, FunctionContext&) {
  const auto dt = datetime_argument(args[0], true);
  if (!dt) return std::nullopt;
  return make_integer(dt->year);
}

Value fn_month(Args args, FunctionContext&) { return field_accessor(args, &DateTime::month, true); }
Value fn_day(Args args, FunctionContext&) { return field_accessor(args, &DateTime::day, true); }
Value fn_hours(Args args, FunctionContext&) { return field_accessor(args, &DateTime::hour, false); }
Value fn_minutes(Args args, FunctionContext&) {
  return field_accessor(args, &DateTime::minute, false);
}

Value fn_seconds(Args args, FunctionContext&) {
  const auto dt = datetime_argument(args[0], false);
  if (!dt) return std::nullopt;
  // The seconds as written: "01" is 1, "01.50" is 1.50.
  const auto seconds = parse_numeric_lexical(dt->seconds, NumericType::Decimal);
  if (!seconds) return std::nullopt;
  return numeric_term(*seconds);
}

Value fn_timezone(Args args, FunctionContext&) {
  const auto dt = datetime_argument(args[0], true);
  if (!dt || !dt->tz_minutes) return std::nullopt;
  return Term::literal(timezone_duration(*dt->tz_minutes), kXsdDayTimeDuration);
}

Value fn_tz(Args args, FunctionContext&) {
  const auto dt = datetime_argument(args[0], true);
  if (!dt) return std::nullopt;
  return make_string(dt->tz_lexical);
}

}  // namespace quiver::functions::detail
