#include "store/sorted_table.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <random>

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

// The in-place path (runs of column 0 sorted one by one) on skewed data:
// one run of most rows (radix sorted through a run-sized buffer), many
// short ones (std::sort), empty values between them; triples and quads.
TEST(SortRowsTest, InPlaceRunsAgreeWithStdSortOnSkewedData) {
  std::mt19937 engine(11);
  auto rng = [&] { return static_cast<std::uint32_t>(engine()); };
  std::vector<Row<3>> triples(200000);
  for (auto& row : triples) row = {rng() % 10 == 0 ? rng() % 5000 : 42u, rng(), rng() % 7};
  auto want3 = triples;
  std::sort(want3.begin(), want3.end());
  sort_rows(triples);
  EXPECT_EQ(triples, want3);
  std::vector<Row<4>> quads(50000);
  for (auto& row : quads) row = {rng() % 3, rng() % 100, rng(), rng() % 2};
  auto want4 = quads;
  std::sort(want4.begin(), want4.end());
  sort_rows(quads);
  EXPECT_EQ(quads, want4);
}

TEST(SortedTableTest, RangesOverBoundPrefixes) {
  const SortedTable<3> pos({1, 2, 0}, {{1, 10, 100}, {2, 10, 100}, {2, 11, 101}, {3, 10, 101}});
  // Stored as (p, o, s).
  EXPECT_EQ(pos.rows()[0], (Row<3>{10, 100, 1}));
  EXPECT_EQ(pos.range(pos.permute({0, 10, 0}), 1).size(), 3u);
  EXPECT_EQ(pos.range(pos.permute({0, 10, 101}), 2).size(), 1u);
  EXPECT_EQ(pos.range(pos.permute({2, 11, 101}), 3).size(), 1u);
  EXPECT_EQ(pos.range(pos.permute({0, 12, 0}), 1).size(), 0u);
  EXPECT_EQ(pos.range({}, 0).size(), 4u);
}

}  // namespace
}  // namespace quiver::store
