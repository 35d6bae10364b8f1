#pragma once
// Progress on stderr for long reads: only when stderr is a terminal, and only
// once a read has run for a second, so small inputs and pipelines stay quiet.

#include <chrono>
#include <cstdint>

#include "io/sink.hpp"

namespace quiver::cli {

/// Passes quads through to `next`, printing `N triples, N triples/s` now and then.
class ProgressSink final : public io::QuadSink {
 public:
  /// Progress goes to stderr, and only when it is a terminal.
  explicit ProgressSink(io::QuadSink& next);
  /// Ends the progress line, if one was printed.
  ~ProgressSink() override;
  void on_prefix(std::string_view name, std::string_view iri) override {
    next_.on_prefix(name, iri);
  }
  Status on_quad(const QuadRef& quad) override {
    if ((++count_ & 0xFFFF) == 0 && enabled_) tick();
    return next_.on_quad(quad);
  }
  Status on_quads(std::span<const QuadRef> quads, std::size_t& taken) override {
    if (((count_ + quads.size()) >> 16) != (count_ >> 16) && enabled_) tick();
    count_ += quads.size();
    return next_.on_quads(quads, taken);
  }

 private:
  void tick();

  io::QuadSink& next_;
  std::uint64_t count_ = 0;
  bool enabled_;
  bool printed_ = false;
  std::chrono::steady_clock::time_point start_;
  std::chrono::steady_clock::time_point last_;
};

}  // namespace quiver::cli
