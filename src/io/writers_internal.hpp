#pragma once
// Factories behind make_writer(); one file per syntax family.

#include <memory>

#include "io/writer.hpp"

namespace quiver::io {

/// Streaming N-Triples (`quads == false`) or N-Quads writer.
std::unique_ptr<Writer> make_ntriples_writer(Output& out, bool quads);
/// Pretty, deterministic Turtle (`trig == false`) or TriG writer.
std::unique_ptr<Writer> make_turtle_writer(const WriteOptions& options, Output& out, bool trig);
/// RDF/XML writer through Raptor2's serializer.
std::unique_ptr<Writer> make_rdfxml_writer(const WriteOptions& options, Output& out);
/// Graphviz DOT writer: a picture of the graph, not RDF (output only).
std::unique_ptr<Writer> make_dot_writer(const WriteOptions& options, Output& out);

}  // namespace quiver::io
