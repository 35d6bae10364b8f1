#include "eval/join_index.hpp"

#include <algorithm>
#include <numeric>

namespace quiver::eval {

JoinIndex::JoinIndex(const Table& table, std::vector<Slot> keys, std::vector<Slot> probe_keys)
    : keys_(std::move(keys)),
      probe_keys_(probe_keys.empty() ? keys_ : std::move(probe_keys)),
      table_(&table) {
  if (keys_.empty()) {
    rows_.resize(table.size());
    std::iota(rows_.begin(), rows_.end(), 0);
    return;
  }
  if (keys_.size() == 1) {
    const Slot k = keys_[0];
    sorted_ = true;
    for (std::size_t r = 1; r < table.size() && sorted_; ++r) {
      sorted_ = table.row(r - 1)[k] <= table.row(r)[k];
    }
    if (sorted_) return;
  }
  build_buckets();
}

// Buckets in one array (the rows of bucket b are rows_[starts_[b] ..
// starts_[b + 1])), filled by a counting pass: building is linear, and a
// probe reads two neighbouring starts and its rows, where a sorted array of
// hashes took a binary search of cache misses per left row.
void JoinIndex::build_buckets() {
  sorted_ = false;
  const Table& table = *table_;
  rows_.resize(table.size());
  while ((std::size_t{1} << bits_) < table.size() && bits_ < 40) ++bits_;
  starts_.assign((std::size_t{1} << bits_) + 1, 0);
  std::vector<std::size_t> bucket_of(table.size());
  for (std::size_t r = 0; r < table.size(); ++r) {
    bucket_of[r] = bucket(table.row(r), keys_);
    ++starts_[bucket_of[r] + 1];
  }
  std::partial_sum(starts_.begin(), starts_.end(), starts_.begin());
  std::vector<std::size_t> fill(starts_.begin(), starts_.end() - 1);
  for (std::size_t r = 0; r < table.size(); ++r) rows_[fill[bucket_of[r]]++] = r;
}

std::size_t JoinIndex::bucket(const TermId* row, const std::vector<Slot>& keys) const {
  // hash_cells mixes poorly into its low bits: the top bits of a
  // multiplicative hash of it pick the bucket.
  return bits_ == 0 ? 0 : (hash_cells(row, keys) * 0x9E3779B97F4A7C15ULL) >> (64 - bits_);
}

JoinIndex::Candidates JoinIndex::candidates(const TermId* row) {
  if (keys_.empty()) return Candidates(rows_);
  if (table_ == nullptr || table_->empty()) return {};
  if (sorted_) {
    const TermId k = row[probe_keys_[0]];
    ++probes_;
    if (k < last_) ++descents_;
    last_ = k;
    // Probes that do not ascend lose the point of the order: hash instead.
    if (descents_ <= kDescents || descents_ * 8 <= probes_) return run_of(k);
    build_buckets();
  }
  const std::size_t b = bucket(row, probe_keys_);
  return Candidates(
      std::span<const std::size_t>(rows_).subspan(starts_[b], starts_[b + 1] - starts_[b]));
}

// The rows whose key is k, found from where the last probe ended: ahead of
// it by galloping (ascending probes of a merge cost a few steps each),
// behind it by a binary search.
JoinIndex::Candidates JoinIndex::run_of(TermId k) {
  const Slot s = keys_[0];
  const std::size_t n = table_->size();
  const auto key = [&](std::size_t r) { return table_->row(r)[s]; };
  std::size_t lo = 0, hi = 0;  // the first row whose key is >= k lies in [lo, hi]
  if (cursor_ < n && key(cursor_) < k) {
    std::size_t step = 1;
    lo = cursor_ + 1;
    hi = lo;
    while (hi < n && key(hi) < k) {
      lo = hi + 1;
      hi = std::min(n, lo + step);
      step *= 2;
    }
  } else if (cursor_ == 0 || key(cursor_ - 1) < k) {
    lo = hi = cursor_;
  } else {
    hi = cursor_ - 1;
  }
  while (lo < hi) {
    const std::size_t mid = lo + (hi - lo) / 2;
    if (key(mid) < k) {
      lo = mid + 1;
    } else {
      hi = mid;
    }
  }
  cursor_ = lo;
  std::size_t end = lo;
  while (end < n && key(end) == k) ++end;
  return Candidates(lo, end - lo);
}

std::size_t KeySet::find(const TermId* row, std::size_t h) const {
  const std::size_t k = slots_.size();
  for (std::size_t i = h >> (64 - bits_);; i = (i + 1) & (table_.size() - 1)) {
    const std::size_t entry = table_[i];
    if (entry == 0 || hashes_[entry - 1] != h) {
      if (entry == 0) return i;
      continue;
    }
    const TermId* stored = keys_.data() + (entry - 1) * k;
    bool same = true;
    for (std::size_t c = 0; c < k && same; ++c) same = stored[c] == row[slots_[c]];
    if (same) return i;
  }
}

bool KeySet::insert(const TermId* row) {
  if (2 * (hashes_.size() + 1) > table_.size()) grow();
  const std::size_t h = hash_cells(row, slots_) * 0x9E3779B97F4A7C15ULL;
  const std::size_t i = find(row, h);
  if (table_[i] != 0) return false;
  table_[i] = hashes_.size() + 1;
  hashes_.push_back(h);
  for (const Slot s : slots_) keys_.push_back(row[s]);
  return true;
}

bool KeySet::contains(const TermId* row) const {
  if (table_.empty()) return false;
  return table_[find(row, hash_cells(row, slots_) * 0x9E3779B97F4A7C15ULL)] != 0;
}

void KeySet::grow() {
  bits_ = table_.empty() ? 6 : bits_ + 1;
  table_.assign(std::size_t{1} << bits_, 0);
  for (std::size_t e = 0; e < hashes_.size(); ++e) {
    std::size_t i = hashes_[e] >> (64 - bits_);
    while (table_[i] != 0) i = (i + 1) & (table_.size() - 1);
    table_[i] = e + 1;
  }
}

void KeySet::clear() {
  keys_ = {};
  table_ = {};
  hashes_ = {};
  bits_ = 0;
}

}  // namespace quiver::eval
