#include "database/manifest.hpp"

#include <dirent.h>
#include <sys/stat.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>

#include "disk/file_format.hpp"

namespace quiver::database {
namespace {

constexpr const char* kFirstLine = "quiver database";

}  // namespace

Expected<FolderState> folder_state(const std::string& folder) {
  struct stat st {};
  if (::stat(folder.c_str(), &st) != 0) {
    if (errno == ENOENT) return FolderState::Missing;
    return disk::io_error(folder, "cannot read");
  }
  if (!S_ISDIR(st.st_mode)) return FolderState::Other;
  DIR* dir = ::opendir(folder.c_str());
  if (dir == nullptr) return disk::io_error(folder, "cannot list");
  bool ours = true, manifest = false;
  while (const dirent* e = ::readdir(dir)) {
    const std::string name = e->d_name;
    if (name == "." || name == "..") continue;
    if (name == "MANIFEST") manifest = true;
    // What a creation interrupted before its manifest leaves: the lock and
    // files named after a generation ("1.terms", "1.spo.tmp", ...).
    const bool generation_file = !name.empty() && name[0] >= '1' && name[0] <= '9' &&
                                 name.find('.') != std::string::npos &&
                                 name.find_first_not_of("0123456789") == name.find('.');
    if (name != "lock" && name != "MANIFEST.tmp" && !generation_file) ours = false;
  }
  ::closedir(dir);
  if (manifest) return FolderState::Database;
  return ours ? FolderState::Empty : FolderState::Other;
}

Expected<Manifest> read_manifest(const std::string& folder) {
  const std::string path = folder + "/MANIFEST";
  std::ifstream in(path);
  if (!in) return disk::io_error(path, "cannot open");
  std::string line;
  const auto damaged = [&](const std::string& why) {
    return Error(ErrorKind::Corrupt, path + ": not a Quiver database manifest (" + why + ")");
  };
  if (!std::getline(in, line) || line != kFirstLine) return damaged("first line");
  Manifest m;
  bool have_format = false, have_generation = false;
  while (std::getline(in, line)) {
    std::istringstream fields(line);
    std::string key;
    std::uint64_t value = 0;
    if (!(fields >> key >> value)) return damaged("a line is not 'key number'");
    if (key == "format") {
      if (value > kDatabaseFormat) {
        return Error(ErrorKind::Unsupported,
                     folder + ": a database of format " + std::to_string(value) +
                         ", written by a later Quiver; this one reads format " +
                         std::to_string(kDatabaseFormat) + " (nothing was changed)");
      }
      if (value == 0) return damaged("format 0");
      if (value < kDatabaseFormat) {
        return Error(ErrorKind::Unsupported,
                     folder + ": a database of format " + std::to_string(value) +
                         ", written by an earlier Quiver (without the PSO tables); this one "
                         "reads format " +
                         std::to_string(kDatabaseFormat) +
                         ": dump it with that Quiver and load it again (nothing was changed)");
      }
      m.format = static_cast<std::uint32_t>(value);
      have_format = true;
    } else if (key == "generation") {
      if (value == 0) return damaged("generation 0");
      m.generation = value;
      have_generation = true;
    }
  }
  if (!have_format || !have_generation) return damaged("no format or generation");
  return m;
}

Status write_manifest(const std::string& folder, const Manifest& manifest) {
  const std::string text = std::string(kFirstLine) + "\nformat " + std::to_string(manifest.format) +
                           "\ngeneration " + std::to_string(manifest.generation) + "\n";
  return disk::write_synced(folder + "/MANIFEST", text);
}

std::string generation_file(const std::string& folder, std::uint64_t generation,
                            const std::string& suffix) {
  return folder + "/" + std::to_string(generation) + "." + suffix;
}

}  // namespace quiver::database
