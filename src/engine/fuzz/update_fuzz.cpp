// Fuzz target: an update request through parser and engine over a small
// dataset, under a time limit. Oracles: a request that fails leaves the
// store exactly as it was (atomicity), and whatever a request leaves can be
// written as N-Quads and read back.
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include "engine/engine.hpp"
#include "engine/fuzz/fuzz_data.hpp"
#include "io/output.hpp"
#include "io/reader.hpp"
#include "io/writer.hpp"
#include "sparql/update.hpp"

namespace {

std::string nquads(const quiver::engine::Engine& engine) {
  std::string text;
  auto out = quiver::io::Output::to_string(&text);
  quiver::io::WriteOptions options;
  options.format = quiver::io::Format::NQuads;
  auto writer = quiver::io::make_writer(options, *out);
  if (!engine.dump(*writer) || !writer->finish() || !out->commit()) std::abort();
  return text;
}

struct Ignore : quiver::io::QuadSink {
  quiver::Status on_quad(const quiver::QuadRef&) override { return {}; }
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  auto update = quiver::sparql::parse_update(text);
  if (!update) return 0;
  auto engine = quiver::fuzz::engine_with_data();
  const std::string before = nquads(*engine);
  quiver::engine::UpdateOptions options;
  options.timeout = std::chrono::milliseconds(500);
  const auto done = engine->update(*update, options);
  const std::string after = nquads(*engine);
  if (!done && after != before) {
    std::fprintf(stderr, "failed update changed the store: %s\n", done.error().to_string().c_str());
    std::abort();
  }
  quiver::io::ReadOptions read;
  read.format = quiver::io::Format::NQuads;
  Ignore sink;
  if (!quiver::io::read_string(after, "dump.nq", read, sink).ok()) {
    std::fprintf(stderr, "the store's N-Quads do not read back\n");
    std::abort();
  }
  return 0;
}
