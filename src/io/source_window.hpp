#pragma once
/// @file
/// Serd 0.30 tells where its own syntax errors are, but not where the
/// statement we reject after the fact came from (an escaped surrogate, a
/// relative IRI without base). The window keeps the last pages handed to the
/// parser, with the line and column where each starts, so such an error can
/// be placed by finding its text there.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

namespace quiver::io {

/// The number of `\n` bytes in `text` (lines are counted on every page read).
std::uint64_t count_newlines(std::string_view text);

/// The last two pages of input handed to the parser, with the line and column
/// each starts at, for placing errors Serd does not locate itself.
class SourceWindow {
 public:
  /// Records a page just handed to the parser.
  void add_page(std::string_view page);
  /// Line and column (from 1) of the last occurrence of `needle` in the
  /// window, or of the current page start when it is not found.
  std::pair<std::uint64_t, std::uint64_t> locate(std::string_view needle) const;
  /// Same as locate() for the later of two candidate spellings found.
  std::pair<std::uint64_t, std::uint64_t> locate_any(std::string_view a, std::string_view b) const;
  /// True when `needle` occurs in the window.
  bool contains(std::string_view needle) const;
  /// Line and column of the first occurrence of `a` or `b` that starts
  /// after the one this method found before (if still in the window) and
  /// is a whole token: when it ends in a letter, digit or `-`, the next
  /// character is none of those, so `@en-` is not found in `@en--x`.
  /// Finding errors in reading order keeps each one at its own place even
  /// when the same bad text occurs again later in the window. nullopt when
  /// neither occurs.
  std::optional<std::pair<std::uint64_t, std::uint64_t>> locate_token(std::string_view a,
                                                                      std::string_view b = {});

 private:
  std::pair<std::uint64_t, std::uint64_t> position_of(std::size_t offset) const;
  void advance(std::string_view text, std::uint64_t& line, std::uint64_t& col) const;

  std::string previous_;
  std::string current_;
  std::uint64_t previous_line_ = 1, previous_col_ = 1;
  std::uint64_t current_line_ = 1, current_col_ = 1;
  std::size_t token_floor_ = 0;  // offset past the last token found, in previous_ + current_
};

}  // namespace quiver::io
