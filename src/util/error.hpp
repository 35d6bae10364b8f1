#pragma once
/// @file
/// Expected errors as values: what went wrong, of which kind, and where.

#include <cstdint>
#include <string>
#include <string_view>
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

/// What sort of failure an Error is, so that callers (the server's status
/// codes, push's retries, the CLI's exit codes) decide by kind and never by
/// the words of the message.
enum class ErrorKind : std::uint8_t {
  Invalid,      ///< a request or argument that makes no sense (the default)
  Syntax,       ///< input that does not parse
  Io,           ///< a file, stream or connection that cannot be read or written
  Timeout,      ///< a time limit passed
  Cancelled,    ///< stopped on request (a signal, a shutdown)
  Auth,         ///< credentials missing or refused
  Http,         ///< a remote server answered with an error status (`http_status`)
  Limit,        ///< a resource limit: rows, bytes, memory, depth
  NotFound,     ///< a named graph, file or resource that does not exist
  Unsupported,  ///< a feature Quiver does not implement
  Conflict,     ///< the state does not allow it (e.g. another writer holds the store)
  Corrupt,      ///< stored data that is not what Quiver wrote (a damaged database file)
  Internal,     ///< Quiver's own fault: a broken invariant
};

/// The kind's name as messages and tests show it ("syntax", "timeout", ...).
std::string_view error_kind_name(ErrorKind kind);

/// An expected failure (bad syntax, missing file, ...), never a crash.
struct Error {
  /// An empty error: no location, no message.
  Error() = default;
  /// An error of `kind` at `location`.
  Error(ErrorKind error_kind, SourceLocation location, std::string text)
      : kind(error_kind), where(std::move(location)), message(std::move(text)) {}
  /// An error of `kind` without a location.
  Error(ErrorKind error_kind, std::string text) : kind(error_kind), message(std::move(text)) {}
  /// An Invalid error at `location`.
  Error(SourceLocation location, std::string text)
      : where(std::move(location)), message(std::move(text)) {}
  /// An Invalid error without a location.
  explicit Error(std::string text) : message(std::move(text)) {}

  /// What sort of failure this is.
  ErrorKind kind = ErrorKind::Invalid;
  /// For ErrorKind::Http (and Auth from HTTP): the status the server sent.
  int http_status = 0;
  /// Where it happened; parts may be unknown.
  SourceLocation where;
  /// What went wrong, in words, without the location.
  std::string message;

  /// `file:line:col: error: message`, dropping the parts that are unknown.
  std::string to_string() const;
};

}  // namespace quiver
