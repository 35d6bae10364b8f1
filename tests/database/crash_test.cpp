// Crash safety: processes writing to a database are killed (SIGKILL) at
// random moments; after each kill the database opens, passes its check,
// and holds exactly the acknowledged transactions (or one more: a commit
// durable but killed before it was acknowledged), never part of one.
#include <fcntl.h>
#include <gtest/gtest.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <random>
#include <set>
#include <string>
#include <thread>

#include "database/disk_store.hpp"

extern char** environ;

namespace quiver::database {
namespace {

namespace fs = std::filesystem;

// Spawns `argv` with stdout to `out`, lets it run `delay`, kills it.
int run_and_kill(const std::vector<std::string>& args, const fs::path& out,
                 std::chrono::milliseconds delay) {
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 1, out.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0);
  std::vector<char*> argv;
  for (const std::string& a : args) argv.push_back(const_cast<char*>(a.c_str()));
  argv.push_back(nullptr);
  pid_t pid = 0;
  const int spawned = posix_spawn(&pid, argv[0], &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  if (spawned != 0) return -1;
  std::this_thread::sleep_for(delay);
  ::kill(pid, SIGKILL);
  int status = 0;
  ::waitpid(pid, &status, 0);
  return status;
}

long last_number(const fs::path& out) {
  std::ifstream in(out);
  long n = 0, last = 0;
  while (in >> n) last = n;
  return last;
}

long read_long(const Dataset& d, const TermRef& s, const TermRef& p) {
  const TermId si = d.find_id(s), pi = d.find_id(p);
  if (si == kAnyTerm || pi == kAnyTerm) return 0;
  auto cursor = d.match({si, pi, kAnyTerm, kDefaultGraph});
  QuadIds q;
  if (cursor->next(&q, 1) == 0) return 0;
  return std::stol(std::string(d.term(q.object).value));
}

// The subjects the writer's transactions 1..n leave, in each graph.
std::set<long> expected_subjects(long n) {
  std::set<long> out;
  for (long i = 1; i <= n; ++i) {
    out.insert(i);
    if (i % 3 == 0) out.erase(i - 1);
  }
  return out;
}

std::set<long> subjects(const Dataset& d, TermId graph) {
  std::set<long> out;
  const TermId p = d.find_id(Term::iri("urn:p").ref());
  if (p == kAnyTerm) return out;
  auto cursor = d.match({kAnyTerm, p, kAnyTerm, graph});
  QuadIds batch[64];
  while (const std::size_t n = cursor->next(batch, 64)) {
    for (std::size_t i = 0; i < n; ++i) {
      const std::string s(d.term(batch[i].subject).value);
      out.insert(std::stol(s.substr(6)));
    }
  }
  return out;
}

class CrashTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("quiver-crash-" + std::to_string(::getpid()) + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }
  fs::path dir_;
};

TEST_F(CrashTest, KilledWritersLoseNoAcknowledgedCommitAndHalfApplyNone) {
  const fs::path db = dir_ / "db";
  std::mt19937 random(12345);
  long acknowledged = 0;
  int merges_seen = 0;
  std::uint64_t last_generation = 0;
  for (int round = 0; round < 50; ++round) {
    const auto delay = std::chrono::milliseconds(30 + random() % 250);
    run_and_kill({CRASH_WRITER, db.string()}, dir_ / "out", delay);
    acknowledged = std::max(acknowledged, last_number(dir_ / "out"));
    auto store = DiskStore::open(db.string(), {});
    ASSERT_TRUE(store.ok()) << "round " << round << ": " << store.error().to_string();
    ASSERT_TRUE((*store)->check().ok()) << "round " << round;
    const auto d = (*store)->snapshot();
    const long n = read_long(*d, Term::iri("urn:c").ref(), Term::iri("urn:v").ref());
    EXPECT_TRUE(n == acknowledged || n == acknowledged + 1)
        << "round " << round << ": counter " << n << ", acknowledged " << acknowledged;
    acknowledged = n;  // the next writer goes on from what is there
    const std::set<long> want = expected_subjects(n);
    EXPECT_EQ(subjects(*d, kDefaultGraph), want) << "round " << round;
    const TermId g = d->find_id(Term::iri("urn:g").ref());
    if (n > 0) {
      EXPECT_EQ(subjects(*d, g), want) << "round " << round;
    }
    const std::uint64_t generation = (*store)->info().generation;
    if (generation != last_generation) ++merges_seen;
    last_generation = generation;
  }
  EXPECT_GT(acknowledged, 100) << "the writers hardly ran";
  EXPECT_GT(merges_seen, 1) << "kills never met merges";
}

// `quiver load` killed midway, into an empty database and into one with
// data: the database holds what it held before, or all of the file.
TEST_F(CrashTest, KilledLoadsLeaveTheDatabaseBeforeOrAfter) {
  const fs::path data = dir_ / "data.nt";
  {
    std::ofstream out(data);
    for (int i = 0; i < 150000; ++i) {
      out << "<urn:x:" << i % 5000 << "> <urn:p:" << i % 7 << "> \"" << i << "\" .\n";
    }
  }
  // Kills land anywhere in a load: up to one and a half times as long as
  // a whole load takes here (sanitizers and a busy machine make it slower).
  const auto started = std::chrono::steady_clock::now();
  {
    const pid_t pid = ::fork();
    if (pid == 0) {
      ::execl(QUIVER_BIN, QUIVER_BIN, "load", "--db", (dir_ / "timed").c_str(), data.c_str(),
              static_cast<char*>(nullptr));
      ::_exit(127);
    }
    int status = 0;
    ::waitpid(pid, &status, 0);
    ASSERT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0);
  }
  const auto whole = std::chrono::duration_cast<std::chrono::milliseconds>(
      std::chrono::steady_clock::now() - started);
  const long span = std::max<long>(20, whole.count() * 3 / 2);
  std::mt19937 random(99);
  int unchanged = 0, loaded = 0;
  // 50 rounds; then, while either side has been hit fewer than 6 times (a
  // busy machine stretches loads), more rounds aimed at that side.
  for (int round = 0; round < 50 || ((loaded < 6 || unchanged < 6) && round < 120); ++round) {
    const fs::path db = dir_ / "db";
    if (round % 2 == 0 || (round >= 50 && loaded < 6)) fs::remove_all(db);
    std::uint64_t before = 0;
    if (fs::exists(db)) {
      auto store = DiskStore::open(db.string(), {});
      ASSERT_TRUE(store.ok()) << store.error().to_string();
      before = (*store)->current()->size();
    }
    long ms = random() % span;
    if (round >= 50) ms = loaded < 6 ? 4 * span : random() % (span / 4 + 1);
    const auto delay = std::chrono::milliseconds(ms);
    run_and_kill({QUIVER_BIN, "load", "--db", db.string(), data.string()}, dir_ / "out", delay);
    if (!fs::exists(db / "MANIFEST")) {
      // Killed before the database existed: the next load starts over.
      EXPECT_TRUE(DiskStore::open(db.string(), {true, true}).ok()) << "round " << round;
      continue;
    }
    auto store = DiskStore::open(db.string(), {});
    ASSERT_TRUE(store.ok()) << "round " << round << ": " << store.error().to_string();
    ASSERT_TRUE((*store)->check().ok()) << "round " << round;
    const std::uint64_t size = (*store)->current()->size();
    EXPECT_TRUE(size == before || size == 150000) << "round " << round << ": " << size;
    if (size == 150000 && before == 0) ++loaded;
    if (size == before) ++unchanged;
  }
  // The kills must land on both sides of the commit, or nothing was tested.
  EXPECT_GT(unchanged, 5);
  EXPECT_GT(loaded, 5);
}

}  // namespace
}  // namespace quiver::database
