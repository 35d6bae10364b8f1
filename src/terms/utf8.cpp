#include "terms/utf8.hpp"

#include <cstdint>
#include <cstring>

namespace quiver {
namespace {

bool is_continuation(unsigned char c) { return (c & 0xC0) == 0x80; }

}  // namespace

Utf8Char decode_utf8(std::string_view text, std::size_t pos) {
  if (pos >= text.size()) return {};
  const auto* s = reinterpret_cast<const unsigned char*>(text.data()) + pos;
  const std::size_t available = text.size() - pos;
  const unsigned char c = s[0];
  if (c < 0x80) return {c, 1};
  std::size_t length;
  char32_t cp;
  unsigned char lo = 0x80, hi = 0xBF;  // allowed range of the second byte
  if (c >= 0xC2 && c <= 0xDF) {
    length = 2;
    cp = c & 0x1F;
  } else if (c >= 0xE0 && c <= 0xEF) {
    length = 3;
    cp = c & 0x0F;
    if (c == 0xE0) lo = 0xA0;  // below: overlong
    if (c == 0xED) hi = 0x9F;  // above: U+D800..U+DFFF, surrogates
  } else if (c >= 0xF0 && c <= 0xF4) {
    length = 4;
    cp = c & 0x07;
    if (c == 0xF0) lo = 0x90;  // below: overlong
    if (c == 0xF4) hi = 0x8F;  // above: past U+10FFFF
  } else {
    return {};
  }
  if (available < length || s[1] < lo || s[1] > hi) return {};
  for (std::size_t k = 1; k < length; ++k) {
    if (!is_continuation(s[k])) return {};
    cp = (cp << 6) | (s[k] & 0x3F);
  }
  return {cp, length};
}

std::size_t find_invalid_utf8(std::string_view text) {
  const auto* s = reinterpret_cast<const unsigned char*>(text.data());
  const std::size_t n = text.size();
  std::size_t i = 0;
  while (i < n) {
    // ASCII fast path, eight bytes at a time.
    while (i + 8 <= n) {
      std::uint64_t w;
      std::memcpy(&w, s + i, 8);
      if (w & 0x8080808080808080ULL) break;
      i += 8;
    }
    if (i >= n) break;
    if (s[i] < 0x80) {
      ++i;
      continue;
    }
    const std::size_t length = decode_utf8(text, i).length;
    if (length == 0) return i;
    i += length;
  }
  return std::string_view::npos;
}

void append_utf8(std::string& out, char32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

std::size_t count_code_points(std::string_view text) {
  std::size_t n = 0;
  for (std::size_t i = 0; i < text.size(); i = next_code_point(text, i)) ++n;
  return n;
}

std::size_t code_point_start(std::string_view text, std::size_t pos) {
  if (pos >= text.size()) return text.size();
  // A code point is at most four bytes: look back no further than three.
  for (std::size_t back = 0; back < 4 && back <= pos; ++back) {
    const Utf8Char c = decode_utf8(text, pos - back);
    if (c.length > back) return pos - back;
  }
  return pos;
}

std::optional<char32_t> encoded_surrogate(std::string_view text, std::size_t pos) {
  if (pos + 3 > text.size()) return std::nullopt;
  const auto* b = reinterpret_cast<const unsigned char*>(text.data()) + pos;
  if (b[0] != 0xED || b[1] < 0xA0 || b[1] > 0xBF || !is_continuation(b[2])) return std::nullopt;
  return static_cast<char32_t>(0xD000 | ((b[1] & 0x3F) << 6) | (b[2] & 0x3F));
}

}  // namespace quiver
