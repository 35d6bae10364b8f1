#pragma once
// Where parsers get their bytes: a file, stdin, a gzip file, or a string.

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>

#include "util/expected.hpp"

namespace quiver::io {

/// A readable stream of bytes, read in large blocks.
class ByteSource {
 public:
  virtual ~ByteSource() = default;
  /// Reads up to `n` bytes; 0 means end of input or error (see error()).
  virtual std::size_t read(char* buf, std::size_t n) = 0;
  /// A read error message, empty when none happened.
  virtual const std::string& error() const = 0;
};

/// Opens `path` (`-` is stdin; `*.gz` is decompressed). Missing files,
/// directories and unreadable files are errors naming the path.
Expected<std::unique_ptr<ByteSource>> open_byte_source(const std::string& path);
/// A source over `text`, which must outlive it.
std::unique_ptr<ByteSource> string_byte_source(std::string_view text);

}  // namespace quiver::io
