#pragma once
/// @file
/// The one UTF-8 codec: strict validation and decoding (RFC 3629: no
/// overlongs, no surrogates, nothing past U+10FFFF), encoding, and walking
/// text by code points. Serd 0.30 lets encoded surrogates through, so every
/// string it hands us is checked here; positions and lengths that SPARQL
/// and error messages count in characters are counted here too.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace quiver {

/// A code point decoded from UTF-8 and the number of bytes that encode it.
struct Utf8Char {
  /// The code point; 0 when `length` is 0.
  char32_t code_point = 0;
  /// Bytes taken, 1 to 4; 0 when no well-formed sequence starts there.
  std::size_t length = 0;
};

/// Decodes the code point starting at byte `pos`. Strict: an overlong
/// form, an encoded surrogate, a value past U+10FFFF, a truncated sequence,
/// a stray continuation byte or `pos` at the end give length 0.
Utf8Char decode_utf8(std::string_view text, std::size_t pos);

/// Offset of the first byte of the first invalid sequence, or npos.
std::size_t find_invalid_utf8(std::string_view text);

/// True when `text` is valid UTF-8.
inline bool is_valid_utf8(std::string_view text) {
  return find_invalid_utf8(text) == std::string_view::npos;
}

/// Appends the UTF-8 encoding of `code_point` (a scalar value: not a
/// surrogate, at most U+10FFFF) to `out`.
void append_utf8(std::string& out, char32_t code_point);

/// Offset of the code point after the one at `pos`: `pos` plus its length,
/// or `pos + 1` where no well-formed sequence starts, so that a loop over
/// any bytes always advances.
inline std::size_t next_code_point(std::string_view text, std::size_t pos) {
  const std::size_t length = decode_utf8(text, pos).length;
  return pos + (length == 0 ? 1 : length);
}

/// The number of code points in `text`; a byte that starts no well-formed
/// sequence counts as one.
std::size_t count_code_points(std::string_view text);

/// The largest offset at most `pos` where a code point starts: cutting
/// `text` there never splits a character.
std::size_t code_point_start(std::string_view text, std::size_t pos);

/// The surrogate (U+D800 to U+DFFF) whose three-byte encoding starts at
/// `pos`, as a decoder that allows them would read it; nullopt for anything
/// else. For error messages about `\ud800`-style escapes that Serd decoded.
std::optional<char32_t> encoded_surrogate(std::string_view text, std::size_t pos);

}  // namespace quiver
