// The string builtins (17.4.3), with the spec's examples.

#include <gtest/gtest.h>

#include "function_test_util.hpp"
#include "functions/registry.hpp"

namespace quiver::functions {
namespace {

using namespace testing;

const std::string kTrue = "\"true\"^^xsd:boolean";
const std::string kFalse = "\"false\"^^xsd:boolean";

TEST(StringBuiltins, StrlenCountsCodePoints) {
  EXPECT_EQ(call("STRLEN", {str("chat")}), "\"4\"^^xsd:integer");
  EXPECT_EQ(call("STRLEN", {lang("chat", "en")}), "\"4\"^^xsd:integer");
  EXPECT_EQ(call("STRLEN", {str("食べ物")}), "\"3\"^^xsd:integer");
  EXPECT_EQ(call("STRLEN", {str("\xF0\x9F\x98\x80")}), "\"1\"^^xsd:integer");
  EXPECT_EQ(call("STRLEN", {integer("12")}), "error");
}

TEST(StringBuiltins, Substr) {
  EXPECT_EQ(call("SUBSTR", {str("foobar"), integer("4")}), "\"bar\"");
  EXPECT_EQ(call("SUBSTR", {str("foobar"), integer("4"), integer("1")}), "\"b\"");
  EXPECT_EQ(call("SUBSTR", {lang("football", "en"), integer("4")}), "\"tball\"@en");
  EXPECT_EQ(call("SUBSTR", {str("食べ物"), integer("2"), integer("1")}), "\"べ\"");
  // fn:substring's edge cases.
  EXPECT_EQ(call("SUBSTR", {str("12345"), decimal("1.5"), decimal("2.6")}), "\"234\"");
  EXPECT_EQ(call("SUBSTR", {str("12345"), integer("0"), integer("3")}), "\"12\"");
  EXPECT_EQ(call("SUBSTR", {str("12345"), integer("-3"), integer("5")}), "\"1\"");
  EXPECT_EQ(call("SUBSTR", {str("12345"), dbl("NaN"), integer("3")}), "\"\"");
  EXPECT_EQ(call("SUBSTR", {str("abc"), str("1")}), "error");
}

TEST(StringBuiltins, CaseMapping) {
  EXPECT_EQ(call("UCASE", {str("foo")}), "\"FOO\"");
  EXPECT_EQ(call("UCASE", {lang("foo", "en")}), "\"FOO\"@en");
  EXPECT_EQ(call("LCASE", {str("BAR")}), "\"bar\"");
  EXPECT_EQ(call("LCASE", {lang("BAR", "en")}), "\"bar\"@en");
  EXPECT_EQ(call("UCASE", {str("été")}), "\"ÉTÉ\"");
  EXPECT_EQ(call("UCASE", {iri("http://a/")}), "error");
}

TEST(StringBuiltins, ArgumentCompatibility) {
  EXPECT_EQ(call("STRSTARTS", {str("foobar"), str("foo")}), kTrue);
  EXPECT_EQ(call("STRSTARTS", {lang("foobar", "en"), lang("foo", "en")}), kTrue);
  EXPECT_EQ(call("STRSTARTS", {lang("foobar", "en"), str("foo")}), kTrue);
  EXPECT_EQ(call("STRSTARTS", {lang("foobar", "en"), xsd("foo", "string")}), kTrue);
  EXPECT_EQ(call("STRSTARTS", {str("foobar"), lang("foo", "en")}), "error");
  EXPECT_EQ(call("STRSTARTS", {lang("foobar", "en"), lang("foo", "fr")}), "error");
  EXPECT_EQ(call("STRSTARTS", {integer("12"), str("1")}), "error");
  EXPECT_EQ(call("STRENDS", {str("foobar"), str("bar")}), kTrue);
  EXPECT_EQ(call("STRENDS", {str("foobar"), str("foo")}), kFalse);
  EXPECT_EQ(call("CONTAINS", {str("foobar"), str("bar")}), kTrue);
  EXPECT_EQ(call("CONTAINS", {lang("foobar", "en"), str("xyz")}), kFalse);
}

TEST(StringBuiltins, StrbeforeAndStrafter) {
  EXPECT_EQ(call("STRBEFORE", {str("abc"), str("b")}), "\"a\"");
  EXPECT_EQ(call("STRBEFORE", {lang("abc", "en"), str("bc")}), "\"a\"@en");
  EXPECT_EQ(call("STRBEFORE", {lang("abc", "en"), lang("b", "cy")}), "error");
  EXPECT_EQ(call("STRBEFORE", {xsd("abc", "string"), str("")}), "\"\"");
  EXPECT_EQ(call("STRBEFORE", {lang("abc", "en"), str("")}), "\"\"@en");
  EXPECT_EQ(call("STRBEFORE", {lang("abc", "en"), str("z")}), "\"\"");
  EXPECT_EQ(call("STRAFTER", {str("abc"), str("b")}), "\"c\"");
  EXPECT_EQ(call("STRAFTER", {lang("abc", "en"), lang("ab", "en")}), "\"c\"@en");
  EXPECT_EQ(call("STRAFTER", {lang("abc", "en"), str("")}), "\"abc\"@en");
  EXPECT_EQ(call("STRAFTER", {lang("abc", "en"), str("z")}), "\"\"");
}

TEST(StringBuiltins, EncodeForUri) {
  EXPECT_EQ(call("ENCODE_FOR_URI", {str("Los Angeles")}), "\"Los%20Angeles\"");
  EXPECT_EQ(call("ENCODE_FOR_URI", {lang("Los Angeles", "en")}), "\"Los%20Angeles\"");
  EXPECT_EQ(call("ENCODE_FOR_URI", {str("100%")}), "\"100%25\"");
  EXPECT_EQ(call("ENCODE_FOR_URI", {str("食べ物")}), "\"%E9%A3%9F%E3%81%B9%E7%89%A9\"");
  EXPECT_EQ(call("ENCODE_FOR_URI", {str("a-_.~")}), "\"a-_.~\"");
}

TEST(StringBuiltins, Concat) {
  EXPECT_EQ(call("CONCAT", {str("foo"), str("bar")}), "\"foobar\"");
  EXPECT_EQ(call("CONCAT", {lang("foo", "en"), lang("bar", "en")}), "\"foobar\"@en");
  EXPECT_EQ(call("CONCAT", {lang("foo", "en"), str("bar")}), "\"foobar\"");
  EXPECT_EQ(call("CONCAT", {lang("foo", "en"), lang("bar", "fr")}), "\"foobar\"");
  EXPECT_EQ(call("CONCAT", {}), "\"\"");
  EXPECT_EQ(call("CONCAT", {str("a"), integer("1")}), "error");
}

}  // namespace
}  // namespace quiver::functions
