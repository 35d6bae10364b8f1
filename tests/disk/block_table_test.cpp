#include "disk/block_table.hpp"

#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <random>
#include <set>
#include <string>
#include <vector>

namespace quiver::disk {
namespace {

using Row3 = store::Row<3>;

class BlockTableTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() /
           ("quiver-block-table-" + std::to_string(::getpid()) + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::create_directories(dir_);
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }
  std::string path(const std::string& name) const { return (dir_ / name).string(); }

  static std::vector<Row3> random_rows(std::size_t n, unsigned seed) {
    std::mt19937 random(seed);
    std::set<Row3> rows;
    while (rows.size() < n) {
      // Few subjects and predicates, as in real data; some ids near 2^32.
      const std::uint32_t big = random() % 10 == 0 ? 0xFFFFFF00u : 0;
      rows.insert({static_cast<std::uint32_t>(random() % 400),
                   static_cast<std::uint32_t>(random() % 9),
                   big + static_cast<std::uint32_t>(random() % 5000)});
    }
    return {rows.begin(), rows.end()};
  }
  static std::vector<Row3> read(const BlockTable<3>& t, const Row3& key, std::size_t prefix) {
    std::vector<Row3> out;
    auto range = t.range(key, prefix);
    Row3 batch[7];  // small batches cross blocks mid-batch
    while (const std::size_t n = range.next(batch, 7)) out.insert(out.end(), batch, batch + n);
    EXPECT_EQ(range.error(), nullptr);
    return out;
  }

