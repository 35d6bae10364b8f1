#pragma once
/// @file
/// Expected errors as values: what went wrong and where.

#include <cstdint>
#include <string>
#include <utility>

namespace quiver {

/// A position in an input; line and column count from 1, 0 means unknown.
struct SourceLocation {
  std::string file;
  std::uint64_t line = 0;
  std::uint64_t column = 0;
};

/// An expected failure (bad syntax, missing file, ...), never a crash.
struct Error {
  Error() = default;
  Error(SourceLocation location, std::string text)
      : where(std::move(location)), message(std::move(text)) {}
  /// An error without a location.
  explicit Error(std::string text) : message(std::move(text)) {}

  SourceLocation where;
  std::string message;

  /// `file:line:col: error: message`, dropping the parts that are unknown.
  std::string to_string() const;
};

}  // namespace quiver
