#include "cli/data_options.hpp"

#include <unistd.h>

#include <iostream>

#include "database/disk_store.hpp"
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

std::unique_ptr<engine::Engine> open_engine(const std::string& command, const po::variables_map& vm,
                                            bool writable, bool& usage) {
  usage = false;
  if (!vm.count("db")) {
    if (vm.count("wait") || vm.count("no-sync")) {
      std::cerr << "quiver " << command << ": --wait and --no-sync go with --db\n";
      usage = true;
      return nullptr;
    }
    auto engine = std::make_unique<engine::Engine>();
    if (!load_data_options(*engine, vm)) return nullptr;
    return engine;
  }
  if (vm.count("data") || vm.count("named")) {
    std::cerr << "quiver " << command
              << ": --db reads the database; load files into it with `quiver load --db`, not "
                 "--data or --named\n";
    usage = true;
    return nullptr;
  }
  database::OpenOptions options;
  options.writable = writable;
  options.wait = vm.count("wait") > 0;
  options.sync = vm.count("no-sync") == 0;
  auto store = database::DiskStore::open(vm["db"].as<std::string>(), options);
  if (!store) {
    std::cerr << "quiver " << command << ": " << store.error().message << "\n";
    return nullptr;
  }
  return std::make_unique<engine::Engine>(std::move(*store));
}

}  // namespace quiver::cli
