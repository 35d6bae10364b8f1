// Measures candidate on-disk layouts for the persistent store (issue 12) on
// the same rows: the in-memory store's sorted tables as the yardstick, LMDB
// (B+trees, one database per permutation, 12-byte big-endian keys), RocksDB
// (an LSM tree, one key space with a table prefix, its default block
// compression) and immutable sorted blocks of delta-coded rows with a sparse
// index (QLever's and Virtuoso's column-wise idea, written by us).
//
//   store_candidates_bench FILE DIR [SEEKS]
//
// Loads FILE into a MemoryStore, takes its three default-graph permutations
// (SPO, POS, OSP; 32-bit ids), and for each candidate: writes the three
// tables into DIR and syncs (seconds), the bytes on disk per triple, a full
// scan of POS (seconds), and SEEKS (default 200,000) prefix lookups of a
// (predicate, object) pair taken from the data (microseconds each). The
// checksums of each candidate must equal the yardstick's. Not a test.

#include <fcntl.h>
#include <lmdb.h>
#include <rocksdb/db.h>
#include <rocksdb/options.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <functional>
#include <memory>
#include <random>
#include <span>
#include <stdexcept>
#include <string>
#include <vector>

#include "io/format.hpp"
#include "store/memory_store.hpp"
#include "store/store_loader.hpp"

