#pragma once
/// @file
/// One permutation of the on-disk store: sorted rows of ids in an
/// immutable file, read through a memory map.
///
/// Layout (little-endian; src/README.md says why this layout):
///
///     header   "QVBLOCKS" | format u32 | columns u32 | rows u64 | block_rows u32 | 0 u32
///     blocks   per block of block_rows rows: the first row as varints; each
///              next row as varint(increase << 2 | c), c the first column that
///              changed, then the columns after c as varints
///     index    per block: its first row (columns x u32), its offset (u64)
///     footer   index offset u64 | block count u64 | checksum u64 | "QVBLKEND"
///
/// Opening checks the header and the footer, not the index or the blocks,
/// so that a large table opens in constant time; every decode is
/// bounds-checked (the block's index entry too), so a damaged block gives
/// a Corrupt error, never a crash, and verify() reads everything against
/// the checksum and checks the index's order.
///
/// Reads go through a small per-thread cache of decoded blocks: a nested
/// loop join probes one table again and again with keys that share a
/// prefix and ascend, so most probes land in the block the last one
/// decoded, and then cost a binary search instead of a block's decoding.

#include <cstddef>
#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <vector>

#include "disk/file_format.hpp"
#include "store/sorted_table.hpp"
#include "util/expected.hpp"

namespace quiver::disk {

/// The on-disk format's version: a file of another version is refused.
constexpr std::uint32_t kBlockFormat = 1;

/// Writes a new block table row by row, in bounded memory (a merge streams
/// its rows here). The file is complete only when finish() succeeds; a
/// caller makes it live by naming it in a manifest.
template <std::size_t N>
class BlockTableWriter {
 public:
  /// Starts the table at `path`; not `durable`: a scratch table, not synced.
  static Expected<BlockTableWriter> create(const std::string& path, bool durable = true);
  /// Appends `row`, which must sort after the last one (an Internal error
  /// otherwise: the caller's).
  Status add(const store::Row<N>& row);
  /// Rows added so far.
  std::uint64_t rows() const { return rows_; }
  /// Writes the index and footer, syncs and puts the file in place.
  Status finish();

 private:
  std::unique_ptr<SyncedFile> file_;
  std::string block_;  // the block being filled
  std::string index_;
  Checksum sum_;
  store::Row<N> last_{};
  std::uint64_t rows_ = 0;
  std::uint64_t data_ = 0;  // bytes of blocks written before block_
};

/// Writes `rows` (sorted, distinct) as a new block table at `path`, synced.
template <std::size_t N>
Status write_block_table(const std::string& path, std::span<const store::Row<N>> rows,
                         bool durable = true);

/// A block table opened for reading. Cheap to copy (the map is shared).
template <std::size_t N>
class BlockTable {
 public:
  /// A row of ids (N columns).
  using Row = store::Row<N>;

  /// Maps and checks the file at `path`.
  static Expected<BlockTable> open(const std::string& path);

  /// Number of rows.
  std::uint64_t size() const { return rows_; }

  /// The rows whose first `prefix` columns equal those of `key`, in order,
  /// read block by block.
  class Range {
   public:
    /// Up to `max` next rows into `out`; 0 at the end or on damage (see error()).
    std::size_t next(Row* out, std::size_t max);
    /// Set when a block could not be decoded.
    const Error* error() const { return failed_ ? &error_ : nullptr; }

   private:
    friend class BlockTable;
    const BlockTable* table_ = nullptr;
    Row key_{};
    std::size_t prefix_ = 0;
    std::uint64_t block_ = 0;
    std::size_t in_block_ = 0;  // the next row's place in the block
    bool started_ = false;
    bool done_ = false;
    bool failed_ = false;
    Error error_;
  };
  /// The range of `key`'s first `prefix` columns (0: every row). The range
  /// reads through this table object: keep it alive (and in place) while
  /// the range is used.
  Range range(const Row& key, std::size_t prefix) const;
  /// Number of rows whose first `prefix` columns equal `key`'s, decoding
  /// at most two blocks. A damaged block counts as empty.
  std::uint64_t count(const Row& key, std::size_t prefix) const;
  /// True when the table holds `row` (one block lookup; a damaged block
  /// holds nothing).
  bool contains(const Row& row) const;

  /// Decodes every block and compares the checksum, the row count and the
  /// order with what the file says: what `db check` runs.
  Status verify() const;

 private:
  MappedFile file_;
  std::uint64_t rows_ = 0;
  std::uint64_t blocks_ = 0;
  std::uint32_t block_rows_ = 0;
  const unsigned char* data_ = nullptr;   // first block
  const unsigned char* index_ = nullptr;  // first index entry
  std::uint64_t data_size_ = 0;

  std::uint64_t id_ = 0;  // this mapping's key in the decoded-block cache
  // Every kSummaryStep-th block's first row, in memory: a search of the
  // index starts here, so that it reads a few neighbouring index entries
  // instead of one far apart at each of its steps. Shared by copies.
  std::shared_ptr<const std::vector<Row>> summary_;

  Row first_row(std::uint64_t block) const;
  // A block decoded so far (rows are decoded only as far as a read
  // needs them), in the per-thread cache.
  struct Slot;
  Slot* slot(std::uint64_t block, Error& error) const;
  bool extend(Slot& slot, const Row* until, std::size_t count, Error& error) const;
  const Slot* decoded_until(std::uint64_t block, const Row& key, Error& error) const;
  std::uint64_t blocks_below(const Row& key) const;
  std::uint64_t position(const Row& key) const;
  std::uint64_t block_offset(std::uint64_t block) const;
  std::uint64_t block_end(std::uint64_t block) const;
};

}  // namespace quiver::disk
