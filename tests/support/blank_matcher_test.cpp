#include "support/blank_matcher.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace quiver::testing {
namespace {

Term b(const char* label) { return Term::blank(label); }
Term i(const char* local) { return Term::iri(std::string("http://e/") + local); }

TEST(BlankMatcherTest, MapsBlankNodesOneToOneAndRollsBack) {
  BlankMatcher matcher;
  EXPECT_TRUE(matcher.try_match({b("x"), i("p")}, {b("y"), i("p")}));
  const std::size_t mark = matcher.mark();
  EXPECT_FALSE(matcher.try_match({b("x")}, {b("z")}));  // x is already y
  EXPECT_FALSE(matcher.try_match({b("w")}, {b("y")}));  // y is already x's
  EXPECT_TRUE(matcher.try_match({b("w")}, {b("z")}));
  matcher.undo(mark);
  EXPECT_TRUE(matcher.try_match({b("v")}, {b("z")}));   // z is free again
  EXPECT_FALSE(matcher.try_match({b("u")}, {b("y")}));  // x -> y came before the mark
  EXPECT_TRUE(matcher.try_match({b("x"), std::nullopt}, {b("y"), std::nullopt}));
  EXPECT_FALSE(matcher.try_match({i("p")}, {std::nullopt}));
  EXPECT_FALSE(matcher.try_match({i("p")}, {i("q")}));
}

TEST(BlankMatcherTest, FindsOneMappingForAllRows) {
  const std::vector<Row> actual = {{b("a"), i("1")}, {b("a"), i("2")}, {b("c"), i("1")}};
  const std::vector<Row> same = {{b("y"), i("1")}, {b("x"), i("1")}, {b("x"), i("2")}};
  const std::vector<Row> split = {{b("x"), i("1")}, {b("y"), i("2")}, {b("z"), i("1")}};
  EXPECT_EQ(match_blank_rows(actual, same), MatchOutcome::Matched);
  EXPECT_EQ(match_blank_rows(actual, split), MatchOutcome::NoMatch);
  EXPECT_EQ(match_blank_rows(actual, {same[0]}), MatchOutcome::NoMatch);
  EXPECT_TRUE(has_blank(actual[0]));
  EXPECT_FALSE(has_blank({i("1"), std::nullopt}));
}

TEST(BlankMatcherTest, GivesUpAtTheLimitRatherThanAnswerWrongly) {
  // Six rows of one shape, no consistent mapping: every assignment is tried.
  std::vector<Row> actual, expected;
  for (const char* label : {"a", "b", "c", "d", "e", "f"}) actual.push_back({b(label), b("hub")});
  for (const char* label : {"a", "b", "c", "d", "e", "f"}) expected.push_back({b(label), b(label)});
  EXPECT_EQ(match_blank_rows(actual, expected, 3), MatchOutcome::GaveUp);
  EXPECT_EQ(match_blank_rows(actual, expected), MatchOutcome::NoMatch);
}

}  // namespace
}  // namespace quiver::testing