namespace {

using Row = std::array<std::uint32_t, 3>;
using Table = std::span<const Row>;
namespace fs = std::filesystem;

double seconds_since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

std::uint64_t bytes_below(const fs::path& dir) {
  std::uint64_t total = 0;
  for (const auto& e : fs::recursive_directory_iterator(dir)) {
    struct stat st {};
    // Allocated blocks, not apparent size: LMDB's file may be sparse.
    if (e.is_regular_file() && ::stat(e.path().c_str(), &st) == 0) total += st.st_blocks * 512;
  }
  return total;
}

void check(bool ok, const char* what) {
  if (!ok) throw std::runtime_error(what);
}

// Rows as big-endian bytes, so that byte order is the rows' order.
void encode(const Row& r, char* out) {
  for (int c = 0; c < 3; ++c) {
    for (int b = 0; b < 4; ++b) out[c * 4 + b] = static_cast<char>(r[c] >> (24 - 8 * b));
  }
}
Row decode(const char* in) {
  Row r{};
  for (int c = 0; c < 3; ++c) {
    for (int b = 0; b < 4; ++b) r[c] = (r[c] << 8) | static_cast<unsigned char>(in[c * 4 + b]);
  }
  return r;
}
std::uint64_t mix(const Row& r) { return r[0] * 3ull + r[1] * 5ull + r[2] * 7ull; }

/// What every candidate offers the measurement.
struct Candidate {
  virtual ~Candidate() = default;
  virtual void write(const std::array<Table, 3>& tables) = 0;
  /// Sum of mix() over every row of table `t`.
  virtual std::uint64_t scan(int t) = 0;
  /// Sum of mix() over the rows of table `t` whose first two columns are `a`, `b`.
  virtual std::uint64_t seek(int t, std::uint32_t a, std::uint32_t b) = 0;
};

struct InMemory final : Candidate {
  std::array<Table, 3> tables;
  void write(const std::array<Table, 3>& t) override { tables = t; }
  std::uint64_t scan(int t) override {
    std::uint64_t sum = 0;
    for (const Row& r : tables[t]) sum += mix(r);
    return sum;
  }
  std::uint64_t seek(int t, std::uint32_t a, std::uint32_t b) override {
    const Table rows = tables[t];
    auto it = std::lower_bound(rows.begin(), rows.end(), Row{a, b, 0});
    std::uint64_t sum = 0;
    for (; it != rows.end() && (*it)[0] == a && (*it)[1] == b; ++it) sum += mix(*it);
    return sum;
  }
};

struct Lmdb final : Candidate {
  explicit Lmdb(const fs::path& dir) {
    fs::create_directories(dir);
    check(mdb_env_create(&env) == 0, "mdb_env_create");
    check(mdb_env_set_mapsize(env, std::size_t{16} << 30) == 0, "mapsize");
    check(mdb_env_set_maxdbs(env, 4) == 0, "maxdbs");
    check(mdb_env_open(env, dir.c_str(), 0, 0644) == 0, "mdb_env_open");
  }
  ~Lmdb() override { mdb_env_close(env); }
  void write(const std::array<Table, 3>& tables) override {
    MDB_txn* txn = nullptr;
    check(mdb_txn_begin(env, nullptr, 0, &txn) == 0, "begin");
    for (int t = 0; t < 3; ++t) {
      check(mdb_dbi_open(txn, std::to_string(t).c_str(), MDB_CREATE, &dbi[t]) == 0, "dbi");
      char key[12];
      for (const Row& r : tables[t]) {
        encode(r, key);
        MDB_val k{sizeof key, key}, v{0, nullptr};
        check(mdb_put(txn, dbi[t], &k, &v, MDB_APPEND) == 0, "put");
      }
    }
    check(mdb_txn_commit(txn) == 0, "commit");
    check(mdb_env_sync(env, 1) == 0, "sync");
  }
  template <class Visit>
  void range(int t, const char* prefix, std::size_t length, Visit visit) {
    MDB_txn* txn = nullptr;
    check(mdb_txn_begin(env, nullptr, MDB_RDONLY, &txn) == 0, "begin read");
    MDB_cursor* cursor = nullptr;
    check(mdb_cursor_open(txn, dbi[t], &cursor) == 0, "cursor");
    MDB_val k{length, const_cast<char*>(prefix)}, v{};
    int rc = length ? mdb_cursor_get(cursor, &k, &v, MDB_SET_RANGE)
                    : mdb_cursor_get(cursor, &k, &v, MDB_FIRST);
    while (rc == 0 && std::memcmp(k.mv_data, prefix, length) == 0) {
      visit(decode(static_cast<const char*>(k.mv_data)));
      rc = mdb_cursor_get(cursor, &k, &v, MDB_NEXT);
    }
    mdb_cursor_close(cursor);
    mdb_txn_abort(txn);
  }
  std::uint64_t scan(int t) override {
    std::uint64_t sum = 0;
    range(t, "", 0, [&](const Row& r) { sum += mix(r); });
    return sum;
  }
  std::uint64_t seek(int t, std::uint32_t a, std::uint32_t b) override {
    char key[12];
    encode({a, b, 0}, key);
    std::uint64_t sum = 0;
    range(t, key, 8, [&](const Row& r) { sum += mix(r); });
    return sum;
  }
  MDB_env* env = nullptr;
  MDB_dbi dbi[3]{};
};

struct Rocks final : Candidate {
  explicit Rocks(const fs::path& dir) {
    rocksdb::Options options;
    options.create_if_missing = true;
    options.IncreaseParallelism(2);
    rocksdb::DB* raw = nullptr;
    check(rocksdb::DB::Open(options, dir.string(), &raw).ok(), "rocksdb open");
    db.reset(raw);
  }
  void write(const std::array<Table, 3>& tables) override {
    rocksdb::WriteOptions sync;
    sync.sync = true;
    for (int t = 0; t < 3; ++t) {
      rocksdb::WriteBatch batch;
      char key[13];
      key[0] = static_cast<char>(t);
      for (const Row& r : tables[t]) {
        encode(r, key + 1);
        batch.Put(rocksdb::Slice(key, sizeof key), rocksdb::Slice());
        if (batch.Count() >= 100000) {
          check(db->Write(sync, &batch).ok(), "write");
          batch.Clear();
        }
      }
      check(db->Write(sync, &batch).ok(), "write");
    }
    check(db->Flush(rocksdb::FlushOptions()).ok(), "flush");
    check(db->CompactRange(rocksdb::CompactRangeOptions(), nullptr, nullptr).ok(), "compact");
  }
  template <class Visit>
  void range(const std::string& prefix, Visit visit) {
    std::unique_ptr<rocksdb::Iterator> it(db->NewIterator(rocksdb::ReadOptions()));
    for (it->Seek(prefix); it->Valid() && it->key().starts_with(prefix); it->Next()) {
      visit(decode(it->key().data() + 1));
    }
  }
  std::uint64_t scan(int t) override {
    std::uint64_t sum = 0;
    range(std::string(1, static_cast<char>(t)), [&](const Row& r) { sum += mix(r); });
    return sum;
  }
  std::uint64_t seek(int t, std::uint32_t a, std::uint32_t b) override {
    char key[13];
    key[0] = static_cast<char>(t);
    encode({a, b, 0}, key + 1);
    std::uint64_t sum = 0;
    range(std::string(key, 9), [&](const Row& r) { sum += mix(r); });
    return sum;
  }
  std::unique_ptr<rocksdb::DB> db;
};

// Blocks of kBlockRows rows: the first row in full, each next one as the
// number of its first changed column with that column's increase, then
// the columns after it in full, all as LEB128 varints. A sparse index of
// each block's first row and offset finds a key's block by binary search.
struct Blocks final : Candidate {
  static constexpr std::size_t kBlockRows = 128;
  struct File {
    std::vector<Row> first;
    std::vector<std::uint64_t> offset;
    std::size_t rows = 0;
    const unsigned char* data = nullptr;
    std::size_t size = 0;
  };

