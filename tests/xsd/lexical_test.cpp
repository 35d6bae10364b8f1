#include "xsd/lexical.hpp"

#include <gtest/gtest.h>

#include <string>

#include "xsd/datatypes.hpp"

namespace quiver::xsd {
namespace {

std::string xsd(const char* local) {
  return std::string("http://www.w3.org/2001/XMLSchema#") + local;
}

void expect_valid(const char* type, std::initializer_list<const char*> forms) {
  for (const char* form : forms) {
    EXPECT_EQ(check_lexical(xsd(type), form), LexicalCheck::Valid) << type << " " << form;
  }
}

void expect_invalid(const char* type, std::initializer_list<const char*> forms) {
  for (const char* form : forms) {
    EXPECT_EQ(check_lexical(xsd(type), form), LexicalCheck::Invalid) << type << " " << form;
  }
}

TEST(XsdLexicalTest, Integers) {
  expect_valid("integer", {"0", "-0", "+12", "007", "123456789012345678901234567890"});
  expect_invalid("integer", {"", "abc", "1.0", " 1", "1 ", "+", "1e3", "--1"});
  expect_valid("byte", {"-128", "127", "+0"});
  expect_invalid("byte", {"128", "-129", "300"});
  expect_valid("long", {"9223372036854775807", "-9223372036854775808"});
  expect_invalid("long", {"9223372036854775808"});
  expect_valid("unsignedLong", {"18446744073709551615"});
  expect_invalid("unsignedLong", {"18446744073709551616", "-1"});
  expect_valid("nonNegativeInteger", {"0", "-0", "99999999999999999999"});
  expect_invalid("nonNegativeInteger", {"-1"});
  expect_valid("positiveInteger", {"1"});
  expect_invalid("positiveInteger", {"0", "-0"});
  expect_valid("negativeInteger", {"-1"});
  expect_invalid("negativeInteger", {"0"});
  expect_invalid("nonPositiveInteger", {"1"});
  expect_invalid("unsignedByte", {"256"});
  expect_invalid("short", {"32768"});
  expect_invalid("int", {"2147483648"});
}

TEST(XsdLexicalTest, DecimalsAndFloatingPoint) {
  expect_valid("decimal", {"1", "1.5", "-1.", ".5", "+0.0", "100000000000.0"});
  expect_invalid("decimal", {"1.5.2", ".", "", "1e3", "abc", "1,5", "NaN"});
  expect_valid("double", {"1", "1.5", "1e3", "-1.5E-3", ".5e1", "INF", "-INF", "+INF", "NaN"});
  expect_invalid("double", {"1.0e", "e3", "inf", "nan", "1e3.5", "one", ""});
  expect_valid("float", {"3.14", "1E10"});
  expect_invalid("float", {"one"});
}

TEST(XsdLexicalTest, Booleans) {
  expect_valid("boolean", {"true", "false", "1", "0"});
  expect_invalid("boolean", {"yes", "True", "TRUE", "", "2"});
}

TEST(XsdLexicalTest, DatesAndTimes) {
  expect_valid("date", {"2024-12-01", "2024-02-29", "2000-02-29", "-0044-03-15", "12024-01-01",
                        "2024-12-01Z", "2024-12-01+14:00", "2024-12-01-05:30"});
  expect_invalid("date", {"2023-02-29", "1900-02-29", "2024-13-01", "2024-00-10", "2024-04-31",
                          "24-12-01", "02024-01-01", "2024-1-01", "2024-12-01+15:00",
                          "2024-12-01+14:30", "2024-12-01T00:00:00", ""});
  expect_valid("dateTime", {"2024-12-01T10:20:30", "2024-12-01T10:20:30.125Z",
                            "2024-12-01T24:00:00", "2024-12-01T00:00:00-08:00"});
  expect_invalid("dateTime", {"2024-01-01T25:00:00", "2024-01-01T24:00:01", "2024-01-01T10:60:00",
                              "2024-01-01T10:00:60", "2024-01-01 10:00:00", "2024-01-01T10:00",
                              "2024-01-01T10:00:00.", "2024-01-01"});
  expect_valid("time", {"10:20:30", "23:59:59.999Z"});
  expect_invalid("time", {"24:30:00", "1:00:00"});
}

TEST(XsdLexicalTest, GregorianYearsAndMonths) {
  expect_valid("gYear", {"2024", "-0001", "10000", "2024Z", "2024+01:00"});
  expect_invalid("gYear", {"24", "024", "02024", "2024-", "year"});
  expect_valid("gYearMonth", {"2024-12", "2024-01Z", "-0001-06"});
  expect_invalid("gYearMonth", {"2024-13", "2024-00", "2024-1", "2024", "2024-12-01"});
}

TEST(XsdLexicalTest, StringsAndUris) {
  expect_valid("string", {"", "tab\there", "line\nbreak", "caf\xc3\xa9"});
  expect_invalid("string", {"bell\x07", "nul\x01"});
  expect_valid("token", {"a b"});
  expect_invalid("token", {" a", "a ", "a  b", "a\tb"});
  expect_valid("language", {"en", "fr-CA", "zh-Hant-TW"});
  expect_invalid("language", {"en_US", "", "-en", "toolonglanguage"});
  expect_valid("anyURI", {"https://example.org/a?b=c#d", "relative/path", "%20", ""});
  expect_invalid("anyURI", {"not a uri", "a<b", "%zz", "100%"});
}

TEST(XsdLexicalTest, UnknownDatatypesAreNotErrors) {
  EXPECT_EQ(check_lexical("http://example.org/dt", "anything"), LexicalCheck::UnknownDatatype);
  EXPECT_EQ(check_lexical(xsd("duration"), "P1Y"), LexicalCheck::UnknownDatatype);
  EXPECT_EQ(check_lexical("http://www.w3.org/1999/02/22-rdf-syntax-ns#langString", "x"),
            LexicalCheck::UnknownDatatype);
}

TEST(XsdLexicalTest, Derivation) {
  EXPECT_TRUE(derives_from(xsd("byte"), xsd("integer")));
  EXPECT_TRUE(derives_from(xsd("byte"), xsd("decimal")));
  EXPECT_TRUE(derives_from(xsd("positiveInteger"), xsd("nonNegativeInteger")));
  EXPECT_TRUE(derives_from(xsd("language"), xsd("string")));
  EXPECT_TRUE(derives_from(xsd("integer"), xsd("integer")));
  EXPECT_FALSE(derives_from(xsd("decimal"), xsd("integer")));
  EXPECT_FALSE(derives_from(xsd("string"), xsd("integer")));
  EXPECT_FALSE(derives_from(xsd("unsignedInt"), xsd("int")));
}

}  // namespace
}  // namespace quiver::xsd
