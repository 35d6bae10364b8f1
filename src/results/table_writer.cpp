// The text table for terminals, laid out as Jena's `arq` does:
//
//   ------------------
//   | s  | o         |
//   ==================
//   | :a | "café"@fr |
//   ------------------
//
// Widths count terminal columns, not bytes: East Asian wide characters and
// emoji take two, combining marks none.

#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

#include "results/writers_internal.hpp"
#include "terms/term_writer.hpp"
#include "terms/utf8.hpp"

namespace quiver::results::detail {
namespace {

struct Range {
  char32_t first, last;
};

// Zero-width: combining marks, zero-width spaces and joiners, variation selectors.
constexpr Range kZeroWidth[] = {{0x0300, 0x036F}, {0x0483, 0x0489}, {0x0591, 0x05BD},
                                {0x0610, 0x061A}, {0x064B, 0x065F}, {0x1AB0, 0x1AFF},
                                {0x1DC0, 0x1DFF}, {0x200B, 0x200F}, {0x20D0, 0x20FF},
                                {0xFE00, 0xFE0F}, {0xFE20, 0xFE2F}, {0xE0100, 0xE01EF}};
// Double-width: East Asian Wide/Fullwidth blocks and the emoji blocks.
constexpr Range kWide[] = {{0x1100, 0x115F},   {0x2E80, 0x303E},   {0x3041, 0x33FF},
                           {0x3400, 0x4DBF},   {0x4E00, 0x9FFF},   {0xA000, 0xA4CF},
                           {0xAC00, 0xD7A3},   {0xF900, 0xFAFF},   {0xFE30, 0xFE4F},
                           {0xFF00, 0xFF60},   {0xFFE0, 0xFFE6},   {0x1F300, 0x1F64F},
                           {0x1F900, 0x1F9FF}, {0x20000, 0x2FFFD}, {0x30000, 0x3FFFD}};

template <std::size_t N>
bool in_ranges(char32_t cp, const Range (&ranges)[N]) {
  for (const Range& r : ranges) {
    if (cp >= r.first && cp <= r.last) return true;
  }
  return false;
}

// A byte that starts no well-formed sequence counts as one column.
std::size_t display_width(std::string_view s) {
  std::size_t width = 0;
  for (std::size_t i = 0; i < s.size(); i = next_code_point(s, i)) {
    const char32_t cp = decode_utf8(s, i).code_point;
    if (in_ranges(cp, kZeroWidth)) continue;
    width += in_ranges(cp, kWide) ? 2 : 1;
  }
  return width;
}

void append_rule(std::string& out, std::size_t length, char c) {
  out.append(length, c);
  out += '\n';
}

void append_row(std::string& out, const std::vector<std::string>& cells,
                const std::vector<std::size_t>& widths) {
  for (std::size_t i = 0; i < cells.size(); ++i) {
    out += "| ";
    out += cells[i];
    out.append(widths[i] - display_width(cells[i]) + 1, ' ');
  }
  out += "|\n";
}

}  // namespace

Status write_table(const QueryResult& result, io::Output& out,
                   const ResultWriteOptions& options) {
  std::string& buf = out.buffer();
  if (result.form == QueryForm::Ask) {
    buf += result.boolean ? "Ask => Yes\n" : "Ask => No\n";
    out.maybe_flush();
    return Status();
  }
  const std::size_t columns = result.variables.size();
  std::vector<std::size_t> widths(columns);
  for (std::size_t i = 0; i < columns; ++i) widths[i] = display_width(result.variables[i]);
  const PrefixMap prefixes(options.prefixes);
  std::vector<std::vector<std::string>> rows;
  rows.reserve(result.solutions.size());
  for (const Solution& solution : result.solutions) {
    std::vector<std::string>& cells = rows.emplace_back(columns);
    for (std::size_t i = 0; i < columns && i < solution.size(); ++i) {
      if (!solution[i]) continue;
      append_turtle_term(cells[i], solution[i]->ref(), &prefixes);
      widths[i] = std::max(widths[i], display_width(cells[i]));
    }
  }
  std::size_t length = 1;
  for (std::size_t w : widths) length += w + 3;
  append_rule(buf, length, '-');
  append_row(buf, result.variables, widths);
  append_rule(buf, length, '=');
  for (const auto& cells : rows) {
    append_row(buf, cells, widths);
    out.maybe_flush();
  }
  append_rule(buf, length, '-');
  out.maybe_flush();
  return Status();
}

}  // namespace quiver::results::detail