  explicit Blocks(fs::path dir) : dir_(std::move(dir)) { fs::create_directories(dir_); }
  ~Blocks() override {
    for (auto& f : files_) {
      if (f.data != nullptr) ::munmap(const_cast<unsigned char*>(f.data), f.size);
    }
  }

  static void put(std::string& out, std::uint32_t v) {
    while (v >= 0x80) {
      out += static_cast<char>(v | 0x80);
      v >>= 7;
    }
    out += static_cast<char>(v);
  }
  static std::uint32_t get(const unsigned char*& p) {
    std::uint32_t v = 0;
    for (int shift = 0;; shift += 7) {
      const unsigned char b = *p++;
      v |= std::uint32_t{b & 0x7Fu} << shift;
      if (b < 0x80) return v;
    }
  }

  void write(const std::array<Table, 3>& tables) override {
    for (int t = 0; t < 3; ++t) {
      File& f = files_[t];
      std::string bytes;
      for (std::size_t i = 0; i < tables[t].size(); ++i) {
        const Row& r = tables[t][i];
        if (i % kBlockRows == 0) {
          f.first.push_back(r);
          f.offset.push_back(bytes.size());
          for (const std::uint32_t c : r) put(bytes, c);
          continue;
        }
        const Row& prev = tables[t][i - 1];
        int c = 0;
        while (c < 2 && r[c] == prev[c]) ++c;
        put(bytes, ((r[c] - prev[c]) << 2) | static_cast<std::uint32_t>(c));
        for (int k = c + 1; k < 3; ++k) put(bytes, r[k]);
      }
      f.rows = tables[t].size();
      const fs::path path = dir_ / std::to_string(t);
      {
        std::ofstream out(path, std::ios::binary);
        out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
        // The sparse index goes to disk too (its bytes are counted).
        std::ofstream index(path.string() + ".index", std::ios::binary);
        index.write(reinterpret_cast<const char*>(f.first.data()),
                    static_cast<std::streamsize>(f.first.size() * sizeof(Row)));
        index.write(reinterpret_cast<const char*>(f.offset.data()),
                    static_cast<std::streamsize>(f.offset.size() * sizeof(std::uint64_t)));
      }
      FILE* sync = std::fopen(path.c_str(), "r+");
      check(sync != nullptr && ::fsync(fileno(sync)) == 0, "fsync");
      std::fclose(sync);
      const int fd = ::open(path.c_str(), O_RDONLY);
      f.size = bytes.size();
      if (f.size > 0) {
        void* m = ::mmap(nullptr, f.size, PROT_READ, MAP_SHARED, fd, 0);
        check(m != MAP_FAILED, "mmap");
        f.data = static_cast<const unsigned char*>(m);
      }
      ::close(fd);
    }
  }
  template <class Visit>
  void rows_from(const File& f, std::size_t block, Visit visit) {
    const unsigned char* p = f.data + f.offset[block];
    const unsigned char* end = f.data + f.size;
    Row r{};
    for (std::size_t i = block * kBlockRows; i < f.rows && p < end; ++i) {
      if (i % kBlockRows == 0) {
        for (auto& c : r) c = get(p);
      } else {
        const std::uint32_t head = get(p);
        const int c = static_cast<int>(head & 3);
        r[c] += head >> 2;
        for (int k = c + 1; k < 3; ++k) r[k] = get(p);
      }
      if (!visit(r)) return;
    }
  }
  std::uint64_t scan(int t) override {
    std::uint64_t sum = 0;
    if (files_[t].rows == 0) return 0;
    rows_from(files_[t], 0, [&](const Row& r) {
      sum += mix(r);
      return true;
    });
    return sum;
  }
  std::uint64_t seek(int t, std::uint32_t a, std::uint32_t b) override {
    const File& f = files_[t];
    // The last block starting before (a, b): matches may begin inside it.
    const Row key{a, b, 0};
    auto it = std::lower_bound(f.first.begin(), f.first.end(), key);
    const std::size_t block = it == f.first.begin() ? 0 : std::size_t(it - f.first.begin()) - 1;
    std::uint64_t sum = 0;
    rows_from(f, block, [&](const Row& r) {
      if (r < key) return true;
      if (r[0] != a || r[1] != b) return false;
      sum += mix(r);
      return true;
    });
    return sum;
  }

