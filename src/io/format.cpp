#include "io/format.hpp"

#include <string>

#include "util/text.hpp"

namespace quiver::io {
namespace {}  // namespace

std::optional<Format> format_from_name(std::string_view name) {
  const std::string n = ascii_lower(name);
  if (n == "ntriples" || n == "nt" || n == "n-triples") return Format::NTriples;
  if (n == "nquads" || n == "nq" || n == "n-quads") return Format::NQuads;
  if (n == "turtle" || n == "ttl") return Format::Turtle;
  if (n == "trig") return Format::TriG;
  if (n == "rdfxml" || n == "rdf/xml" || n == "xml" || n == "rdf" || n == "owl")
    return Format::RdfXml;
  if (n == "dot") return Format::Dot;
  return std::nullopt;
}

std::optional<Format> format_from_path(std::string_view path) {
  std::string p = ascii_lower(path);
  if (p.ends_with(".gz")) p.resize(p.size() - 3);
  const auto dot = p.rfind('.');
  const auto slash = p.rfind('/');
  if (dot == std::string::npos || (slash != std::string::npos && dot < slash)) return std::nullopt;
  const std::string ext = p.substr(dot + 1);
  if (ext == "nt") return Format::NTriples;
  if (ext == "nq") return Format::NQuads;
  if (ext == "ttl" || ext == "turtle") return Format::Turtle;
  if (ext == "trig") return Format::TriG;
  if (ext == "rdf" || ext == "owl" || ext == "xml") return Format::RdfXml;
  if (ext == "dot") return Format::Dot;
  return std::nullopt;
}

std::string_view format_name(Format format) {
  switch (format) {
    case Format::NTriples:
      return "ntriples";
    case Format::NQuads:
      return "nquads";
    case Format::Turtle:
      return "turtle";
    case Format::TriG:
      return "trig";
    case Format::RdfXml:
      return "rdfxml";
    case Format::Dot:
      return "dot";
  }
  return "unknown";
}

bool format_has_graphs(Format format) { return format == Format::NQuads || format == Format::TriG; }

bool format_is_readable(Format format) { return format != Format::Dot; }

}  // namespace quiver::io
