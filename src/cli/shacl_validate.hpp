#pragma once
// `quiver validate --shapes`: SHACL validation of data files or a database.

#include "cli/options.hpp"

namespace quiver::cli {

/// Validates the data (FILEs, --data, or --db) against the --shapes files;
/// writes the report, summarizes it on stderr, and returns the exit code:
/// 0 conforming, 1 results at or above --fail-on, 2 refused.
int run_shacl_validate(const po::variables_map& vm);

}  // namespace quiver::cli
