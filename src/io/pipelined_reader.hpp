#pragma once
/// @file
/// Reading on other threads: the parser (Quiver's line reader, Serd or
/// Raptor) runs on a thread of its own and hands statements over in
/// batches, while the caller's thread runs only the sink (a store's
/// dictionary and indexes), so parsing and the dictionary no longer take
/// turns.

#include <string>

#include "io/reader.hpp"

namespace quiver::io {

/// read_file with the parsing on a second thread. The sink sees the same
/// statements and prefixes in the same order as with read_file, always on
/// the caller's thread, and options.on_error is called there too, in order.
/// The result is read_file's, except when the sink refuses a statement:
/// then the error carries the input's name and the statement's number
/// (the parser has moved on; its line is no longer known), and the errors
/// the parser found after that statement are dropped, as read_file would
/// never have met them. Small files (under 1 MiB) and one-core machines
/// read on the caller's thread: a thread would cost more than it saves.
ReadResult read_file_pipelined(const std::string& path, const ReadOptions& options, QuadSink& sink);

}  // namespace quiver::io
