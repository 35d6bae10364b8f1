#pragma once
/// @file
/// The write-ahead log of one generation: each commit since the generation
/// was written, as one checksummed record, appended and synced before the
/// commit is acknowledged. Opening a database replays it over the base.
///
/// Layout: "QVWALOG1" | generation u64, then per record: payload length
/// u32 | the length's check u32 | checksum u64 (FNV-1a of the payload) |
/// payload. A crash while appending leaves at most the last record cut
/// short, or zeros where it was to be (a file extended, not written);
/// readers stop before it and a writer cuts it off. Anything else wrong
/// (a header failing its check, a bad record with data after it) is
/// damage, not a crash: a Corrupt error, and nothing is cut.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "util/expected.hpp"

namespace quiver::database {

/// Bytes of a log before its first record.
constexpr std::uint64_t kWalHeaderSize = 16;

/// Creates an empty log for `generation` at `path`, synced.
Status create_wal(const std::string& path, std::uint64_t generation);

/// Reads the whole records of the log at `path` (of `generation`); `valid`
/// is set to the length of the file up to the last whole record.
Expected<std::vector<std::string>> read_wal(const std::string& path, std::uint64_t generation,
                                            std::uint64_t& valid);

/// The log open for appending, by the one writer.
class WalWriter {
 public:
  /// Opens the log at `path`, whose whole records end at `valid` (what
  /// read_wal said): anything after is cut off first.
  static Expected<WalWriter> open(const std::string& path, std::uint64_t valid);
  /// Takes over `other`'s descriptor.
  WalWriter(WalWriter&& other) noexcept;
  /// Takes over `other`'s descriptor, closing this one's.
  WalWriter& operator=(WalWriter&& other) noexcept;
  /// Not copyable: it owns a descriptor.
  WalWriter(const WalWriter&) = delete;
  /// Not copyable: it owns a descriptor.
  WalWriter& operator=(const WalWriter&) = delete;
  /// Closes the log.
  ~WalWriter();

  /// Appends one record and, when `sync`, waits until it is on disk. On
  /// failure the log is cut back to what it was: nothing of the record
  /// stays.
  Status append(std::string_view payload, bool sync);
  /// Bytes in the log.
  std::uint64_t size() const { return size_; }

 private:
  WalWriter() = default;
  std::string path_;
  int fd_ = -1;
  std::uint64_t size_ = 0;
};

}  // namespace quiver::database
