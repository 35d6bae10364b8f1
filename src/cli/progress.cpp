#include "cli/progress.hpp"

#include <unistd.h>

#include <cstdio>

namespace quiver::cli {

ProgressSink::ProgressSink(io::QuadSink& next)
    : next_(next),
      enabled_(::isatty(2) != 0),
      start_(std::chrono::steady_clock::now()),
      last_(start_) {}

ProgressSink::~ProgressSink() {
  if (printed_) std::fputs("\n", stderr);
}

void ProgressSink::tick() {
  const auto now = std::chrono::steady_clock::now();
  if (now - last_ < std::chrono::seconds(1)) return;
  last_ = now;
  const double seconds = std::chrono::duration<double>(now - start_).count();
  std::fprintf(stderr, "\r%llu triples, %.0f triples/s", static_cast<unsigned long long>(count_),
               seconds > 0 ? static_cast<double>(count_) / seconds : 0.0);
  std::fflush(stderr);
  printed_ = true;
}

}  // namespace quiver::cli
