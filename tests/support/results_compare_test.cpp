#include "support/results_compare.hpp"

#include <gtest/gtest.h>

#include <string>

#include "support/result_fixtures.hpp"

namespace quiver::testing {
namespace {

Term b(const char* label) { return Term::blank(label); }

QueryResult rows(std::vector<std::string> vars, std::vector<Solution> solutions) {
  QueryResult r;
  r.variables = std::move(vars);
  r.solutions = std::move(solutions);
  return r;
}

TEST(ResultsEqualTest, IgnoresVariableAndRowOrderWhenUnordered) {
  const auto a = rows({"x", "y"}, {{iri("1"), lit("a")}, {iri("2"), std::nullopt}});
  const auto e = rows({"y", "x"}, {{std::nullopt, iri("2")}, {lit("a"), iri("1")}});
  EXPECT_TRUE(results_equal(a, e, false, nullptr));
  std::string diff;
  EXPECT_FALSE(results_equal(a, e, true, &diff));
  EXPECT_NE(diff.find("row 1 differs"), std::string::npos) << diff;
}

TEST(ResultsEqualTest, CountsDuplicates) {
  const auto a = rows({"x"}, {{iri("1")}, {iri("1")}, {iri("2")}});
  const auto e = rows({"x"}, {{iri("1")}, {iri("2")}, {iri("2")}});
  std::string diff;
  EXPECT_FALSE(results_equal(a, e, false, &diff));
  EXPECT_NE(diff.find("missing (expected, not in actual) (1):\n  ?x=<http://example.org/2>"),
            std::string::npos)
      << diff;
  EXPECT_NE(diff.find("unexpected (in actual, not expected) (1):\n  ?x=<http://example.org/1>"),
            std::string::npos)
      << diff;
}

TEST(ResultsEqualTest, ComparesTermsExactlyButLanguageTagsCaseInsensitively) {
  const std::string xsd = kXsd;
  EXPECT_TRUE(results_equal(rows({"x"}, {{lit("a", "", "en-GB")}}),
                            rows({"x"}, {{lit("a", "", "EN-gb")}}), false, nullptr));
  EXPECT_FALSE(results_equal(rows({"x"}, {{lit("01", xsd + "integer")}}),
                             rows({"x"}, {{lit("1", xsd + "integer")}}), false, nullptr));
  EXPECT_FALSE(results_equal(rows({"x"}, {{lit("1", xsd + "integer")}}),
                             rows({"x"}, {{lit("1", xsd + "decimal")}}), false, nullptr));
  EXPECT_FALSE(results_equal(rows({"x"}, {{lit("a")}}), rows({"x"}, {{lit("a", "", "en")}}), false,
                             nullptr));
  EXPECT_FALSE(
      results_equal(rows({"x"}, {{lit("a")}}), rows({"x"}, {{std::nullopt}}), false, nullptr));
}

TEST(ResultsEqualTest, ReportsDifferentVariablesAndForms) {
  std::string diff;
  EXPECT_FALSE(results_equal(rows({"x"}, {}), rows({"y"}, {}), false, &diff));
  EXPECT_NE(diff.find("variables differ: actual {?x}, expected {?y}"), std::string::npos) << diff;
  diff.clear();
  EXPECT_FALSE(results_equal(rows({"x"}, {}), ask_fixture(true), false, &diff));
  EXPECT_EQ(diff, "actual is SELECT, expected ASK\n");
  EXPECT_TRUE(results_equal(ask_fixture(true), ask_fixture(true), false, nullptr));
  diff.clear();
  EXPECT_FALSE(results_equal(ask_fixture(true), ask_fixture(false), false, &diff));
  EXPECT_EQ(diff, "ASK answered true, expected false\n");
}

TEST(ResultsEqualTest, FindsOneBlankNodeMappingForTheWholeResult) {
  // _:a plays the role of _:y in both rows, _:b the role of _:x.
  const auto a = rows({"s", "o"}, {{b("a"), iri("1")}, {b("b"), iri("2")}, {b("a"), iri("2")}});
  const auto e = rows({"s", "o"}, {{b("x"), iri("2")}, {b("y"), iri("2")}, {b("y"), iri("1")}});
  EXPECT_TRUE(results_equal(a, e, false, nullptr));
}

TEST(ResultsEqualTest, RejectsAMappingThatOnlyWorksRowByRow) {
  // Each row alone matches, but actual uses one blank node twice where
  // expected uses two different ones.
  const auto a = rows({"s"}, {{b("a")}, {b("a")}});
  const auto e = rows({"s"}, {{b("x")}, {b("y")}});
  std::string diff;
  EXPECT_FALSE(results_equal(a, e, false, &diff));
  EXPECT_NE(diff.find("no one blank-node mapping"), std::string::npos) << diff;
  EXPECT_FALSE(results_equal(e, a, false, nullptr));
  const auto across_columns = rows({"s", "o"}, {{b("a"), b("a")}});
  EXPECT_FALSE(results_equal(across_columns, rows({"s", "o"}, {{b("x"), b("y")}}), false, nullptr));
  EXPECT_TRUE(results_equal(across_columns, rows({"s", "o"}, {{b("z"), b("z")}}), false, nullptr));
}

TEST(ResultsEqualTest, BacktracksOverWrongEarlyChoices) {
  // The first actual row could take either expected row; only one choice
  // lets the third row match.
  const auto a = rows({"s", "o"}, {{b("a"), lit("v")}, {b("b"), lit("v")}, {b("a"), lit("w")}});
  const auto e = rows({"s", "o"}, {{b("x"), lit("v")}, {b("y"), lit("v")}, {b("y"), lit("w")}});
  EXPECT_TRUE(results_equal(a, e, false, nullptr));
  EXPECT_FALSE(results_equal(a, e, true, nullptr));
}

TEST(ResultsEqualTest, MapsBlankNodesConsistentlyInOrderedResults) {
  const auto a = rows({"s"}, {{b("a")}, {b("b")}, {b("a")}});
  EXPECT_TRUE(results_equal(a, rows({"s"}, {{b("x")}, {b("y")}, {b("x")}}), true, nullptr));
  EXPECT_FALSE(results_equal(a, rows({"s"}, {{b("x")}, {b("y")}, {b("y")}}), true, nullptr));
}

TEST(ResultsEqualTest, HandlesManyIndependentBlankNodes) {
  QueryResult a = rows({"s", "n"}, {}), e = rows({"s", "n"}, {});
  for (int i = 0; i < 3000; ++i) {
    a.solutions.push_back({Term::blank("a" + std::to_string(i)), lit(std::to_string(i % 7))});
    e.solutions.push_back(
        {Term::blank("e" + std::to_string(2999 - i)), lit(std::to_string((2999 - i) % 7))});
  }
  EXPECT_TRUE(results_equal(a, e, false, nullptr));
  e.solutions.back()[1] = lit("x");
  EXPECT_FALSE(results_equal(a, e, false, nullptr));
}

TEST(ResultsEqualTest, ComparesGraphsUpToIsomorphism) {
  QueryResult a, e;
  a.form = e.form = QueryForm::Construct;
  a.triples = {{b("a"), iri("p"), b("b")}, {b("b"), iri("p"), lit("x")}};
  e.triples = {{b("m"), iri("p"), lit("x")}, {b("n"), iri("p"), b("m")}};
  EXPECT_TRUE(results_equal(a, e, false, nullptr));
  e.form = QueryForm::Describe;
  EXPECT_TRUE(results_equal(a, e, false, nullptr));
  e.triples[0].object = lit("y");
  std::string diff;
  EXPECT_FALSE(results_equal(a, e, false, &diff));
  EXPECT_FALSE(diff.empty());
}

TEST(ResultTextMatchesTest, ComparesTsvTermsExactly) {
  const auto one_double = rows({"o"}, {{lit("1.0E6", kXsd + "double")}});
  EXPECT_TRUE(result_text_matches(one_double, results::ResultFormat::Tsv, "?o\n1.0E6\n"));
  std::string diff;
  EXPECT_FALSE(result_text_matches(one_double, results::ResultFormat::Tsv, "?o\n1.0e6\n", &diff));
  EXPECT_NE(diff.find("1.0e6"), std::string::npos) << diff;
  EXPECT_FALSE(result_text_matches(one_double, results::ResultFormat::Tsv,
                                   "?o\n\"1.0E6\"^^<http://www.w3.org/2001/XMLSchema#float>\n"));
}

TEST(ResultTextMatchesTest, ComparesCsvTextExactly) {
  const auto one = rows({"o"}, {{lit("1.0E6", kXsd + "double")}});
  EXPECT_TRUE(result_text_matches(one, results::ResultFormat::Csv, "o\r\n1.0E6\r\n"));
  EXPECT_FALSE(result_text_matches(one, results::ResultFormat::Csv, "o\r\n1.0e6\r\n"));
}

}  // namespace
}  // namespace quiver::testing
