#pragma once
// SPARQL Update's LOAD of http(s) IRIs, for `update` and `serve --allow-load`.

#include <chrono>

#include "engine/engine.hpp"

namespace quiver::cli {

/// A loader that GETs the document (http and https only, within `timeout`)
/// and reads it into the transaction's graph; its blank nodes are new nodes.
engine::DocumentLoader web_loader(std::chrono::milliseconds timeout);

}  // namespace quiver::cli
