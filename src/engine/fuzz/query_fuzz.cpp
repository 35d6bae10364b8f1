// Fuzz target: a query through the whole engine (parse, optimize, plan,
// evaluate, explain) over a small dataset with every kind of term, under a
// time limit, its answer read to the end.
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string_view>

#include "engine/engine.hpp"
#include "engine/fuzz/fuzz_data.hpp"
#include "sparql/parser.hpp"

namespace {

quiver::engine::Engine& engine() {
  static quiver::engine::Engine* e = quiver::fuzz::engine_with_data().release();
  return *e;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  auto query = quiver::sparql::parse_query(text);
  if (!query) return 0;
  quiver::engine::QueryOptions options;
  options.timeout = std::chrono::milliseconds(500);
  auto answer = engine().query(*query, options);
  if (!answer) return 0;
  quiver::SolutionView row;
  quiver::TripleView triple;
  std::size_t n = 0;
  switch ((*answer)->form()) {
    case quiver::QueryForm::Select:
      while (n < 100000 && (*answer)->next(row)) ++n;
      break;
    case quiver::QueryForm::Ask:
      (void)(*answer)->boolean();
      break;
    default:
      while (n < 100000 && (*answer)->next(triple)) ++n;
  }
  (void)(*answer)->explain();
  return 0;
}
