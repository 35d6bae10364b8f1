#pragma once
/// @file
/// What every file of the on-disk store shares: little-endian integers,
/// LEB128 varints (checked against the end of their section), the
/// checksum, the read-only memory map, and writing a file whole and synced.

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "util/expected.hpp"

namespace quiver::disk {

/// Appends `v` as 4 little-endian bytes.
void put_u32(std::string& out, std::uint32_t v);
/// Appends `v` as 8 little-endian bytes.
void put_u64(std::string& out, std::uint64_t v);
/// Reads 4 little-endian bytes.
inline std::uint32_t get_u32(const unsigned char* p) {
  std::uint32_t v = 0;
  for (int i = 3; i >= 0; --i) v = (v << 8) | p[i];
  return v;
}
/// Reads 8 little-endian bytes.
inline std::uint64_t get_u64(const unsigned char* p) {
  std::uint64_t v = 0;
  for (int i = 7; i >= 0; --i) v = (v << 8) | p[i];
  return v;
}
/// Appends `v` as an LEB128 varint.
void put_varint(std::string& out, std::uint64_t v);
/// Reads a varint at `p`, advancing it; false when it runs past `end` or
/// past 64 bits.
inline bool get_varint(const unsigned char*& p, const unsigned char* end, std::uint64_t& v) {
  v = 0;
  for (int shift = 0; shift < 64; shift += 7) {
    if (p == end) return false;
    const unsigned char b = *p++;
    if (shift == 63 && b > 1) return false;  // past 64 bits
    v |= std::uint64_t{b & 0x7Fu} << shift;
    if (b < 0x80) return true;
  }
  return false;
}

/// FNV-1a over 64 bits: enough to tell a damaged file from a good one.
struct Checksum {
  /// The running value.
  std::uint64_t value = 0xcbf29ce484222325ull;
  /// Adds `n` bytes.
  void add(const unsigned char* p, std::size_t n) {
    for (std::size_t i = 0; i < n; ++i) value = (value ^ p[i]) * 0x100000001b3ull;
  }
};

/// A file mapped read-only; unmapped when the last copy goes.
class MappedFile {
 public:
  /// Maps the file at `path` (Io error when it cannot).
  static Expected<MappedFile> open(const std::string& path);
  /// The bytes.
  const unsigned char* data() const { return map_ ? map_->base : nullptr; }
  /// Number of bytes.
  std::size_t size() const { return map_ ? map_->size : 0; }

 private:
  struct Map {
    ~Map();
    const unsigned char* base = nullptr;
    std::size_t size = 0;
  };
  std::shared_ptr<const Map> map_;
};

/// A new file written beside its final name (`path`.tmp) and put in place
/// by commit(): synced, renamed over `path`, the folder synced. Until then
/// nothing at `path` changes; destroyed uncommitted, the temporary goes.
/// Writes are buffered, so a file of any size is written in bounded memory.
class SyncedFile {
 public:
  /// Creates `path`.tmp (Io error when it cannot). Not `durable` (a
  /// scratch file that a crash may lose): commit() renames without syncing.
  static Expected<std::unique_ptr<SyncedFile>> create(const std::string& path, bool durable = true);
  /// Removes the temporary unless committed.
  ~SyncedFile();
  /// Not copyable: it owns a descriptor.
  SyncedFile(const SyncedFile&) = delete;
  /// Not copyable: it owns a descriptor.
  SyncedFile& operator=(const SyncedFile&) = delete;

  /// Appends `bytes`.
  Status append(std::string_view bytes);
  /// Bytes appended so far.
  std::uint64_t size() const { return written_ + buffer_.size(); }
  /// Overwrites bytes already appended at `offset` (a header filled last).
  Status overwrite(std::uint64_t offset, std::string_view bytes);
  /// Syncs, renames over `path`, syncs the folder.
  Status commit();

 private:
  SyncedFile() = default;
  Status flush();
  std::string path_;
  std::string temporary_;
  int fd_ = -1;
  std::string buffer_;
  std::uint64_t written_ = 0;
  bool committed_ = false;
  bool durable_ = true;
};

/// Writes `bytes` as the file `path` through a SyncedFile.
Status write_synced(const std::string& path, std::string_view bytes);

/// Syncs the folder holding `path` (after a rename or an unlink in it).
Status sync_folder(const std::string& path);

/// An Io error about `path`, with the system's reason (errno).
Error io_error(const std::string& path, const std::string& what);

}  // namespace quiver::disk
