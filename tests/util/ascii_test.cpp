#include "util/ascii.hpp"

#include <gtest/gtest.h>

#include <clocale>
#include <string>

namespace quiver {
namespace {

TEST(Ascii, ClassesAreAsciiOnly) {
  EXPECT_TRUE(is_alpha('a') && is_alpha('Z'));
  EXPECT_FALSE(is_alpha('0') || is_alpha('_') || is_alpha('\xE9'));  // Latin-1 é
  EXPECT_TRUE(is_digit('0') && is_digit('9'));
  EXPECT_FALSE(is_digit('a') || is_digit('\xB2'));  // Latin-1 superscript two
  EXPECT_TRUE(is_alnum('q') && is_alnum('7'));
  EXPECT_FALSE(is_alnum('-'));
  EXPECT_TRUE(is_hex('f') && is_hex('F') && is_hex('0'));
  EXPECT_FALSE(is_hex('g'));
  EXPECT_TRUE(is_space(' ') && is_space('\t') && is_space('\r') && is_space('\n'));
  EXPECT_FALSE(is_space('\v') || is_space('\xA0'));  // no-break space in Latin-1
  EXPECT_TRUE(is_alpha(U'x') && is_digit(U'5'));
  EXPECT_FALSE(is_alpha(U'\u0131') || is_digit(U'\u0661'));  // dotless i, Arabic-Indic one
}

TEST(Ascii, CaseMappingIgnoresTheLocale) {
  // In a Turkish locale std::tolower('I') is not 'i'; ours must not care.
  const char* previous = std::setlocale(LC_CTYPE, nullptr);
  const std::string saved = previous != nullptr ? previous : "C";
  std::setlocale(LC_CTYPE, "tr_TR.ISO-8859-9");
  EXPECT_EQ(to_lower('I'), 'i');
  EXPECT_EQ(to_upper('i'), 'I');
  EXPECT_EQ(ascii_lower("EN-GB \xC9"), "en-gb \xC9");
  EXPECT_EQ(ascii_upper("group_concat \xE9"), "GROUP_CONCAT \xE9");
  std::setlocale(LC_CTYPE, saved.c_str());
}

TEST(Ascii, EqualIgnoreCase) {
  EXPECT_TRUE(equal_ignore_case("SELECT", "select"));
  EXPECT_TRUE(equal_ignore_case("", ""));
  EXPECT_FALSE(equal_ignore_case("select", "selects"));
  EXPECT_FALSE(equal_ignore_case("\xC9", "\xE9"));  // only ASCII letters fold
}

TEST(Ascii, HexDigits) {
  EXPECT_EQ(hex_digit_value('0'), 0);
  EXPECT_EQ(hex_digit_value('a'), 10);
  EXPECT_EQ(hex_digit_value('F'), 15);
  EXPECT_EQ(hex_digit_value('g'), -1);
  EXPECT_EQ(hex_digit(0xB), 'B');
  EXPECT_EQ(hex_digit(0xB, true), 'b');
  EXPECT_EQ(hex_digit(0x1F), 'F');  // only the low four bits count
}

}  // namespace
}  // namespace quiver
