#include "store/sorted_table.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <random>
#include <set>

namespace quiver::store {
namespace {

TEST(SortRowsTest, RadixSortAgreesWithStdSort) {
  std::mt19937 engine(7);
  auto rng = [&] { return static_cast<std::uint32_t>(engine()); };
  for (const std::uint32_t range : {3u, 70000u, 0xFFFFFFFFu}) {
    std::vector<Row<3>> rows(100000);
    for (auto& row : rows) row = {rng() % range, rng() % range, rng() % range};
    auto want = rows;
    std::sort(want.begin(), want.end());
    sort_rows(rows);
    ASSERT_EQ(rows, want) << range;
  }
}

TEST(SortedTableTest, RangesOverBoundPrefixes) {
  SortedTable<3> pos({1, 2, 0});
  pos.insert({{1, 10, 100}, {2, 10, 100}, {2, 11, 101}, {3, 10, 101}});
  // Stored as (p, o, s).
  EXPECT_EQ(pos.rows()[0], (Row<3>{10, 100, 1}));
  EXPECT_EQ(pos.range(pos.permute({0, 10, 0}), 1).size(), 3u);
  EXPECT_EQ(pos.range(pos.permute({0, 10, 101}), 2).size(), 1u);
  EXPECT_EQ(pos.range(pos.permute({2, 11, 101}), 3).size(), 1u);
  EXPECT_EQ(pos.range(pos.permute({0, 12, 0}), 1).size(), 0u);
  EXPECT_EQ(pos.range({}, 0).size(), 4u);
}

TEST(IndexSetTest, IncrementalFlushesKeepEveryTableSortedAndDistinct) {
  IndexSet<4> set{{0, 1, 2, 3}, {3, 2, 0, 1}};
  std::set<Row<4>> want;
  std::mt19937 engine(11);
  auto rng = [&] { return static_cast<std::uint32_t>(engine()); };
  for (const std::size_t batch : {10u, 0u, 30000u, 5u, 20000u}) {
    for (std::size_t i = 0; i < batch; ++i) {
      const Row<4> row{rng() % 20, rng() % 5, rng() % 20, rng() % 4};
      set.add(row);
      want.insert(row);
    }
    const std::size_t before = set.size();
    EXPECT_EQ(set.flush(), want.size() - before);
    ASSERT_EQ(set.size(), want.size());
    const auto canonical = set.table(0).rows();
    ASSERT_TRUE(std::equal(canonical.begin(), canonical.end(), want.begin()));
    const auto gosp = set.table(1).rows();
    ASSERT_TRUE(std::is_sorted(gosp.begin(), gosp.end()));
    ASSERT_EQ(std::adjacent_find(gosp.begin(), gosp.end()), gosp.end());
  }
}

}  // namespace
}  // namespace quiver::store
