// XSD casts (17.5), checked against sparql11/cast/*.srx by value and, for
// xsd:string, by lexical form.

#include <gtest/gtest.h>

#include "function_test_util.hpp"
#include "functions/registry.hpp"

namespace quiver::functions {
namespace {

using namespace testing;

TEST(Cast, ToString) {
  EXPECT_EQ(cast("string", iri("http://example.org/z")), "\"http://example.org/z\"");
  EXPECT_EQ(cast("string", str("+33.3300")), "\"+33.3300\"");
  EXPECT_EQ(cast("string", boolean("0")), "\"false\"");
  EXPECT_EQ(cast("string", integer("0")), "\"0\"");
  EXPECT_EQ(cast("string", integer("-1")), "\"-1\"");
  EXPECT_EQ(cast("string", decimal("0.0")), "\"0\"");
  EXPECT_EQ(cast("string", decimal("1.0")), "\"1\"");
  EXPECT_EQ(cast("string", decimal("-2.5")), "\"-2.5\"");
  EXPECT_EQ(cast("string", dbl("0E1")), "\"0\"");
  EXPECT_EQ(cast("string", dbl("1E0")), "\"1\"");
  EXPECT_EQ(cast("string", flt("1.25")), "\"1.25\"");
  EXPECT_EQ(cast("string", flt("-7.875")), "\"-7.875\"");
  EXPECT_EQ(cast("string", dbl("1E7")), "\"1.0E7\"");
  EXPECT_EQ(cast("string", dbl("0.001")), "\"0.001\"");
  EXPECT_EQ(cast("string", dbl("INF")), "\"INF\"");
  EXPECT_EQ(cast("string", bnode("b")), "error");
}

TEST(Cast, ToBoolean) {
  EXPECT_EQ(cast("boolean", str("1")), "\"true\"^^xsd:boolean");
  EXPECT_EQ(cast("boolean", str("false")), "\"false\"^^xsd:boolean");
  EXPECT_EQ(cast("boolean", str("0.0")), "error");
  EXPECT_EQ(cast("boolean", str("string")), "error");
  EXPECT_EQ(cast("boolean", boolean("0")), "\"false\"^^xsd:boolean");
  EXPECT_EQ(cast("boolean", integer("-1")), "\"true\"^^xsd:boolean");
  EXPECT_EQ(cast("boolean", decimal("0.0")), "\"false\"^^xsd:boolean");
  EXPECT_EQ(cast("boolean", flt("0E1")), "\"false\"^^xsd:boolean");
  EXPECT_EQ(cast("boolean", dbl("NaN")), "\"false\"^^xsd:boolean");
  EXPECT_EQ(cast("boolean", iri("http://a/")), "error");
  EXPECT_EQ(cast("boolean", datetime("2002-10-10T17:00:00Z")), "error");
}

TEST(Cast, ToInteger) {
  EXPECT_EQ(cast("integer", str("13")), "\"13\"^^xsd:integer");
  EXPECT_EQ(cast("integer", str(" 13 ")), "\"13\"^^xsd:integer");
  EXPECT_EQ(cast("integer", str("1.5")), "error");
  EXPECT_EQ(cast("integer", str("1E0")), "error");
  EXPECT_EQ(cast("integer", boolean("true")), "\"1\"^^xsd:integer");
  EXPECT_EQ(cast("integer", decimal("-2.5")), "\"-2\"^^xsd:integer");
  EXPECT_EQ(cast("integer", flt("-7.875")), "\"-7\"^^xsd:integer");
  EXPECT_EQ(cast("integer", dbl("1E0")), "\"1\"^^xsd:integer");
  EXPECT_EQ(cast("integer", dbl("INF")), "error");
  EXPECT_EQ(cast("integer", integer("abc")), "error");
  EXPECT_EQ(cast("byte", integer("300")), "error");
  EXPECT_EQ(cast("int", str("42")), "\"42\"^^xsd:int");
}

TEST(Cast, ToDecimal) {
  EXPECT_EQ(cast("decimal", str("+33.3300")), "\"33.33\"^^xsd:decimal");
  EXPECT_EQ(cast("decimal", str("1")), "\"1.0\"^^xsd:decimal");
  EXPECT_EQ(cast("decimal", str("0E1")), "error");
  EXPECT_EQ(cast("decimal", boolean("true")), "\"1.0\"^^xsd:decimal");
  EXPECT_EQ(cast("decimal", dbl("1E0")), "\"1.0\"^^xsd:decimal");
  EXPECT_EQ(cast("decimal", dbl("1.5E2")), "\"150.0\"^^xsd:decimal");
  EXPECT_EQ(cast("decimal", dbl("0.1")), "\"0.1\"^^xsd:decimal");
  EXPECT_EQ(cast("decimal", flt("-7.875")), "\"-7.875\"^^xsd:decimal");
  EXPECT_EQ(cast("decimal", dbl("NaN")), "error");
}

TEST(Cast, ToFloatingPoint) {
  EXPECT_EQ(cast("double", str("-10.2E3")), "\"-1.02E4\"^^xsd:double");
  EXPECT_EQ(cast("double", str("+33.3300")), "\"3.333E1\"^^xsd:double");
  EXPECT_EQ(cast("double", str("0.0")), "\"0.0E0\"^^xsd:double");
  EXPECT_EQ(cast("double", str("1")), "\"1.0E0\"^^xsd:double");
  EXPECT_EQ(cast("double", str("string")), "error");
  EXPECT_EQ(cast("double", boolean("true")), "\"1.0E0\"^^xsd:double");
  EXPECT_EQ(cast("double", integer("-1")), "\"-1.0E0\"^^xsd:double");
  EXPECT_EQ(cast("float", decimal("2.5")), "\"2.5E0\"^^xsd:float");
  EXPECT_EQ(cast("float", str("1.5")), "\"1.5E0\"^^xsd:float");
  EXPECT_EQ(cast("float", dbl("1E0")), "\"1.0E0\"^^xsd:float");
  EXPECT_EQ(cast("float", iri("http://a/")), "error");
}

TEST(Cast, ToDateTime) {
  EXPECT_EQ(cast("dateTime", str("2002-10-10T17:00:00Z")),
            "\"2002-10-10T17:00:00Z\"^^xsd:dateTime");
  EXPECT_EQ(cast("dateTime", str("2002-10-10")), "error");
  EXPECT_EQ(cast("dateTime", xsd("2002-10-10Z", "date")), "\"2002-10-10T00:00:00Z\"^^xsd:dateTime");
  EXPECT_EQ(cast("date", datetime("2002-10-10T17:00:00-05:00")), "\"2002-10-10-05:00\"^^xsd:date");
  EXPECT_EQ(cast("dateTime", integer("1")), "error");
}

// Calling an unknown IRI, and a cast on an error, are the evaluator's
// errors (eval/evaluator_pattern_test, BuiltinsAndCastsAreStrict).
TEST(Cast, UnknownFunctionsAndArity) {
  EXPECT_EQ(find_cast("http://example.org/f"), std::nullopt);
  EXPECT_EQ(find_cast(std::string(vocab::kXsd) + "gYear"), std::nullopt);
  EXPECT_EQ(cast("nosuch", str("1")), "no such cast");
  FunctionContext ctx;
  EXPECT_EQ(show(call_builtin(Function::CastInteger, {}, ctx)), "error");
  const Term two[] = {str("1"), str("2")};
  EXPECT_EQ(show(call_builtin(Function::CastInteger, two, ctx)), "error");
}

}  // namespace
}  // namespace quiver::functions
