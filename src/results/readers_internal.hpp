#pragma once
// One function per result format, dispatched to by result_reader.cpp.

#include <cstdint>
#include <string>
#include <string_view>

#include "solutions/query_result.hpp"
#include "util/expected.hpp"

namespace quiver::results::detail {

Expected<QueryResult> read_json(std::string_view text);
Expected<QueryResult> read_xml(std::string_view text);
Expected<QueryResult> read_csv(std::string_view text);
Expected<QueryResult> read_tsv(std::string_view text);

/// An Error with a message and, when known, a line and column.
inline Error read_error(std::string message, std::uint64_t line = 0, std::uint64_t column = 0) {
  Error e;
  e.where.line = line;
  e.where.column = column;
  e.message = std::move(message);
  return e;
}

}  // namespace quiver::results::detail
