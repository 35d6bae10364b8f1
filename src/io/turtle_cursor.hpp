#pragma once
/// @file
/// Internal to the Turtle/TriG reader: its input, read through a window
/// that a ByteSource refills, with the line and column of every byte, and
/// the token readers of Turtle 1.2 (IRIREF, the four string forms, names,
/// numbers, LANG_DIR) that work on it. A token may span any number of
/// refills; nothing a caller holds points into the window.

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "io/byte_source.hpp"
#include "util/error.hpp"

namespace quiver::io::turtle {

/// A syntax error at the cursor's position; the reader turns it into an
/// Error with the input's name. Internal to the reader: it never leaves it.
struct SyntaxFault {
  /// The line of the fault, from 1.
  std::uint64_t line;
  /// The column (byte) of the fault, from 1.
  std::uint64_t column;
  /// What is wrong.
  std::string message;
  /// Syntax, or Limit for nesting past the reader's limit.
  ErrorKind kind = ErrorKind::Syntax;
};

/// The input of one document.
class Cursor {
 public:
  /// Reads from `source` (which must outlive the cursor), or, when it is
  /// null, from `text` as a whole.
  Cursor(ByteSource* source, std::string_view text);

  /// The byte `k` ahead of the current one, or -1 past the end.
  int peek(std::size_t k = 0) {
    if (pos_ + k >= end_ && !fill(k + 1)) return -1;
    return static_cast<unsigned char>(data()[pos_ + k]);
  }
  /// True when the input continues with `text`.
  bool looking_at(std::string_view text);
  /// Moves past `n` bytes, counting lines.
  void advance(std::size_t n = 1);
  /// True at the end of the input.
  bool at_end() { return peek() < 0; }
  /// Skips white space and comments.
  void skip_space();

  /// The current line, from 1.
  std::uint64_t line() const { return line_; }
  /// The current column (byte), from 1.
  std::uint64_t column() const { return offset_ + pos_ - line_start_ + 1; }
  /// A fault at the current position.
  [[noreturn]] void fail(std::string message, ErrorKind kind = ErrorKind::Syntax) const;
  /// A read error of the source, empty when none happened.
  std::string source_error() const { return source ? source->error() : std::string(); }

  // Token readers: each starts at its first byte and leaves the cursor
  // just past the token, or fails at the fault.

  /// IRIREF, `\u` escapes decoded, without the brackets.
  void read_iriref(std::string& out);
  /// A string in any of the four forms, escapes decoded, in strict UTF-8.
  void read_string(std::string& out);
  /// The bytes of a name: a prefixed name, a keyword or a blank node label
  /// (after `_:`), up to the first byte none of them may hold, without
  /// trailing unescaped dots (they end a statement).
  /// A blank node label takes no `:` (`_:s:p` is `_:s` and `:p`).
  void read_name(std::string& out, bool colons = true);
  /// The length of the name read_name() would read, without reading it.
  std::size_t name_length(bool colons = true);
  /// INTEGER, DECIMAL or DOUBLE; sets `datatype` to its XSD type.
  void read_number(std::string& out, std::string_view& datatype);
  /// LANG_DIR from its `@`: a language tag and perhaps `--ltr` or `--rtl`.
  void read_language(std::string& out);

  /// The source (null for a whole text).
  ByteSource* const source;

 private:
  const char* data() const { return text_.empty() ? buffer_.data() : text_.data(); }
  // Makes `need` bytes from the current one available if the input has
  // them; false at the end of the input.
  bool fill(std::size_t need);

  std::string_view text_;  // the whole input, when there is no source
  std::string buffer_;     // the window, when there is one
  std::size_t pos_ = 0;    // of the current byte in the window
  std::size_t end_ = 0;    // of the window's end
  bool exhausted_ = false;
  std::uint64_t offset_ = 0;      // of the window's start in the input
  std::uint64_t line_ = 1;        // of the current byte
  std::uint64_t line_start_ = 0;  // input offset of the current line's start
};

}  // namespace quiver::io::turtle
