#pragma once
/// @file
/// Small text helpers shared by every stage.

#include <string>
#include <string_view>

namespace quiver {

/// `s` with ASCII letters lower-cased and every other byte unchanged
/// (format names, keywords, language tags: never locale-dependent).
inline std::string ascii_lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

/// The value of a hexadecimal digit, or -1 for any other byte.
inline int hex_digit_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

}  // namespace quiver
