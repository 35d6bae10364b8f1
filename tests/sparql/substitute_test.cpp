// sparql::substitute: pre-binding by replacing variables everywhere.

#include "sparql/substitute.hpp"

#include <gtest/gtest.h>

#include "sparql/parser.hpp"
#include "sparql/printer.hpp"

namespace quiver::sparql {
namespace {

std::string substituted(const std::string& query, const Substitution& values) {
  auto parsed = parse_query(query);
  EXPECT_TRUE(parsed.ok()) << parsed.error().to_string();
  return to_sse(*substitute(parsed->pattern, values));
}

TEST(SubstituteTest, ReplacesTheVariableInPatternsFiltersAndExists) {
  const std::string sse = substituted(
      "SELECT * { ?this <http://e/p> ?o FILTER(?this != ?o) "
      "FILTER EXISTS { ?x <http://e/q> ?this } }",
      {{"this", Term::iri("http://e/a")}});
  // Left only in the projection, where it is now unbound.
  EXPECT_EQ(sse.find("?this", sse.find("(filter")), std::string::npos) << sse;
  EXPECT_NE(sse.find("<http://e/a> <http://e/p> ?o"), std::string::npos) << sse;
  EXPECT_NE(sse.find("?x <http://e/q> <http://e/a>"), std::string::npos) << sse;
}

TEST(SubstituteTest, BoundOfAPreBoundVariableIsTrueAndOthersStay) {
  const std::string sse = substituted("SELECT * { ?s ?p ?o FILTER(BOUND(?g) && BOUND(?o)) }",
                                      {{"g", Term::iri("http://e/g")}});
  EXPECT_NE(sse.find("true"), std::string::npos) << sse;
  EXPECT_NE(sse.find("(bound ?o)"), std::string::npos) << sse;
}

TEST(SubstituteTest, ABlankNodeStaysABlankNodeConstant) {
  const std::string sse =
      substituted("SELECT * { ?this <http://e/p> ?o }", {{"this", Term::blank("b1")}});
  EXPECT_NE(sse.find("_:b1 <http://e/p> ?o"), std::string::npos) << sse;
}

}  // namespace
}  // namespace quiver::sparql
