#pragma once
// --data FILE and --named [IRI=]FILE, shared by `query` and `serve`.

#include <memory>
#include <string>

#include "cli/options.hpp"
#include "engine/engine.hpp"

namespace quiver::cli {

/// Loads every --data file into the default graph (TriG / N-Quads keep
/// their graphs) and every --named argument as a named graph: `FILE` (named
/// by its file:// IRI) or `IRI=FILE`. Prints the first error; false then.
bool load_data_options(engine::Engine& engine, const po::variables_map& vm);

/// The engine `command` runs on: over the database in the folder of --db
/// (opened for writing when `writable`, with --wait and --no-sync), or in
/// memory with the --data and --named files loaded. Null after printing
/// the error (`usage` is then set for a misuse of the options).
std::unique_ptr<engine::Engine> open_engine(const std::string& command, const po::variables_map& vm,
                                            bool writable, bool& usage);

}  // namespace quiver::cli
