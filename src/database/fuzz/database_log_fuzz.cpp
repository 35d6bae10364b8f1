// Fuzz target: opening a database whose write-ahead log holds any bytes.
// A small database (terms and quads in both graphs, merged into its
// files) is made once; each input replaces its log, and the database is
// opened. The first byte picks how: odd, the rest is the log file as it
// is (the framing is fuzzed); even, the rest is record payloads split at
// the bytes FF FE, each framed with its right length and checksum behind
// a right header (so that mutations reach the decoding of records rather
// than die at the checksum). a bad log is an error, never a crash, and a log that replays
// gives a state whose every match agrees with its counts and whose ids
// all have terms. Opening twice gives the same state (replay is
// deterministic).
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>

#include "database/disk_store.hpp"
#include "database/manifest.hpp"
#include "disk/file_format.hpp"

namespace {

using namespace quiver;

// The database, made at the first call; its live generation's log path.
const std::string& log_path() {
  static const std::string path = [] {
    const std::string folder = (std::filesystem::temp_directory_path() /
                                ("quiver-fuzz-database-" + std::to_string(::getpid())))
                                   .string();
    std::filesystem::remove_all(folder);
    database::OpenOptions options;
    options.writable = true;
    options.create = true;
    options.sync = false;
    auto store = database::DiskStore::open(folder, options);
    if (!store) std::abort();
    for (int round = 0; round < 2; ++round) {
      auto t = (*store)->begin();
      if (!t) std::abort();
      for (int i = 0; i < 40; ++i) {
        const Term s = Term::iri("http://example.org/s" + std::to_string(i % 7));
        const Term p = Term::iri("http://example.org/p" + std::to_string(i % 3));
        const Term o = Term::literal(std::to_string(i), "", i % 2 ? "en" : "");
        const Term g = i % 4 ? Term() : Term::iri("http://example.org/g" + std::to_string(i % 2));
        if (!(*t)->insert(QuadRef{s.ref(), p.ref(), o.ref(), g.ref()})) std::abort();
      }
      if (!(*t)->commit()) std::abort();
      if (round == 0 && !(*store)->merge()) std::abort();
    }
    const std::uint64_t generation = (*store)->info().generation;
    const std::string wal = database::generation_file(folder, generation, "wal");
    // The valid log, for tests/fuzz/seeds/database_log/ (its seed).
    if (const char* seed = std::getenv("QUIVER_FUZZ_SEED_OUT")) {
      std::filesystem::copy_file(wal, seed, std::filesystem::copy_options::overwrite_existing);
    }
    // Never destroyed: the exit handler runs after the statics' destructors.
    static const std::string* const made = new std::string(folder);
    std::atexit([] {
      std::error_code ec;
      std::filesystem::remove_all(*made, ec);
    });
    return wal;
  }();
  return path;
}

std::uint64_t generation() {
  const std::string& path = log_path();
  const std::string name = path.substr(path.rfind('/') + 1);
  return std::stoull(name.substr(0, name.find('.')));
}

std::uint64_t checked_state(const database::DiskStore& store) {
  const auto d = store.snapshot();
  QuadIds batch[64];
  std::uint64_t n = 0;
  auto cursor = d->match({kAnyTerm, kAnyTerm, kAnyTerm, kAnyTerm});
  while (const std::size_t got = cursor->next(batch, 64)) {
    for (std::size_t i = 0; i < got; ++i) {
      for (const TermId id : {batch[i].subject, batch[i].predicate, batch[i].object}) {
        if (d->term(id).is_none()) std::abort();  // an id without a term
      }
      if (batch[i].graph != kDefaultGraph && !d->has_graph(batch[i].graph)) std::abort();
    }
    n += got;
  }
  if (n != d->size() || n != d->count({kAnyTerm, kAnyTerm, kAnyTerm, kAnyTerm})) std::abort();
  return n;
}

}  // namespace

// The log of `payloads` split at FF FE, framed as WalWriter frames them.
std::string framed(std::string_view payloads, std::uint64_t generation) {
  std::string out = "QVWALOG1";
  disk::put_u64(out, generation);
  std::size_t at = 0;
  while (at <= payloads.size()) {
    std::size_t end = payloads.find("\xFF\xFE", at);
    if (end == std::string_view::npos) end = payloads.size();
    const std::string_view payload = payloads.substr(at, end - at);
    disk::Checksum sum;
    sum.add(reinterpret_cast<const unsigned char*>(payload.data()), payload.size());
    std::string length;
    disk::put_u32(length, static_cast<std::uint32_t>(payload.size()));
    disk::Checksum length_sum;
    length_sum.add(reinterpret_cast<const unsigned char*>(length.data()), length.size());
    out += length;
    disk::put_u32(out, static_cast<std::uint32_t>(length_sum.value >> 32) | 1u);
    disk::put_u64(out, sum.value);
    out += payload;
    at = end + 2;
  }
  return out;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  const std::string& path = log_path();
  const std::string_view rest(reinterpret_cast<const char*>(data + 1), size - 1);
  {
    const std::string bytes = data[0] % 2 ? std::string(rest) : framed(rest, generation());
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  }
  const std::string folder = path.substr(0, path.rfind('/'));
  auto first = database::DiskStore::open(folder, {});
  if (!first) return 0;
  const std::uint64_t n = checked_state(**first);
  auto second = database::DiskStore::open(folder, {});
  if (!second || checked_state(**second) != n) std::abort();  // replay differs
  return 0;
}
