#include "io/dot_style.hpp"

#include <algorithm>
#include <fstream>
#include <sstream>

#include "terms/term_reader.hpp"
#include "util/ascii.hpp"

namespace quiver::io {
namespace {

std::size_t skip_blanks(std::string_view line, std::size_t i) {
  while (i < line.size() && (line[i] == ' ' || line[i] == '\t')) ++i;
  return i;
}

}  // namespace

Expected<DotStyles> parse_dot_styles(std::string_view text, const std::string& file_name) {
  DotStyles styles;
  std::uint64_t line_number = 0;
  for (std::size_t start = 0; start < text.size();) {
    std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(start, end - start);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    start = end + 1;
    ++line_number;
    auto error = [&](std::size_t at, std::string message) {
      return Error{SourceLocation{file_name, line_number, at + 1}, std::move(message)};
    };
    std::size_t i = skip_blanks(line, 0);
    if (i == line.size() || line[i] == '#') continue;
    std::string type;
    const TokenScan iri = line[i] == '<' ? read_iriref(line, i, type) : TokenScan{};
    if (iri.status != TokenScan::Status::Matched) return error(i, "expected a <class IRI>");
    i = skip_blanks(line, iri.end);
    const std::size_t word_start = i;
    while (i < line.size() && is_alpha(line[i])) ++i;
    const std::string_view target = line.substr(word_start, i - word_start);
    if (target != "node" && target != "edge") return error(word_start, "expected node or edge");
    std::string_view attributes = line.substr(skip_blanks(line, i));
    while (!attributes.empty() && is_space(attributes.back())) attributes.remove_suffix(1);
    if (attributes.empty()) return error(line.size(), "expected Graphviz attributes");
    auto style = std::find_if(styles.begin(), styles.end(),
                              [&](const DotTypeStyle& s) { return s.type == type; });
    if (style == styles.end()) style = styles.insert(styles.end(), DotTypeStyle{type, {}, {}});
    std::string& slot = target == "node" ? style->node_attributes : style->edge_attributes;
    if (!slot.empty()) slot += ", ";
    slot += attributes;
  }
  return styles;
}

Expected<DotStyles> read_dot_styles(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Error{SourceLocation{path, 0, 0}, "cannot read the DOT style file"};
  std::stringstream text;
  text << in.rdbuf();
  return parse_dot_styles(text.str(), path);
}

}  // namespace quiver::io
