// order_compare: the ORDER BY order (15.1) and its total tie-breaks.

#include <gtest/gtest.h>

#include <algorithm>
#include <vector>

#include "function_test_util.hpp"
#include "functions/value.hpp"

namespace quiver::functions {
namespace {

using namespace testing;

TEST(OrderCompare, KindsComeInSpecOrder) {
  const std::optional<Term> unbound;
  EXPECT_LT(order_compare(unbound, bnode("z")), 0);
  EXPECT_LT(order_compare(bnode("z"), iri("http://a/")), 0);
  EXPECT_LT(order_compare(iri("http://z/"), str("a")), 0);
  EXPECT_EQ(order_compare(unbound, unbound), 0);
  EXPECT_GT(order_compare(str("a"), unbound), 0);
}

TEST(OrderCompare, LiteralsByValue) {
  EXPECT_LT(order_compare(integer("2"), integer("10")), 0);
  EXPECT_LT(order_compare(decimal("1.5"), integer("2")), 0);
  EXPECT_LT(order_compare(dbl("-INF"), integer("-5")), 0);
  EXPECT_LT(order_compare(str("a"), str("b")), 0);
  EXPECT_LT(order_compare(boolean("false"), boolean("true")), 0);
  EXPECT_LT(order_compare(datetime("2002-10-10T12:00:00-05:00"), datetime("2002-10-10T17:00:01Z")),
            0);
}

TEST(OrderCompare, DistinctTermsNeverTie) {
  EXPECT_NE(order_compare(integer("1"), decimal("1.0")), 0);
  EXPECT_NE(order_compare(integer("1"), integer("01")), 0);
  EXPECT_NE(order_compare(lang("a", "en"), lang("a", "fr")), 0);
  EXPECT_EQ(order_compare(integer("1"), integer("1")), 0);
}

TEST(OrderCompare, MixedLiteralsSortDeterministically) {
  std::vector<std::optional<Term>> terms{str("b"),
                                         lang("a", "en"),
                                         integer("3"),
                                         dbl("NaN"),
                                         Term::literal("x", "http://d/"),
                                         boolean("true"),
                                         str("a"),
                                         decimal("2.5"),
                                         integer("abc"),
                                         datetime("2001-01-01T00:00:00Z"),
                                         iri("http://a/"),
                                         std::nullopt,
                                         bnode("b")};
  std::sort(terms.begin(), terms.end(),
            [](const auto& a, const auto& b) { return order_compare(a, b) < 0; });
  std::vector<std::string> shown;
  for (const auto& t : terms) shown.push_back(show(t));
  const std::vector<std::string> expected{
      "error",  // unbound
      "_:b",
      "<http://a/>",
      "\"NaN\"^^xsd:double",
      "\"2.5\"^^xsd:decimal",
      "\"3\"^^xsd:integer",
      "\"true\"^^xsd:boolean",
      "\"2001-01-01T00:00:00Z\"^^xsd:dateTime",
      "\"a\"",
      "\"b\"",
      "\"a\"@en",
      "\"abc\"^^xsd:integer",
      "\"x\"^^<http://d/>",
  };
  EXPECT_EQ(shown, expected);
}

}  // namespace
}  // namespace quiver::functions
