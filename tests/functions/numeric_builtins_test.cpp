// ABS, CEIL, FLOOR, ROUND, RAND (17.4.4) and the dateTime accessors
// (17.4.5), with values from sparql11/functions.

#include <gtest/gtest.h>

#include "function_test_util.hpp"
#include "functions/registry.hpp"

namespace quiver::functions {
namespace {

using namespace testing;

TEST(NumericBuiltins, KeepTheArgumentType) {
  // Decimals come back with scale 0 ("2", not "2.0"), ABS keeps the scale,
  // and a double written without exponent stays so ("-2", not "-2.0E0"),
  // as sparql11/functions expects.
  EXPECT_EQ(call("ABS", {integer("-1")}), "\"1\"^^xsd:integer");
  EXPECT_EQ(call("ABS", {decimal("-1.6")}), "\"1.6\"^^xsd:decimal");
  EXPECT_EQ(call("ABS", {decimal("-1.60")}), "\"1.60\"^^xsd:decimal");
  EXPECT_EQ(call("CEIL", {decimal("-1.6")}), "\"-1\"^^xsd:decimal");
  EXPECT_EQ(call("CEIL", {decimal("1.1")}), "\"2\"^^xsd:decimal");
  EXPECT_EQ(call("FLOOR", {decimal("-1.6")}), "\"-2\"^^xsd:decimal");
  EXPECT_EQ(call("FLOOR", {dbl("1.1E0")}), "\"1.0E0\"^^xsd:double");
  EXPECT_EQ(call("ROUND", {decimal("2.5")}), "\"3\"^^xsd:decimal");
  EXPECT_EQ(call("ROUND", {decimal("-2.5")}), "\"-2\"^^xsd:decimal");
  EXPECT_EQ(call("ROUND", {dbl("-1.6")}), "\"-2\"^^xsd:double");
  EXPECT_EQ(call("ROUND", {dbl("-1.6E0")}), "\"-2.0E0\"^^xsd:double");
  EXPECT_EQ(call("ROUND", {integer("-2")}), "\"-2\"^^xsd:integer");
  EXPECT_EQ(call("ABS", {str("1")}), "error");
  EXPECT_EQ(call("ROUND", {integer("x")}), "error");
}

TEST(NumericBuiltins, RandIsADoubleInTheUnitInterval) {
  FunctionContext ctx;
  for (int i = 0; i < 100; ++i) {
    const Value r = call_builtin(Function::Rand, {}, ctx);
    ASSERT_TRUE(r);
    EXPECT_EQ(r->datatype(), "http://www.w3.org/2001/XMLSchema#double");
    const double v = std::stod(r->value());
    EXPECT_GE(v, 0.0);
    EXPECT_LT(v, 1.0);
  }
}

TEST(DateTimeBuiltins, Accessors) {
  const Term d2 = datetime("2010-12-21T15:38:02-08:00");
  EXPECT_EQ(call("YEAR", {d2}), "\"2010\"^^xsd:integer");
  EXPECT_EQ(call("MONTH", {d2}), "\"12\"^^xsd:integer");
  EXPECT_EQ(call("DAY", {d2}), "\"21\"^^xsd:integer");
  EXPECT_EQ(call("HOURS", {d2}), "\"15\"^^xsd:integer");
  EXPECT_EQ(call("MINUTES", {d2}), "\"38\"^^xsd:integer");
  // The seconds with the scale as written (sparql11/functions SECONDS()).
  EXPECT_EQ(call("SECONDS", {d2}), "\"2\"^^xsd:decimal");
  EXPECT_EQ(call("SECONDS", {datetime("2010-12-21T15:38:02.25Z")}), "\"2.25\"^^xsd:decimal");
  EXPECT_EQ(call("YEAR", {datetime("-0044-03-15T12:00:00")}), "\"-44\"^^xsd:integer");
}

TEST(DateTimeBuiltins, Timezones) {
  EXPECT_EQ(call("TIMEZONE", {datetime("2010-12-21T15:38:02-08:00")}),
            "\"-PT8H\"^^xsd:dayTimeDuration");
  EXPECT_EQ(call("TIMEZONE", {datetime("2010-06-21T11:28:01Z")}), "\"PT0S\"^^xsd:dayTimeDuration");
  EXPECT_EQ(call("TIMEZONE", {datetime("2011-02-01T01:02:03")}), "error");
  EXPECT_EQ(call("TZ", {datetime("2010-12-21T15:38:02-08:00")}), "\"-08:00\"");
  EXPECT_EQ(call("TZ", {datetime("2010-06-21T11:28:01Z")}), "\"Z\"");
  EXPECT_EQ(call("TZ", {datetime("2011-02-01T01:02:03")}), "\"\"");
}

TEST(DateTimeBuiltins, ArgumentsMustBeDateTimes) {
  EXPECT_EQ(call("YEAR", {str("2010-12-21T15:38:02Z")}), "error");
  EXPECT_EQ(call("HOURS", {datetime("not a date")}), "error");
  EXPECT_EQ(call("HOURS", {xsd("2010-12-21", "date")}), "error");
  EXPECT_EQ(call("YEAR", {xsd("2010-12-21", "date")}), "\"2010\"^^xsd:integer");
}

TEST(DateTimeBuiltins, NowIsTheQueryTime) {
  FunctionContext ctx;
  EXPECT_EQ(show(call_builtin(Function::Now, {}, ctx)), "error");
  ctx.now = datetime("2024-01-02T03:04:05Z");
  EXPECT_EQ(show(call_builtin(Function::Now, {}, ctx)), "\"2024-01-02T03:04:05Z\"^^xsd:dateTime");
}

}  // namespace
}  // namespace quiver::functions
