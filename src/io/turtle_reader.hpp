#pragma once
/// @file
/// Quiver's own Turtle and TriG reader, RDF 1.2 included: triple terms
/// `<<( s p o )>>`, reified triples `<< s p o ~ r >>` (with rdf:reifies),
/// annotations `{| ... |}` and `~ reifier`, `VERSION` / `@version`, base
/// directions. Serd 0.30 reads RDF 1.1 only; why this reader takes every
/// Turtle and TriG document, not only those with 1.2 in them, is told in
/// src/README.md (io).

#include <string>
#include <string_view>

#include "io/byte_source.hpp"
#include "io/reader.hpp"

namespace quiver::io {

/// Reads Turtle or TriG (options.format) from `source`, named `name` in
/// messages, with memory bounded by the longest statement.
ReadResult read_turtle(ByteSource& source, const std::string& name, const ReadOptions& options,
                       QuadSink& sink);

/// Reads Turtle or TriG held whole in `text`.
ReadResult read_turtle(std::string_view text, const std::string& name, const ReadOptions& options,
                       QuadSink& sink);

}  // namespace quiver::io
