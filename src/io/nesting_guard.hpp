#pragma once
/// @file
/// A depth limit for Turtle and TriG read by Serd, whose reader recurses
/// once per `[` and `(`: a document nesting them tens of thousands deep
/// would overflow the stack. The guard sees every byte before Serd does and
/// stops the read at the first level past the limit.

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace quiver::io {

/// Tracks the nesting of blank node property lists and collections through
/// a Turtle/TriG byte stream fed in pages (strings, IRIs and comments, whose
/// brackets do not count, may span pages).
class NestingGuard {
 public:
  /// The deepest nesting accepted; Serd handles far more on an 8 MiB stack.
  static constexpr std::uint32_t kMaxDepth = 1000;

  /// Scans the next page; false when it goes past kMaxDepth, and then
  /// `line()` / `column()` say where.
  bool feed(std::string_view page);
  /// Line of the offending bracket, from 1.
  std::uint64_t line() const { return line_; }
  /// Column of the offending bracket, from 1.
  std::uint64_t column() const { return column_; }

 private:
  enum class State : std::uint8_t { Code, Iri, Comment, Short, Long, Escape };

  // A character inside a short string (or its first one).
  void short_string(char c);

  State state_ = State::Code;
  State before_escape_ = State::Code;
  char quote_ = 0;       // the quote character of the string being read
  int quotes_seen_ = 0;  // consecutive quotes: opening a long string, or closing one
  std::uint32_t depth_ = 0;
  std::uint64_t line_ = 1;
  std::uint64_t column_ = 0;
};

}  // namespace quiver::io
