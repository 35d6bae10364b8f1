#include "io/output.hpp"

#include <fcntl.h>
#include <limits.h>
#include <pthread.h>
#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <mutex>

namespace quiver::io {

namespace {

// Temporaries to remove when a signal ends the process. A fixed table of
// fixed buffers, so that the handler only reads memory and calls unlink(),
// both async-signal-safe.
constexpr int kMaxTemporaries = 16;
char g_temporaries[kMaxTemporaries][PATH_MAX];
std::atomic<bool> g_claimed[kMaxTemporaries];  // a slot taken by an Output
std::atomic<bool> g_in_use[kMaxTemporaries];   // its name is written: the handler may read it

void remove_temporaries_and_die(int sig) {
  for (int i = 0; i < kMaxTemporaries; ++i) {
    if (g_in_use[i].load()) ::unlink(g_temporaries[i]);
  }
  ::signal(sig, SIG_DFL);
  ::raise(sig);
}

// Registers `path` for removal on SIGINT/SIGTERM/SIGHUP; -1 when the table
// is full (the temporary then only goes away through the destructor).
void install_cleanup_handlers() {
  static std::once_flag installed;
  std::call_once(installed, [] {
    for (const int sig : {SIGINT, SIGTERM, SIGHUP}) {
      struct sigaction current {};
      // A handler the program set itself (the server's) stays.
      if (::sigaction(sig, nullptr, &current) == 0 && current.sa_handler != SIG_DFL) continue;
      struct sigaction action {};
      action.sa_handler = remove_temporaries_and_die;
      ::sigemptyset(&action.sa_mask);
      ::sigaction(sig, &action, nullptr);
    }
  });
}

int register_temporary(const std::string& path) {
  if (path.size() >= PATH_MAX) return -1;
  for (int i = 0; i < kMaxTemporaries; ++i) {
    bool expected = false;
    if (!g_claimed[i].compare_exchange_strong(expected, true)) continue;
    std::memcpy(g_temporaries[i], path.c_str(), path.size() + 1);
    g_in_use[i] = true;
    return i;
  }
  return -1;
}

void unregister_temporary(int slot) {
  if (slot < 0) return;
  g_in_use[slot] = false;
  g_claimed[slot] = false;
}

Error output_error(const std::string& path, const std::string& why) {
  return Error{ErrorKind::Io, SourceLocation{path, 0, 0}, why};
}

}  // namespace

Expected<std::unique_ptr<Output>> Output::open(const std::string& path) {
  std::unique_ptr<Output> out(new Output());
  out->buffer_.reserve(kFlushAt + 4096);
  if (path == "-") {
    out->fd_ = 1;
    return out;
  }
  // Through a symbolic link, the file it names is the one replaced.
  std::string target = path;
  if (char* resolved = ::realpath(path.c_str(), nullptr)) {
    target = resolved;
    std::free(resolved);
  }
  struct stat st {};
  const bool exists = ::stat(target.c_str(), &st) == 0;
  if (exists && S_ISDIR(st.st_mode)) return output_error(path, "output is a directory");
  if (exists && !S_ISREG(st.st_mode)) {
    // A device, FIFO or socket is a stream to write to, never a file to replace.
    const int fd = ::open(target.c_str(), O_WRONLY | O_CLOEXEC);
    if (fd < 0)
      return output_error(path, std::string("cannot write output: ") + std::strerror(errno));
    out->fd_ = fd;
    out->path_ = path;
    return out;
  }
  // The temporary lives beside the target so that rename() stays atomic.
  // The signals that would leave it behind wait until it is registered.
  install_cleanup_handlers();
  sigset_t fatal;
  sigset_t previous;
  ::sigemptyset(&fatal);
  for (const int sig : {SIGINT, SIGTERM, SIGHUP}) ::sigaddset(&fatal, sig);
  ::pthread_sigmask(SIG_BLOCK, &fatal, &previous);
  std::string temp = target + ".quiver-tmp-XXXXXX";
  const int fd = ::mkstemp(temp.data());
  const int error = errno;
  if (fd >= 0) out->temp_slot_ = register_temporary(temp);
  ::pthread_sigmask(SIG_SETMASK, &previous, nullptr);
  if (fd < 0) {
    return output_error(path, std::string("cannot write output: ") + std::strerror(error));
  }
  // An existing file keeps its permission bits; a new one gets the usual
  // 0666 less the umask, as any program's would.
  mode_t mode = 0666;
  if (exists) {
    mode = st.st_mode & 07777;
  } else {
    const mode_t mask = ::umask(0);
    ::umask(mask);
    mode &= ~mask;
  }
  ::fchmod(fd, mode);
  out->fd_ = fd;
  out->path_ = target;
  out->temp_path_ = temp;
  out->in_place_ = exists && st.st_nlink > 1;
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
    unregister_temporary(temp_slot_);
  } else if (string_target_ != nullptr && !committed_) {
    flush_buffer();
  } else if (fd_ > 2 && temp_path_.empty() && !committed_) {
    ::close(fd_);
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
  if (temp_path_.empty()) {
    if (fd_ > 2 && ::close(fd_) != 0) return output_error(name, "close failed");
    return Status();
  }
  if (::fsync(fd_) != 0 || ::close(fd_) != 0) {
    ::unlink(temp_path_.c_str());
    unregister_temporary(temp_slot_);
    return output_error(name, std::string("cannot write output: ") + std::strerror(errno));
  }
  Status st = in_place_ ? copy_into_place() : Status();
  if (st.ok() && !in_place_ && ::rename(temp_path_.c_str(), path_.c_str()) != 0) {
    st =
        output_error(name, std::string("cannot rename output into place: ") + std::strerror(errno));
  }
  if (!st.ok() || in_place_) ::unlink(temp_path_.c_str());
  unregister_temporary(temp_slot_);
  return st;
}

// A file with several hard links: the complete output is copied over it
// so every link sees the new content (the one case that is not atomic).
Status Output::copy_into_place() {
  const int from = ::open(temp_path_.c_str(), O_RDONLY | O_CLOEXEC);
  const int to = ::open(path_.c_str(), O_WRONLY | O_TRUNC | O_CLOEXEC);
  Status st;
  if (from < 0 || to < 0) {
    st = output_error(path_, std::string("cannot write output: ") + std::strerror(errno));
  }
  char block[1 << 16];
  while (st.ok()) {
    const ssize_t n = ::read(from, block, sizeof block);
    if (n == 0) break;
    if (n < 0 || ::write(to, block, static_cast<std::size_t>(n)) != n) {
      st = output_error(path_, std::string("write failed: ") + std::strerror(errno));
    }
  }
  if (from >= 0) ::close(from);
  if (to >= 0 && ::close(to) != 0 && st.ok()) st = output_error(path_, "close failed");
  return st;
}

}  // namespace quiver::io
