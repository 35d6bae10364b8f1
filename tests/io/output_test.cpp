#include "io/output.hpp"

#include <gtest/gtest.h>
#include <sys/stat.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <thread>

namespace quiver::io {
namespace {

namespace fs = std::filesystem;

std::string slurp(const fs::path& p) {
  std::ifstream in(p);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::size_t files_in(const fs::path& dir) {
  return static_cast<std::size_t>(
      std::distance(fs::directory_iterator(dir), fs::directory_iterator()));
}

class OutputTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ =
        fs::temp_directory_path() /
        ("quiver_output_test_" + std::to_string(::testing::UnitTest::GetInstance()->random_seed()) +
         "_" + ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }
  fs::path dir_;
};

TEST_F(OutputTest, CommitRenamesIntoPlace) {
  const auto target = dir_ / "out.nt";
  {
    auto out = Output::open(target.string());
    ASSERT_TRUE(out.ok());
    (*out)->write(std::string(200000, 'x'));  // more than one buffer
    EXPECT_FALSE(fs::exists(target));
    ASSERT_TRUE((*out)->commit().ok());
  }
  EXPECT_EQ(slurp(target).size(), 200000u);
  EXPECT_EQ(files_in(dir_), 1u);
}

TEST_F(OutputTest, UncommittedOutputLeavesNothingAndKeepsOldFile) {
  const auto target = dir_ / "out.nt";
  std::ofstream(target) << "old";
  {
    auto out = Output::open(target.string());
    ASSERT_TRUE(out.ok());
    (*out)->write(std::string(200000, 'y'));
  }
  EXPECT_EQ(slurp(target), "old");
  EXPECT_EQ(files_in(dir_), 1u);
}

TEST_F(OutputTest, UnwritableDestinationIsAnError) {
  auto out = Output::open((dir_ / "no/such/dir/out.nt").string());
  ASSERT_FALSE(out.ok());
  EXPECT_NE(out.error().message.find("cannot write"), std::string::npos);
  auto is_dir = Output::open(dir_.string());
  ASSERT_FALSE(is_dir.ok());
}

// The class of -o defects: a target that is not a plain, singly linked
// regular file must never be replaced by a fresh file.
bool write_and_commit(const fs::path& path, const std::string& text) {
  auto out = Output::open(path.string());
  if (!out.ok()) return false;
  (*out)->write(text);
  return (*out)->commit().ok();
}

TEST_F(OutputTest, ADeviceIsWrittenToNotReplaced) {
  ASSERT_TRUE(write_and_commit("/dev/null", "discarded\n"));
  EXPECT_TRUE(fs::is_character_file("/dev/null"));
}

TEST_F(OutputTest, AFifoIsWrittenTo) {
  const auto fifo = dir_ / "pipe";
  ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
  std::string got;
  std::thread reader([&] { got = slurp(fifo); });
  EXPECT_TRUE(write_and_commit(fifo, "through the pipe"));
  reader.join();
  EXPECT_EQ(got, "through the pipe");
  EXPECT_TRUE(fs::is_fifo(fifo));
}

TEST_F(OutputTest, ASymlinkStaysALinkToTheUpdatedFile) {
  const auto real = dir_ / "real.nt";
  const auto link = dir_ / "link.nt";
  std::ofstream(real) << "old";
  fs::create_symlink(real, link);
  ASSERT_TRUE(write_and_commit(link, "new"));
  EXPECT_TRUE(fs::is_symlink(link));
  EXPECT_EQ(slurp(real), "new");
  EXPECT_EQ(files_in(dir_), 2u);
}

TEST_F(OutputTest, EveryHardLinkSeesTheNewContent) {
  const auto first = dir_ / "a.nt";
  const auto second = dir_ / "b.nt";
  std::ofstream(first) << "old";
  fs::create_hard_link(first, second);
  ASSERT_TRUE(write_and_commit(first, "new"));
  EXPECT_EQ(slurp(second), "new");
  EXPECT_EQ(fs::hard_link_count(first), 2u);
  EXPECT_EQ(files_in(dir_), 2u);
}

TEST_F(OutputTest, PermissionBitsAreKeptOrFollowTheUmask) {
  const auto secret = dir_ / "secret.nt";
  std::ofstream(secret) << "old";
  fs::permissions(secret, fs::perms::owner_read | fs::perms::owner_write);
  ASSERT_TRUE(write_and_commit(secret, "new"));
  EXPECT_EQ(fs::status(secret).permissions() & fs::perms::all,
            fs::perms::owner_read | fs::perms::owner_write);
  const mode_t old_mask = ::umask(027);
  const auto fresh = dir_ / "fresh.nt";
  const bool ok = write_and_commit(fresh, "x");
  ::umask(old_mask);
  ASSERT_TRUE(ok);
  EXPECT_EQ(fs::status(fresh).permissions() & fs::perms::all,
            fs::perms::owner_read | fs::perms::owner_write | fs::perms::group_read);
}

TEST(OutputStringTest, CollectsIntoString) {
  std::string s;
  {
    auto out = Output::to_string(&s);
    out->write("abc");
    ASSERT_TRUE(out->commit().ok());
  }
  EXPECT_EQ(s, "abc");
}

}  // namespace
}  // namespace quiver::io
