#pragma once
/// @file
/// The small dataset the engine's fuzz targets run over: every kind of term,
/// blank nodes, a list, named graphs.

#include <cstdlib>
#include <memory>
#include <string_view>

#include "engine/engine.hpp"
#include "io/reader.hpp"
#include "store/store_loader.hpp"

namespace quiver::fuzz {

/// The dataset, as TriG.
inline constexpr std::string_view kData = R"(
@prefix ex: <http://example.org/> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
ex:a ex:p ex:b , ex:c ; ex:n 1 , 2.5 , "3"^^xsd:double , -7 ; ex:s "chat"@fr , "Chat"@EN , "x" .
ex:b ex:p ex:c ; ex:n 10 ; ex:d "2024-01-02T03:04:05Z"^^xsd:dateTime ; ex:q [ ex:p ex:a ] .
ex:c ex:p ex:a ; ex:l ( 1 2 3 ) ; ex:t true .
_:x ex:p _:y . _:y ex:p _:x .
ex:g1 { ex:a ex:in ex:g1 ; ex:n 4 . }
ex:g2 { ex:b ex:in ex:g2 . _:z ex:p ex:c . }
)";

/// A new engine holding kData.
inline std::unique_ptr<engine::Engine> engine_with_data() {
  auto made = std::make_unique<engine::Engine>();
  io::ReadOptions options;
  options.format = io::Format::TriG;
  if (!store::load_string(made->store(), kData, "data.trig", options)) std::abort();
  return made;
}

}  // namespace quiver::fuzz
