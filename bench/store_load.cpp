// Measures loading an RDF file into a MemoryStore: time, size and memory.
//
//   store_load_bench FILE [FORMAT]
//
// Prints the read time (parsing + dictionary), the index build time, the
// quad and term counts, the store's own byte counts and the process's peak
// resident memory (VmHWM), each also per quad.

#include <chrono>
#include <cstdio>
#include <ctime>
#include <fstream>
#include <string>

#include "io/format.hpp"
#include "store/memory_store.hpp"
#include "store/store_loader.hpp"

namespace {

/// Peak resident set size in bytes, from /proc/self/status.
std::size_t peak_rss() {
  std::ifstream status("/proc/self/status");
  std::string line;
  while (std::getline(status, line)) {
    if (line.rfind("VmHWM:", 0) == 0) return std::stoull(line.substr(6)) * 1024;
  }
  return 0;
}

/// Wall-clock and CPU seconds, since the machine may be shared.
struct Clock {
  std::chrono::steady_clock::time_point wall = std::chrono::steady_clock::now();
  std::clock_t cpu = std::clock();

  double wall_seconds() const {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - wall).count();
  }
  double cpu_seconds() const { return double(std::clock() - cpu) / CLOCKS_PER_SEC; }
};

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: %s FILE [FORMAT]\n", argv[0]);
    return 2;
  }
  const std::string path = argv[1];
  const auto format =
      argc > 2 ? quiver::io::format_from_name(argv[2]) : quiver::io::format_from_path(path);
  if (!format) {
    std::fprintf(stderr, "unknown format for %s\n", path.c_str());
    return 2;
  }
  quiver::io::ReadOptions options;
  options.format = *format;

  const std::size_t rss_before = peak_rss();
  quiver::store::MemoryStore store;
  const Clock start;
  const auto loaded = quiver::store::load_file(store, path, options);
  if (!loaded.ok()) {
    std::fprintf(stderr, "%s\n", loaded.error().to_string().c_str());
    return 1;
  }
  const double read_seconds = start.wall_seconds();
  const double read_cpu = start.cpu_seconds();
  // The load's commit builds the indexes.
  const double index_seconds = 0;
  const double index_cpu = 0;
  const double total_seconds = start.wall_seconds();
  const double total_cpu = start.cpu_seconds();

  const double quads = static_cast<double>(store.snapshot()->size());
  const std::size_t peak = peak_rss();
  std::printf("file            %s\n", path.c_str());
  std::printf("statements      %llu read, %llu distinct quads, %zu terms\n",
              static_cast<unsigned long long>(*loaded),
              static_cast<unsigned long long>(store.snapshot()->size()), store.term_count());
  std::printf("wall time       %.3f s (read + dictionary %.3f s, then %.3f s)\n", total_seconds,
              read_seconds, index_seconds);
  std::printf("CPU time        %.3f s (read + dictionary %.3f s, then %.3f s)\n", total_cpu,
              read_cpu, index_cpu);
  std::printf("rate            %.0f quads/s\n", quads / total_seconds);
  std::printf("dictionary      %.1f MB (%.1f B/quad)\n", store.dictionary_memory() / 1e6,
              store.dictionary_memory() / quads);
  std::printf("indexes         %.1f MB (%.1f B/quad)\n", store.index_memory() / 1e6,
              store.index_memory() / quads);
  std::printf("peak RSS        %.1f MB (%.1f B/quad; %.1f MB before loading)\n", peak / 1e6,
              peak / quads, rss_before / 1e6);
  return 0;
}
