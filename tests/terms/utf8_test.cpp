#include "terms/utf8.hpp"

#include <gtest/gtest.h>

#include <string>

namespace quiver {
namespace {

constexpr auto npos = std::string_view::npos;

TEST(Utf8, AsciiAndEmpty) {
  EXPECT_TRUE(is_valid_utf8(""));
  EXPECT_TRUE(is_valid_utf8("plain ascii text, longer than eight bytes"));
  EXPECT_TRUE(is_valid_utf8(std::string("nul\0inside", 10)));
}

TEST(Utf8, ValidMultibyte) {
  EXPECT_TRUE(is_valid_utf8("\xC2\x80"));          // U+0080, smallest 2-byte
  EXPECT_TRUE(is_valid_utf8("\xC3\xA9"));          // é
  EXPECT_TRUE(is_valid_utf8("\xDF\xBF"));          // U+07FF
  EXPECT_TRUE(is_valid_utf8("\xE0\xA0\x80"));      // U+0800, smallest 3-byte
  EXPECT_TRUE(is_valid_utf8("\xE2\x82\xAC"));      // €
  EXPECT_TRUE(is_valid_utf8("\xED\x9F\xBF"));      // U+D7FF, just below surrogates
  EXPECT_TRUE(is_valid_utf8("\xEE\x80\x80"));      // U+E000, just above
  EXPECT_TRUE(is_valid_utf8("\xEF\xBF\xBF"));      // U+FFFF
  EXPECT_TRUE(is_valid_utf8("\xF0\x90\x80\x80"));  // U+10000, smallest 4-byte
  EXPECT_TRUE(is_valid_utf8("\xF0\x9F\x98\x80"));  // emoji
  EXPECT_TRUE(is_valid_utf8("\xF4\x8F\xBF\xBF"));  // U+10FFFF, the last code point
  EXPECT_TRUE(is_valid_utf8("abcdefgh\xC3\xA9ijklmnop\xE2\x82\xAC"));
}

TEST(Utf8, Overlongs) {
  EXPECT_EQ(find_invalid_utf8("\xC0\x80"), 0u);  // NUL in two bytes
  EXPECT_EQ(find_invalid_utf8("\xC1\xBF"), 0u);
  EXPECT_EQ(find_invalid_utf8("\xE0\x80\x80"), 0u);  // NUL in three bytes
  EXPECT_EQ(find_invalid_utf8("\xE0\x9F\xBF"), 0u);  // U+07FF in three bytes
  EXPECT_EQ(find_invalid_utf8("\xF0\x80\x80\x80"), 0u);
  EXPECT_EQ(find_invalid_utf8("\xF0\x8F\xBF\xBF"), 0u);  // U+FFFF in four bytes
}

TEST(Utf8, Surrogates) {
  EXPECT_EQ(find_invalid_utf8("\xED\xA0\x80"), 0u);                 // U+D800
  EXPECT_EQ(find_invalid_utf8("\xED\xBF\xBF"), 0u);                 // U+DFFF
  EXPECT_EQ(find_invalid_utf8("ok \xED\xA0\x80\xED\xB0\x80"), 3u);  // a CESU-8 pair
}

TEST(Utf8, BeyondUnicode) {
  EXPECT_EQ(find_invalid_utf8("\xF4\x90\x80\x80"), 0u);  // U+110000
  EXPECT_EQ(find_invalid_utf8("\xF5\x80\x80\x80"), 0u);
  EXPECT_EQ(find_invalid_utf8("\xF8\x88\x80\x80\x80"), 0u);
  EXPECT_EQ(find_invalid_utf8("\xFF"), 0u);
  EXPECT_EQ(find_invalid_utf8("\xFE"), 0u);
}

TEST(Utf8, StrayAndBadContinuationBytes) {
  EXPECT_EQ(find_invalid_utf8("\x80"), 0u);
  EXPECT_EQ(find_invalid_utf8("a\xBF"), 1u);
  EXPECT_EQ(find_invalid_utf8("\xC3\x28"), 0u);
  EXPECT_EQ(find_invalid_utf8("\xE2\x82\x28"), 0u);
  EXPECT_EQ(find_invalid_utf8("\xF0\x9F\x98\x28"), 0u);
}

TEST(Utf8, Truncated) {
  EXPECT_EQ(find_invalid_utf8("\xC3"), 0u);
  EXPECT_EQ(find_invalid_utf8("ab\xE2\x82"), 2u);
  EXPECT_EQ(find_invalid_utf8("abcdefghij\xF0\x9F\x98"), 10u);
  EXPECT_EQ(find_invalid_utf8("\xF0"), 0u);
}

TEST(Utf8, ReportsFirstBadOffsetAfterFastPath) {
  const std::string s = std::string(20, 'x') + "\xC3\xA9" + std::string(9, 'y') + "\xC0\xAF";
  EXPECT_EQ(find_invalid_utf8(s), 31u);
  EXPECT_EQ(find_invalid_utf8(std::string(100, 'z')), npos);
}

}  // namespace
}  // namespace quiver
