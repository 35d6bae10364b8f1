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
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return io_error(path, "cannot open");
  struct stat st {};
  if (::fstat(fd, &st) != 0) {
    const Error e = io_error(path, "cannot stat");
    ::close(fd);
    return e;
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

Status write_synced(const std::string& path, std::string_view bytes) {
  const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (fd < 0) return io_error(path, "cannot create");
  Status st;
  std::size_t done = 0;
  while (st && done < bytes.size()) {
    const ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      st = io_error(path, "cannot write");
    } else {
      done += static_cast<std::size_t>(n);
    }
  }
  if (st && ::fsync(fd) != 0) st = io_error(path, "cannot sync");
  if (::close(fd) != 0 && st) st = io_error(path, "cannot close");
  return st;
}

}  // namespace quiver::disk
