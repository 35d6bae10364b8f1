// The set functions (18.5.1), with groups from sparql11/aggregates.

#include <gtest/gtest.h>

#include "function_test_util.hpp"
#include "functions/registry.hpp"

namespace quiver::functions {
namespace {

using namespace testing;

std::string aggregate(std::string_view name, const std::vector<Value>& values,
                      bool distinct = false, std::string_view separator = " ",
                      bool count_star = false) {
  const std::optional<Aggregate> a = find_aggregate(name);
  if (!a) return "no such aggregate";
  auto agg = make_aggregator(*a, distinct, separator, count_star);
  for (const Value& v : values) agg->add(v);
  return show(agg->result());
}

TEST(Aggregates, Count) {
  EXPECT_EQ(aggregate("COUNT", {integer("1"), std::nullopt, integer("1")}), "\"2\"^^xsd:integer");
  EXPECT_EQ(aggregate("COUNT", {integer("1"), integer("1"), str("a")}, true), "\"2\"^^xsd:integer");
  EXPECT_EQ(aggregate("COUNT", {str("*"), str("*"), std::nullopt}, false, " ", true),
            "\"3\"^^xsd:integer");
  EXPECT_EQ(aggregate("COUNT", {}), "\"0\"^^xsd:integer");
}

TEST(Aggregates, SumPromotes) {
  EXPECT_EQ(aggregate("SUM", {integer("1"), integer("2"), integer("3")}), "\"6\"^^xsd:integer");
  EXPECT_EQ(aggregate("SUM", {decimal("1.0"), decimal("2.2"), decimal("3.5")}),
            "\"6.7\"^^xsd:decimal");
  EXPECT_EQ(aggregate("SUM", {dbl("1.0E2"), dbl("2.0E3"), dbl("3.0E4")}), "\"3.21E4\"^^xsd:double");
  EXPECT_EQ(aggregate("SUM", {integer("1"), decimal("2.2")}), "\"3.2\"^^xsd:decimal");
  EXPECT_EQ(aggregate("SUM", {dbl("2E-1"), decimal("0.2")}), "\"4.0E-1\"^^xsd:double");
  EXPECT_EQ(aggregate("SUM", {}), "\"0\"^^xsd:integer");
  EXPECT_EQ(aggregate("SUM", {integer("1"), integer("1"), integer("2")}, true),
            "\"3\"^^xsd:integer");
}

TEST(Aggregates, SumAndAvgFailOnNonNumerics) {
  EXPECT_EQ(aggregate("SUM", {integer("1"), bnode("b2")}), "error");
  EXPECT_EQ(aggregate("AVG", {integer("1"), bnode("b2"), integer("3")}), "error");
  EXPECT_EQ(aggregate("AVG", {integer("1"), std::nullopt}), "error");
}

TEST(Aggregates, Avg) {
  EXPECT_EQ(aggregate("AVG", {integer("1"), integer("2"), integer("3")}), "\"2.0\"^^xsd:decimal");
  EXPECT_EQ(aggregate("AVG", {decimal("1.0"), decimal("2.2"), decimal("3.5"), decimal("2.2"),
                              decimal("2.2")}),
            "\"2.22\"^^xsd:decimal");
  EXPECT_EQ(aggregate("AVG", {integer("1"), decimal("2.2")}), "\"1.6\"^^xsd:decimal");
  EXPECT_EQ(aggregate("AVG", {dbl("2E-1"), decimal("0.2")}), "\"2.0E-1\"^^xsd:double");
  EXPECT_EQ(aggregate("AVG", {integer("1"), integer("2"), integer("2")}, true),
            "\"1.5\"^^xsd:decimal");
  EXPECT_EQ(aggregate("AVG", {}), "\"0\"^^xsd:integer");
}

TEST(Aggregates, MinAndMaxUseTheOrderByOrder) {
  EXPECT_EQ(aggregate("MIN", {integer("1"), decimal("2.2")}), "\"1\"^^xsd:integer");
  EXPECT_EQ(aggregate("MAX", {integer("1"), decimal("2.2")}), "\"2.2\"^^xsd:decimal");
  EXPECT_EQ(aggregate("MAX", {dbl("2E-1"), decimal("2.2")}), "\"2.2\"^^xsd:decimal");
  EXPECT_EQ(aggregate("MIN", {integer("1"), bnode("b2"), integer("3")}), "_:b2");
  EXPECT_EQ(aggregate("MAX", {str("a"), integer("7"), iri("http://a/")}), "\"a\"");
  EXPECT_EQ(aggregate("MAX", {integer("4"), std::nullopt}), "\"4\"^^xsd:integer");
  EXPECT_EQ(aggregate("MAX", {}), "error");
}

TEST(Aggregates, GroupConcat) {
  EXPECT_EQ(aggregate("GROUP_CONCAT", {str("1"), str("22")}), "\"1 22\"");
  EXPECT_EQ(aggregate("GROUP_CONCAT", {str("1"), str("22")}, false, ":"), "\"1:22\"");
  EXPECT_EQ(aggregate("GROUP_CONCAT", {lang("1", "en"), lang("2", "en")}), "\"1 2\"");
  EXPECT_EQ(aggregate("GROUP_CONCAT", {lang("1", "en"), lang("2", "fr")}), "\"1 2\"");
  EXPECT_EQ(aggregate("GROUP_CONCAT", {str("1"), str("2"), str("1")}, true), "\"1 2\"");
  EXPECT_EQ(aggregate("GROUP_CONCAT", {integer("1"), std::nullopt, iri("http://a/")}),
            "\"1 http://a/\"");
  EXPECT_EQ(aggregate("GROUP_CONCAT", {}), "\"\"");
  EXPECT_EQ(aggregate("GROUP_CONCAT", {str("a"), bnode("b")}), "error");
}

TEST(Aggregates, Sample) {
  EXPECT_EQ(aggregate("SAMPLE", {std::nullopt, integer("5"), integer("6")}), "\"5\"^^xsd:integer");
  EXPECT_EQ(aggregate("SAMPLE", {}), "error");
}

TEST(Aggregates, UnknownName) {
  EXPECT_EQ(find_aggregate("MEDIAN"), std::nullopt);
  EXPECT_EQ(find_aggregate("group_concat"), Aggregate::GroupConcat);
}

}  // namespace
}  // namespace quiver::functions
