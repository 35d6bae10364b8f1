#include "cli/data_options.hpp"

#include <unistd.h>

#include <iostream>

#include "io/reader.hpp"

namespace quiver::cli {
namespace {

// An existing file whose name holds '=' is a file, not IRI=FILE.
std::pair<std::string, std::string> named_graph_argument(const std::string& arg) {
  if (::access(arg.c_str(), F_OK) == 0) return {io::file_iri(arg), arg};
  const auto eq = arg.rfind('=');
  if (eq == std::string::npos) return {io::file_iri(arg), arg};
  return {arg.substr(0, eq), arg.substr(eq + 1)};
}

bool report(const Expected<std::uint64_t>& loaded) {
  if (loaded) return true;
  std::cerr << loaded.error().to_string() << "\n";
  return false;
}

}  // namespace

bool load_data_options(engine::Engine& engine, const po::variables_map& vm) {
  if (vm.count("data")) {
    for (const auto& path : vm["data"].as<std::vector<std::string>>()) {
      if (!report(engine.load(path))) return false;
    }
  }
  if (vm.count("named")) {
    for (const auto& arg : vm["named"].as<std::vector<std::string>>()) {
      const auto [iri, path] = named_graph_argument(arg);
      if (!report(engine.load_named(iri, path))) return false;
    }
  }
  return true;
}

}  // namespace quiver::cli
