#include "xsd/numeric.hpp"

#include <gtest/gtest.h>

#include <cmath>

#include "support/literals.hpp"

namespace quiver::xsd {
namespace {

using testing::dbl;
using testing::decimal;
using testing::flt;
using testing::integer;
using testing::show;
using testing::str;
using testing::xsd;

TEST(XsdNumeric, ParsesLexicalFormsStrictly) {
  EXPECT_TRUE(parse_numeric(integer("+12")));
  EXPECT_TRUE(parse_numeric(integer("-0012")));
  EXPECT_FALSE(parse_numeric(integer("abc")));
  EXPECT_FALSE(parse_numeric(integer("1.5")));
  EXPECT_FALSE(parse_numeric(integer(" 1")));
  EXPECT_FALSE(parse_numeric(integer("")));
  EXPECT_TRUE(parse_numeric(decimal(".5")));
  EXPECT_TRUE(parse_numeric(decimal("5.")));
  EXPECT_FALSE(parse_numeric(decimal("1e3")));
  EXPECT_FALSE(parse_numeric(decimal(".")));
  EXPECT_TRUE(parse_numeric(dbl("1E3")));
  EXPECT_TRUE(parse_numeric(dbl("-INF")));
  EXPECT_TRUE(parse_numeric(dbl("NaN")));
  EXPECT_FALSE(parse_numeric(dbl("nan")));
  EXPECT_FALSE(parse_numeric(dbl("1E")));
  EXPECT_FALSE(parse_numeric(str("1")));
}

TEST(XsdNumeric, DerivedIntegerTypesCheckTheirRange) {
  EXPECT_EQ(parse_numeric(xsd("127", "byte"))->integer, 127);
  EXPECT_FALSE(parse_numeric(xsd("128", "byte")));
  EXPECT_FALSE(parse_numeric(xsd("-1", "nonNegativeInteger")));
  EXPECT_FALSE(parse_numeric(xsd("0", "positiveInteger")));
  EXPECT_TRUE(parse_numeric(xsd("-1", "negativeInteger")));
  EXPECT_TRUE(parse_numeric(xsd("18446744073709551615", "unsignedLong")));
  EXPECT_EQ(parse_numeric(xsd("5", "int"))->type, NumericType::Integer);
}

// xsd:integer is of arbitrary precision (XSD 3.4.13): past int64 a value
// stays an exact xsd:integer (it was a lossy decimal before issue 16).
TEST(XsdNumeric, HugeIntegersStayExactIntegers) {
  const auto n = parse_numeric(integer("123456789012345678901234"));
  ASSERT_TRUE(n);
  EXPECT_EQ(n->type, NumericType::Integer);
  EXPECT_EQ(show(numeric_term(*n)), "\"123456789012345678901234\"^^xsd:integer");
  const auto min = parse_numeric(integer("9223372036854775808"));
  ASSERT_TRUE(min);
  EXPECT_EQ(show(numeric_term(numeric_negate(*min))), "\"-9223372036854775808\"^^xsd:integer");
  EXPECT_FALSE(numeric_negate(*min).big);  // back in int64
  // Comparisons are exact too: these differ only in the last digit.
  const auto a = parse_numeric(integer("100000000000000000000000000001"));
  const auto b = parse_numeric(integer("100000000000000000000000000000"));
  EXPECT_EQ(numeric_compare(*a, *b), 1);
  EXPECT_EQ(numeric_compare(*b, *b), 0);
  EXPECT_EQ(numeric_compare(Numeric::of_integer(5), *b), -1);
  EXPECT_EQ(
      numeric_compare(*b, Numeric::of_decimal(parse_decimal("100000000000000000000000000000.5"))),
      -1);
}

TEST(XsdNumeric, DecimalsKeepTheScaleAsWritten) {
  // Lexical forms print with exactly their scale, as Java's BigDecimal.
  EXPECT_EQ(format_decimal(parse_numeric(decimal("1.50"))->decimal), "1.50");
  EXPECT_EQ(format_decimal(parse_numeric(decimal("+003"))->decimal), "3");
  EXPECT_EQ(format_decimal(parse_numeric(decimal("-.5"))->decimal), "-0.5");
  EXPECT_EQ(format_decimal(parse_numeric(decimal("0.000"))->decimal), "0.000");
  EXPECT_EQ(format_decimal(Decimal{12, -3}), "12000");
  EXPECT_EQ(format_decimal(Decimal{-5, 3}), "-0.005");
}

TEST(XsdNumeric, CanonicalDecimal) {
  EXPECT_EQ(format_decimal(Decimal::from_long_double(2)), "2.0");
  EXPECT_EQ(format_decimal(Decimal::from_long_double(1.5L)), "1.5");
  EXPECT_EQ(format_decimal(Decimal::from_long_double(-0.25L)), "-0.25");
  EXPECT_EQ(format_decimal(Decimal::from_long_double(0)), "0.0");
  EXPECT_EQ(format_decimal(Decimal::from_long_double(-0.0L)), "0.0");
  EXPECT_EQ(format_decimal(Decimal::from_long_double(0.1L + 0.2L)), "0.3");
  EXPECT_EQ(format_decimal(Decimal{1500, 3}.canonical()), "1.5");
  EXPECT_EQ(format_decimal(Decimal{3, 0}.canonical()), "3.0");
}

TEST(XsdNumeric, DecimalArithmeticFollowsBigDecimalScales) {
  const auto op = [](char o, const char* a, const char* b) {
    return show(numeric_term(
        *numeric_arithmetic(o, *parse_numeric(decimal(a)), *parse_numeric(integer(b)))));
  };
  EXPECT_EQ(op('+', "1.0", "2"), "\"3.0\"^^xsd:decimal");  // max of the scales
  EXPECT_EQ(op('-', "3", "3"), "\"0\"^^xsd:decimal");
  EXPECT_EQ(op('*', "1.50", "2"), "\"3.00\"^^xsd:decimal");  // sum of the scales
  EXPECT_EQ(op('/', "4", "2"), "\"2.0\"^^xsd:decimal");      // canonical quotient
  EXPECT_EQ(op('/', "11.10", "5"), "\"2.22\"^^xsd:decimal");
  EXPECT_EQ(op('/', "2", "3"), "\"0.666666666666666666666667\"^^xsd:decimal");
  // Exact beyond long double: 0.1 + 0.2 and 20-digit values.
  EXPECT_EQ(show(numeric_term(*numeric_arithmetic('+', *parse_numeric(decimal("0.1")),
                                                  *parse_numeric(decimal("0.2"))))),
            "\"0.3\"^^xsd:decimal");
  EXPECT_EQ(op('+', "12345678901234567890.5", "1"), "\"12345678901234567891.5\"^^xsd:decimal");
  EXPECT_EQ(numeric_compare(*parse_numeric(decimal("1.00")), *parse_numeric(integer("1"))), 0);
}

TEST(XsdNumeric, PlainDoublesStayPlain) {
  // A double written without exponent, with integers or decimals or other
  // such doubles, gives a result in the same style; any E form operand
  // makes the result canonical.
  const auto add = [](const Term& a, const Term& b) {
    return show(numeric_term(*numeric_arithmetic('+', *parse_numeric(a), *parse_numeric(b))));
  };
  EXPECT_EQ(add(dbl("3"), dbl("3")), "\"6\"^^xsd:double");
  EXPECT_EQ(add(dbl("3"), decimal("0.25")), "\"3.25\"^^xsd:double");
  EXPECT_EQ(add(flt("3"), integer("3")), "\"6\"^^xsd:float");
  EXPECT_EQ(add(dbl("3"), dbl("3E0")), "\"6.0E0\"^^xsd:double");
  EXPECT_EQ(add(dbl("2E-1"), decimal("0.2")), "\"4.0E-1\"^^xsd:double");
  EXPECT_EQ(add(dbl("999999"), dbl("1")), "\"1.0E6\"^^xsd:double");
  EXPECT_EQ(show(numeric_term(numeric_negate(*parse_numeric(dbl("3"))))), "\"-3\"^^xsd:double");
}

TEST(XsdNumeric, CanonicalDouble) {
  EXPECT_EQ(format_double(1), "1.0E0");
  EXPECT_EQ(format_double(150), "1.5E2");
  EXPECT_EQ(format_double(0.2), "2.0E-1");
  EXPECT_EQ(format_double(32100), "3.21E4");
  EXPECT_EQ(format_double(-10200), "-1.02E4");
  EXPECT_EQ(format_double(0), "0.0E0");
  EXPECT_EQ(format_double(INFINITY), "INF");
  EXPECT_EQ(format_double(-INFINITY), "-INF");
  EXPECT_EQ(format_double(NAN), "NaN");
  EXPECT_EQ(format_double(0.1), "1.0E-1");
  EXPECT_EQ(format_float(0.1f), "1.0E-1");
  EXPECT_EQ(format_float(-7.875f), "-7.875E0");
}

TEST(XsdNumeric, PromotionAndDivision) {
  const auto r = numeric_arithmetic('/', Numeric::of_integer(3), Numeric::of_integer(2));
  EXPECT_EQ(show(numeric_term(*r)), "\"1.5\"^^xsd:decimal");
  EXPECT_FALSE(numeric_arithmetic('/', Numeric::of_integer(1), Numeric::of_integer(0)));
  EXPECT_FALSE(numeric_arithmetic('/', Numeric::of_decimal(1), Numeric::of_decimal(0)));
  const auto inf = numeric_arithmetic('/', Numeric::of_double(1), Numeric::of_integer(0));
  EXPECT_EQ(show(numeric_term(*inf)), "\"INF\"^^xsd:double");
  const auto f = numeric_arithmetic('+', Numeric::of_float(1.5f), Numeric::of_integer(1));
  EXPECT_EQ(show(numeric_term(*f)), "\"2.5E0\"^^xsd:float");
}

// Integer arithmetic past int64 stays exact and xsd:integer (it went on as
// a decimal of 38 digits, then long double, before issue 16).
TEST(XsdNumeric, IntegerOverflowStaysAnExactInteger) {
  const auto r = numeric_arithmetic('*', Numeric::of_integer(INT64_MAX), Numeric::of_integer(2));
  ASSERT_TRUE(r);
  EXPECT_EQ(r->type, NumericType::Integer);
  EXPECT_EQ(show(numeric_term(*r)), "\"18446744073709551614\"^^xsd:integer");
  const auto back = numeric_arithmetic('-', *r, Numeric::of_integer(INT64_MAX));
  EXPECT_EQ(show(numeric_term(*back)), "\"9223372036854775807\"^^xsd:integer");
  EXPECT_FALSE(back->big);
  const auto big = parse_numeric(integer("1234567890123456789012345678901234567890"));
  const auto sum = numeric_arithmetic('+', *big, Numeric::of_integer(1));
  EXPECT_EQ(show(numeric_term(*sum)), "\"1234567890123456789012345678901234567891\"^^xsd:integer");
  const auto half = numeric_arithmetic('/', *big, Numeric::of_integer(2));
  EXPECT_EQ(show(numeric_term(*half)),
            "\"617283945061728394506172839450617283945.0\"^^xsd:decimal");
}

// Decimals are exact past 38 digits too, and stop at kMaxDigits digits with
// an error rather than grow without bound.
TEST(XsdNumeric, DecimalsAreExactUpToTheDigitLimit) {
  const auto d = parse_numeric(decimal("1234567890123456789012345678901234567890.123456789"));
  const auto r = numeric_arithmetic('+', *d, Numeric::of_integer(1));
  EXPECT_EQ(show(numeric_term(*r)),
            "\"1234567890123456789012345678901234567891.123456789\"^^xsd:decimal");
  Numeric n = *parse_numeric(integer("99999999999999999999"));
  std::optional<Numeric> p = n;
  int steps = 0;
  while (p && steps < 20) {  // 20 digits squared each step: past 4096 digits by step 8
    p = numeric_arithmetic('*', *p, *p);
    ++steps;
  }
  EXPECT_FALSE(p.has_value());
  EXPECT_LE(steps, 9);
}

TEST(XsdNumeric, RoundingKeepsType) {
  // Rounded decimals have scale 0 ("-2", not "-2.0"), as in sparql11/functions.
  EXPECT_EQ(show(numeric_term(numeric_round(Numeric::of_decimal(-2.5L)))), "\"-2\"^^xsd:decimal");
  EXPECT_EQ(show(numeric_term(numeric_round(Numeric::of_decimal(2.5L)))), "\"3\"^^xsd:decimal");
  EXPECT_EQ(show(numeric_term(numeric_round(Numeric::of_decimal(-2.51L)))), "\"-3\"^^xsd:decimal");
  EXPECT_EQ(show(numeric_term(numeric_round(Numeric::of_double(-1.6)))), "\"-2.0E0\"^^xsd:double");
  EXPECT_EQ(show(numeric_term(numeric_ceil(Numeric::of_decimal(-1.5L)))), "\"-1\"^^xsd:decimal");
  EXPECT_EQ(show(numeric_term(numeric_floor(Numeric::of_decimal(-1.5L)))), "\"-2\"^^xsd:decimal");
  EXPECT_EQ(show(numeric_term(numeric_floor(Numeric::of_decimal(Decimal{-1, 40})))),
            "\"-1\"^^xsd:decimal");
  EXPECT_EQ(show(numeric_term(numeric_abs(Numeric::of_integer(-3)))), "\"3\"^^xsd:integer");
}

}  // namespace
}  // namespace quiver::xsd
