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

TEST(Utf8, DecodesOneCodePointWithItsLength) {
  const std::string s = "a\xC3\xA9\xE2\x82\xAC\xF0\x9F\x98\x80";  // a é € 😀
  EXPECT_EQ(decode_utf8(s, 0).code_point, U'a');
  EXPECT_EQ(decode_utf8(s, 0).length, 1u);
  EXPECT_EQ(decode_utf8(s, 1).code_point, U'\u00E9');
  EXPECT_EQ(decode_utf8(s, 1).length, 2u);
  EXPECT_EQ(decode_utf8(s, 3).code_point, U'\u20AC');
  EXPECT_EQ(decode_utf8(s, 3).length, 3u);
  EXPECT_EQ(decode_utf8(s, 6).code_point, U'\U0001F600');
  EXPECT_EQ(decode_utf8(s, 6).length, 4u);
  EXPECT_EQ(decode_utf8("\xF4\x8F\xBF\xBF", 0).code_point, U'\U0010FFFF');
}

TEST(Utf8, DecodingIsStrict) {
  for (const char* bad : {"\xC0\xAF", "\xE0\x80\xAF", "\xED\xA0\x80", "\xF4\x90\x80\x80", "\x80",
                          "\xC3", "\xE2\x82\x28", "\xFF"}) {
    EXPECT_EQ(decode_utf8(bad, 0).length, 0u) << bad;
  }
  EXPECT_EQ(decode_utf8("ab", 2).length, 0u);        // at the end
  EXPECT_EQ(decode_utf8("\xC3\xA9", 1).length, 0u);  // inside a character
}

TEST(Utf8, WalksByCodePoints) {
  const std::string s = "\xC3\xA9t\xC3\xA9";  // été
  EXPECT_EQ(next_code_point(s, 0), 2u);
  EXPECT_EQ(next_code_point(s, 2), 3u);
  EXPECT_EQ(next_code_point("\x80"
                            "x",
                            0),
            1u);  // a stray byte still advances
  EXPECT_EQ(count_code_points(s), 3u);
  EXPECT_EQ(count_code_points(""), 0u);
  EXPECT_EQ(count_code_points("a\x80"
                              "b"),
            3u);
  EXPECT_EQ(code_point_start(s, 1), 0u);
  EXPECT_EQ(code_point_start(s, 2), 2u);
  EXPECT_EQ(code_point_start(s, 4), 3u);
  EXPECT_EQ(code_point_start("\xF0\x9F\x98\x80", 3), 0u);
  EXPECT_EQ(code_point_start(s, 99), s.size());
}

TEST(Utf8, NamesEncodedSurrogates) {
  EXPECT_EQ(encoded_surrogate("\xED\xA0\x80", 0), U'\xD800');
  EXPECT_EQ(encoded_surrogate("x\xED\xBF\xBF", 1), U'\xDFFF');
  EXPECT_FALSE(encoded_surrogate("\xED\x9F\xBF", 0));  // U+D7FF is a character
  EXPECT_FALSE(encoded_surrogate("\xED\xA0", 0));
}

}  // namespace
}  // namespace quiver
