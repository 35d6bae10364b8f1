#pragma once
/// @file
/// Strict UTF-8 validation (RFC 3629: no overlongs, no surrogates, nothing
/// past U+10FFFF). Serd 0.30 lets encoded surrogates through, so every string
/// it hands us is checked here.

#include <cstddef>
#include <string>
#include <string_view>

namespace quiver {

/// Offset of the first byte of the first invalid sequence, or npos.
std::size_t find_invalid_utf8(std::string_view text);

/// True when `text` is valid UTF-8.
inline bool is_valid_utf8(std::string_view text) {
  return find_invalid_utf8(text) == std::string_view::npos;
}

/// Appends the UTF-8 encoding of `code_point` (a scalar value: not a
/// surrogate, at most U+10FFFF) to `out`.
void append_utf8(std::string& out, char32_t code_point);

}  // namespace quiver
