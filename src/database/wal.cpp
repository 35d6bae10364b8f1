#include "database/wal.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <iterator>
#include <utility>

#include "disk/file_format.hpp"

namespace quiver::database {
namespace {

constexpr char kMagic[8] = {'Q', 'V', 'W', 'A', 'L', 'O', 'G', '1'};
constexpr std::size_t kHeaderSize = kWalHeaderSize;
constexpr std::size_t kRecordHeader = 16;

std::uint64_t checksum(std::string_view bytes) {
  disk::Checksum sum;
  sum.add(reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size());
  return sum.value;
}

// The length's own check: a flipped length byte is damage, not a record
// cut short, and an all-zero header (a file extended by a crash) fails it.
std::uint32_t length_check(std::uint32_t length) {
  std::string bytes;
  disk::put_u32(bytes, length);
  return static_cast<std::uint32_t>(checksum(bytes) >> 32) | 1u;
}

bool all_zero(const unsigned char* p, std::size_t n) {
  for (std::size_t i = 0; i < n; ++i) {
    if (p[i] != 0) return false;
  }
  return true;
}

}  // namespace

Status create_wal(const std::string& path, std::uint64_t generation) {
  std::string bytes(kMagic, sizeof kMagic);
  disk::put_u64(bytes, generation);
  return disk::write_synced(path, bytes);
}

// Read with read(2), not mapped: a writer may cut the file while a reader
// reads it, which would fault a map.
Expected<std::vector<std::string>> read_wal(const std::string& path, std::uint64_t generation,
                                            std::uint64_t& valid) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return disk::io_error(path, "cannot open the write-ahead log");
  const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  const auto* p = reinterpret_cast<const unsigned char*>(bytes.data());
  const std::size_t size = bytes.size();
  if (size < kHeaderSize || std::memcmp(p, kMagic, sizeof kMagic) != 0) {
    return Error(ErrorKind::Corrupt, path + ": not a Quiver write-ahead log");
  }
  if (disk::get_u64(p + 8) != generation) {
    return Error(ErrorKind::Corrupt, path + ": a log of generation " +
                                         std::to_string(disk::get_u64(p + 8)) + ", not " +
                                         std::to_string(generation));
  }
  const auto damaged = [&](std::size_t at, const char* what) {
    return Error(ErrorKind::Corrupt, path + ": " + what + " at byte " + std::to_string(at) +
                                         ", with data after it (damage, not a crash)");
  };
  // What a crash mid-append leaves: the last record cut short, or zeros
  // where it was to be. Anything else wrong is damage.
  std::vector<std::string> records;
  std::size_t at = kHeaderSize;
  while (at < size) {
    if (size - at < kRecordHeader) break;  // a header cut short
    const std::uint32_t length = disk::get_u32(p + at);
    if (disk::get_u32(p + at + 4) != length_check(length)) {
      if (all_zero(p + at, size - at)) break;
      return damaged(at, "a damaged record header");
    }
    if (length > size - at - kRecordHeader) break;  // cut short by a crash
    const std::string_view payload(bytes.data() + at + kRecordHeader, length);
    if (checksum(payload) != disk::get_u64(p + at + 8)) {
      const std::size_t end = at + kRecordHeader + length;
      if (end == size || all_zero(p + end, size - end)) break;
      return damaged(at, "a damaged record");
    }
    records.emplace_back(payload);
    at += kRecordHeader + length;
  }
  valid = at;
  return records;
}

Expected<WalWriter> WalWriter::open(const std::string& path, std::uint64_t valid) {
  WalWriter w;
  w.path_ = path;
  w.fd_ = ::open(path.c_str(), O_WRONLY | O_CLOEXEC);
  if (w.fd_ < 0) return disk::io_error(path, "cannot open the write-ahead log");
  if (::ftruncate(w.fd_, static_cast<off_t>(valid)) != 0 || ::fsync(w.fd_) != 0) {
    return disk::io_error(path, "cannot cut the write-ahead log's incomplete record");
  }
  w.size_ = valid;
  return w;
}

WalWriter::WalWriter(WalWriter&& other) noexcept
    : path_(std::move(other.path_)), fd_(std::exchange(other.fd_, -1)), size_(other.size_) {}

WalWriter& WalWriter::operator=(WalWriter&& other) noexcept {
  if (this != &other) {
    if (fd_ >= 0) ::close(fd_);
    path_ = std::move(other.path_);
    fd_ = std::exchange(other.fd_, -1);
    size_ = other.size_;
  }
  return *this;
}

WalWriter::~WalWriter() {
  if (fd_ >= 0) ::close(fd_);
}

Status WalWriter::append(std::string_view payload, bool sync) {
  if (payload.size() > 0xFFFFFFF0u) {
    return Error(ErrorKind::Limit, "a commit too large for one log record");
  }
  std::string record;
  record.reserve(kRecordHeader + payload.size());
  disk::put_u32(record, static_cast<std::uint32_t>(payload.size()));
  disk::put_u32(record, length_check(static_cast<std::uint32_t>(payload.size())));
  disk::put_u64(record, checksum(payload));
  record += payload;
  std::size_t done = 0;
  Status st;
  while (done < record.size()) {
    const ssize_t n =
        ::pwrite(fd_, record.data() + done, record.size() - done, static_cast<off_t>(size_ + done));
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      st = disk::io_error(path_, "cannot append to the write-ahead log");
      break;
    }
    done += static_cast<std::size_t>(n);
  }
  if (st && sync && ::fdatasync(fd_) != 0) {
    st = disk::io_error(path_, "cannot sync the write-ahead log");
  }
  if (!st) {
    // Nothing of a failed record may stay: a later record after it would
    // read as damage.
    if (::ftruncate(fd_, static_cast<off_t>(size_)) != 0) {
      return Error(ErrorKind::Io,
                   st.error().message + "; and the log could not be cut back: reopen the database");
    }
    return st;
  }
  size_ += record.size();
  return {};
}

}  // namespace quiver::database
