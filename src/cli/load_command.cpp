// `quiver load --db DIR FILE...`: bulk load into a database. Into an empty
// database the files are loaded in memory, each a transaction, and the
// whole written once as its first generation (the fastest path); into one
// with data, each file is a transaction of the database (one that is large
// commits by writing a new generation), and the delta is merged at the end.

#include <chrono>
#include <cstdio>
#include <iostream>

#include "cli/commands.hpp"
#include "cli/options.hpp"
#include "database/disk_store.hpp"
#include "io/reader.hpp"
#include "store/memory_store.hpp"
#include "store/store_loader.hpp"

namespace quiver::cli {
int run_load(const std::vector<std::string>& args) {
  const CommandSpec spec = load_spec();
  po::variables_map vm;
  if (const auto done = parse_command_line(spec, args, vm)) return *done;
  if (!vm.count("db")) return usage_error(spec, "--db DIR is required");
  const std::vector<std::string> files =
      vm.count("file") ? vm["file"].as<std::vector<std::string>>() : std::vector<std::string>{};
  std::optional<io::Format> from;
  if (vm.count("from")) {
    from = parse_format_option("load", vm["from"].as<std::string>());
    if (!from) return kUsage;
  }
  std::vector<io::Format> formats;
  for (const std::string& file : files) {
    std::optional<io::Format> f = from ? from : io::format_from_path(file);
    if (!f) {
      return usage_error(spec,
                         "cannot tell the syntax of '" + file + "' from its name; use --from");
    }
    formats.push_back(*f);
  }
  std::optional<std::string> graph;
  if (vm.count("graph")) graph = vm["graph"].as<std::string>();

  database::OpenOptions options;
  options.writable = true;
  options.create = true;
  options.wait = vm.count("wait") > 0;
  options.sync = vm.count("no-sync") == 0;
  const std::string folder = vm["db"].as<std::string>();
  auto opened = database::DiskStore::open(folder, options);
  if (!opened) {
    std::cerr << "quiver load: " << opened.error().message << "\n";
    return kFailed;
  }
  database::DiskStore& disk = **opened;
  const auto before = disk.current();
  const bool empty = before->size() == 0 && before->term_count() == 0 && before->graphs().empty();
  store::MemoryStore memory;
  Store& target = empty ? static_cast<Store&>(memory) : disk;

  using Clock = std::chrono::steady_clock;
  const Clock::time_point started = Clock::now();
  std::uint64_t statements = 0;
  int status = kOk;
  for (std::size_t i = 0; i < files.size(); ++i) {
    io::ReadOptions read;
    read.format = formats[i];
    read.lax = vm.count("lax") > 0;
    if (vm.count("base")) read.base_iri = vm["base"].as<std::string>();
    // Blank nodes of different files, and of different loads, are different.
    read.blank_prefix = disk.blank_namespace() + "f" + std::to_string(i + 1) + "_";
    const Clock::time_point file_started = Clock::now();
    auto loaded = store::load_file(target, files[i], read, graph);
    if (!loaded) {
      std::cerr << loaded.error().to_string() << "\n"
                << "quiver load: nothing of " << files[i] << " was loaded\n";
      status = kFailed;
      break;
    }
    statements += *loaded;
    const double seconds = std::chrono::duration<double>(Clock::now() - file_started).count();
    std::fprintf(stderr, "%s: %llu statements, %.0f statements/s\n", files[i].c_str(),
                 static_cast<unsigned long long>(*loaded), seconds > 0 ? *loaded / seconds : 0.0);
  }
  // What was loaded before a failure stays loaded, as each file's
  // transaction committed.
  Status written = empty ? disk.replace_empty(*memory.current()) : Status{};
  if (written && !empty && disk.current()->delta_size() > 0) written = disk.merge();
  if (!written) {
    std::cerr << "quiver load: " << written.error().message << "\n";
    return kFailed;
  }
  const database::DatabaseInfo info = disk.info();
  const double seconds = std::chrono::duration<double>(Clock::now() - started).count();
  std::fprintf(stderr,
               "quiver load: %llu statements from %zu files in %.2f s (%.0f statements/s); %s "
               "holds %llu quads, %llu terms, %llu named graphs, %.1f bytes a quad on disk\n",
               static_cast<unsigned long long>(statements), files.size(), seconds,
               seconds > 0 ? statements / seconds : 0.0, folder.c_str(),
               static_cast<unsigned long long>(info.quads),
               static_cast<unsigned long long>(info.terms),
               static_cast<unsigned long long>(info.graphs),
               info.quads ? static_cast<double>(info.bytes) / info.quads : 0.0);
  return status;
}

}  // namespace quiver::cli