  fs::path dir_;
  std::array<File, 3> files_;
};

}  // namespace

int main(int argc, char** argv) {
  if (argc < 3) {
    std::fprintf(stderr, "usage: store_candidates_bench FILE DIR [SEEKS]\n");
    return 2;
  }
  const fs::path dir = argv[2];
  const std::size_t seeks = argc > 3 ? std::stoul(argv[3]) : 200000;
  quiver::store::MemoryStore store;
  quiver::io::ReadOptions options;
  const auto format = quiver::io::format_from_path(argv[1]);
  if (!format) {
    std::fprintf(stderr, "unknown format for %s\n", argv[1]);
    return 2;
  }
  options.format = *format;
  auto loaded = quiver::store::load_file(store, argv[1], options);
  if (!loaded) {
    std::fprintf(stderr, "%s\n", loaded.error().to_string().c_str());
    return 1;
  }
  const auto version = store.current();
  const auto& base = version->triples().base();
  const std::array<Table, 3> tables{base.table(0).rows(), base.table(1).rows(),
                                    base.table(2).rows()};
  const double triples = static_cast<double>(tables[0].size());
  // (p, o) pairs of random POS rows, the same for every candidate.
  std::mt19937_64 random(42);
  std::vector<std::pair<std::uint32_t, std::uint32_t>> keys;
  for (std::size_t i = 0; i < seeks; ++i) {
    const Row& r = tables[1][random() % tables[1].size()];
    keys.emplace_back(r[0], r[1]);
  }
  std::printf("%.0f triples; %zu (predicate, object) seeks in POS\n", triples, seeks);
  std::printf("%-10s %10s %12s %10s %10s %14s\n", "candidate", "write_s", "bytes/triple", "scan_s",
              "seek_us", "checksum");
  fs::remove_all(dir);
  const std::vector<std::pair<const char*, std::function<std::unique_ptr<Candidate>()>>> all{
      {"memory", [] { return std::make_unique<InMemory>(); }},
      {"lmdb", [&] { return std::make_unique<Lmdb>(dir / "lmdb"); }},
      {"rocksdb", [&] { return std::make_unique<Rocks>(dir / "rocksdb"); }},
      {"blocks", [&] { return std::make_unique<Blocks>(dir / "blocks"); }},
  };
  for (const auto& [name, make] : all) {
    auto candidate = make();
    auto start = std::chrono::steady_clock::now();
    candidate->write(tables);
    const double write_s = seconds_since(start);
    const std::string sub = name;
    const double bytes =
        sub == "memory" ? 3.0 * sizeof(Row) * triples : double(bytes_below(dir / sub));
    start = std::chrono::steady_clock::now();
    std::uint64_t checksum = candidate->scan(1);
    const double scan_s = seconds_since(start);
    start = std::chrono::steady_clock::now();
    for (const auto& [a, b] : keys) checksum += candidate->seek(1, a, b);
    const double seek_us = seconds_since(start) * 1e6 / static_cast<double>(keys.size());
    std::printf("%-10s %10.3f %12.1f %10.3f %10.2f %14llu\n", name, write_s, bytes / triples,
                scan_s, seek_us, static_cast<unsigned long long>(checksum));
  }
  return 0;
}
