#include "eval/row_set.hpp"

#include <gtest/gtest.h>

#include <random>
#include <set>
#include <vector>

namespace quiver::eval {
namespace {

TEST(RowSetTest, AgreesWithAStdSetThroughManyGrowths) {
  RowSet set(2);
  std::set<std::vector<TermId>> want;
  std::mt19937 rng(5);
  for (int i = 0; i < 200000; ++i) {
    const std::vector<TermId> row{rng() % 500, rng() % 300};
    ASSERT_EQ(set.insert(row.data()), want.insert(row).second) << i;
  }
  EXPECT_EQ(set.size(), want.size());
  set.clear();
  EXPECT_EQ(set.size(), 0u);
  const TermId row[2] = {1, 2};
  EXPECT_TRUE(set.insert(row));
  EXPECT_FALSE(set.insert(row));
}

TEST(RowSetTest, UnboundCellsAreValuesLikeAnyOther) {
  RowSet set(3);
  const TermId a[3] = {kAnyTerm, 5, kAnyTerm};
  const TermId b[3] = {kAnyTerm, 5, 6};
  EXPECT_TRUE(set.insert(a));
  EXPECT_TRUE(set.insert(b));
  EXPECT_FALSE(set.insert(a));
}

}  // namespace
}  // namespace quiver::eval
