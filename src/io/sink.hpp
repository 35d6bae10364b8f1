#pragma once
/// @file
/// The one streaming interface between readers, writers and stores: a
/// reader pushes prefixes and quads into a sink as it parses them.

#include <cstddef>
#include <span>
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
  /// Statements in order, as on_quad each (readers that parse ahead hand
  /// them over together); `taken` counts those taken before a failure.
  virtual Status on_quads(std::span<const QuadRef> quads, std::size_t& taken) {
    for (taken = 0; taken < quads.size(); ++taken) {
      if (Status st = on_quad(quads[taken]); !st) return st;
    }
    return {};
  }
};

}  // namespace quiver::io
