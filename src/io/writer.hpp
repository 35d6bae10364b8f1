#pragma once
/// @file
/// Writers for every supported syntax, each a QuadSink. N-Triples and
/// N-Quads stream; Turtle and TriG collect the graph and write it pretty and
/// deterministically on finish(); RDF/XML goes through Raptor2.

#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "io/dot_style.hpp"
#include "io/format.hpp"
#include "io/output.hpp"
#include "io/sink.hpp"
#include "util/expected.hpp"

namespace quiver::io {

/// How to write.
struct WriteOptions {
  /// The syntax to write.
  Format format = Format::NTriples;
  /// Prefixes offered to Turtle/TriG/RDF-XML (name, namespace IRI); only
  /// those actually used are written.
  std::vector<std::pair<std::string, std::string>> prefixes;
  /// Keep prefixes declared in the input as candidates too.
  bool keep_input_prefixes = true;
  /// For DOT: how the resources of particular classes are drawn.
  DotStyles dot_styles;
};

/// A sink that serializes what it receives to an Output.
class Writer : public QuadSink {
 public:
  /// Writes whatever is pending and reports failures (e.g. a quad in a named
  /// graph given to a triples-only format). Does not commit the Output.
  virtual Status finish() = 0;
};

/// Makes the writer for `options.format`, writing to `out` (not owned).
std::unique_ptr<Writer> make_writer(const WriteOptions& options, Output& out);

}  // namespace quiver::io
