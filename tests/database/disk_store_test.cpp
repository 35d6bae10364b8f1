// The on-disk store against the in-memory one: the same changes give the
// same answers to every pattern, after commits, after reopening (the log
// replayed) and after merges.
#include "database/disk_store.hpp"

#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <random>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "database/bulk_loader.hpp"
#include "database/manifest.hpp"
#include "store/memory_store.hpp"
#include "store/quad_cursors.hpp"
#include "terms/term_writer.hpp"

namespace quiver::database {
namespace {

std::string text_of(const Dataset& d, TermId id) {
  if (id == kDefaultGraph) return "DEFAULT";
  const TermRef t = d.term(id);
  return std::to_string(static_cast<int>(t.kind)) + "|" + std::string(t.value) + "|" +
         std::string(t.datatype) + "|" + std::string(t.language);
}

std::vector<QuadIds> matches(const Dataset& d, const QuadIds& pattern) {
  std::vector<QuadIds> out;
  auto cursor = d.match(pattern);
  QuadIds batch[7];
  while (const std::size_t n = cursor->next(batch, 7)) out.insert(out.end(), batch, batch + n);
  return out;
}

// Every match as text, sorted: ids differ between stores, terms do not.
std::vector<std::string> as_text(const Dataset& d, const QuadIds& pattern) {
  std::vector<std::string> out;
  for (const QuadIds& q : matches(d, pattern)) {
    out.push_back(text_of(d, q.subject) + " " + text_of(d, q.predicate) + " " +
                  text_of(d, q.object) + " " + text_of(d, q.graph));
  }
  std::sort(out.begin(), out.end());
  return out;
}

// The order match() promises (store::Version::match_order) holds.
bool in_order(const std::vector<QuadIds>& rows, const QuadIds& pattern) {
  const auto order = store::Version::match_order(pattern);
  const auto key = [&](const QuadIds& q) {
    const TermId by_position[4] = {q.subject, q.predicate, q.object, q.graph};
    std::array<TermId, 4> k;
    for (int i = 0; i < 4; ++i) k[i] = by_position[order[i]];
    return k;
  };
  for (std::size_t i = 1; i < rows.size(); ++i) {
    if (!(key(rows[i - 1]) < key(rows[i]))) return false;
  }
  return true;
}

class DiskStoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() /
           ("quiver-disk-store-" + std::to_string(::getpid()) + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::remove_all(dir_);
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  std::unique_ptr<DiskStore> open(OpenOptions options = {true, true}) {
    auto store = DiskStore::open(dir_.string(), options);
    EXPECT_TRUE(store.ok()) << store.error().to_string();
    return store.ok() ? std::move(*store) : nullptr;
  }

  // A term of a small random vocabulary, so that patterns often match.
  static Term random_term(std::mt19937& random, int position) {
    const unsigned r = random() % 40;
    if (position == 1) return Term::iri("http://example.org/p" + std::to_string(r % 6));
    if (position == 2 && r % 3 == 0) return Term::literal("v" + std::to_string(r), "", "en");
    if (position == 2 && r % 3 == 1) {
      return Term::literal(std::to_string(r), "http://www.w3.org/2001/XMLSchema#integer");
    }
    if (r % 7 == 0) return Term::blank("b" + std::to_string(r));
    return Term::iri("http://example.org/s" + std::to_string(r));
  }
  static Term random_graph(std::mt19937& random) {
    const unsigned r = random() % 4;
    return r == 0 ? Term() : Term::iri("http://example.org/g" + std::to_string(r));
  }

  // Applies the same random transaction to both stores.
  static void random_transaction(std::mt19937& random, Store& a, Store& b, int size) {
    auto ta = a.begin();
    auto tb = b.begin();
    ASSERT_TRUE(ta.ok() && tb.ok());
    for (int i = 0; i < size; ++i) {
      const Term s = random_term(random, 0), p = random_term(random, 1), o = random_term(random, 2),
                 g = random_graph(random);
      const QuadRef q{s.ref(), p.ref(), o.ref(), g.ref()};
      const unsigned what = random() % 100;
      for (Transaction* t : {ta->get(), tb->get()}) {
        if (what < 60) {
          ASSERT_TRUE(t->insert(q).ok());
        } else if (what < 95) {
          QuadIds ids{t->find_id(q.subject), t->find_id(q.predicate), t->find_id(q.object),
                      g.is_none() ? kDefaultGraph : t->find_id(q.graph)};
          if (ids.subject && ids.predicate && ids.object && ids.graph) {
            ASSERT_TRUE(t->remove(ids).ok());
          }
        } else if (what < 97 && !g.is_none()) {
          auto id = t->intern(q.graph);
          ASSERT_TRUE(id.ok());
          ASSERT_TRUE(t->create_graph(*id).ok());
        } else if (what < 98) {
          const TermId id = g.is_none() ? kDefaultGraph : t->find_id(q.graph);
          if (id != kAnyTerm) {
            ASSERT_TRUE(t->clear_graph(id).ok());
          }
        } else if (!g.is_none()) {
          const TermId id = t->find_id(q.graph);
          if (id != kAnyTerm) {
            ASSERT_TRUE(t->drop_graph(id).ok());
          }
        }
      }
    }
    ASSERT_TRUE((*ta)->commit().ok());
    ASSERT_TRUE((*tb)->commit().ok());
  }

  // Every pattern shape over terms of both stores gives the same matches,
  // in the promised order, and count() agrees.
  static void expect_same(const Dataset& memory, const Dataset& disk, unsigned seed) {
    ASSERT_EQ(memory.size(), disk.size());
    std::vector<std::string> mg, dg;
    for (TermId g : memory.graph_names()) mg.push_back(text_of(memory, g));
    for (TermId g : disk.graph_names()) dg.push_back(text_of(disk, g));
    std::sort(mg.begin(), mg.end());
    std::sort(dg.begin(), dg.end());
    ASSERT_EQ(mg, dg);
    std::mt19937 random(seed);
    for (int i = 0; i < 300; ++i) {
      const Term s = random_term(random, 0), p = random_term(random, 1), o = random_term(random, 2),
                 g = random_graph(random);
      const unsigned shape = random() % 8;
      const unsigned graph_shape = random() % 4;
      const auto pattern_in = [&](const Dataset& d) {
        QuadIds q{kAnyTerm, kAnyTerm, kAnyTerm, kAnyTerm};
        if (shape & 1) q.subject = d.find_id(s.ref());
        if (shape & 2) q.predicate = d.find_id(p.ref());
        if (shape & 4) q.object = d.find_id(o.ref());
        if (graph_shape == 1) q.graph = kDefaultGraph;
        if (graph_shape == 2) q.graph = kAnyNamedGraph;
        if (graph_shape == 3) q.graph = g.is_none() ? kDefaultGraph : d.find_id(g.ref());
        return q;
      };
      const QuadIds pm = pattern_in(memory), pd = pattern_in(disk);
      // A term one store lacks: both must match nothing (kAnyTerm would
      // widen the pattern, so skip those).
      const bool unknown_m = ((shape & 1) && !pm.subject) || ((shape & 2) && !pm.predicate) ||
                             ((shape & 4) && !pm.object) || (graph_shape == 3 && !pm.graph);
      const bool unknown_d = ((shape & 1) && !pd.subject) || ((shape & 2) && !pd.predicate) ||
                             ((shape & 4) && !pd.object) || (graph_shape == 3 && !pd.graph);
      if (unknown_m || unknown_d) continue;
      const auto rows = matches(disk, pd);
      EXPECT_TRUE(in_order(rows, pd)) << i;
      EXPECT_EQ(as_text(memory, pm), as_text(disk, pd)) << i;
      EXPECT_EQ(disk.count(pd), rows.size()) << i;
      EXPECT_EQ(disk.stats(pd).matches, static_cast<double>(rows.size())) << i;
      // contains(), each store's lookup without a cursor: a quad matched
      // is there, and a quad made of its terms in other places is there
      // exactly when a match finds it.
      for (const Dataset* d : {&memory, &disk}) {
        const auto found = matches(*d, d == &memory ? pm : pd);
        if (found.empty()) continue;
        const QuadIds& q = found[random() % found.size()];
        EXPECT_TRUE(d->contains(q)) << i;
        const QuadIds swapped{q.object, q.predicate, q.subject, q.graph};
        EXPECT_EQ(d->contains(swapped), !matches(*d, swapped).empty()) << i;
      }
    }
  }

  std::filesystem::path dir_;
};

TEST_F(DiskStoreTest, ANewDatabaseIsEmptyAndReopens) {
  {
    auto store = open();
    ASSERT_TRUE(store);
    EXPECT_EQ(store->current()->size(), 0u);
    EXPECT_TRUE(store->check().ok());
  }
  EXPECT_TRUE(std::filesystem::exists(dir_ / "MANIFEST"));
  auto again = open({});
  ASSERT_TRUE(again);
  EXPECT_EQ(again->current()->size(), 0u);
  EXPECT_FALSE(again->begin().ok()) << "opened read-only";
}

// Random transactions on both stores: equal after each, after reopening
// (the log replayed), after a merge and after reopening that.
TEST_F(DiskStoreTest, AgreesWithTheMemoryStoreThroughCommitsReopensAndMerges) {
  store::MemoryStore memory;
  std::mt19937 random(7);
  OpenOptions options{true, true};
  options.merge_rows = 1 << 30;  // merges only when asked, below
  auto disk = open(options);
  ASSERT_TRUE(disk);
  for (int round = 0; round < 12; ++round) {
    random_transaction(random, memory, *disk, 150);
    expect_same(*memory.snapshot(), *disk->snapshot(), 100 + round);
    if (round % 4 == 1) {
      disk.reset();
      disk = open(options);
      ASSERT_TRUE(disk);
      expect_same(*memory.snapshot(), *disk->snapshot(), 200 + round);
    }
    if (round % 4 == 3) {
      ASSERT_TRUE(disk->merge().ok());
      EXPECT_EQ(disk->current()->delta_size(), 0u);
      EXPECT_TRUE(disk->check().ok());
      expect_same(*memory.snapshot(), *disk->snapshot(), 300 + round);
    }
  }
  const DatabaseInfo info = disk->info();
  EXPECT_GE(info.generation, 4u);
  disk.reset();
  disk = open(options);
  expect_same(*memory.snapshot(), *disk->snapshot(), 999);
  EXPECT_TRUE(disk->check().ok());
}

TEST_F(DiskStoreTest, ASecondWriterIsRefusedAndReadersAreNot) {
  auto writer = open();
  ASSERT_TRUE(writer);
  auto second = DiskStore::open(dir_.string(), {true, true});
  ASSERT_FALSE(second.ok());
  EXPECT_EQ(second.error().kind, ErrorKind::Conflict);
  EXPECT_NE(second.error().message.find("--wait"), std::string::npos);
  EXPECT_TRUE(DiskStore::open(dir_.string(), {}).ok());
}

TEST_F(DiskStoreTest, FoldersThatAreNotDatabasesAreRefusedUnchanged) {
  std::filesystem::create_directories(dir_);
  std::ofstream(dir_ / "notes.txt") << "mine";
  auto other = DiskStore::open(dir_.string(), {true, true});
  ASSERT_FALSE(other.ok());
  EXPECT_NE(other.error().message.find("not a Quiver database"), std::string::npos);
  EXPECT_EQ(std::distance(std::filesystem::directory_iterator(dir_), {}), 1);
  auto missing = DiskStore::open((dir_ / "nothing").string(), {});
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.error().kind, ErrorKind::NotFound);
}

TEST_F(DiskStoreTest, ALaterFormatIsRefusedUnchanged) {
  ASSERT_TRUE(open());
  std::ofstream(dir_ / "MANIFEST") << "quiver database\nformat 9\ngeneration 1\n";
  auto later = DiskStore::open(dir_.string(), {true, true});
  ASSERT_FALSE(later.ok());
  EXPECT_EQ(later.error().kind, ErrorKind::Unsupported);
  EXPECT_NE(later.error().message.find("format 9"), std::string::npos);
  std::ifstream in(dir_ / "MANIFEST");
  std::string all((std::istreambuf_iterator<char>(in)), {});
  EXPECT_EQ(all, "quiver database\nformat 9\ngeneration 1\n");
}

TEST_F(DiskStoreTest, AnEarlierFormatIsRefusedUnchanged) {
  ASSERT_TRUE(open());
  std::ofstream(dir_ / "MANIFEST") << "quiver database\nformat 1\ngeneration 1\n";
  auto earlier = DiskStore::open(dir_.string(), {true, true});
  ASSERT_FALSE(earlier.ok());
  EXPECT_EQ(earlier.error().kind, ErrorKind::Unsupported);
  EXPECT_NE(earlier.error().message.find("format 1, written by an earlier Quiver"),
            std::string::npos);
  std::ifstream in(dir_ / "MANIFEST");
  std::string all((std::istreambuf_iterator<char>(in)), {});
  EXPECT_EQ(all, "quiver database\nformat 1\ngeneration 1\n");
}

// A crash while a record was appended leaves its start: the commits
// before it are read, the rest is cut off by the next writer.
TEST_F(DiskStoreTest, AnIncompleteLastLogRecordIsDropped) {
  {
    auto store = open();
    ASSERT_TRUE(store);
    for (int i = 0; i < 3; ++i) {
      auto t = store->begin();
      ASSERT_TRUE(t.ok());
      const Term s = Term::iri("http://example.org/s" + std::to_string(i));
      ASSERT_TRUE((*t)->insert(QuadRef{s.ref(), s.ref(), s.ref(), {}}).ok());
      ASSERT_TRUE((*t)->commit().ok());
    }
  }
  const auto wal = dir_ / "1.wal";
  const auto size = std::filesystem::file_size(wal);
  std::filesystem::resize_file(wal, size - 3);
  auto store = open();
  ASSERT_TRUE(store);
  EXPECT_EQ(store->current()->size(), 2u);
  EXPECT_LT(std::filesystem::file_size(wal), size - 3);
  // A damaged record with another after it is damage, not a crash.
  store.reset();
  {
    auto t = open();
    auto tx = t->begin();
    const Term s = Term::iri("http://example.org/x");
    ASSERT_TRUE((*tx)->insert(QuadRef{s.ref(), s.ref(), s.ref(), {}}).ok());
    ASSERT_TRUE((*tx)->commit().ok());
  }
  {
    std::fstream f(wal, std::ios::in | std::ios::out | std::ios::binary);
    f.seekp(16 + 12);
    f.put('\x7f');
  }
  auto damaged = DiskStore::open(dir_.string(), {});
  ASSERT_FALSE(damaged.ok());
  EXPECT_EQ(damaged.error().kind, ErrorKind::Corrupt);
}

// What a power loss may leave (a log extended with zeros) is a crash's
// tail; a flipped length byte is damage, reported, and nothing is cut.
TEST_F(DiskStoreTest, ZerosAfterTheLogAreACrashAFlippedLengthIsDamage) {
  {
    auto store = open();
    for (int i = 0; i < 2; ++i) {
      auto t = store->begin();
      const Term s = Term::iri("http://example.org/s" + std::to_string(i));
      ASSERT_TRUE((*t)->insert(QuadRef{s.ref(), s.ref(), s.ref(), {}}).ok());
      ASSERT_TRUE((*t)->commit().ok());
    }
  }
  const auto wal = dir_ / "1.wal";
  const auto size = std::filesystem::file_size(wal);
  { std::ofstream(wal, std::ios::binary | std::ios::app) << std::string(4096, '\0'); }
  {
    auto store = open({});
    ASSERT_TRUE(store);
    EXPECT_EQ(store->current()->size(), 2u);
  }
  std::filesystem::resize_file(wal, size);
  {
    std::fstream f(wal, std::ios::in | std::ios::out | std::ios::binary);
    f.seekp(16);  // the first record's length
    f.put('\x01');
  }
  auto damaged = DiskStore::open(dir_.string(), {true, true});
  ASSERT_FALSE(damaged.ok());
  EXPECT_EQ(damaged.error().kind, ErrorKind::Corrupt);
  EXPECT_NE(damaged.error().message.find("damaged record header"), std::string::npos)
      << damaged.error().message;
  EXPECT_EQ(std::filesystem::file_size(wal), size) << "a damaged log is never cut";
}

// An id past the dictionary (a damaged table) reads as a placeholder term,
// never a crash.
TEST_F(DiskStoreTest, IdsPastTheDictionaryReadAsAPlaceholder) {
  auto store = open();
  ASSERT_TRUE(store);
  EXPECT_EQ(store->current()->term(0xFFFFFF00u).value, "urn:quiver:damaged-term");
  auto t = store->begin();
  EXPECT_EQ((*t)->term(0xFFFFFF00u).value, "urn:quiver:damaged-term");
}

// A transaction that only interns terms commits a record of terms alone;
// the next record follows it, and the log replays.
TEST_F(DiskStoreTest, ACommitOfTermsAloneReplays) {
  {
    auto store = open();
    auto t = store->begin();
    ASSERT_TRUE((*t)->intern(Term::iri("http://example.org/only-a-term").ref()).ok());
    ASSERT_TRUE((*t)->commit().ok());
    auto u = store->begin();
    const Term s = Term::iri("http://example.org/s");
    ASSERT_TRUE((*u)->insert(QuadRef{s.ref(), s.ref(), s.ref(), {}}).ok());
    ASSERT_TRUE((*u)->commit().ok());
  }
  auto store = open({});
  ASSERT_TRUE(store);
  EXPECT_EQ(store->current()->size(), 1u);
}

// Two writers creating one database: the second, waiting for the lock,
// opens what the first made instead of making it again over it.
TEST_F(DiskStoreTest, ASecondCreatorWaitingForTheLockKeepsTheFirstsDatabase) {
  auto first = open();
  ASSERT_TRUE(first);
  {
    auto t = first->begin();
    const Term s = Term::iri("http://example.org/s");
    ASSERT_TRUE((*t)->insert(QuadRef{s.ref(), s.ref(), s.ref(), {}}).ok());
    ASSERT_TRUE((*t)->commit().ok());
  }
  std::thread second([&] {
    OpenOptions options{true, true, true};  // writable, create, wait
    auto other = DiskStore::open(dir_.string(), options);
    ASSERT_TRUE(other.ok()) << other.error().to_string();
    EXPECT_EQ((*other)->current()->size(), 1u);
  });
  std::this_thread::sleep_for(std::chrono::milliseconds(100));
  first.reset();  // releases the lock
  second.join();
}

TEST_F(DiskStoreTest, ADamagedTableFailsTheCheck) {
  {
    auto store = open();
    auto t = store->begin();
    for (int i = 0; i < 500; ++i) {
      const Term s = Term::iri("http://example.org/s" + std::to_string(i));
      ASSERT_TRUE((*t)->insert(QuadRef{s.ref(), s.ref(), s.ref(), {}}).ok());
    }
    ASSERT_TRUE((*t)->commit().ok());
    ASSERT_TRUE(store->merge().ok());
    EXPECT_TRUE(store->check().ok());
  }
  const auto pos = dir_ / "2.pos";
  {
    std::fstream f(pos, std::ios::in | std::ios::out | std::ios::binary);
    f.seekp(40);
    f.put('\x55');
  }
  auto store = open({});
  ASSERT_TRUE(store);
  EXPECT_FALSE(store->check().ok());
}

// A bulk load in a memory budget small enough for many runs, over a
// database with committed changes not yet merged, with a "file" rolled
// back after spills: the result is the state plus the kept statements.
TEST_F(DiskStoreTest, BulkLoadsMergeRunsWithTheStateAndRollBackWholeFiles) {
  store::MemoryStore memory;
  std::mt19937 random(11);
  OpenOptions options{true, true};
  options.merge_rows = 1 << 30;
  auto disk = open(options);
  ASSERT_TRUE(disk);
  for (int round = 0; round < 3; ++round) random_transaction(random, memory, *disk, 200);
  ASSERT_GT(disk->current()->delta_size(), 0u);
  const auto random_quad = [&](std::vector<Quad>& out) {
    out.emplace_back(random_term(random, 0), random_term(random, 1),
                     Term::literal("n" + std::to_string(random() % 5000)), random_graph(random));
  };
  std::vector<Quad> kept, dropped;
  for (int i = 0; i < 6000; ++i) random_quad(kept);
  for (int i = 0; i < 5000; ++i) random_quad(dropped);
  {
    auto loader = BulkLoader::start(*disk, 1 << 16);  // about 1,400 rows a run
    ASSERT_TRUE(loader.ok()) << loader.error().to_string();
    for (std::size_t i = 0; i < 3000; ++i) ASSERT_TRUE((*loader)->on_quad(kept[i].ref()).ok());
    const BulkLoader::Mark mark = (*loader)->mark();
    for (const Quad& q : dropped) ASSERT_TRUE((*loader)->on_quad(q.ref()).ok());
    (*loader)->rollback(mark);
    (void)(*loader)->mark();
    ASSERT_TRUE((*loader)->set_graph("http://example.org/loaded").ok());
    for (std::size_t i = 3000; i < kept.size(); ++i) {
      ASSERT_TRUE((*loader)->on_quad(kept[i].ref()).ok());
    }
    ASSERT_TRUE((*loader)->finish().ok());
  }
  {
    auto t = memory.begin();
    ASSERT_TRUE(t.ok());
    const Term loaded = Term::iri("http://example.org/loaded");
    for (std::size_t i = 0; i < kept.size(); ++i) {
      QuadRef q = kept[i].ref();
      if (i >= 3000) q.graph = loaded.ref();
      ASSERT_TRUE((*t)->insert(q).ok());
    }
    ASSERT_TRUE((*t)->commit().ok());
  }
  EXPECT_EQ(disk->current()->delta_size(), 0u);
  EXPECT_TRUE(disk->check().ok());
  expect_same(*memory.snapshot(), *disk->snapshot(), 77);
  EXPECT_FALSE(std::filesystem::exists(dir_ / "load.tmp"));
  disk.reset();
  disk = open(options);
  expect_same(*memory.snapshot(), *disk->snapshot(), 78);
}

// 8 readers query while a writer commits 1,000 transactions (merging now
// and then): each snapshot is one committed state, where the counter's
// value equals the number of data statements.
TEST_F(DiskStoreTest, ReadersSeeOnlyCommittedSnapshots) {
  OpenOptions options{true, true};
  options.sync = false;
  options.merge_rows = 300;
  auto store = open(options);
  ASSERT_TRUE(store);
  const Term p = Term::iri("urn:p"), c = Term::iri("urn:c"), v = Term::iri("urn:v");
  std::atomic<bool> done{false};
  std::atomic<long> checks{0}, bad{0};
  std::vector<std::thread> readers;
  for (int r = 0; r < 8; ++r) {
    readers.emplace_back([&] {
      while (!done.load()) {
        const auto d = store->snapshot();
        const TermId ci = d->find_id(c.ref()), vi = d->find_id(v.ref()), pi = d->find_id(p.ref());
        if (ci == kAnyTerm || vi == kAnyTerm || pi == kAnyTerm) continue;
        const auto counter = matches(*d, {ci, vi, kAnyTerm, kDefaultGraph});
        if (counter.size() != 1) {
          ++bad;
          continue;
        }
        const long n = std::stol(std::string(d->term(counter[0].object).value));
        const auto data = matches(*d, {kAnyTerm, pi, kAnyTerm, kDefaultGraph});
        if (static_cast<long>(data.size()) != n ||
            static_cast<long>(d->count({kAnyTerm, pi, kAnyTerm, kDefaultGraph})) != n) {
          ++bad;
        }
        ++checks;
      }
    });
  }
  for (long i = 1; i <= 1000; ++i) {
    auto t = store->begin();
    ASSERT_TRUE(t.ok());
    const Term s = Term::iri("urn:s:" + std::to_string(i));
    const Term now = Term::literal(std::to_string(i)), was = Term::literal(std::to_string(i - 1));
    ASSERT_TRUE((*t)->insert(QuadRef{s.ref(), p.ref(), now.ref(), {}}).ok());
    if (i > 1) {
      const QuadIds old{(*t)->find_id(c.ref()), (*t)->find_id(v.ref()), (*t)->find_id(was.ref()),
                        kDefaultGraph};
      ASSERT_TRUE((*t)->remove(old).ok());
    }
    ASSERT_TRUE((*t)->insert(QuadRef{c.ref(), v.ref(), now.ref(), {}}).ok());
    ASSERT_TRUE((*t)->commit().ok());
  }
  done = true;
  for (auto& r : readers) r.join();
  EXPECT_EQ(bad.load(), 0);
  EXPECT_GT(checks.load(), 100);
  EXPECT_GT(store->info().generation, 3u) << "merges ran while readers read";
}

}  // namespace
}  // namespace quiver::database
