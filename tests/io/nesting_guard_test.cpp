#include "io/nesting_guard.hpp"

#include <gtest/gtest.h>

#include <string>

namespace quiver::io {
namespace {

std::string nested(std::size_t depth) {
  std::string text = "<http://e/s> <http://e/p> ";
  for (std::size_t i = 0; i < depth; ++i) text += "[ <http://e/p> ";
  text += "1";
  for (std::size_t i = 0; i < depth; ++i) text += " ]";
  return text + " .\n";
}

TEST(NestingGuardTest, AcceptsUpToTheLimitAndStopsPastIt) {
  NestingGuard ok;
  EXPECT_TRUE(ok.feed(nested(NestingGuard::kMaxDepth)));
  NestingGuard deep;
  EXPECT_FALSE(deep.feed(nested(NestingGuard::kMaxDepth + 1)));
  EXPECT_EQ(deep.line(), 1u);
  EXPECT_GT(deep.column(), 0u);
}

TEST(NestingGuardTest, BracketsInStringsIrisAndCommentsDoNotCount) {
  const std::string many(5000, '[');
  NestingGuard guard;
  EXPECT_TRUE(guard.feed("# " + many + "\n<http://e/" + many + "> <http://e/p> \"" + many +
                         "\", '" + many + "', \"\"\"" + many + "\"\"\", '''\n" + many +
                         "''', \"a\\\"" + many + "\" .\n"));
  // A page boundary inside a string changes nothing.
  NestingGuard split;
  EXPECT_TRUE(split.feed("<a> <b> \"\"\"" + many.substr(0, 100)));
  EXPECT_TRUE(split.feed(many + "\"\"\" ."));
  // Collections count like property lists.
  NestingGuard lists;
  EXPECT_FALSE(lists.feed(std::string(NestingGuard::kMaxDepth + 1, '(')));
}

}  // namespace
}  // namespace quiver::io
