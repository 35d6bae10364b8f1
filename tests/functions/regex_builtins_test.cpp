// REGEX and REPLACE with XPath flags and replacement strings.

#include <gtest/gtest.h>

#include "function_test_util.hpp"
#include "functions/registry.hpp"

namespace quiver::functions {
namespace {

using namespace testing;

const std::string kTrue = "\"true\"^^xsd:boolean";
const std::string kFalse = "\"false\"^^xsd:boolean";

TEST(Regex, MatchesAnywhere) {
  EXPECT_EQ(call("REGEX", {str("Alice"), str("^ali"), str("i")}), kTrue);
  EXPECT_EQ(call("REGEX", {str("Alice"), str("^ali")}), kFalse);
  EXPECT_EQ(call("REGEX", {lang("Alice", "en"), str("lic")}), kTrue);
  EXPECT_EQ(call("REGEX", {str("食べ物"), str("^.べ.$")}), kTrue);
}

TEST(Regex, Flags) {
  EXPECT_EQ(call("REGEX", {str("a\nb"), str("a.b")}), kFalse);
  EXPECT_EQ(call("REGEX", {str("a\nb"), str("a.b"), str("s")}), kTrue);
  EXPECT_EQ(call("REGEX", {str("a\nb"), str("^b$")}), kFalse);
  EXPECT_EQ(call("REGEX", {str("a\nb"), str("^b$"), str("m")}), kTrue);
  EXPECT_EQ(call("REGEX", {str("abc"), str("a b c"), str("x")}), kTrue);
  EXPECT_EQ(call("REGEX", {str("a b"), str("a[ ]b"), str("x")}), kTrue);
  EXPECT_EQ(call("REGEX", {str("a.c"), str("."), str("q")}), kTrue);
  EXPECT_EQ(call("REGEX", {str("abc"), str("."), str("q")}), kFalse);
  EXPECT_EQ(call("REGEX", {str("ABC"), str("b"), str("iq")}), kTrue);
}

TEST(Regex, Errors) {
  EXPECT_EQ(call("REGEX", {str("abc"), str("(")}), "error");
  EXPECT_EQ(call("REGEX", {str("abc"), str("a"), str("k")}), "error");
  EXPECT_EQ(call("REGEX", {integer("1"), str("1")}), "error");
  EXPECT_EQ(call("REGEX", {str("abc"), lang("a", "en")}), "error");
  EXPECT_EQ(call("REGEX", {iri("http://a/"), str("a")}), "error");
}

TEST(Replace, SpecExamples) {
  EXPECT_EQ(call("REPLACE", {str("abcd"), str("b"), str("Z")}), "\"aZcd\"");
  EXPECT_EQ(call("REPLACE", {str("abab"), str("B"), str("Z"), str("i")}), "\"aZaZ\"");
  EXPECT_EQ(call("REPLACE", {str("abab"), str("B."), str("Z"), str("i")}), "\"aZb\"");
  EXPECT_EQ(call("REPLACE", {lang("abcd", "en"), str("b"), str("Z")}), "\"aZcd\"@en");
}

TEST(Replace, XPathExamples) {
  EXPECT_EQ(call("REPLACE", {str("abracadabra"), str("bra"), str("*")}), "\"a*cada*\"");
  EXPECT_EQ(call("REPLACE", {str("abracadabra"), str("a.*a"), str("*")}), "\"*\"");
  EXPECT_EQ(call("REPLACE", {str("abracadabra"), str("a.*?a"), str("*")}), "\"*c*bra\"");
  EXPECT_EQ(call("REPLACE", {str("abracadabra"), str("a"), str("")}), "\"brcdbr\"");
  EXPECT_EQ(call("REPLACE", {str("abracadabra"), str("a(.)"), str("a$1$1")}),
            "\"abbraccaddabbra\"");
  EXPECT_EQ(call("REPLACE", {str("AAAA"), str("A+"), str("b")}), "\"b\"");
  EXPECT_EQ(call("REPLACE", {str("AAAA"), str("A+?"), str("b")}), "\"bbbb\"");
  EXPECT_EQ(call("REPLACE", {str("darted"), str("^(.*?)d(.*)$"), str("$1c$2")}), "\"carted\"");
  // sparql11/functions/replace03.
  EXPECT_EQ(call("REPLACE", {str("abcd"), str("(ab)|(a)"), str("[1=$1][2=$2]")}),
            "\"[1=ab][2=]cd\"");
}

TEST(Replace, ReplacementSyntax) {
  EXPECT_EQ(call("REPLACE", {str("a1"), str("1"), str("\\$")}), "\"a$\"");
  EXPECT_EQ(call("REPLACE", {str("a1"), str("1"), str("\\\\")}), "\"a\\\\\"");
  EXPECT_EQ(call("REPLACE", {str("a1"), str("1"), str("$")}), "error");
  EXPECT_EQ(call("REPLACE", {str("a1"), str("1"), str("\\n")}), "error");
  EXPECT_EQ(call("REPLACE", {str("a.b"), str("."), str("$1"), str("q")}), "\"a$1b\"");
  // $12 with one group is group 1 followed by "2".
  EXPECT_EQ(call("REPLACE", {str("ab"), str("(a)"), str("$12")}), "\"a2b\"");
}

TEST(Replace, PatternMatchingEmptyStringIsAnError) {
  EXPECT_EQ(call("REPLACE", {str("abc"), str("x*"), str("-")}), "error");
}

}  // namespace
}  // namespace quiver::functions
