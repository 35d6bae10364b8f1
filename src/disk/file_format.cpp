#include "disk/file_format.hpp"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace quiver::disk {

void put_u32(std::string& out, std::uint32_t v) {
  for (int i = 0; i < 4; ++i) out += static_cast<char>(v >> (8 * i));
}

void put_u64(std::string& out, std::uint64_t v) {
  for (int i = 0; i < 8; ++i) out += static_cast<char>(v >> (8 * i));
}

std::uint32_t get_u32(const unsigned char* p) {
  std::uint32_t v = 0;
  for (int i = 3; i >= 0; --i) v = (v << 8) | p[i];
  return v;
}

std::uint64_t get_u64(const unsigned char* p) {
  std::uint64_t v = 0;
  for (int i = 7; i >= 0; --i) v = (v << 8) | p[i];
  return v;
}

void put_varint(std::string& out, std::uint64_t v) {
  while (v >= 0x80) {
    out += static_cast<char>(v | 0x80);
    v >>= 7;
  }
  out += static_cast<char>(v);
}

bool get_varint(const unsigned char*& p, const unsigned char* end, std::uint64_t& v) {
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

// Written beside, synced, renamed over, and the folder synced: a file that
// is mapped is never rewritten in place, and one reported written survives
// a crash.
Status write_synced(const std::string& path, std::string_view bytes) {
  const std::string temporary = path + ".tmp";
  const int fd = ::open(temporary.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (fd < 0) return io_error(temporary, "cannot create");
  Status st;
  std::size_t done = 0;
  while (st && done < bytes.size()) {
    const ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      st = io_error(temporary, "cannot write");
    } else {
      done += static_cast<std::size_t>(n);
    }
  }
  if (st && ::fsync(fd) != 0) st = io_error(temporary, "cannot sync");
  if (::close(fd) != 0 && st) st = io_error(temporary, "cannot close");
  if (st && ::rename(temporary.c_str(), path.c_str()) != 0) st = io_error(path, "cannot rename");
  if (!st) {
    ::unlink(temporary.c_str());
    return st;
  }
  const std::size_t slash = path.rfind('/');
  const std::string folder = slash == std::string::npos ? "." : path.substr(0, slash + 1);
  const int dir = ::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (dir < 0) return io_error(folder, "cannot open the folder to sync it");
  if (::fsync(dir) != 0) st = io_error(folder, "cannot sync the folder");
  ::close(dir);
  return st;
}

}  // namespace quiver::disk
