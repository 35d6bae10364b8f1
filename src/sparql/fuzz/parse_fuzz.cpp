// Fuzz target: the SPARQL query parser, the algebra it builds, the
// optimizer's passes and the printer over any text.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "optimizer/optimizer.hpp"
#include "sparql/parser.hpp"
#include "sparql/printer.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  auto query = quiver::sparql::parse_query(text);
  if (!query) {
    (void)quiver::sparql::format_parse_error(text, query.error(), "fuzz.rq");
    return 0;
  }
  (void)quiver::sparql::to_sse(*query);
  quiver::optimizer::PassContext context;
  const auto optimized = quiver::optimizer::optimize(*query, context);
  (void)quiver::sparql::to_sse(optimized);
  return 0;
}
