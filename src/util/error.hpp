#pragma once
/// @file
/// Expected errors as values: what went wrong and where.

#include <cstdint>
#include <string>
#include <utility>

namespace quiver {

/// A position in an input; line and column count from 1, 0 means unknown.
struct SourceLocation {
  /// The input's name (path or URL); empty when unknown.
  std::string file;
  /// Line, from 1; 0 when unknown.
  std::uint64_t line = 0;
  /// Column, from 1; 0 when unknown.
  std::uint64_t column = 0;
};

/// An expected failure (bad syntax, missing file, ...), never a crash.
struct Error {
  /// An empty error: no location, no message.
  Error() = default;
  /// An error at `location`.
  Error(SourceLocation location, std::string text)
      : where(std::move(location)), message(std::move(text)) {}
  /// An error without a location.
  explicit Error(std::string text) : message(std::move(text)) {}

  /// Where it happened; parts may be unknown.
  SourceLocation where;
  /// What went wrong, in words, without the location.
  std::string message;

  /// `file:line:col: error: message`, dropping the parts that are unknown.
  std::string to_string() const;
};

}  // namespace quiver
