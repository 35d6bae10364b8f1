#pragma once
/// @file
/// Buffered byte output to stdout or to a file written atomically: the data
/// goes to a temporary file beside the target, renamed over it on commit(),
/// removed if the Output is destroyed uncommitted. A failed run never leaves
/// a partial file.

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
  std::string path_;       // final destination; empty for stdout
  std::string temp_path_;  // where the bytes go until commit()
  std::string error_;
  bool failed_ = false;
  bool committed_ = false;
};

}  // namespace quiver::io
