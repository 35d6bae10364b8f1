// N-Triples and N-Quads, streamed in canonical form straight into the
// output buffer: the fast path of `quiver convert`.

#include "io/writers_internal.hpp"
#include "terms/term_writer.hpp"

namespace quiver::io {
namespace {

class NTriplesWriter final : public Writer {
 public:
  NTriplesWriter(Output& out, bool quads) : out_(out), quads_(quads) {}

  Status on_quad(const QuadRef& quad) override {
    if (!quad.graph.is_none() && !quads_) {
      named_graph_seen_ = true;
      return {};
    }
    append_nquads_line(out_.buffer(), quad);
    out_.maybe_flush();
    return {};
  }

  Status finish() override {
    if (named_graph_seen_) {
      return Error{SourceLocation{}, "N-Triples cannot hold named graphs; use --to nquads or trig"};
    }
    return Status();
  }

 private:
  Output& out_;
  bool quads_;
  bool named_graph_seen_ = false;
};

}  // namespace

std::unique_ptr<Writer> make_ntriples_writer(Output& out, bool quads) {
  return std::make_unique<NTriplesWriter>(out, quads);
}

}  // namespace quiver::io
