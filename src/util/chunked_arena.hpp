#pragma once
/// @file
/// Append-only byte storage whose bytes never move, so views into it stay
/// valid for the arena's lifetime.

#include <cstddef>
#include <cstring>
#include <memory>
#include <string_view>
#include <vector>

namespace quiver {

/// Bytes in fixed-size chunks; an allocation larger than a chunk gets a
/// chunk of its own. Never reallocates stored bytes.
class ChunkedArena {
 public:
  /// A position to roll back to.
  struct Mark {
    /// Number of chunks in use at the mark.
    std::size_t chunks = 0;
    /// Bytes used in the last of those chunks.
    std::size_t used = 0;
  };

  /// An empty arena; chunks are allocated on demand, `chunk_size` bytes each.
  explicit ChunkedArena(std::size_t chunk_size = std::size_t{1} << 20) : chunk_size_(chunk_size) {}

  /// Reserves `size` contiguous bytes; the pointer stays valid until a
  /// rollback to an earlier mark.
  char* allocate(std::size_t size) {
    if (chunks_.empty() || used_ + size > capacity_) {
      capacity_ = size > chunk_size_ ? size : chunk_size_;
      chunks_.push_back(std::make_unique_for_overwrite<char[]>(capacity_));
      capacities_.push_back(capacity_);
      used_ = 0;
    }
    char* out = chunks_.back().get() + used_;
    used_ += size;
    return out;
  }

  /// The current position, for a later rollback().
  Mark mark() const { return {chunks_.size(), used_}; }

  /// Frees everything allocated since `m`.
  void rollback(const Mark& m) {
    chunks_.resize(m.chunks);
    capacities_.resize(m.chunks);
    capacity_ = capacities_.empty() ? 0 : capacities_.back();
    used_ = m.used;
  }

  /// Bytes held, including unused chunk tails.
  std::size_t memory_usage() const {
    std::size_t total = 0;
    for (const std::size_t c : capacities_) total += c;
    return total + chunks_.capacity() * (sizeof(void*) + sizeof(std::size_t));
  }

 private:
  std::size_t chunk_size_;
  std::vector<std::unique_ptr<char[]>> chunks_;
  std::vector<std::size_t> capacities_;
  std::size_t capacity_ = 0;
  std::size_t used_ = 0;
};

}  // namespace quiver
