// Terminal display of parse errors: location, the query line, a caret.

#include "sparql/lexer.hpp"
#include "sparql/parser.hpp"
#include "terms/utf8.hpp"

namespace quiver::sparql {
namespace {

// Byte offsets of the start of `line` (from 1) and of code point `column`
// (from 1) on it.
void offsets_of(std::string_view text, std::uint64_t line, std::uint64_t column,
                std::size_t& line_start, std::size_t& offset) {
  std::size_t i = 0;
  for (std::uint64_t l = 1; l < line; ++l) {
    const auto nl = text.find('\n', i);
    if (nl == std::string_view::npos) break;
    i = nl + 1;
  }
  line_start = i;
  for (std::uint64_t c = 1; c < column && i < text.size() && text[i] != '\n'; ++c) {
    i = next_code_point(text, i);
  }
  offset = i;
}

// Length in code points of the token at `offset`, on its line; 1 if the
// text there does not lex.
std::size_t token_width(std::string_view text, std::size_t offset, std::size_t line_end) {
  auto tokens = tokenize(text.substr(offset, line_end - offset));
  if (!tokens || tokens->empty() || tokens->front().kind == TokenKind::Eof ||
      tokens->front().offset != 0) {
    return 1;
  }
  const std::size_t width = count_code_points(text.substr(offset, tokens->front().length));
  return width == 0 ? 1 : width;
}

}  // namespace

std::string format_parse_error(std::string_view query_text, const Error& error,
                               std::string_view file_name) {
  Error located = error;
  if (!file_name.empty()) located.where.file = std::string(file_name);
  std::string out = located.to_string();
  out += '\n';
  if (error.where.line == 0) return out;
  std::size_t line_start = 0, offset = 0;
  offsets_of(query_text, error.where.line, error.where.column, line_start, offset);
  std::size_t line_end = query_text.find('\n', offset);
  if (line_end == std::string_view::npos) line_end = query_text.size();
  std::string_view line = query_text.substr(line_start, line_end - line_start);
  if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
  out.append(line);
  out += '\n';
  std::string caret;
  for (std::size_t i = line_start; i < offset; i = next_code_point(query_text, i)) {
    caret += query_text[i] == '\t' ? '\t' : ' ';  // tabs stay tabs so the caret lines up
  }
  caret += '^';
  const std::size_t width = offset < line_end ? token_width(query_text, offset, line_end) : 1;
  caret.append(width - 1, '~');
  out += caret;
  out += '\n';
  return out;
}

}  // namespace quiver::sparql
