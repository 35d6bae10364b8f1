// Numeric builtins (17.4.4: ABS, ROUND, CEIL, FLOOR, RAND) and the
// dateTime accessors (17.4.5: NOW, YEAR ... SECONDS, TIMEZONE, TZ).

#include <array>
#include <random>

#include "functions/builtins_internal.hpp"
#include "xsd/datetime.hpp"
#include "xsd/numeric.hpp"

namespace quiver::functions {

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

using detail::BuiltinEntry;

template <Numeric (*Op)(const Numeric&)>
Value numeric_builtin(const std::vector<Term>& args, FunctionContext&) {
  const auto n = parse_numeric(args[0]);
  if (!n) return std::nullopt;
  return numeric_term(Op(*n));
}

Value fn_rand(const std::vector<Term>&, FunctionContext& ctx) {
  std::uniform_real_distribution<double> uniform(0.0, 1.0);
  return numeric_term(Numeric::of_double(uniform(ctx.random)));
}

Value fn_now(const std::vector<Term>&, FunctionContext& ctx) {
  if (ctx.now.is_none()) return std::nullopt;
  return ctx.now;
}

/// The accessors take an xsd:dateTime; xsd:date is accepted too where the
/// field exists (YEAR, MONTH, DAY, TIMEZONE, TZ), as XPath has those.
std::optional<DateTime> datetime_argument(const Term& t, bool allow_date) {
  if (!t.is_literal()) return std::nullopt;
  if (t.datatype() == kXsdDateTime) return parse_datetime(t.value());
  if (allow_date && t.datatype() == kXsdDate) return parse_date(t.value());
  return std::nullopt;
}

template <int DateTime::*Field>
Value field_accessor(const std::vector<Term>& args, FunctionContext&) {
  const auto dt = datetime_argument(args[0], Field == &DateTime::month || Field == &DateTime::day);
  if (!dt) return std::nullopt;
  return detail::make_integer((*dt).*Field);
}

Value fn_year(const std::vector<Term>& args, FunctionContext&) {
  const auto dt = datetime_argument(args[0], true);
  if (!dt) return std::nullopt;
  return detail::make_integer(dt->year);
}

Value fn_seconds(const std::vector<Term>& args, FunctionContext&) {
  const auto dt = datetime_argument(args[0], false);
  if (!dt) return std::nullopt;
  // The seconds as written: "01" is 1, "01.50" is 1.50.
  const auto seconds = parse_numeric_lexical(dt->seconds, NumericType::Decimal);
  if (!seconds) return std::nullopt;
  return numeric_term(*seconds);
}

Value fn_timezone(const std::vector<Term>& args, FunctionContext&) {
  const auto dt = datetime_argument(args[0], true);
  if (!dt || !dt->tz_minutes) return std::nullopt;
  return Term::literal(timezone_duration(*dt->tz_minutes), kXsdDayTimeDuration);
}

Value fn_tz(const std::vector<Term>& args, FunctionContext&) {
  const auto dt = datetime_argument(args[0], true);
  if (!dt) return std::nullopt;
  return detail::make_string(dt->tz_lexical);
}

constexpr std::array kNumericDatetimeBuiltins{
    BuiltinEntry{"ABS", 1, 1, numeric_builtin<numeric_abs>},
    BuiltinEntry{"CEIL", 1, 1, numeric_builtin<numeric_ceil>},
    BuiltinEntry{"FLOOR", 1, 1, numeric_builtin<numeric_floor>},
    BuiltinEntry{"ROUND", 1, 1, numeric_builtin<numeric_round>},
    BuiltinEntry{"RAND", 0, 0, fn_rand},
    BuiltinEntry{"NOW", 0, 0, fn_now},
    BuiltinEntry{"YEAR", 1, 1, fn_year},
    BuiltinEntry{"MONTH", 1, 1, field_accessor<&DateTime::month>},
    BuiltinEntry{"DAY", 1, 1, field_accessor<&DateTime::day>},
    BuiltinEntry{"HOURS", 1, 1, field_accessor<&DateTime::hour>},
    BuiltinEntry{"MINUTES", 1, 1, field_accessor<&DateTime::minute>},
    BuiltinEntry{"SECONDS", 1, 1, fn_seconds},
    BuiltinEntry{"TIMEZONE", 1, 1, fn_timezone},
    BuiltinEntry{"TZ", 1, 1, fn_tz},
};

}  // namespace

std::span<const detail::BuiltinEntry> detail::numeric_datetime_builtins() {
  return kNumericDatetimeBuiltins;
}

}  // namespace quiver::functions
