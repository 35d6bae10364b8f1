#pragma once
// Runs the real `quiver` binary in a scratch directory and captures what it
// printed, so CLI behaviour is tested as a user sees it.

#include <sys/wait.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

namespace quiver::cli::testing {

namespace fs = std::filesystem;

struct RunResult {
  int exit_code = -1;
  std::string out;
  std::string err;
};

inline std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

/// A scratch directory, removed at the end, where commands run.
class Scratch {
 public:
  explicit Scratch(const std::string& name)
      : dir_(fs::temp_directory_path() /
             ("quiver_cli_" + name + "_" + std::to_string(::getpid()))) {
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  ~Scratch() { fs::remove_all(dir_); }
  const fs::path& dir() const { return dir_; }
  fs::path path(const std::string& name) const { return dir_ / name; }
  void write(const std::string& name, const std::string& bytes) const {
    std::ofstream(dir_ / name, std::ios::binary) << bytes;
  }
  /// Runs `quiver ARGS` (a shell word list) in the directory.
  RunResult quiver(const std::string& args, const std::string& stdin_file = "") const {
    return run("'" QUIVER_BIN "' " + args, stdin_file);
  }
  /// Runs `quiver ARGS` as another user (setpriv's options, e.g. --reuid=65534).
  RunResult quiver_as(const std::string& setpriv, const std::string& args) const {
    return run("setpriv " + setpriv + " '" QUIVER_BIN "' " + args, "");
  }
  /// Runs a shell command line in the directory.
  RunResult run(const std::string& command, const std::string& stdin_file) const {
    const std::string cmd = "cd '" + dir_.string() + "' && " + command +
                            (stdin_file.empty() ? " </dev/null" : " <'" + stdin_file + "'") +
                            " >.stdout 2>.stderr";
    RunResult r;
    const int status = std::system(cmd.c_str());
    r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    r.out = slurp(dir_ / ".stdout");
    r.err = slurp(dir_ / ".stderr");
    fs::remove(dir_ / ".stdout");
    fs::remove(dir_ / ".stderr");
    return r;
  }
  /// Names of the files left in the directory (for "no partial output").
  std::string listing() const {
    std::string names;
    for (const auto& e : fs::directory_iterator(dir_)) names += e.path().filename().string() + " ";
    return names;
  }

 private:
  fs::path dir_;
};

}  // namespace quiver::cli::testing
