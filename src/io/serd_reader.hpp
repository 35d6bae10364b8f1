#pragma once
// Turtle and TriG through Serd 0.30, with the checks
// Serd leaves out (escaped surrogates, RFC 3986 resolution, IRI characters).

#include "io/byte_source.hpp"
#include "io/reader.hpp"

namespace quiver::io {

/// Parses `source` (named `name` in messages) in one of Serd's syntaxes.
ReadResult read_with_serd(ByteSource& source, const std::string& name, const ReadOptions& options,
                          QuadSink& sink);

}  // namespace quiver::io
