// Fuzz target: a query through the whole engine (parse, optimize, plan,
// evaluate, explain) over a small dataset with every kind of term, under a
// time limit, its answer read to the end.
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string_view>

#include "engine/engine.hpp"
#include "io/reader.hpp"
#include "sparql/parser.hpp"
#include "store/store_loader.hpp"

namespace {

constexpr std::string_view kData = R"(
@prefix ex: <http://example.org/> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
ex:a ex:p ex:b , ex:c ; ex:n 1 , 2.5 , "3"^^xsd:double , -7 ; ex:s "chat"@fr , "Chat"@EN , "x" .
ex:b ex:p ex:c ; ex:n 10 ; ex:d "2024-01-02T03:04:05Z"^^xsd:dateTime ; ex:q [ ex:p ex:a ] .
ex:c ex:p ex:a ; ex:l ( 1 2 3 ) ; ex:t true .
_:x ex:p _:y . _:y ex:p _:x .
ex:g1 { ex:a ex:in ex:g1 ; ex:n 4 . }
ex:g2 { ex:b ex:in ex:g2 . _:z ex:p ex:c . }
)";

quiver::engine::Engine& engine() {
  static quiver::engine::Engine* e = [] {
    auto* made = new quiver::engine::Engine();
    quiver::io::ReadOptions options;
    options.format = quiver::io::Format::TriG;
    if (!quiver::store::load_string(made->store(), kData, "data.trig", options)) std::abort();
    return made;
  }();
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
