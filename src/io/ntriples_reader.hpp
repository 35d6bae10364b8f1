#pragma once
/// @file
/// Quiver's own N-Triples and N-Quads reader. The formats are line based
/// and their terms self-delimiting, so a reader written for them alone
/// passes terms to the sink as views into the input, copies only what has
/// escapes, and checks everything the grammar asks (absolute IRIs, IRI and
/// blank node characters, UTF-8, language tags) in the same pass: about
/// four times Serd's speed on WatDiv. A bad statement is one bad line, so
/// a lax read skips exactly that line.

#include <string>
#include <string_view>

#include "io/byte_source.hpp"
#include "io/reader.hpp"

namespace quiver::io {

/// Reads N-Triples or N-Quads (options.format) from `source`, named `name`
/// in messages, line by line with memory bounded by the longest line.
ReadResult read_ntriples(ByteSource& source, const std::string& name, const ReadOptions& options,
                         QuadSink& sink);

/// Reads N-Triples or N-Quads held whole in `text`, without a copy. A
/// piece cut from the middle of a document (`document_start` false) starts
/// at a line end; its lines are numbered from 1 all the same.
ReadResult read_ntriples(std::string_view text, const std::string& name, const ReadOptions& options,
                         QuadSink& sink, bool document_start = true);

}  // namespace quiver::io
