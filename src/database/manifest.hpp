#pragma once
/// @file
/// A database folder's manifest: which generation of files is live. It is
/// replaced whole (written beside, renamed over), so a reader sees the old
/// generation or the new one, never a mix; the rename is a merge's commit.
///
/// The folder holds `MANIFEST`, `lock` (writers take it), and for the live
/// generation G: `G.terms` (the dictionary), `G.spo` ... (one block table
/// per permutation), `G.info` (graphs and statistics) and `G.wal` (the
/// write-ahead log of the commits since).

#include <cstdint>
#include <string>

#include "util/expected.hpp"

namespace quiver::database {

/// The folder layout's version: a folder of another one is refused.
/// Format 2 added the PSO tables (`G.pso`, `G.psog`, `G.gpso`).
constexpr std::uint32_t kDatabaseFormat = 2;

/// What MANIFEST says.
struct Manifest {
  /// The format the folder was written in.
  std::uint32_t format = kDatabaseFormat;
  /// The live generation (1 for a new database).
  std::uint64_t generation = 0;
};

/// What a folder holds, for opening it.
enum class FolderState {
  Missing,   ///< no such folder
  Empty,     ///< an empty folder (or one a creation left before its manifest)
  Database,  ///< a folder with a MANIFEST
  Other,     ///< a folder of something else
};

/// What `folder` holds (an Io error when it cannot be read).
Expected<FolderState> folder_state(const std::string& folder);

/// Reads `folder`/MANIFEST: an Unsupported error for a later format, a
/// Corrupt one for a damaged file.
Expected<Manifest> read_manifest(const std::string& folder);

/// Replaces `folder`/MANIFEST, synced.
Status write_manifest(const std::string& folder, const Manifest& manifest);

/// The path of generation `generation`'s file with this suffix ("terms",
/// "spo", "info", "wal", ...).
std::string generation_file(const std::string& folder, std::uint64_t generation,
                            const std::string& suffix);

}  // namespace quiver::database
