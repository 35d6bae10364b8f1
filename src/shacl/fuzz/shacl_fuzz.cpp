// Fuzz target: one Turtle document as both shapes graph and data graph
// (as the W3C SHACL tests are written), validated with SPARQL-based
// constraints on, under a time limit. Oracles: no crash or hang; an
// outcome conforms exactly when it has no result; the report writes as
// N-Triples that read back.
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include "engine/engine.hpp"
#include "io/output.hpp"
#include "io/reader.hpp"
#include "io/writer.hpp"
#include "shacl/shacl.hpp"
#include "store/store_loader.hpp"

namespace {

struct Ignore : quiver::io::QuadSink {
  quiver::Status on_quad(const quiver::QuadRef&) override { return {}; }
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  // Larger inputs only make slower runs, not new paths.
  if (size > 8192) return 0;
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  quiver::engine::Engine engine;
  quiver::io::ReadOptions read;
  read.format = quiver::io::Format::Turtle;
  if (!quiver::store::load_string(engine.store(), text, "fuzz.ttl", read)) return 0;
  const auto snapshot = engine.store().snapshot();
  quiver::shacl::Options options;
  options.engine = &engine;
  options.timeout = std::chrono::milliseconds(500);
  options.sparql.timeout = std::chrono::milliseconds(100);
  const auto outcome = quiver::shacl::validate_datasets(*snapshot, *snapshot, options);
  if (!outcome) return 0;
  if (outcome->conforms != outcome->results.empty()) {
    std::fprintf(stderr, "conforms %d with %zu results\n", outcome->conforms,
                 outcome->results.size());
    std::abort();
  }
  std::string nt;
  auto out = quiver::io::Output::to_string(&nt);
  quiver::io::WriteOptions write;
  write.format = quiver::io::Format::NTriples;
  auto writer = quiver::io::make_writer(write, *out);
  for (const auto& q : outcome->report) {
    if (!writer->on_quad(q.ref())) std::abort();
  }
  if (!writer->finish() || !out->commit()) std::abort();
  quiver::io::ReadOptions back;
  back.format = quiver::io::Format::NTriples;
  Ignore sink;
  if (!quiver::io::read_string(nt, "report.nt", back, sink).ok()) {
    std::fprintf(stderr, "the report's N-Triples do not read back:\n%s\n", nt.c_str());
    std::abort();
  }
  return 0;
}
