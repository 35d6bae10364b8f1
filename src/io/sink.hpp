#pragma once
/// @file
/// The one streaming interface between readers, writers and stores: a
/// reader pushes prefixes and quads into a sink as it parses them.

#include <string_view>

#include "terms/term.hpp"
#include "util/expected.hpp"

namespace quiver::io {

/// Receives a stream of statements. Views passed in are valid only for the
/// duration of the call; a sink that keeps them must copy.
///
/// A sink that cannot take a statement (a store full, a limit reached)
/// returns the error instead of throwing: readers call sinks from inside
/// C parsers' callbacks, which an exception must never cross. The reader
/// then stops and reports that error, in lax mode too.
class QuadSink {
 public:
  virtual ~QuadSink() = default;
  /// A prefix declaration (`@prefix name: <iri>`), iri already resolved.
  virtual void on_prefix(std::string_view name, std::string_view iri) {
    (void)name;
    (void)iri;
  }
  /// One statement; quad.graph is None for the default graph.
  virtual Status on_quad(const QuadRef& quad) = 0;
};

}  // namespace quiver::io
