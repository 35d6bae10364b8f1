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

}  // namespace quiver
