#include "eval/join_index.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <random>
#include <vector>

namespace quiver::eval {
namespace {

// Row numbers whose key cell (slot 0) equals `key`, found the slow way.
std::vector<std::size_t> matching(const Table& table, TermId key) {
  std::vector<std::size_t> out;
  for (std::size_t r = 0; r < table.size(); ++r) {
    if (table.row(r)[0] == key) out.push_back(r);
  }
  return out;
}

// The candidates that really match (a hashed index may give more), for a
// probe row holding its key at slot `at`.
std::vector<std::size_t> found(JoinIndex& index, const Table& table, TermId key, Slot at = 0) {
  TermId probe[2] = {kAnyTerm, kAnyTerm};
  probe[at] = key;
  std::vector<std::size_t> out;
  const JoinIndex::Candidates c = index.candidates(probe);
  for (std::size_t i = 0; i < c.size(); ++i) {
    if (table.row(c[i])[0] == key) out.push_back(c[i]);
  }
  std::sort(out.begin(), out.end());
  return out;
}

// A table sorted on its key with runs of repeated keys and gaps.
Table sorted_table() {
  Table t(2);
  std::mt19937 rng(7);
  TermId key = 10;
  for (int i = 0; i < 5000; ++i) {
    key += rng() % 3;  // 0: the same key again
    const TermId row[2] = {key, static_cast<TermId>(i)};
    t.push(row);
  }
  return t;
}

TEST(JoinIndexTest, ASortedTableAnswersAscendingProbesExactly) {
  const Table table = sorted_table();
  JoinIndex index(table, {0});
  const TermId last = table.row(table.size() - 1)[0];
  for (TermId k = 0; k <= last + 5; ++k) {
    const TermId probe[2] = {k, kAnyTerm};
    const JoinIndex::Candidates c = index.candidates(probe);
    // Sorted: the candidates are exactly the run of the key, in order.
    std::vector<std::size_t> got;
    for (std::size_t i = 0; i < c.size(); ++i) got.push_back(c[i]);
    ASSERT_EQ(got, matching(table, k)) << k;
  }
}

TEST(JoinIndexTest, ProbesInAnyOrderFindTheSameRows) {
  const Table table = sorted_table();
  // Probes are rows of another layout: their key is at slot 1.
  JoinIndex index(table, {0}, {1});
  std::mt19937 rng(11);
  const TermId last = table.row(table.size() - 1)[0];
  // Repeated keys, small steps back, then random keys: the index goes on
  // from its cursor, searches behind it, and at last hashes instead.
  std::vector<TermId> probes{20, 20, 19, 25, 24, 24, 3000, 2, last, last + 1};
  for (int i = 0; i < 3000; ++i) probes.push_back(rng() % (last + 10));
  for (const TermId k : probes) ASSERT_EQ(found(index, table, k, 1), matching(table, k)) << k;
}

TEST(JoinIndexTest, AnUnsortedTableIsHashed) {
  Table table(2);
  std::mt19937 rng(3);
  for (int i = 0; i < 3000; ++i) {
    const TermId row[2] = {static_cast<TermId>(rng() % 700), static_cast<TermId>(i)};
    table.push(row);
  }
  JoinIndex index(table, {0}, {1});
  for (TermId k = 0; k < 710; ++k) ASSERT_EQ(found(index, table, k, 1), matching(table, k)) << k;
}

}  // namespace
}  // namespace quiver::eval
