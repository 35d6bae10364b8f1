#pragma once
// Stores built from TriG (or Turtle) text, for tests.

#include <gtest/gtest.h>

#include <string_view>
#include <vector>

#include "store/memory_store.hpp"
#include "store/store_loader.hpp"

namespace quiver::store::testing {

/// Adds the quads of `trig` (TriG, so plain Turtle works too) to `store`.
inline void add_trig(MemoryStore& store, std::string_view trig) {
  io::ReadOptions options;
  options.format = io::Format::TriG;
  options.base_iri = "http://example.org/";
  const auto loaded = load_string(store, trig, "test.trig", options);
  ASSERT_TRUE(loaded.ok()) << loaded.error().to_string();
}

/// Every quad `match(pattern)` yields, in order.
inline std::vector<QuadIds> all_matches(const Dataset& data, const QuadIds& pattern) {
  std::vector<QuadIds> out;
  auto cursor = data.match(pattern);
  QuadIds batch[7];  // small and odd, to cross batch boundaries
  while (const std::size_t n = cursor->next(batch, 7)) out.insert(out.end(), batch, batch + n);
  return out;
}

}  // namespace quiver::store::testing
