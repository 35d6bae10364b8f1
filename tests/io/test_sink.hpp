#pragma once
// A sink that keeps every quad, for tests.

#include <string>
#include <utility>
#include <vector>

#include "io/sink.hpp"
#include "terms/term_writer.hpp"

namespace quiver::io::testing {

class CollectingSink final : public QuadSink {
 public:
  void on_prefix(std::string_view name, std::string_view iri) override {
    prefixes.emplace_back(std::string(name), std::string(iri));
  }
  Status on_quad(const QuadRef& quad) override {
    quads.emplace_back(quad);
    return {};
  }

  /// Every quad as an N-Quads line, in arrival order.
  std::string nquads() const {
    std::string out;
    for (const auto& q : quads) append_nquads_line(out, q.ref());
    return out;
  }

  std::vector<std::pair<std::string, std::string>> prefixes;
  std::vector<Quad> quads;
};

}  // namespace quiver::io::testing
