#pragma once
// Helpers for the SPARQL parser tests: algebra as SSE strings.

#include <string>
#include <string_view>

#include "sparql/parser.hpp"
#include "sparql/printer.hpp"

namespace quiver::sparql::testing {

/// The SSE of the whole query, or `error: <line>:<col>: <message>`.
inline std::string query_sse(std::string_view text, std::string base = {}) {
  const auto q = parse_query(text, ParseOptions{std::move(base)});
  if (!q) {
    return "error: " + std::to_string(q.error().where.line) + ":" +
           std::to_string(q.error().where.column) + ": " + q.error().message;
  }
  return to_sse(*q);
}

/// The algebra of `ASK { body }` with `:` bound to <http://ex/>, as SSE;
/// or the error as query_sse gives it.
inline std::string algebra(std::string_view body) {
  const std::string text = "PREFIX : <http://ex/>\nASK " + std::string(body);
  const auto q = parse_query(text);
  if (!q) return "error: " + q.error().message;
  return to_sse(*q->pattern);
}

/// The algebra of a whole query (with `:` bound to <http://ex/>).
inline std::string select_algebra(std::string_view query) {
  const std::string text = "PREFIX : <http://ex/>\n" + std::string(query);
  const auto q = parse_query(text);
  if (!q) return "error: " + q.error().message;
  return to_sse(*q->pattern);
}

/// The error message parsing `query` gives, or "parsed".
inline std::string error_of(std::string_view query) {
  const std::string text = "PREFIX : <http://ex/>\n" + std::string(query);
  const auto q = parse_query(text);
  return q ? "parsed" : q.error().message;
}

}  // namespace quiver::sparql::testing
