#include "store/layered_index.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <random>
#include <set>
#include <thread>

#include "store/quad_cursors.hpp"

namespace quiver::store {
namespace {

const LayeredIndex<4>::Orders kOrders{{0, 1, 2, 3}, {3, 2, 0, 1}};

// Every row of table `t`, read back through the layers, in canonical layout.
std::vector<Row<4>> rows_of(const LayeredIndex<4>& index, std::size_t t) {
  std::vector<Row<4>> out;
  const SortedTable<4> order_only(index.order(t));
  for (LayeredRows<4> rows(index.range(t, {}, 0)); !rows.done(); rows.advance()) {
    out.push_back(order_only.canonical(rows.row()));
  }
  return out;
}

// Inserts and removals in batches of every size, small ones staying in the
// delta (once the base is large) and large ones folding it into the base,
// agree with a std::set.
TEST(LayeredIndexTest, InsertsAndRemovalsAgreeWithASetInEveryTable) {
  LayeredIndex<4> index(kOrders);
  std::set<Row<4>> want;
  std::mt19937 engine(11);
  auto rng = [&] { return static_cast<std::uint32_t>(engine()); };
  bool folded_once = false;
  bool delta_seen = false;
  for (const std::size_t batch : {10u, 0u, 70000u, 5u, 3000u, 3u, 40000u, 1u}) {
    for (const bool remove : {false, true}) {
      std::vector<Row<4>> rows;
      for (std::size_t i = 0; i < batch; ++i) {
        rows.push_back({rng() % 400, rng() % 5, rng() % 400, rng() % 4});
      }
      if (remove) {
        // A fifth of the removals name rows that are there.
        std::size_t k = 0;
        for (const Row<4>& r : want) {
          if (k++ % 3 == 0 && rows.size() < batch + batch / 4) rows.push_back(r);
        }
        for (const Row<4>& r : rows) want.erase(r);
        index = index.with_removed(rows);
      } else {
        want.insert(rows.begin(), rows.end());
        index = index.with_inserted(rows);
      }
      delta_seen = delta_seen || index.delta_size() > 0;
      folded_once = folded_once || (index.delta_size() == 0 && index.size() > 0);
      ASSERT_EQ(index.size(), want.size());
      const std::vector<Row<4>> canonical = rows_of(index, 0);
      ASSERT_TRUE(std::equal(canonical.begin(), canonical.end(), want.begin(), want.end()));
      std::vector<Row<4>> second = rows_of(index, 1);
      std::sort(second.begin(), second.end());
      ASSERT_EQ(second, canonical);
      for (const Row<4>& r : rows) ASSERT_EQ(index.contains(r), want.count(r) == 1);
    }
  }
  EXPECT_TRUE(delta_seen);
  EXPECT_TRUE(folded_once);
}

TEST(LayeredIndexTest, ACopyKeepsItsStateWhateverHappensToTheOriginal) {
  LayeredIndex<4> index(kOrders);
  index = index.with_inserted({{1, 1, 1, 1}, {2, 2, 2, 2}});
  const LayeredIndex<4> snapshot = index;
  index = index.with_removed({{1, 1, 1, 1}});
  index = index.with_inserted({{3, 3, 3, 3}});
  EXPECT_EQ(snapshot.size(), 2u);
  EXPECT_TRUE(snapshot.contains({1, 1, 1, 1}));
  EXPECT_FALSE(snapshot.contains({3, 3, 3, 3}));
  EXPECT_EQ(index.size(), 2u);
  EXPECT_FALSE(index.contains({1, 1, 1, 1}));
}

// A bulk load sorts only the canonical table; the others are sorted by the
// first reader that asks, once, however many ask at the same time (the
// ThreadSanitizer build runs this), and their counts come with them.
TEST(PermutationsTest, TheOtherTablesAreBuiltOnceByTheirFirstReaders) {
  std::mt19937 random(7);
  std::set<Row<4>> rows;
  while (rows.size() < 5000) {
    rows.insert({static_cast<std::uint32_t>(random() % 50),
                 static_cast<std::uint32_t>(random() % 7),
                 static_cast<std::uint32_t>(random() % 300), 1});
  }
  // The store's orders: SPOG first, then the P-led table the counts read.
  const Permutations<4>::Orders orders{{0, 1, 2, 3}, {1, 2, 0, 3}, {2, 0, 1, 3}};
  const Permutations<4> p(orders, std::vector<Row<4>>(rows.begin(), rows.end()));
  EXPECT_EQ(p.memory_usage(), rows.size() * sizeof(Row<4>));
  EXPECT_EQ(p.statistics().triples, rows.size());
  EXPECT_EQ(p.memory_usage(), rows.size() * sizeof(Row<4>)) << "counts without the other tables";

  std::vector<std::thread> readers;
  std::vector<std::size_t> sizes(4);
  for (std::size_t i = 0; i < sizes.size(); ++i) {
    readers.emplace_back([&, i] { sizes[i] = p.table(1 + i % 2).size(); });
  }
  for (auto& r : readers) r.join();
  for (const std::size_t n : sizes) EXPECT_EQ(n, rows.size());
  for (std::size_t t = 1; t < orders.size(); ++t) {
    const SortedTable<4> expected(orders[t], std::vector<Row<4>>(rows.begin(), rows.end()));
    EXPECT_TRUE(std::ranges::equal(p.table(t).rows(), expected.rows())) << t;
  }
  EXPECT_EQ(p.memory_usage(), 3 * rows.size() * sizeof(Row<4>));

  // Distinct objects of predicate 3, counted by hand.
  std::set<std::uint32_t> objects;
  for (const Row<4>& r : rows) {
    if (r[1] == 3) objects.insert(r[2]);
  }
  EXPECT_EQ(p.distinct_objects(3), objects.size());
  EXPECT_EQ(p.distinct_objects(99), 0u);
}

}  // namespace
}  // namespace quiver::store
