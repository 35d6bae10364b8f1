#include "io/format.hpp"

#include <string>

#include "util/ascii.hpp"

namespace quiver::io {
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

std::string_view media_type(Format format) {
  switch (format) {
    case Format::NTriples:
      return "application/n-triples";
    case Format::NQuads:
      return "application/n-quads";
    case Format::Turtle:
      return "text/turtle";
    case Format::TriG:
      return "application/trig";
    case Format::RdfXml:
      return "application/rdf+xml";
    case Format::Dot:
      return "text/vnd.graphviz";
  }
  return "application/octet-stream";
}

std::optional<Format> format_from_media_type(std::string_view type) {
  std::string t = ascii_lower(type.substr(0, type.find(';')));
  while (!t.empty() && t.back() == ' ') t.pop_back();
  if (t == "application/n-triples" || t == "text/plain") return Format::NTriples;
  if (t == "application/n-quads" || t == "text/x-nquads") return Format::NQuads;
  if (t == "text/turtle" || t == "application/x-turtle") return Format::Turtle;
  if (t == "application/trig") return Format::TriG;
  if (t == "application/rdf+xml" || t == "application/xml" || t == "text/xml")
    return Format::RdfXml;
  if (t == "text/vnd.graphviz") return Format::Dot;
  return std::nullopt;
}

}  // namespace quiver::io
