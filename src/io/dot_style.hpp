#pragma once
/// @file
/// Styles for the DOT writer, by rdf:type: which Graphviz attributes the
/// nodes of a class and the edges leaving them get. The writer knows no
/// vocabulary of its own beyond labels; a picture's look for a particular
/// dataset comes from a style table, written in a small text file:
///
///     # <class IRI> node|edge <Graphviz attributes>
///     <https://quiver.example/ontology#Claim> node shape=note, fillcolor="#ffe08a"
///     <https://quiver.example/ontology#Claim> edge style=dashed

#include <string>
#include <string_view>
#include <vector>

#include "util/expected.hpp"

namespace quiver::io {

/// How the DOT writer draws the resources of one class.
struct DotTypeStyle {
  /// The class IRI (an object of rdf:type).
  std::string type;
  /// Attributes added to the node of each resource of the class
  /// (`shape=note, fillcolor="#ffe08a"`); empty for none.
  std::string node_attributes;
  /// Attributes added to each edge leaving such a resource; empty for none.
  std::string edge_attributes;
};

/// A style table. A resource of several styled classes takes the first
/// entry that names one of them.
using DotStyles = std::vector<DotTypeStyle>;

/// Reads a style table from `text`: one `<class IRI> node|edge attributes`
/// per line, `#` comments and blank lines ignored; lines for the same class
/// are merged. Errors carry `file_name:line:col`.
Expected<DotStyles> parse_dot_styles(std::string_view text, const std::string& file_name);

/// Reads the style table in the file at `path`.
Expected<DotStyles> read_dot_styles(const std::string& path);

}  // namespace quiver::io
