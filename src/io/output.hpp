#pragma once
/// @file
/// Buffered byte output to stdout or to a file written atomically: the data
/// goes to a temporary file beside the target, renamed over it on commit(),
/// removed if the Output is destroyed uncommitted or the process is ended
/// by SIGINT, SIGTERM or SIGHUP. A failed run never leaves a partial file.
///
/// What the target is decides how: a regular file (or none) is replaced
/// atomically, keeping its permission bits; through a symbolic link, the
/// file it names is replaced and the link stays; a file with several hard
/// links is rewritten in place once the output is complete, so every link
/// sees it; anything else (a device such as /dev/null, a FIFO, a socket) is
/// written to directly, never replaced.

#include <memory>
#include <string>
#include <string_view>

#include "util/expected.hpp"

namespace quiver::io {

/// A byte stream with a large buffer.
class Output {
 public:
  /// Opens `path` for atomic writing; `-` means stdout.
  static Expected<std::unique_ptr<Output>> open(const std::string& path);
  /// Output collecting into a string (tests, in-memory conversions).
  static std::unique_ptr<Output> to_string(std::string* target);

  /// Without commit(), a file's temporary copy is removed, so the destination
  /// is left untouched; a string target still receives the buffered bytes.
  ~Output();
  /// Not copyable: it owns a file descriptor and a pending temporary file.
  Output(const Output&) = delete;
  /// Not copyable: it owns a file descriptor and a pending temporary file.
  Output& operator=(const Output&) = delete;

  /// Appends bytes; they reach the destination in large blocks.
  void write(std::string_view bytes) {
    buffer_.append(bytes);
    if (buffer_.size() >= kFlushAt) flush_buffer();
  }
  /// Direct access to the buffer for writers that format in place; call
  /// maybe_flush() after appending.
  std::string& buffer() { return buffer_; }
  /// Flushes when the buffer has grown past the block size; call after
  /// appending to buffer().
  void maybe_flush() {
    if (buffer_.size() >= kFlushAt) flush_buffer();
  }
  /// Flushes everything, and for a file renames it into place.
  Status commit();
  /// True once a write to the destination has failed.
  bool failed() const { return failed_; }

 private:
  Output() = default;
  void flush_buffer();

  static constexpr std::size_t kFlushAt = 1 << 16;
  std::string buffer_;
  int fd_ = -1;
  std::string* string_target_ = nullptr;
  Status copy_into_place();

  std::string path_;       // final destination; empty for stdout
  std::string temp_path_;  // where the bytes go until commit()
  bool in_place_ = false;  // commit() copies into path_ (hard links) instead of renaming
  int temp_slot_ = -1;     // this temporary's entry in the signal-time cleanup table
  std::string error_;
  bool failed_ = false;
  bool committed_ = false;
};

}  // namespace quiver::io
