// `quiver load --db DIR FILE...`: bulk load into a database through a
// BulkLoader (bounded memory: sorted runs merged into the next generation
// at the end). A file that fails adds nothing: the loader goes back to
// where the file began.

#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <iostream>
#include <thread>

#include "cli/commands.hpp"
#include "cli/options.hpp"
#include "cli/progress.hpp"
#include "database/bulk_loader.hpp"
#include "database/disk_store.hpp"
#include "io/pipelined_reader.hpp"
#include "io/reader.hpp"
#include "store/store_loader.hpp"

namespace quiver::cli {
namespace {

// A quarter of the machine's memory, at least 64 MiB.
std::size_t default_load_memory() {
  const long pages = ::sysconf(_SC_PHYS_PAGES), page = ::sysconf(_SC_PAGE_SIZE);
  const std::size_t ram = pages > 0 && page > 0 ? static_cast<std::size_t>(pages) * page : 0;
  return std::max<std::size_t>(ram / 4, std::size_t{64} << 20);
}

}  // namespace
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
  const std::string folder = vm["db"].as<std::string>();
  std::size_t memory = default_load_memory();
  if (vm.count("memory")) memory = vm["memory"].as<ByteSize>().value;
  auto opened = database::DiskStore::open(folder, options);
  if (!opened) {
    std::cerr << "quiver load: " << opened.error().message << "\n";
    return kFailed;
  }
  database::DiskStore& disk = **opened;
  unsigned threads = std::max(1u, std::thread::hardware_concurrency());
  if (vm.count("threads")) threads = vm["threads"].as<unsigned>();
  if (threads == 0) return usage_error(spec, "--threads must be at least 1");
  auto loader = database::BulkLoader::start(disk, memory, threads);
  if (!loader) {
    std::cerr << "quiver load: " << loader.error().message << "\n";
    return kFailed;
  }

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
    const database::BulkLoader::Mark mark = (*loader)->mark();
    Status st = (*loader)->set_graph(graph);
    io::ReadResult result;
    if (st) {
      ProgressSink progress(**loader);
      // More than one thread: parsing runs beside interning (pipelined).
      result = threads > 1 ? io::read_file_pipelined(files[i], read, progress)
                           : io::read_file(files[i], read, progress);
    }
    std::optional<Error> failure = st ? store::load_failure(result, read) : st.error();
    if (failure) {
      (*loader)->rollback(mark);
      std::cerr << failure->to_string() << "\n"
                << "quiver load: nothing of " << files[i] << " was loaded\n";
      status = kFailed;
      break;
    }
    statements += result.quads;
    const double seconds = std::chrono::duration<double>(Clock::now() - file_started).count();
    std::fprintf(stderr, "%s: %llu statements, %.0f statements/s\n", files[i].c_str(),
                 static_cast<unsigned long long>(result.quads),
                 seconds > 0 ? result.quads / seconds : 0.0);
  }
  // What was loaded before a failure is written: each file is whole or absent.
  if (::isatty(2)) std::fprintf(stderr, "quiver load: writing the indexes...\n");
  if (Status written = (*loader)->finish(); !written) {
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