  std::filesystem::path dir_;
};

// Every prefix length, keys present and absent, ranges inside one block and
// across many, give what std::equal_range gives on the rows in memory.
TEST_F(BlockTableTest, RangesEqualThoseOfTheSortedRowsInMemory) {
  const std::vector<Row3> rows = random_rows(20000, 1);
  ASSERT_TRUE(write_block_table<3>(path("t"), rows).ok());
  auto table = BlockTable<3>::open(path("t"));
  ASSERT_TRUE(table.ok()) << table.error().to_string();
  EXPECT_EQ(table->size(), rows.size());
  EXPECT_EQ(read(*table, {}, 0), rows);
  EXPECT_TRUE(table->verify().ok());
  std::mt19937 random(2);
  for (int i = 0; i < 2000; ++i) {
    const std::size_t prefix = 1 + i % 3;
    Row3 key = rows[random() % rows.size()];
    if (i % 4 == 0) key[prefix - 1] += 1;  // often absent
    const auto [first, last] =
        std::equal_range(rows.begin(), rows.end(), key, store::PrefixLess<3>{prefix});
    EXPECT_EQ(read(*table, key, prefix), std::vector<Row3>(first, last)) << i;
  }
  // Keys beyond either end.
  EXPECT_TRUE(read(*table, {0xFFFFFFFFu, 0, 0}, 1).empty());
  EXPECT_EQ(read(*table, {0, 0, 0}, 1).size(),
            static_cast<std::size_t>(
                std::count_if(rows.begin(), rows.end(), [](const Row3& r) { return r[0] == 0; })));
}

// Reads go through a per-thread cache of decoded blocks and a hint of the
// last block found: ranges of two tables read in turn, probes in
// ascending order (the hint's case) and in random order, and a table
// replaced at the same path (a merge's new generation) all read their own
// rows.
TEST_F(BlockTableTest, CachedBlocksBelongToTheirOwnTable) {
  const std::vector<Row3> a = random_rows(20000, 5);
  const std::vector<Row3> b = random_rows(20000, 6);
  ASSERT_TRUE(write_block_table<3>(path("a"), a).ok());
  ASSERT_TRUE(write_block_table<3>(path("t"), b).ok());
  auto ta = BlockTable<3>::open(path("a"));
  auto tb = BlockTable<3>::open(path("t"));
  ASSERT_TRUE(ta.ok() && tb.ok());
  const auto expect = [](const std::vector<Row3>& rows, const Row3& key, std::size_t prefix) {
    const auto [first, last] =
        std::equal_range(rows.begin(), rows.end(), key, store::PrefixLess<3>{prefix});
    return std::vector<Row3>(first, last);
  };
  for (std::size_t i = 0; i < a.size(); i += 3) {
    Row3 key = a[i];
    if (i % 2 == 0) key[2] += 1;  // absent as often as present
    EXPECT_EQ(read(*ta, key, 3), expect(a, key, 3)) << i;
    EXPECT_EQ(read(*tb, key, 3), expect(b, key, 3)) << i;
    EXPECT_EQ(read(*ta, key, 1), expect(a, key, 1)) << i;
  }
  std::mt19937 random(7);
  for (int i = 0; i < 2000; ++i) {
    const Row3 key = b[random() % b.size()];
    EXPECT_EQ(read(*tb, key, 2), expect(b, key, 2)) << i;
    EXPECT_EQ(ta->count(key, 2), expect(a, key, 2).size()) << i;
  }
  // Two ranges read in turn, a few rows at a time, over blocks that share
  // cache slots: each takes the other's slot, and must go on where it was.
  {
    auto ra = ta->range({}, 0);
    auto rb = tb->range({}, 0);
    std::vector<Row3> got_a, got_b;
    Row3 batch[3];
    for (bool more = true; more;) {
      const std::size_t na = ra.next(batch, 3);
      got_a.insert(got_a.end(), batch, batch + na);
      const std::size_t nb = rb.next(batch, 3);
      got_b.insert(got_b.end(), batch, batch + nb);
      more = na > 0 || nb > 0;
    }
    EXPECT_EQ(ra.error(), nullptr);
    EXPECT_EQ(got_a, a);
    EXPECT_EQ(got_b, b);
  }
  // The same path, other rows: nothing cached for the old file is read.
  EXPECT_EQ(read(*tb, {}, 0), b);
  tb = BlockTable<3>::open(path("a"));  // keeps the cache warm with a's blocks
  ASSERT_TRUE(write_block_table<3>(path("t"), a).ok());
  auto replaced = BlockTable<3>::open(path("t"));
  ASSERT_TRUE(replaced.ok());
  EXPECT_EQ(read(*replaced, {}, 0), a);
  EXPECT_EQ(read(*replaced, b[100], 3), expect(a, b[100], 3));
}

// count() decodes two blocks at most, yet says what a range read says,
// also where a prefix is all ones (no next prefix to bound it).
TEST_F(BlockTableTest, CountsEqualTheRangesLengths) {
  std::vector<Row3> rows = random_rows(20000, 3);
  for (std::uint32_t o = 0; o < 300; ++o) rows.push_back({0xFFFFFFFFu, 0xFFFFFFFFu, o});
  std::sort(rows.begin(), rows.end());
  rows.erase(std::unique(rows.begin(), rows.end()), rows.end());
  ASSERT_TRUE(write_block_table<3>(path("t"), rows).ok());
  auto table = BlockTable<3>::open(path("t"));
  ASSERT_TRUE(table.ok());
  std::mt19937 random(4);
  for (int i = 0; i < 3000; ++i) {
    const std::size_t prefix = i % 4;
    Row3 key = rows[random() % rows.size()];
    if (i % 5 == 0 && prefix > 0) key[prefix - 1] += 1;
    const auto [first, last] =
        std::equal_range(rows.begin(), rows.end(), key, store::PrefixLess<3>{prefix});
    EXPECT_EQ(table->count(key, prefix), static_cast<std::uint64_t>(last - first)) << i;
    EXPECT_EQ(table->contains(key), std::binary_search(rows.begin(), rows.end(), key)) << i;
  }
  EXPECT_EQ(table->count({0xFFFFFFFFu, 0, 0}, 1), 300u);
  EXPECT_EQ(table->count({0xFFFFFFFFu, 0xFFFFFFFFu, 0}, 2), 300u);
}

// A table of many megabytes goes through the writer's buffer many times;
// what comes back is what went in.
TEST_F(BlockTableTest, LargeTablesAreWrittenInBoundedBuffers) {
  std::vector<store::Row<4>> rows;
  for (std::uint32_t i = 0; i < 400000; ++i) {
    rows.push_back({i / 7, 0x10000000u + i % 7, 0xF0000000u + i * 3, i % 5});
  }
  ASSERT_TRUE(write_block_table<4>(path("big"), rows).ok());
  auto table = BlockTable<4>::open(path("big"));
  ASSERT_TRUE(table.ok());
  EXPECT_GT(std::filesystem::file_size(path("big")), std::uintmax_t{2} << 20);
  EXPECT_TRUE(table->verify().ok());
  std::vector<store::Row<4>> back;
  auto range = table->range({}, 0);
  store::Row<4> batch[100];
  while (const std::size_t n = range.next(batch, 100)) back.insert(back.end(), batch, batch + n);
  EXPECT_EQ(back, rows);
  EXPECT_FALSE(std::filesystem::exists(path("big") + ".tmp"));
}

// A writer dropped before finish() leaves nothing: no table, no temporary.
TEST_F(BlockTableTest, AnUnfinishedWriterLeavesNoFile) {
  {
    auto writer = BlockTableWriter<3>::create(path("t"));
    ASSERT_TRUE(writer.ok());
    ASSERT_TRUE(writer->add({1, 2, 3}).ok());
    EXPECT_FALSE(writer->add({1, 2, 3}).ok());
  }
  EXPECT_FALSE(std::filesystem::exists(path("t")));
  EXPECT_FALSE(std::filesystem::exists(path("t") + ".tmp"));
}

TEST_F(BlockTableTest, EmptyAndSingleRowTables) {
  ASSERT_TRUE(write_block_table<3>(path("empty"), std::vector<Row3>{}).ok());
  auto empty = BlockTable<3>::open(path("empty"));
  ASSERT_TRUE(empty.ok());
  EXPECT_EQ(empty->size(), 0u);
  EXPECT_TRUE(read(*empty, {}, 0).empty());
  EXPECT_TRUE(empty->verify().ok());
  const std::vector<store::Row<4>> one{{1, 2, 3, 4}};
  ASSERT_TRUE(write_block_table<4>(path("one"), one).ok());
  auto single = BlockTable<4>::open(path("one"));
  ASSERT_TRUE(single.ok());
  store::Row<4> row{};
  auto range = single->range({1, 2, 0, 0}, 2);
  EXPECT_EQ(range.next(&row, 1), 1u);
  EXPECT_EQ(row, one[0]);
  EXPECT_EQ(range.next(&row, 1), 0u);
}

TEST_F(BlockTableTest, UnsortedRowsAreRefusedAsTheCallersError) {
  const std::vector<Row3> rows{{2, 0, 0}, {1, 0, 0}};
  const Status st = write_block_table<3>(path("t"), rows);
  ASSERT_FALSE(st.ok());
  EXPECT_EQ(st.error().kind, ErrorKind::Internal);
  // Also where a block starts (row 128, a multiple of the block size), which
  // the index alone would not catch.
  std::vector<Row3> across;
  for (std::uint32_t i = 0; i < 130; ++i) across.push_back({i, 0, 0});
  across[128] = across[127];
  const Status boundary = write_block_table<3>(path("u"), across);
  ASSERT_FALSE(boundary.ok());
  EXPECT_EQ(boundary.error().kind, ErrorKind::Internal);
  EXPECT_FALSE(std::filesystem::exists(path("u")));
}

// Reading the files: varints past 64 bits and paths that are no regular
// file (a FIFO would block a plain open) are errors.
TEST_F(BlockTableTest, OverlongVarintsAndFifosAreRefused) {
  const unsigned char overlong[] = {0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x02};
  const unsigned char* p = overlong;
  std::uint64_t v = 0;
  EXPECT_FALSE(get_varint(p, overlong + sizeof overlong, v));
  const unsigned char largest[] = {0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x01};
  p = largest;
  ASSERT_TRUE(get_varint(p, largest + sizeof largest, v));
  EXPECT_EQ(v, ~std::uint64_t{0});
  ASSERT_EQ(::mkfifo(path("fifo").c_str(), 0600), 0);
  auto fifo = BlockTable<3>::open(path("fifo"));
  ASSERT_FALSE(fifo.ok());
  EXPECT_EQ(fifo.error().kind, ErrorKind::Corrupt);
}

// A damaged file is an error, never a crash: every single-byte change and
// every truncation is caught by open, by a range's decode, or by verify
// (the sanitizer builds run this too).
TEST_F(BlockTableTest, DamagedFilesGiveErrorsNeverCrashes) {
  const std::vector<Row3> rows = random_rows(600, 3);
  ASSERT_TRUE(write_block_table<3>(path("t"), rows).ok());
  std::ifstream in(path("t"), std::ios::binary);
  const std::string good((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  const auto rewrite = [&](const std::string& bytes) {
    std::ofstream out(path("bad"), std::ios::binary | std::ios::trunc);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  };
  std::size_t caught = 0, cases = 0;
  const auto attempt = [&](const std::string& bytes) {
    rewrite(bytes);
    ++cases;
    auto t = BlockTable<3>::open(path("bad"));
    if (!t.ok()) {
      EXPECT_TRUE(t.error().kind == ErrorKind::Corrupt || t.error().kind == ErrorKind::Unsupported)
          << t.error().to_string();
      ++caught;
      return;
    }
    if (!t->verify().ok()) {
      ++caught;
    } else {
      ADD_FAILURE() << "undetected damage, " << bytes.size() << " bytes";
    }
    // A range over the damage must not crash, whatever it returns.
    auto range = t->range(rows[rows.size() / 2], 1);
    Row3 batch[64];
    while (range.next(batch, 64) > 0) {
    }
  };
  for (std::size_t i = 0; i < good.size(); i += 3) {
    SCOPED_TRACE(i);
    std::string bytes = good;
    bytes[i] = static_cast<char>(bytes[i] ^ 0x5A);
    attempt(bytes);
  }
  for (const std::size_t keep : {0ul, 10ul, 40ul, good.size() / 2, good.size() - 1}) {
    attempt(good.substr(0, keep));
  }
  EXPECT_EQ(caught, cases);
  auto missing = BlockTable<3>::open(path("nosuch"));
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.error().kind, ErrorKind::Io);
}

// The format is fixed: tables written by an independent writer (the fuzz
// seeds, made by a Python script from the layout in block_table.hpp) open,
// verify and read back; a change of layout must change kBlockFormat.
TEST_F(BlockTableTest, FilesOfTheDocumentedLayoutReadBack) {
  const std::string seeds = std::string(QUIVER_SOURCE_DIR) + "/tests/fuzz/seeds/disk_files/";
  for (const auto& [name, rows] :
       {std::pair{"empty", 0u}, {"one-row", 1u}, {"three-blocks", 300u}}) {
    auto t = BlockTable<3>::open(seeds + name);
    ASSERT_TRUE(t.ok()) << name << ": " << t.error().to_string();
    EXPECT_TRUE(t->verify().ok()) << name;
    EXPECT_EQ(read(*t, {}, 0).size(), t->size()) << name;
    EXPECT_LE(t->size(), rows) << name;  // duplicates were dropped by the script's set
  }
  auto one = BlockTable<3>::open(seeds + "one-row");
  ASSERT_TRUE(one.ok());
  EXPECT_EQ(read(*one, {}, 0), (std::vector<Row3>{{1, 2, 3}}));
}

}  // namespace
}  // namespace quiver::disk
