#pragma once
// --data FILE and --named [IRI=]FILE, shared by `query` and `serve`.

#include "cli/options.hpp"
#include "engine/engine.hpp"

namespace quiver::cli {

/// Loads every --data file into the default graph (TriG / N-Quads keep
/// their graphs) and every --named argument as a named graph: `FILE` (named
/// by its file:// IRI) or `IRI=FILE`. Prints the first error; false then.
bool load_data_options(engine::Engine& engine, const po::variables_map& vm);

}  // namespace quiver::cli
