#include "io/output.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

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
