#pragma once
/// @file
/// The RDF syntaxes Quiver reads and writes, and how they are named.

#include <optional>
#include <string_view>

namespace quiver::io {

/// An RDF concrete syntax, or `Dot`: Graphviz DOT, an output-only picture
/// of the graph (see make_writer()).
enum class Format { NTriples, NQuads, Turtle, TriG, RdfXml, Dot };

/// Parses a format name as given to `--from`/`--to`: `ntriples`/`nt`,
/// `nquads`/`nq`, `turtle`/`ttl`, `trig`, `rdfxml`/`xml`/`rdf`, `dot`
/// (case-insensitive).
std::optional<Format> format_from_name(std::string_view name);
/// Guesses the format from a path's extension (.nt .nq .ttl .trig .rdf .owl .xml .dot),
/// ignoring a trailing `.gz`.
std::optional<Format> format_from_path(std::string_view path);
/// The canonical name (`ntriples`, `nquads`, `turtle`, `trig`, `rdfxml`, `dot`).
std::string_view format_name(Format format);
/// True for the formats that can carry named graphs (N-Quads, TriG).
bool format_has_graphs(Format format);
/// True for N-Triples and N-Quads: one statement per line, so a file can
/// be cut at any line end and each piece read alone.
inline bool is_line_based(Format format) {
  return format == Format::NTriples || format == Format::NQuads;
}
/// False for the output-only formats (DOT).
bool format_is_readable(Format format);
/// The registered media type, e.g. `text/turtle`, `application/n-triples`
/// (`text/vnd.graphviz` for DOT).
std::string_view media_type(Format format);
/// The format of a media type (parameters and case ignored); `text/plain`
/// is read as N-Triples, which is what older servers label it.
std::optional<Format> format_from_media_type(std::string_view type);

}  // namespace quiver::io
