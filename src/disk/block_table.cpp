#include "disk/block_table.hpp"

#include <algorithm>
#include <cstring>
#include <string>
#include <vector>

namespace quiver::disk {
namespace {

constexpr char kMagic[8] = {'Q', 'V', 'B', 'L', 'O', 'C', 'K', 'S'};
constexpr char kEndMagic[8] = {'Q', 'V', 'B', 'L', 'K', 'E', 'N', 'D'};
constexpr std::size_t kHeaderSize = 32;
constexpr std::size_t kFooterSize = 32;
constexpr std::uint32_t kBlockRows = 128;

Error corrupt(const std::string& path, const std::string& what) {
  return Error(ErrorKind::Corrupt, path + ": not a valid block table (" + what + ")");
}

}  // namespace

template <std::size_t N>
Expected<BlockTableWriter<N>> BlockTableWriter<N>::create(const std::string& path, bool durable) {
  static_assert(N >= 2 && N <= 4, "the column number must fit two bits");
  auto file = SyncedFile::create(path, durable);
  if (!file) return file.error();
  BlockTableWriter w;
  w.file_ = std::move(*file);
  // The header's row count is known at the end: written then.
  if (Status st = w.file_->append(std::string(kHeaderSize, '\0')); !st) return st.error();
  return w;
}

template <std::size_t N>
Status BlockTableWriter<N>::add(const store::Row<N>& r) {
  // Checked at block starts too: the index alone would not catch it.
  if (rows_ > 0 && !(last_ < r)) {
    return Error(ErrorKind::Internal, "caller error: block table rows must be sorted and distinct");
  }
  if (rows_ % kBlockRows == 0) {
    if (!block_.empty()) {
      sum_.add(reinterpret_cast<const unsigned char*>(block_.data()), block_.size());
      if (Status st = file_->append(block_); !st) return st;
      data_ += block_.size();
      block_.clear();
    }
    for (const std::uint32_t c : r) put_u32(index_, c);
    put_u64(index_, data_);
    for (const std::uint32_t c : r) put_varint(block_, c);
  } else {
    std::size_t c = 0;
    while (c + 1 < N && r[c] == last_[c]) ++c;
    put_varint(block_, (std::uint64_t{r[c] - last_[c]} << 2) | c);
    for (std::size_t k = c + 1; k < N; ++k) put_varint(block_, r[k]);
  }
  last_ = r;
  ++rows_;
  return {};
}

template <std::size_t N>
Status BlockTableWriter<N>::finish() {
  std::string tail = std::move(block_);
  const std::uint64_t index_offset = data_ + tail.size();
  tail += index_;
  sum_.add(reinterpret_cast<const unsigned char*>(tail.data()), tail.size());
  put_u64(tail, index_offset);
  put_u64(tail, (rows_ + kBlockRows - 1) / kBlockRows);
  put_u64(tail, sum_.value);
  tail.append(kEndMagic, sizeof kEndMagic);
  if (Status st = file_->append(tail); !st) return st;
  std::string header(kMagic, sizeof kMagic);
  put_u32(header, kBlockFormat);
  put_u32(header, static_cast<std::uint32_t>(N));
  put_u64(header, rows_);
  put_u32(header, kBlockRows);
  put_u32(header, 0);
  if (Status st = file_->overwrite(0, header); !st) return st;
  return file_->commit();
}

template <std::size_t N>
Status write_block_table(const std::string& path, std::span<const store::Row<N>> rows,
                         bool durable) {
  auto writer = BlockTableWriter<N>::create(path, durable);
  if (!writer) return writer.error();
  for (const store::Row<N>& r : rows) {
    if (Status st = writer->add(r); !st) return st;
  }
  return writer->finish();
}

template <std::size_t N>
Expected<BlockTable<N>> BlockTable<N>::open(const std::string& path) {
  auto file = MappedFile::open(path);
  if (!file) return file.error();
  const std::size_t size = file->size();
  if (size < kHeaderSize + kFooterSize) return corrupt(path, "too short");
  const unsigned char* p = file->data();
  const unsigned char* footer = p + size - kFooterSize;
  if (std::memcmp(p, kMagic, sizeof kMagic) != 0 ||
      std::memcmp(footer + 24, kEndMagic, sizeof kEndMagic) != 0) {
    return corrupt(path, "no header or footer");
  }
  if (get_u32(p + 8) != kBlockFormat) {
    return Error(ErrorKind::Unsupported, path + ": block table format " +
                                             std::to_string(get_u32(p + 8)) +
                                             ", this Quiver reads " + std::to_string(kBlockFormat));
  }
  BlockTable t;
  t.file_ = *file;
  t.rows_ = get_u64(p + 16);
  t.block_rows_ = get_u32(p + 24);
  const std::uint64_t index_offset = get_u64(footer);
  t.blocks_ = get_u64(footer + 8);
  const std::uint64_t body = size - kHeaderSize - kFooterSize;
  constexpr std::uint64_t kEntry = N * 4 + 8;
  if (get_u32(p + 12) != N || t.block_rows_ == 0 || get_u32(p + 28) != 0 || index_offset > body ||
      t.blocks_ != t.rows_ / t.block_rows_ + (t.rows_ % t.block_rows_ != 0 ? 1 : 0) ||
      t.blocks_ > (body - index_offset) / kEntry || body - index_offset != t.blocks_ * kEntry) {
    return corrupt(path, "sizes disagree");
  }
  t.data_ = p + kHeaderSize;
  t.data_size_ = index_offset;
  t.index_ = t.data_ + index_offset;
  for (std::uint64_t b = 0; b < t.blocks_; ++b) {
    if (t.block_offset(b) >= t.data_size_ ||
        (b > 0 && t.block_offset(b) <= t.block_offset(b - 1)) ||
        (b > 0 && !(t.first_row(b - 1) < t.first_row(b)))) {
      return corrupt(path, "index out of order");
    }
  }
  return t;
}

template <std::size_t N>
typename BlockTable<N>::Row BlockTable<N>::first_row(std::uint64_t block) const {
  Row r;
  const unsigned char* e = index_ + block * (N * 4 + 8);
  for (std::size_t c = 0; c < N; ++c) r[c] = get_u32(e + 4 * c);
  return r;
}

template <std::size_t N>
std::uint64_t BlockTable<N>::block_offset(std::uint64_t block) const {
  return get_u64(index_ + block * (N * 4 + 8) + N * 4);
}

template <std::size_t N>
std::uint64_t BlockTable<N>::block_end(std::uint64_t block) const {
  return block + 1 < blocks_ ? block_offset(block + 1) : data_size_;
}

template <std::size_t N>
typename BlockTable<N>::Range BlockTable<N>::range(const Row& key, std::size_t prefix) const {
  Range r;
  r.table_ = this;
  r.key_ = key;
  r.prefix_ = std::min(prefix, N);
  for (std::size_t c = r.prefix_; c < N; ++c) r.key_[c] = 0;
  if (blocks_ == 0) {
    r.done_ = true;
    return r;
  }
  // The last block whose first row is below the key: the range may start
  // inside it. Binary search over the index.
  std::uint64_t lo = 0, hi = blocks_;
  while (lo < hi) {
    const std::uint64_t mid = lo + (hi - lo) / 2;
    if (first_row(mid) < r.key_) {
      lo = mid + 1;
    } else {
      hi = mid;
    }
  }
  r.block_ = lo == 0 ? 0 : lo - 1;
  return r;
}

// Rows below `key`: those of the blocks before the one it may start in,
// and that block's rows below it.
template <std::size_t N>
std::uint64_t BlockTable<N>::position(const Row& key) const {
  if (blocks_ == 0) return 0;
  std::uint64_t lo = 0, hi = blocks_;
  while (lo < hi) {
    const std::uint64_t mid = lo + (hi - lo) / 2;
    if (first_row(mid) < key) {
      lo = mid + 1;
    } else {
      hi = mid;
    }
  }
  if (lo == 0) return 0;
  const std::uint64_t block = lo - 1;
  Range r;
  r.table_ = this;
  r.block_ = block;
  std::uint64_t below = block * block_rows_;
  Row row;
  while (r.block_ == block && r.decode_next(row) && row < key) ++below;
  return below;
}

template <std::size_t N>
std::uint64_t BlockTable<N>::count(const Row& key, std::size_t prefix) const {
  prefix = std::min(prefix, N);
  if (prefix == 0) return rows_;
  Row low = key, high = key;
  for (std::size_t c = prefix; c < N; ++c) low[c] = high[c] = 0;
  // The first row past the prefix: the prefix plus one, carried.
  std::size_t c = prefix;
  while (c > 0 && high[c - 1] == 0xFFFFFFFFu) high[--c] = 0;
  const std::uint64_t end = c == 0 ? rows_ : (++high[c - 1], position(high));
  const std::uint64_t begin = position(low);
  return end > begin ? end - begin : 0;
}

template <std::size_t N>
bool BlockTable<N>::Range::decode_next(Row& out) {
  const BlockTable& t = *table_;
  const auto fail = [&](const char* what) {
    failed_ = true;
    error_ = Error(ErrorKind::Corrupt, std::string("damaged block table: ") + what);
    return false;
  };
  for (;;) {
    if (block_ >= t.blocks_) return false;
    if (at_ == nullptr) {
      at_ = t.data_ + t.block_offset(block_);
      end_ = t.data_ + t.block_end(block_);
      in_block_ = 0;
    }
    const std::uint64_t rows_here =
        std::min<std::uint64_t>(t.block_rows_, t.rows_ - block_ * t.block_rows_);
    if (in_block_ == rows_here) {
      if (at_ != end_) return fail("bytes left over in a block");
      ++block_;
      at_ = nullptr;
      continue;
    }
    std::uint64_t v = 0;
    if (in_block_ == 0) {
      for (std::size_t c = 0; c < N; ++c) {
        if (!get_varint(at_, end_, v) || v > 0xFFFFFFFFu) return fail("a row runs past its block");
        row_[c] = static_cast<std::uint32_t>(v);
      }
      if (row_ != t.first_row(block_)) return fail("a block disagrees with the index");
    } else {
      if (!get_varint(at_, end_, v)) return fail("a row runs past its block");
      const std::size_t c = v & 3;
      const std::uint64_t increase = v >> 2;
      if (c >= N || increase == 0 || increase > 0xFFFFFFFFull - row_[c]) {
        return fail("a row out of order");
      }
      row_[c] = static_cast<std::uint32_t>(row_[c] + increase);
      for (std::size_t k = c + 1; k < N; ++k) {
        if (!get_varint(at_, end_, v) || v > 0xFFFFFFFFu) return fail("a row runs past its block");
        row_[k] = static_cast<std::uint32_t>(v);
      }
    }
    ++in_block_;
    out = row_;
    return true;
  }
}

template <std::size_t N>
std::size_t BlockTable<N>::Range::next(Row* out, std::size_t max) {
  std::size_t n = 0;
  while (n < max && !done_) {
    Row r;
    if (!decode_next(r)) {
      done_ = true;
      break;
    }
    // Rows before the key (the start of the first block) are skipped.
    if (!started_) {
      if (r < key_) continue;
      started_ = true;
    }
    for (std::size_t c = 0; c < prefix_; ++c) {
      if (r[c] != key_[c]) {
        done_ = true;
        return n;
      }
    }
    out[n++] = r;
  }
  return n;
}

template <std::size_t N>
Status BlockTable<N>::verify() const {
  Checksum sum;
  const unsigned char* footer = file_.data() + file_.size() - kFooterSize;
  sum.add(data_, static_cast<std::size_t>(footer - data_));
  if (sum.value != get_u64(footer + 16)) {
    return Error(ErrorKind::Corrupt, "block table checksum does not match");
  }
  Range all = range(Row{}, 0);
  Row batch[256];
  Row previous{};
  std::uint64_t count = 0;
  while (const std::size_t n = all.next(batch, 256)) {
    for (std::size_t i = 0; i < n; ++i) {
      if (count > 0 && !(previous < batch[i])) {
        return Error(ErrorKind::Corrupt, "block table rows out of order");
      }
      previous = batch[i];
      ++count;
    }
  }
  if (const Error* e = all.error()) return *e;
  if (count != rows_) return Error(ErrorKind::Corrupt, "block table row count does not match");
  return {};
}

template Status write_block_table<3>(const std::string&, std::span<const store::Row<3>>, bool);
template Status write_block_table<4>(const std::string&, std::span<const store::Row<4>>, bool);
template class BlockTableWriter<3>;
template class BlockTableWriter<4>;
template class BlockTable<3>;
template class BlockTable<4>;

}  // namespace quiver::disk
