#pragma once
/// @file
/// Streaming readers: Turtle and TriG (1.2) by Quiver's own reader,
/// N-Triples and N-Quads (1.2) by its line reader, RDF/XML through Raptor2. Memory stays
/// constant whatever the input size.

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "io/format.hpp"
#include "io/sink.hpp"
#include "util/error.hpp"

namespace quiver::io {

/// How to read one input.
struct ReadOptions {
  /// The syntax of the input.
  Format format = Format::Turtle;
  /// Base IRI for relative references; empty means the input's `file://` IRI
  /// (or none for stdin).
  std::string base_iri;
  /// Skip bad statements and go on instead of stopping at the first error.
  bool lax = false;
  /// Prepended to every blank node label, so several inputs merged into one
  /// output keep their blank nodes apart (e.g. "f1_").
  std::string blank_prefix;
  /// Called for each error as it is found (also in lax mode). Optional.
  std::function<void(const Error&)> on_error;
};

/// What a read did. Errors are all reported as they are found (through
/// ReadOptions::on_error); the result keeps the first ones and the last,
/// so garbage input cannot make it grow without bound.
struct ReadResult {
  /// Errors kept: the first kKeptErrors - 1 and the most recent.
  static constexpr std::size_t kKeptErrors = 100;

  std::uint64_t quads = 0;        ///< statements passed to the sink
  std::uint64_t skipped = 0;      ///< bad statements skipped (lax mode)
  std::uint64_t error_count = 0;  ///< every error found
  std::vector<Error> errors;      ///< the first errors, in order, and the last one
  /// True when the input was read to the end without error.
  bool ok() const { return error_count == 0; }
  /// Records an error: kept if among the first, else in the last slot.
  void add_error(Error error) {
    ++error_count;
    if (errors.size() < kKeptErrors) {
      errors.push_back(std::move(error));
    } else {
      errors.back() = std::move(error);
    }
  }
};

/// Reads a file (`-` is stdin; a `.gz` name is decompressed) into `sink`.
ReadResult read_file(const std::string& path, const ReadOptions& options, QuadSink& sink);
/// Reads `text`, naming it `name` in error messages.
ReadResult read_string(std::string_view text, std::string_view name, const ReadOptions& options,
                       QuadSink& sink);

/// The `file://` IRI of a local path (made absolute), for default bases.
std::string file_iri(const std::string& path);

}  // namespace quiver::io
