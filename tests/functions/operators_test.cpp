// effective_boolean_value, compare, arithmetic and unary (17.2.2, 17.3).

#include "functions/operators.hpp"

#include <gtest/gtest.h>

#include "function_test_util.hpp"

namespace quiver::functions {
namespace {

using namespace testing;

std::string cmp(std::string_view op, const Term& a, const Term& b) {
  return show(compare(op, a, b));
}

const std::string kTrue = "\"true\"^^xsd:boolean";
const std::string kFalse = "\"false\"^^xsd:boolean";

TEST(EffectiveBooleanValue, FollowsTheSpecTable) {
  EXPECT_EQ(effective_boolean_value(boolean("true")), true);
  EXPECT_EQ(effective_boolean_value(boolean("0")), false);
  EXPECT_EQ(effective_boolean_value(boolean("yes")), false);  // invalid: false
  EXPECT_EQ(effective_boolean_value(str("")), false);
  EXPECT_EQ(effective_boolean_value(str("a")), true);
  EXPECT_EQ(effective_boolean_value(integer("0")), false);
  EXPECT_EQ(effective_boolean_value(integer("7")), true);
  EXPECT_EQ(effective_boolean_value(integer("abc")), false);  // invalid: false
  EXPECT_EQ(effective_boolean_value(dbl("NaN")), false);
  EXPECT_EQ(effective_boolean_value(decimal("0.0")), false);
  EXPECT_EQ(effective_boolean_value(lang("a", "en")), std::nullopt);
  EXPECT_EQ(effective_boolean_value(iri("http://a/")), std::nullopt);
  EXPECT_EQ(effective_boolean_value(bnode("b")), std::nullopt);
  EXPECT_EQ(effective_boolean_value(datetime("2001-01-01T00:00:00Z")), std::nullopt);
}

TEST(Compare, NumericsCompareByValueAcrossTypes) {
  EXPECT_EQ(cmp("=", integer("1"), decimal("1.0")), kTrue);
  EXPECT_EQ(cmp("=", integer("1"), dbl("1E0")), kTrue);
  EXPECT_EQ(cmp("=", integer("01"), xsd("1", "byte")), kTrue);
  EXPECT_EQ(cmp("<", integer("2"), decimal("2.5")), kTrue);
  EXPECT_EQ(cmp(">=", flt("1.5"), integer("2")), kFalse);
  EXPECT_EQ(cmp("!=", integer("1"), integer("2")), kTrue);
}

TEST(Compare, NaNIsUnordered) {
  EXPECT_EQ(cmp("=", dbl("NaN"), dbl("NaN")), kFalse);
  EXPECT_EQ(cmp("!=", dbl("NaN"), dbl("NaN")), kTrue);
  EXPECT_EQ(cmp("<", dbl("NaN"), integer("1")), kFalse);
}

TEST(Compare, StringsBooleansAndDateTimes) {
  EXPECT_EQ(cmp("<", str("abc"), str("abd")), kTrue);
  EXPECT_EQ(cmp("=", str("abc"), xsd("abc", "string")), kTrue);
  EXPECT_EQ(cmp("<", boolean("false"), boolean("true")), kTrue);
  EXPECT_EQ(cmp("=", boolean("1"), boolean("true")), kTrue);
  EXPECT_EQ(cmp("=", datetime("2002-10-10T12:00:00-05:00"), datetime("2002-10-10T17:00:00Z")),
            kTrue);
  EXPECT_EQ(cmp("<", datetime("2002-10-10T12:00:00"), datetime("2002-10-10T12:00:00Z")), "error");
}

TEST(Compare, OrderingAcrossTypesIsAnError) {
  EXPECT_EQ(cmp("<", str("1"), integer("1")), "error");
  EXPECT_EQ(cmp("<", lang("a", "en"), lang("b", "en")), "error");
  EXPECT_EQ(cmp("<", iri("http://a/"), iri("http://b/")), "error");
  EXPECT_EQ(cmp("<", integer("abc"), integer("1")), "error");
}

// The open-world cases of sparql10/open-world/open-eq-07 ... -10.
TEST(Compare, RdfTermEqualForOtherTerms) {
  const Term unknown = Term::literal("xyz", "http://example/unknown");
  const Term bad_int = integer("xyz");
  EXPECT_EQ(cmp("=", lang("xyz", "en"), lang("xyz", "EN")), kTrue);
  EXPECT_EQ(cmp("!=", lang("xyz", "en"), str("xyz")), kTrue);
  EXPECT_EQ(cmp("!=", lang("xyz", "en"), bad_int), kTrue);
  EXPECT_EQ(cmp("!=", lang("xyz", "en"), lang("abc", "en")), kTrue);
  EXPECT_EQ(cmp("=", unknown, unknown), kTrue);
  EXPECT_EQ(cmp("=", bad_int, bad_int), kTrue);
  EXPECT_EQ(cmp("=", str("xyz"), bad_int), "error");
  EXPECT_EQ(cmp("!=", str("xyz"), unknown), "error");
  EXPECT_EQ(cmp("!=", bad_int, unknown), "error");
  EXPECT_EQ(cmp("!=", unknown, Term::literal("abc", "http://example/unknown")), "error");
  EXPECT_EQ(cmp("!=", unknown, bnode("b")), kTrue);
  EXPECT_EQ(cmp("!=", iri("http://a/"), str("http://a/")), kTrue);
  EXPECT_EQ(cmp("=", iri("http://a/"), iri("http://a/")), kTrue);
  EXPECT_EQ(cmp("=", bnode("a"), bnode("b")), kFalse);
  // Known, different value spaces: certainly different.
  EXPECT_EQ(cmp("=", str("1"), integer("1")), kFalse);
}

TEST(Arithmetic, PromotesAndGivesCanonicalForms) {
  EXPECT_EQ(show(arithmetic("+", integer("1"), integer("2"))), "\"3\"^^xsd:integer");
  EXPECT_EQ(show(arithmetic("+", integer("1"), decimal("2.0"))), "\"3.0\"^^xsd:decimal");
  // A double written without exponent keeps that style (expr-ops tests).
  EXPECT_EQ(show(arithmetic("*", decimal("1.5"), dbl("2"))), "\"3\"^^xsd:double");
  EXPECT_EQ(show(arithmetic("*", decimal("1.5"), dbl("2E0"))), "\"3.0E0\"^^xsd:double");
  EXPECT_EQ(show(arithmetic("/", integer("1"), integer("4"))), "\"0.25\"^^xsd:decimal");
  EXPECT_EQ(show(arithmetic("/", integer("4"), integer("2"))), "\"2.0\"^^xsd:decimal");
  EXPECT_EQ(show(arithmetic("-", integer("1"), xsd("2", "int"))), "\"-1\"^^xsd:integer");
  EXPECT_EQ(show(arithmetic("/", integer("1"), integer("0"))), "error");
  EXPECT_EQ(show(arithmetic("/", dbl("-1"), integer("0"))), "\"-INF\"^^xsd:double");
  EXPECT_EQ(show(arithmetic("+", str("1"), integer("1"))), "error");
  EXPECT_EQ(show(arithmetic("+", integer("a"), integer("1"))), "error");
}

TEST(Arithmetic, Unary) {
  EXPECT_EQ(show(unary("-", integer("3"))), "\"-3\"^^xsd:integer");
  EXPECT_EQ(show(unary("-", dbl("1.5E0"))), "\"-1.5E0\"^^xsd:double");
  EXPECT_EQ(show(unary("+", integer("03"))), "\"03\"^^xsd:integer");
  EXPECT_EQ(show(unary("-", str("3"))), "error");
  EXPECT_EQ(show(unary("!", boolean("true"))), kFalse);
}

}  // namespace
}  // namespace quiver::functions
