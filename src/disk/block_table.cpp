#include "disk/block_table.hpp"

#include <algorithm>
#include <array>
#include <atomic>
#include <cstring>
#include <string>
#include <vector>

namespace quiver::disk {
namespace {

constexpr char kMagic[8] = {'Q', 'V', 'B', 'L', 'O', 'C', 'K', 'S'};
constexpr char kEndMagic[8] = {'Q', 'V', 'B', 'L', 'K', 'E', 'N', 'D'};
constexpr std::size_t kHeaderSize = 32;
constexpr std::size_t kFooterSize = 32;
constexpr std::uint32_t kBlockRows = 32;
// Blocks a summary entry stands for: 32 index entries (640 bytes for
// triples) are searched after the summary.
constexpr std::uint64_t kSummaryStep = 32;

// A table's blocks are cached under its opening's number, never reused, so
// an entry cannot outlive its mapping's meaning.
std::atomic<std::uint64_t> next_table_id{1};

// Direct-mapped by block number: a scan's blocks fall in successive slots
// and evict each other, not the blocks a probe keeps returning to (other
// tables' blocks collide one time in kSlots).
constexpr std::size_t kSlots = 64;

// Makes `row` the first row past every row sharing its first `prefix`
// columns (the prefix plus one, carried, the rest zero); false when there
// is none (the prefix is all ones).
template <std::size_t N>
bool successor(store::Row<N>& row, std::size_t prefix) {
  for (std::size_t c = prefix; c < N; ++c) row[c] = 0;
  std::size_t c = prefix;
  while (c > 0 && row[c - 1] == 0xFFFFFFFFu) row[--c] = 0;
  if (c == 0) return false;
  ++row[c - 1];
  return true;
}

Error corrupt(const std::string& path, const std::string& what) {
  return Error(ErrorKind::Corrupt, path + ": not a valid block table (" + what + ")");
}

}  // namespace

template <std::size_t N>
struct BlockTable<N>::Slot {
  std::uint64_t table = 0;  // 0: empty
  std::uint64_t block = 0;
  std::vector<Row> rows;              // the first rows.size() rows of the block
  const unsigned char* at = nullptr;  // the next row's bytes
  const unsigned char* end = nullptr;
  std::uint64_t total = 0;  // rows in the block
  bool complete() const { return rows.size() == total; }
};

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
  t.id_ = next_table_id.fetch_add(1, std::memory_order_relaxed);
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
  // The index's order is left to verify(): checking it here would make
  // opening a large database take as long as reading its indexes. A block
  // the index points outside the blocks with fails when decoded.
  auto summary = std::make_shared<std::vector<Row>>();
  summary->reserve(static_cast<std::size_t>(t.blocks_ / kSummaryStep + 1));
  for (std::uint64_t b = 0; b < t.blocks_; b += kSummaryStep) summary->push_back(t.first_row(b));
  t.summary_ = std::move(summary);
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

// Blocks whose first row is below `key`: a binary search over the index.
template <std::size_t N>
std::uint64_t BlockTable<N>::blocks_below(const Row& key) const {
  // Probes in a row mostly land in the block the last one found, or a
  // little after it (ascending keys): from there a few galloping steps
  // find it. Otherwise the in-memory summary narrows the search to
  // kSummaryStep neighbouring index entries, where a search of the whole
  // index would read one far apart (a cache miss) at each of its steps.
  // One hint a table (direct-mapped by its number): a join alternates
  // between tables, each with its own run of nearby keys.
  thread_local std::array<std::pair<std::uint64_t, std::uint64_t>, 16> hints{};  // table, answer
  auto& last = hints[id_ % hints.size()];
  std::uint64_t lo = 0, hi = blocks_;
  bool bracketed = false;
  if (last.first == id_) {
    const std::uint64_t b = last.second;
    if (b > 0 && b <= blocks_ && first_row(b - 1) < key) {
      lo = b;  // the answer is lo or after it
      for (std::uint64_t step = 1; step <= 8 && !bracketed; step *= 2) {
        if (lo == blocks_ || !(first_row(lo) < key)) {
          hi = lo;
          bracketed = true;
          break;
        }
        const std::uint64_t probe = std::min(blocks_, lo + step);
        if (probe == blocks_ || !(first_row(probe) < key)) {
          hi = probe;
          bracketed = true;
        }
        lo = bracketed ? lo + 1 : probe + 1;
      }
    }
  }
  if (!bracketed && summary_ && !summary_->empty()) {
    // The summary entries below the key: the answer is in the span after
    // the last of them.
    const auto below = static_cast<std::uint64_t>(
        std::lower_bound(summary_->begin(), summary_->end(), key) - summary_->begin());
    if (below == 0) {
      hi = 0;
    } else {
      lo = std::max(lo, (below - 1) * kSummaryStep + 1);
      hi = std::min(blocks_, below * kSummaryStep);
    }
  }
  while (lo < hi) {
    const std::uint64_t mid = lo + (hi - lo) / 2;
    if (first_row(mid) < key) {
      lo = mid + 1;
    } else {
      hi = mid;
    }
  }
  lo = std::min(lo, blocks_);  // a damaged index's order can mislead the search, not past the end
  last = {id_, lo};
  return lo;
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
  // inside it.
  const std::uint64_t below = blocks_below(r.key_);
  r.block_ = below == 0 ? 0 : below - 1;
  return r;
}

// Rows below `key`: those of the blocks before the one it may start in,
// and that block's rows below it.
template <std::size_t N>
std::uint64_t BlockTable<N>::position(const Row& key) const {
  const std::uint64_t below = blocks_below(key);
  if (below == 0) return 0;
  const std::uint64_t block = below - 1;
  Error ignored;
  const Slot* decoded = decoded_until(block, key, ignored);
  if (decoded == nullptr) return block * block_rows_;
  return block * block_rows_ +
         static_cast<std::uint64_t>(
             std::lower_bound(decoded->rows.begin(), decoded->rows.end(), key) -
             decoded->rows.begin());
}

template <std::size_t N>
bool BlockTable<N>::contains(const Row& row) const {
  // The row is in the last block whose first row is not above it.
  Row next = row;
  const std::uint64_t below = successor(next, N) ? blocks_below(next) : blocks_;
  if (below == 0) return false;
  Error ignored;
  const Slot* decoded = decoded_until(below - 1, row, ignored);
  return decoded != nullptr && std::binary_search(decoded->rows.begin(), decoded->rows.end(), row);
}

template <std::size_t N>
std::uint64_t BlockTable<N>::count(const Row& key, std::size_t prefix) const {
  prefix = std::min(prefix, N);
  if (prefix == 0) return rows_;
  Row low = key, high = key;
  for (std::size_t c = prefix; c < N; ++c) low[c] = high[c] = 0;
  const std::uint64_t end = successor(high, prefix) ? position(high) : rows_;
  const std::uint64_t begin = position(low);
  return end > begin ? end - begin : 0;
}

// The cache's slot for `block`, its first row decoded (checked against
// the index); null when the block is damaged.
template <std::size_t N>
typename BlockTable<N>::Slot* BlockTable<N>::slot(std::uint64_t block, Error& error) const {
  thread_local std::array<Slot, kSlots> cache;
  Slot& s = cache[block % kSlots];
  if (s.table == id_ && s.block == block) return &s;
  const auto fail = [&](const char* what) {
    error = Error(ErrorKind::Corrupt, std::string("damaged block table: ") + what);
    return nullptr;
  };
  s.table = 0;
  s.rows.clear();
  const std::uint64_t begin_offset = block_offset(block), end_offset = block_end(block);
  if (begin_offset >= end_offset || end_offset > data_size_) {
    return fail("the index points outside the blocks");
  }
  s.at = data_ + begin_offset;
  s.end = data_ + end_offset;
  s.total = std::min<std::uint64_t>(block_rows_, rows_ - block * block_rows_);
  Row row;
  std::uint64_t v = 0;
  for (std::size_t c = 0; c < N; ++c) {
    if (!get_varint(s.at, s.end, v) || v > 0xFFFFFFFFu) return fail("a row runs past its block");
    row[c] = static_cast<std::uint32_t>(v);
  }
  if (row != first_row(block)) return fail("a block disagrees with the index");
  s.rows.push_back(row);
  if (s.complete() && s.at != s.end) return fail("bytes left over in a block");
  s.table = id_;
  s.block = block;
  return &s;
}

// Decodes more of `s`: until it holds `count` rows and (given `until`) a
// row not below *until, or the whole block. A damaged block empties the
// slot; false then.
template <std::size_t N>
bool BlockTable<N>::extend(Slot& s, const Row* until, std::size_t count, Error& error) const {
  const auto fail = [&](const char* what) {
    error = Error(ErrorKind::Corrupt, std::string("damaged block table: ") + what);
    s.table = 0;
    s.rows.clear();
    return false;
  };
  // Each row takes a byte at least: a damaged count runs out of bytes
  // before it can make the vector large.
  Row row = s.rows.back();
  std::uint64_t v = 0;
  while (!s.complete() && (s.rows.size() < count || (until && s.rows.back() < *until))) {
    if (!get_varint(s.at, s.end, v)) return fail("a row runs past its block");
    const std::size_t c = v & 3;
    const std::uint64_t increase = v >> 2;
    if (c >= N || increase == 0 || increase > 0xFFFFFFFFull - row[c]) {
      return fail("a row out of order");
    }
    row[c] = static_cast<std::uint32_t>(row[c] + increase);
    for (std::size_t k = c + 1; k < N; ++k) {
      if (!get_varint(s.at, s.end, v) || v > 0xFFFFFFFFu) return fail("a row runs past its block");
      row[k] = static_cast<std::uint32_t>(v);
    }
    s.rows.push_back(row);
    if (s.complete() && s.at != s.end) return fail("bytes left over in a block");
  }
  return true;
}

// `block` decoded at least up to its first row not below `key`.
template <std::size_t N>
const typename BlockTable<N>::Slot* BlockTable<N>::decoded_until(std::uint64_t block,
                                                                 const Row& key,
                                                                 Error& error) const {
  Slot* s = slot(block, error);
  if (s == nullptr || !extend(*s, &key, 0, error)) return nullptr;
  return s;
}

template <std::size_t N>
std::size_t BlockTable<N>::Range::next(Row* out, std::size_t max) {
  const BlockTable& t = *table_;
  std::size_t n = 0;
  while (n < max && !done_) {
    if (block_ >= t.blocks_) {
      done_ = true;
      break;
    }
    // Found again on each call: another read may have taken the slot.
    Slot* s = t.slot(block_, error_);
    if (s == nullptr) {
      failed_ = done_ = true;
      break;
    }
    // The first block may start below the key; the later ones cannot.
    if (!started_) {
      if (!t.extend(*s, &key_, 0, error_)) {
        failed_ = done_ = true;
        break;
      }
      in_block_ = static_cast<std::size_t>(std::lower_bound(s->rows.begin(), s->rows.end(), key_) -
                                           s->rows.begin());
      started_ = true;
    }
    while (n < max) {
      // Rows are decoded a few at a time: a range often ends within them.
      // (A slot taken and decoded again meanwhile holds fewer rows.)
      if (in_block_ >= s->rows.size() && !t.extend(*s, nullptr, in_block_ + 8, error_)) {
        failed_ = done_ = true;
        return n;
      }
      if (in_block_ >= s->rows.size()) break;  // the whole block is read
      const Row& r = s->rows[in_block_];
      for (std::size_t c = 0; c < prefix_; ++c) {
        if (r[c] != key_[c]) {
          done_ = true;
          return n;
        }
      }
      out[n++] = r;
      ++in_block_;
    }
    if (in_block_ >= s->rows.size() && s->complete()) {
      ++block_;
      in_block_ = 0;
    }
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
  for (std::uint64_t b = 1; b < blocks_; ++b) {
    if (block_offset(b) <= block_offset(b - 1) || !(first_row(b - 1) < first_row(b))) {
      return Error(ErrorKind::Corrupt, "block table index out of order");
    }
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
