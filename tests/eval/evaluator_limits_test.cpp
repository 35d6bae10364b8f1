// What stops a query that would take the machine (issue 16): a regular
// expression that backtracks without end, strings that double with every
// call, computed values that pile up. Each stops the query with a clear
// error, never with an error value that silently drops rows.
#include <gtest/gtest.h>

#include <string>

#include "evaluator_test_util.hpp"
#include "functions/registry.hpp"
#include "functions/value.hpp"

namespace quiver::eval::testing {
namespace {

const char* kRuns = R"(
ex:a ex:v "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaac" .
ex:b ex:v "ab" .
)";

TEST(EvaluatorLimitsTest, ARegexThatBacktracksWithoutEndStopsTheQuery) {
  TestDataset data(kRuns);
  auto r = run(data, R"(SELECT ?s WHERE { ?s ex:v ?v FILTER(REGEX(?v, "^(a|aa)+$")) })");
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().kind, ErrorKind::Limit);
  EXPECT_NE(r.error().message.find("backtracks too much"), std::string::npos) << r.error().message;
  auto replace = run(data, R"(SELECT (REPLACE(?v, "^(a|aa)+$", "x") AS ?r) WHERE { ?s ex:v ?v })");
  ASSERT_FALSE(replace);
  EXPECT_EQ(replace.error().kind, ErrorKind::Limit);
  // The same pattern where it answers quickly still answers.
  auto fine = run(
      data,
      R"(SELECT ?s WHERE { ?s ex:v ?v FILTER(STRLEN(?v) < 5) FILTER(REGEX(?v, "^(a|aa)+b$")) })");
  EXPECT_EQ(rows(fine), (Rows{"s=<http://example.org/b>"}));
}

TEST(EvaluatorLimitsTest, ARegexPastTheDeadlineStopsTheQueryAsATimeout) {
  functions::FunctionContext ctx;
  ctx.deadline = std::chrono::steady_clock::now() - std::chrono::seconds(1);
  const Term subject = Term::literal("abc");
  const Term pattern = Term::literal("b");
  const Term args[] = {subject, pattern};
  const auto v = functions::call_builtin(functions::Function::Regex, functions::Args(args, 2), ctx);
  EXPECT_FALSE(v.has_value());
  ASSERT_TRUE(ctx.fatal.has_value());
  EXPECT_EQ(ctx.fatal->kind, ErrorKind::Timeout);
}

TEST(EvaluatorLimitsTest, AStringDoubledByEveryCallStopsAt64MiB) {
  TestDataset data(kRuns);
  std::string query = "SELECT (STRLEN(?a28) AS ?n) WHERE { ?s ex:v ?a0 ";
  for (int i = 1; i <= 28; ++i) {
    query += "BIND(CONCAT(?a" + std::to_string(i - 1) + ", ?a" + std::to_string(i - 1) + ") AS ?a" +
             std::to_string(i) + ") ";
  }
  query += "}";
  auto r = run(data, query);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().kind, ErrorKind::Limit);
  EXPECT_NE(r.error().message.find("64 MiB"), std::string::npos) << r.error().message;
  // REPLACE doubling the whole string: the same limit holds.
  std::string doubling = "SELECT ?e WHERE { BIND(\"abcd\" AS ?e0) ";
  for (int i = 1; i <= 30; ++i) {
    doubling += "BIND(REPLACE(?e" + std::to_string(i - 1) + ", \"^(.+)$\", \"$1$1\") AS ?e" +
                std::to_string(i) + ") ";
  }
  doubling += "BIND(?e30 AS ?e) }";
  auto e = run(data, doubling);
  ASSERT_FALSE(e);
  EXPECT_EQ(e.error().kind, ErrorKind::Limit);
}

TEST(EvaluatorLimitsTest, ComputedValuesPastTheBudgetStopTheQuery) {
  std::string trig;
  for (int i = 0; i < 2000; ++i)
    trig += "ex:s" + std::to_string(i) + " ex:v " + std::to_string(i) + " .\n";
  TestDataset data(trig);
  EvalOptions options;
  options.max_computed_bytes = 256 << 10;
  auto r = run(data,
               "SELECT ?x WHERE { ?s ex:v ?v BIND(CONCAT(STR(?v), "
               "\"-0123456789012345678901234567890123456789\") AS ?x) }",
               options);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().kind, ErrorKind::Limit);
  EXPECT_NE(r.error().message.find("computed values"), std::string::npos) << r.error().message;
  // Under the default budget the same query answers.
  EXPECT_EQ(rows(run(data,
                     "SELECT ?x WHERE { ?s ex:v ?v BIND(CONCAT(STR(?v), "
                     "\"-0123456789012345678901234567890123456789\") AS ?x) }"))
                .size(),
            2000u);
}

}  // namespace
}  // namespace quiver::eval::testing
