#include "io/byte_source.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>

#include <cerrno>
#include <cstring>

namespace quiver::io {
namespace {

class FdSource final : public ByteSource {
 public:
  FdSource(int fd, bool owned) : fd_(fd), owned_(owned) {}
  ~FdSource() override {
    if (owned_) ::close(fd_);
  }
  std::size_t read(char* buf, std::size_t n) override {
    for (;;) {
      const ssize_t got = ::read(fd_, buf, n);
      if (got >= 0) return static_cast<std::size_t>(got);
      if (errno == EINTR) continue;
      error_ = std::strerror(errno);
      return 0;
    }
  }
  const std::string& error() const override { return error_; }

 private:
  int fd_;
  bool owned_;
  std::string error_;
};

class GzipSource final : public ByteSource {
 public:
  explicit GzipSource(gzFile gz) : gz_(gz) {}
  ~GzipSource() override { gzclose(gz_); }
  std::size_t read(char* buf, std::size_t n) override {
    const int got = gzread(gz_, buf, static_cast<unsigned>(std::min<std::size_t>(n, 1u << 30)));
    if (got >= 0) return static_cast<std::size_t>(got);
    int code = 0;
    error_ = gzerror(gz_, &code);
    return 0;
  }
  const std::string& error() const override { return error_; }

 private:
  gzFile gz_;
  std::string error_;
};

class StringSource final : public ByteSource {
 public:
  explicit StringSource(std::string_view text) : text_(text) {}
  std::size_t read(char* buf, std::size_t n) override {
    const std::size_t k = std::min(n, text_.size());
    std::memcpy(buf, text_.data(), k);
    text_.remove_prefix(k);
    return k;
  }
  const std::string& error() const override { return error_; }

 private:
  std::string_view text_;
  std::string error_;
};

Error open_error(const std::string& path, const std::string& why) {
  return Error{ErrorKind::Io, SourceLocation{path, 0, 0}, why};
}

}  // namespace

Expected<std::unique_ptr<ByteSource>> open_byte_source(const std::string& path) {
  if (path == "-") return std::unique_ptr<ByteSource>(std::make_unique<FdSource>(0, false));
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    const int e = errno;
    if (e == ENOENT) return open_error(path, "no such file");
    return open_error(path, std::string("cannot open: ") + std::strerror(e));
  }
  struct stat st {};
  if (::fstat(fd, &st) == 0 && S_ISDIR(st.st_mode)) {
    ::close(fd);
    return open_error(path, "is a directory, not an RDF file");
  }
  if (path.size() > 3 && path.ends_with(".gz")) {
    gzFile gz = gzdopen(fd, "rb");
    if (gz == nullptr) {
      ::close(fd);
      return open_error(path, "cannot open gzip stream");
    }
    gzbuffer(gz, 1u << 17);
    return std::unique_ptr<ByteSource>(std::make_unique<GzipSource>(gz));
  }
  return std::unique_ptr<ByteSource>(std::make_unique<FdSource>(fd, true));
}

std::unique_ptr<ByteSource> string_byte_source(std::string_view text) {
  return std::make_unique<StringSource>(text);
}

}  // namespace quiver::io
