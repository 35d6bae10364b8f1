#include "disk/file_format.hpp"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <utility>

namespace quiver::disk {

void put_u32(std::string& out, std::uint32_t v) {
  for (int i = 0; i < 4; ++i) out += static_cast<char>(v >> (8 * i));
}

void put_u64(std::string& out, std::uint64_t v) {
  for (int i = 0; i < 8; ++i) out += static_cast<char>(v >> (8 * i));
}

void put_varint(std::string& out, std::uint64_t v) {
  while (v >= 0x80) {
    out += static_cast<char>(v | 0x80);
    v >>= 7;
  }
  out += static_cast<char>(v);
}

Error io_error(const std::string& path, const std::string& what) {
  return Error(ErrorKind::Io, path + ": " + what + ": " + std::strerror(errno));
}

MappedFile::Map::~Map() {
  if (base != nullptr) ::munmap(const_cast<unsigned char*>(base), size);
}

Expected<MappedFile> MappedFile::open(const std::string& path) {
  // O_NONBLOCK: a FIFO in the folder must not hang the open.
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK);
  if (fd < 0) return io_error(path, "cannot open");
  struct stat st {};
  if (::fstat(fd, &st) != 0) {
    const Error e = io_error(path, "cannot stat");
    ::close(fd);
    return e;
  }
  if (!S_ISREG(st.st_mode)) {
    ::close(fd);
    return Error(ErrorKind::Corrupt, path + ": not a regular file");
  }
  auto map = std::make_shared<Map>();
  map->size = static_cast<std::size_t>(st.st_size);
  if (map->size > 0) {
    void* base = ::mmap(nullptr, map->size, PROT_READ, MAP_SHARED, fd, 0);
    if (base == MAP_FAILED) {
      const Error e = io_error(path, "cannot map");
      ::close(fd);
      return e;
    }
    map->base = static_cast<const unsigned char*>(base);
  }
  ::close(fd);
  MappedFile f;
  f.map_ = std::move(map);
  return f;
}

namespace {

Status write_all(int fd, const std::string& path, std::string_view bytes, off_t offset,
                 bool positioned) {
  std::size_t done = 0;
  while (done < bytes.size()) {
    const ssize_t n = positioned ? ::pwrite(fd, bytes.data() + done, bytes.size() - done,
                                            offset + static_cast<off_t>(done))
                                 : ::write(fd, bytes.data() + done, bytes.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) return io_error(path, "cannot write");
    done += static_cast<std::size_t>(n);
  }
  return {};
}

constexpr std::size_t kBufferSize = std::size_t{1} << 20;

}  // namespace

// Written beside, synced, renamed over, and the folder synced: a file that
// is mapped is never rewritten in place, and one reported written survives
// a crash.
Expected<std::unique_ptr<SyncedFile>> SyncedFile::create(const std::string& path, bool durable) {
  std::unique_ptr<SyncedFile> f(new SyncedFile);
  f->durable_ = durable;
  f->path_ = path;
  f->temporary_ = path + ".tmp";
  f->fd_ = ::open(f->temporary_.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (f->fd_ < 0) return io_error(f->temporary_, "cannot create");
  return f;
}

SyncedFile::~SyncedFile() {
  if (fd_ >= 0) ::close(fd_);
  if (!committed_) ::unlink(temporary_.c_str());
}

Status SyncedFile::flush() {
  if (buffer_.empty()) return {};
  Status st = write_all(fd_, temporary_, buffer_, 0, false);
  written_ += buffer_.size();
  buffer_.clear();
  return st;
}

Status SyncedFile::append(std::string_view bytes) {
  if (buffer_.size() + bytes.size() > kBufferSize) {
    if (Status st = flush(); !st) return st;
    if (bytes.size() > kBufferSize) {
      Status st = write_all(fd_, temporary_, bytes, 0, false);
      written_ += bytes.size();
      return st;
    }
  }
  buffer_ += bytes;
  return {};
}

Status SyncedFile::overwrite(std::uint64_t offset, std::string_view bytes) {
  if (offset + bytes.size() > size()) {
    return Error(ErrorKind::Internal, "caller error: overwrite past the end of " + temporary_);
  }
  if (Status st = flush(); !st) return st;
  return write_all(fd_, temporary_, bytes, static_cast<off_t>(offset), true);
}

Status SyncedFile::commit() {
  if (Status st = flush(); !st) return st;
  if (durable_ && ::fsync(fd_) != 0) return io_error(temporary_, "cannot sync");
  const int fd = std::exchange(fd_, -1);
  if (::close(fd) != 0) return io_error(temporary_, "cannot close");
  if (::rename(temporary_.c_str(), path_.c_str()) != 0) return io_error(path_, "cannot rename");
  committed_ = true;
  return durable_ ? sync_folder(path_) : Status{};
}

Status write_synced(const std::string& path, std::string_view bytes) {
  auto file = SyncedFile::create(path);
  if (!file) return file.error();
  if (Status st = (*file)->append(bytes); !st) return st;
  return (*file)->commit();
}

Status sync_folder(const std::string& path) {
  const std::size_t slash = path.rfind('/');
  const std::string folder = slash == std::string::npos ? "." : path.substr(0, slash + 1);
  const int dir = ::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (dir < 0) return io_error(folder, "cannot open the folder to sync it");
  Status st;
  if (::fsync(dir) != 0) st = io_error(folder, "cannot sync the folder");
  ::close(dir);
  return st;
}

}  // namespace quiver::disk
