#pragma once
/// @file
/// `--max-memory`: a ceiling on the process's heap, so that a hostile or
/// mistaken query fails with a clear error instead of taking the machine.

#include <cstdint>
#include <optional>
#include <string>

namespace quiver::cli {

/// Caps the memory the process may allocate at `bytes` (RLIMIT_DATA: the
/// heap and every private writable mapping, thread stacks included). An
/// allocation past it fails; the query or request that made it ends with
/// "out of memory". Returns why it could not be set, if so (a sanitizer
/// build, whose shadow memory alone passes any such limit).
std::optional<std::string> limit_memory(std::uint64_t bytes);

/// The limit limit_memory() set, or 0 when none.
std::uint64_t memory_limit();

}  // namespace quiver::cli
