#pragma once
// RDF/XML through Raptor2, fed in blocks so memory stays constant.

#include "io/byte_source.hpp"
#include "io/reader.hpp"

namespace quiver::io {

/// Parses RDF/XML from `source` (named `name` in messages) into `sink`.
ReadResult read_with_raptor(ByteSource& source, const std::string& name, const ReadOptions& options,
                            QuadSink& sink);

}  // namespace quiver::io
