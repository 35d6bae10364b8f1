// Fuzz target: the readers of the on-disk store's files, a block table and
// the dictionary (each input is opened as both; their magic numbers tell
// them apart). Whatever the bytes, opening, verifying and reading give
// errors, never a crash; a block table that verifies reads back exactly
// its row count, in order, and a dictionary that verifies finds every
// term at its index.
#include <sys/mman.h>
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "disk/block_table.hpp"
#include "disk/dictionary_file.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using quiver::disk::BlockTable;
  // A file in memory (memfd), reopened by path as the store opens files.
  static const int fd = ::memfd_create("quiver-fuzz-block-table", 0);
  static const std::string path = "/proc/self/fd/" + std::to_string(fd);
  if (fd < 0 || ::ftruncate(fd, 0) != 0) return 0;
  if (::pwrite(fd, data, size, 0) != static_cast<ssize_t>(size)) return 0;
  if (auto dictionary = quiver::disk::DictionaryFile::open(path)) {
    const bool verified = dictionary->verify().ok();
    for (std::uint64_t i = 0; i < dictionary->size() && i < 1000; ++i) {
      auto term = dictionary->term(i);
      if (!term) continue;
      auto found = dictionary->find(*term);
      if (verified && (!found || *found != i)) std::abort();  // lost in its own hash table
    }
    return 0;
  }
  auto table = BlockTable<3>::open(path);
  if (!table) return 0;
  const bool verified = table->verify().ok();
  quiver::store::Row<3> rows[64];
  quiver::store::Row<3> previous{};
  std::uint64_t count = 0;
  auto all = table->range({}, 0);
  while (const std::size_t n = all.next(rows, 64)) {
    for (std::size_t i = 0; i < n; ++i) {
      if (verified && count > 0 && !(previous < rows[i])) std::abort();  // out of order
      previous = rows[i];
      ++count;
    }
  }
  if (verified && (all.error() != nullptr || count != table->size())) std::abort();
  // A prefix range over whatever the first row was.
  auto some = table->range(previous, 2);
  while (some.next(rows, 64) > 0) {
  }
  return 0;
}
