#pragma once
/// @file
/// ASCII character classes and case mapping. Every syntax Quiver reads or
/// writes (Turtle, SPARQL, XSD lexical forms, language tags, HTTP headers)
/// defines its letters and digits as ASCII, so none of these depend on the
/// C locale the way `std::isalpha` or `std::toupper` do; bytes from 0x80 up
/// are never letters, digits or spaces here.

#include <string>
#include <string_view>

namespace quiver {

/// `[a-zA-Z]`.
constexpr bool is_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
/// `[a-zA-Z]`, for a decoded code point.
constexpr bool is_alpha(char32_t c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
/// `[0-9]`.
constexpr bool is_digit(char c) { return c >= '0' && c <= '9'; }
/// `[0-9]`, for a decoded code point.
constexpr bool is_digit(char32_t c) { return c >= '0' && c <= '9'; }
/// `[a-zA-Z0-9]`.
constexpr bool is_alnum(char c) { return is_alpha(c) || is_digit(c); }
/// `[0-9a-fA-F]`.
constexpr bool is_hex(char c) {
  return is_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}
/// The white space of Turtle, SPARQL and HTTP: space, tab, CR, LF.
constexpr bool is_space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

/// `c` lower-cased if it is an ASCII capital, else unchanged.
constexpr char to_lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c; }
/// `c` upper-cased if it is an ASCII small letter, else unchanged.
constexpr char to_upper(char c) { return c >= 'a' && c <= 'z' ? static_cast<char>(c - 32) : c; }

/// The value of a hexadecimal digit, or -1 for any other byte.
constexpr int hex_digit_value(char c) {
  if (is_digit(c)) return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

/// The hexadecimal digit for `value` (0 to 15), upper case unless `lower`.
constexpr char hex_digit(unsigned value, bool lower = false) {
  return (lower ? "0123456789abcdef" : "0123456789ABCDEF")[value & 0xF];
}

/// `s` with ASCII letters lower-cased and every other byte unchanged.
inline std::string ascii_lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = to_lower(c);
  return out;
}

/// `s` with ASCII letters upper-cased and every other byte unchanged.
inline std::string ascii_upper(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = to_upper(c);
  return out;
}

/// True when `a` and `b` are equal but for the case of ASCII letters
/// (keywords, language tags, media types).
constexpr bool equal_ignore_case(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (to_lower(a[i]) != to_lower(b[i])) return false;
  }
  return true;
}

}  // namespace quiver
