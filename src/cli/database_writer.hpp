#pragma once
// Writing a database's content as RDF: `quiver dump --db` and `quiver
// convert --db` both do it.

#include <optional>
#include <string>

#include "io/writer.hpp"

namespace quiver::cli {

/// Writes the database in `folder` (or only `graph`: "default" or a graph
/// IRI, as triples) to `out_path` ("-" for stdout, a file atomically) with
/// `options`; errors go to stderr prefixed with "quiver COMMAND: ". Returns
/// the exit code.
int write_database(const std::string& command, const std::string& folder,
                   const std::optional<std::string>& graph, const io::WriteOptions& options,
                   const std::string& out_path);

}  // namespace quiver::cli
