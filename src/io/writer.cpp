#include "io/writer.hpp"

#include "io/writers_internal.hpp"

namespace quiver::io {

std::unique_ptr<Writer> make_writer(const WriteOptions& options, Output& out) {
  switch (options.format) {
    case Format::NTriples:
      return make_ntriples_writer(out, false);
    case Format::NQuads:
      return make_ntriples_writer(out, true);
    case Format::Turtle:
      return make_turtle_writer(options, out, false);
    case Format::TriG:
      return make_turtle_writer(options, out, true);
    case Format::RdfXml:
      return make_rdfxml_writer(options, out);
    case Format::Dot:
      return make_dot_writer(options, out);
  }
  return nullptr;  // unreachable: every Format is handled above
}

}  // namespace quiver::io
