#include "xsd/datatypes.hpp"

#include <gtest/gtest.h>

#include <string>

#include "support/literals.hpp"
#include "xsd/datetime.hpp"
#include "xsd/lexical.hpp"
#include "xsd/numeric.hpp"

namespace quiver::xsd {
namespace {

TEST(XsdDatatypes, LocalNamesAndTheIntegerTable) {
  EXPECT_EQ(local_name("http://www.w3.org/2001/XMLSchema#byte"), "byte");
  EXPECT_EQ(local_name("http://example.org/byte"), "");
  ASSERT_NE(find_integer_type("unsignedShort"), nullptr);
  EXPECT_EQ(find_integer_type("unsignedShort")->max, "65535");
  EXPECT_EQ(find_integer_type("unsignedShort")->base, "unsignedInt");
  EXPECT_EQ(find_integer_type("decimal"), nullptr);
  EXPECT_EQ(integer_type_of("http://www.w3.org/2001/XMLSchema#long")->min, "-9223372036854775808");
  EXPECT_EQ(integer_type_of("http://www.w3.org/2001/XMLSchema#string"), nullptr);
}

TEST(XsdDatatypes, ValidationAndEvaluationAgreeOnIntegerRanges) {
  // The same table decides for check_lexical (validation), parse_numeric
  // and casts (evaluation).
  for (const char* type : {"byte", "unsignedByte", "long", "unsignedLong", "positiveInteger",
                           "negativeInteger", "nonPositiveInteger", "nonNegativeInteger"}) {
    for (const char* lexical :
         {"0", "-1", "1", "127", "128", "-128", "-129", "255", "256", "9223372036854775807",
          "9223372036854775808", "-9223372036854775808", "18446744073709551615",
          "18446744073709551616"}) {
      const Term literal = testing::xsd(lexical, type);
      const bool valid = check_lexical(literal.datatype(), lexical) == LexicalCheck::Valid;
      EXPECT_EQ(parse_numeric(literal).has_value(), valid) << type << " " << lexical;
      EXPECT_EQ(integer_in_range(*find_integer_type(type), std::stold(lexical)), valid)
          << type << " " << lexical;
    }
  }
}

TEST(XsdDatatypes, RangesAreExactForAnyNumberOfDigits) {
  const IntegerType& non_negative = *find_integer_type("nonNegativeInteger");
  EXPECT_TRUE(integer_lexical_in_range(non_negative, "123456789012345678901234567890"));
  EXPECT_FALSE(integer_lexical_in_range(non_negative, "-123456789012345678901234567890"));
  EXPECT_TRUE(integer_lexical_in_range(non_negative, "-0"));
  EXPECT_FALSE(integer_lexical_in_range(non_negative, "1.0"));
  EXPECT_TRUE(in_integer_range("http://www.w3.org/2001/XMLSchema#string", -1));
}

TEST(XsdDatatypes, OneReaderForDatesWhateverTheYearLength) {
  EXPECT_TRUE(is_temporal_lexical(TemporalType::Date, "1234567890123456789-01-01"));
  EXPECT_FALSE(parse_date("1234567890123456789-01-01"));  // no value this large
  EXPECT_TRUE(parse_date("123456789012345-01-01"));
  EXPECT_TRUE(is_temporal_lexical(TemporalType::DateTime, "2024-02-29T24:00:00Z"));
  EXPECT_FALSE(is_temporal_lexical(TemporalType::DateTime, "2023-02-29T00:00:00"));
  EXPECT_EQ(parse_datetime("-0004-02-29T00:00:00")->year, -4);  // leap: 5 BCE
}

TEST(XsdDatatypes, BooleanLexicalForms) {
  EXPECT_EQ(parse_boolean("true"), true);
  EXPECT_EQ(parse_boolean("1"), true);
  EXPECT_EQ(parse_boolean("false"), false);
  EXPECT_EQ(parse_boolean("0"), false);
  EXPECT_FALSE(parse_boolean("TRUE"));
  EXPECT_FALSE(parse_boolean(" true"));
}

}  // namespace
}  // namespace quiver::xsd
