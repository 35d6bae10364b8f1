#include "io/output.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>

namespace quiver::io {

Expected<std::unique_ptr<Output>> Output::open(const std::string& path) {
  std::unique_ptr<Output> out(new Output());
  out->buffer_.reserve(kFlushAt + 4096);
  if (path == "-") {
    out->fd_ = 1;
    return out;
  }
  struct stat st {};
  if (::stat(path.c_str(), &st) == 0 && S_ISDIR(st.st_mode)) {
    return Error{ErrorKind::Io, SourceLocation{path, 0, 0}, "output is a directory"};
  }
  // The temporary lives beside the target so that rename() stays atomic.
  std::string temp = path + ".quiver-tmp-XXXXXX";
  const int fd = ::mkstemp(temp.data());
  if (fd < 0) {
    return Error{ErrorKind::Io, SourceLocation{path, 0, 0},
                 std::string("cannot write output: ") + std::strerror(errno)};
  }
  ::fchmod(fd, 0644);
  out->fd_ = fd;
  out->path_ = path;
  out->temp_path_ = temp;
  return out;
}

std::unique_ptr<Output> Output::to_string(std::string* target) {
  std::unique_ptr<Output> out(new Output());
  out->string_target_ = target;
  return out;
}

Output::~Output() {
  if (!temp_path_.empty() && !committed_) {
    ::close(fd_);
    ::unlink(temp_path_.c_str());
  } else if (string_target_ != nullptr && !committed_) {
    flush_buffer();
  }
}

void Output::flush_buffer() {
  if (string_target_ != nullptr) {
    string_target_->append(buffer_);
    buffer_.clear();
    return;
  }
  const char* p = buffer_.data();
  std::size_t left = buffer_.size();
  while (left > 0 && !failed_) {
    const ssize_t n = ::write(fd_, p, left);
    if (n < 0) {
      if (errno == EINTR) continue;
      failed_ = true;
      error_ = std::strerror(errno);
      break;
    }
    p += n;
    left -= static_cast<std::size_t>(n);
  }
  buffer_.clear();
}

Status Output::commit() {
  flush_buffer();
  const std::string name = path_.empty() ? "<stdout>" : path_;
  if (failed_) return Error{ErrorKind::Io, SourceLocation{name, 0, 0}, "write failed: " + error_};
  committed_ = true;
  if (temp_path_.empty()) return Status();
  if (::close(fd_) != 0) return Error{ErrorKind::Io, SourceLocation{name, 0, 0}, "close failed"};
  if (::rename(temp_path_.c_str(), path_.c_str()) != 0) {
    const std::string why = std::strerror(errno);
    ::unlink(temp_path_.c_str());
    return Error{ErrorKind::Io, SourceLocation{name, 0, 0},
                 "cannot rename output into place: " + why};
  }
  return Status();
}

}  // namespace quiver::io
