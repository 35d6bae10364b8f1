#include "store/layered_index.hpp"

#include <algorithm>
#include <exception>
#include <iterator>
#include <optional>
#include <system_error>
#include <thread>

namespace quiver::store {
namespace {

// A delta past this many rows is folded into a new base: small enough that
// copying it per commit stays cheap, large enough that the O(base) fold
// is rare. A small base is always folded: it is cheap, and the statistics
// (computed on the base) then count everything.
constexpr std::size_t kSmall = 1 << 16;

std::size_t fold_threshold(std::size_t base) {
  return base < kSmall ? 0 : std::min<std::size_t>(base / 16, 32768);
}

std::size_t transaction_threshold(std::size_t base) { return base < kSmall ? 0 : base / 4; }

template <std::size_t N>
std::span<const Row<N>> rows_of(const std::shared_ptr<const Permutations<N>>& p, std::size_t t) {
  if (!p) return {};
  return p->table(t).rows();
}

template <std::size_t N>
void sort_unique(std::vector<Row<N>>& rows) {
  sort_rows(rows);
  rows.erase(std::unique(rows.begin(), rows.end()), rows.end());
}

template <std::size_t N>
std::vector<Row<N>> difference(std::span<const Row<N>> a, std::span<const Row<N>> b) {
  std::vector<Row<N>> out;
  out.reserve(a.size());
  std::set_difference(a.begin(), a.end(), b.begin(), b.end(), std::back_inserter(out));
  return out;
}

template <std::size_t N>
std::vector<Row<N>> intersection(std::span<const Row<N>> a, std::span<const Row<N>> b) {
  std::vector<Row<N>> out;
  std::set_intersection(a.begin(), a.end(), b.begin(), b.end(), std::back_inserter(out));
  return out;
}

template <std::size_t N>
std::vector<Row<N>> merged(std::span<const Row<N>> a, std::span<const Row<N>> b) {
  std::vector<Row<N>> out(a.size() + b.size());
  std::merge(a.begin(), a.end(), b.begin(), b.end(), out.begin());
  return out;
}

// Table `t` of `layer` changed by canonical rows `plus` and `minus` (each
// sorted canonically): the changed rows are permuted and sorted alone, then
// merged in one linear pass.
template <std::size_t N>
SortedTable<N> changed_table(const typename SortedTable<N>::Order& order,
                             std::span<const Row<N>> rows, const std::vector<Row<N>>& plus,
                             const std::vector<Row<N>>& minus) {
  std::vector<Row<N>> out(rows.begin(), rows.end());
  if (!minus.empty()) {
    const SortedTable<N> gone(order, minus);
    out = difference<N>(out, gone.rows());
  }
  if (!plus.empty()) {
    const SortedTable<N> fresh(order, plus);
    out = merged<N>(out, fresh.rows());
  }
  return SortedTable<N>::from_sorted(order, std::move(out));
}

}  // namespace

// Past this many rows the permutations are sorted side by side, one thread
// each. Each sorts its own copy in place (sort_rows), so building them at
// once costs only their run buffers beyond the tables themselves.
constexpr std::size_t kParallelRows = 1 << 18;

template <std::size_t N>
Permutations<N>::Permutations(const Orders& orders, std::vector<Row<N>> canonical)
    : orders_(orders) {
  const bool empty = canonical.empty();
  tables_.reserve(orders.size());
  tables_.push_back(SortedTable<N>::from_sorted(orders[0], std::move(canonical)));
  for (std::size_t t = 1; t < orders.size(); ++t) tables_.emplace_back(orders[t]);
  if (empty) built_.store(true, std::memory_order_release);
}

template <std::size_t N>
Permutations<N>::Permutations(std::vector<SortedTable<N>> tables) : tables_(std::move(tables)) {
  for (const auto& t : tables_) orders_.push_back(t.order());
  if (tables_.size() > 1) objects_per_predicate_ = count_objects_per_predicate<N>(tables_[1]);
  built_.store(true, std::memory_order_release);
}

template <std::size_t N>
void Permutations<N>::build_rest() const {
  const std::lock_guard lock(build_mutex_);
  if (built_.load(std::memory_order_relaxed)) return;
  const std::span<const Row<N>> canonical = tables_[0].rows();
  std::vector<std::optional<SortedTable<N>>> built(orders_.size());
  std::vector<std::exception_ptr> failed(orders_.size());
  const auto build = [&](std::size_t t) {
    try {
      built[t].emplace(orders_[t], std::vector<Row<N>>(canonical.begin(), canonical.end()));
    } catch (...) {
      failed[t] = std::current_exception();
    }
  };
  const bool parallel =
      canonical.size() >= kParallelRows && std::thread::hardware_concurrency() >= 2;
  std::vector<std::thread> threads;
  // Reserved first: growing it while threads run could throw past them.
  threads.reserve(orders_.size());
  for (std::size_t t = 2; t < orders_.size(); ++t) {
    if (parallel) {
      try {
        threads.emplace_back(build, t);
        continue;
      } catch (const std::system_error&) {
        // no thread to be had: sort it here
      }
    }
    build(t);
  }
  if (orders_.size() > 1) build(1);
  for (auto& thread : threads) thread.join();
  for (const auto& e : failed) {
    if (e) std::rethrow_exception(e);
  }
  std::unordered_map<TermId, std::uint64_t> objects;
  if (orders_.size() > 1) objects = count_objects_per_predicate<N>(*built[1]);
  // Nothing is published until everything is built: a failure (no memory)
  // leaves the tables as they were, and the next reader tries again.
  for (std::size_t t = 1; t < orders_.size(); ++t) tables_[t] = std::move(*built[t]);
  objects_per_predicate_ = std::move(objects);
  built_.store(true, std::memory_order_release);
}

template <std::size_t N>
std::size_t Permutations<N>::memory_usage() const {
  // Tables not built yet are empty; reading their size is safe only once
  // they are published.
  if (!built_.load(std::memory_order_acquire)) return tables_[0].memory_usage();
  std::size_t total = 0;
  for (const auto& t : tables_) total += t.memory_usage();
  return total;
}

template <std::size_t N>
const GraphStatistics& Permutations<N>::statistics() const {
  std::call_once(statistics_once_, [this] { statistics_ = compute_statistics<N>(tables_[0]); });
  return statistics_;
}

template <std::size_t N>
std::uint64_t Permutations<N>::distinct_objects(TermId predicate) const {
  if (tables_.size() < 2) return 0;
  table(1);
  const auto it = objects_per_predicate_.find(predicate);
  return it == objects_per_predicate_.end() ? 0 : it->second;
}

template <std::size_t N>
LayeredIndex<N>::LayeredIndex(Orders orders)
    : orders_(std::move(orders)),
      base_(std::make_shared<const Permutations<N>>(orders_, std::vector<Row<N>>{})) {}

template <std::size_t N>
std::size_t LayeredIndex<N>::delta_size() const {
  return (added_ ? added_->size() : 0) + (removed_ ? removed_->size() : 0);
}

template <std::size_t N>
LayeredRange<N> LayeredIndex<N>::range(std::size_t t, const Row<N>& key, std::size_t prefix) const {
  LayeredRange<N> r;
  r.base = base_->table(t).range(key, prefix);
  if (added_) r.added = added_->table(t).range(key, prefix);
  if (removed_) r.removed = removed_->table(t).range(key, prefix);
  return r;
}

template <std::size_t N>
bool LayeredIndex<N>::contains(const Row<N>& row) const {
  if (added_ && added_->table(0).contains(row)) return true;
  if (removed_ && removed_->table(0).contains(row)) return false;
  return base_->table(0).contains(row);
}

template <std::size_t N>
LayeredIndex<N> LayeredIndex<N>::with_inserted(std::vector<Row<N>> rows, Fold fold) const {
  sort_unique(rows);
  const auto base = base_->table(0).rows();
  const auto added = rows_of(added_, 0);
  const auto removed = rows_of(removed_, 0);
  // Rows removed earlier come back; the others are new unless present.
  // `rows` is replaced step by step, so a bulk load holds one copy at most.
  std::vector<Row<N>> back = intersection<N>(rows, removed);
  for (const auto present : {removed, base, added}) {
    if (!present.empty()) rows = difference<N>(rows, present);
  }
  if (back.empty() && rows.empty()) return *this;
  return with_delta(std::move(rows), std::move(back), fold);
}

template <std::size_t N>
LayeredIndex<N> LayeredIndex<N>::with_removed(std::vector<Row<N>> rows, Fold fold) const {
  sort_unique(rows);
  const auto added = rows_of(added_, 0);
  const auto removed = rows_of(removed_, 0);
  // Rows added in the delta just leave it; base rows join the removed layer.
  std::vector<Row<N>> unadded = intersection<N>(rows, added);
  std::vector<Row<N>> gone = difference<N>(intersection<N>(rows, base_->table(0).rows()), removed);
  if (unadded.empty() && gone.empty()) return *this;
  LayeredIndex out = *this;
  const std::size_t tables = orders_.size();
  if (!unadded.empty()) {
    std::vector<SortedTable<N>> t;
    for (std::size_t i = 0; i < tables; ++i) {
      t.push_back(changed_table<N>(orders_[i], added_->table(i).rows(), {}, unadded));
    }
    out.added_ = t[0].size() == 0 ? nullptr : std::make_shared<const Permutations<N>>(std::move(t));
  }
  if (!gone.empty()) {
    std::vector<SortedTable<N>> t;
    for (std::size_t i = 0; i < tables; ++i) {
      t.push_back(changed_table<N>(orders_[i], rows_of(removed_, i), gone, {}));
    }
    out.removed_ = std::make_shared<const Permutations<N>>(std::move(t));
  }
  out.size_ = size_ - unadded.size() - gone.size();
  return out.folded_past(fold);
}

template <std::size_t N>
LayeredIndex<N> LayeredIndex<N>::folded_past(Fold fold) const {
  const std::size_t threshold = fold == Fold::Published ? fold_threshold(base_->size())
                                                        : transaction_threshold(base_->size());
  return delta_size() > threshold ? folded() : *this;
}

template <std::size_t N>
LayeredIndex<N> LayeredIndex<N>::settled() const {
  return folded_past(Fold::Published);
}

// `fresh` joins the added layer; `back` leaves the removed layer.
template <std::size_t N>
LayeredIndex<N> LayeredIndex<N>::with_delta(std::vector<Row<N>> fresh, std::vector<Row<N>> back,
                                            Fold fold) const {
  LayeredIndex out = *this;
  const std::size_t tables = orders_.size();
  out.size_ = size_ + fresh.size() + back.size();
  if (!fresh.empty()) {
    if (!added_ && fresh.size() > fold_threshold(base_->size())) {
      // A bulk load: build the tables once, then fold them in (or take them
      // as the base when there is none yet).
      out.added_ = std::make_shared<const Permutations<N>>(orders_, std::move(fresh));
    } else {
      std::vector<SortedTable<N>> t;
      for (std::size_t i = 0; i < tables; ++i) {
        t.push_back(changed_table<N>(orders_[i], rows_of(added_, i), fresh, {}));
      }
      out.added_ = std::make_shared<const Permutations<N>>(std::move(t));
    }
  }
  if (!back.empty()) {
    std::vector<SortedTable<N>> t;
    for (std::size_t i = 0; i < tables; ++i) {
      t.push_back(changed_table<N>(orders_[i], removed_->table(i).rows(), {}, back));
    }
    out.removed_ =
        t[0].size() == 0 ? nullptr : std::make_shared<const Permutations<N>>(std::move(t));
  }
  return out.folded_past(fold);
}

template <std::size_t N>
LayeredIndex<N> LayeredIndex<N>::folded() const {
  LayeredIndex out = *this;
  out.added_ = nullptr;
  out.removed_ = nullptr;
  if (base_->size() == 0 && !removed_) {
    out.base_ = added_ ? added_ : base_;
    return out;
  }
  std::vector<SortedTable<N>> tables;
  for (std::size_t i = 0; i < orders_.size(); ++i) {
    std::vector<Row<N>> rows;
    rows.reserve(size_);
    const auto base = base_->table(i).rows();
    const auto removed = rows_of(removed_, i);
    std::set_difference(base.begin(), base.end(), removed.begin(), removed.end(),
                        std::back_inserter(rows));
    const auto added = rows_of(added_, i);
    if (!added.empty()) rows = merged<N>(rows, added);
    tables.push_back(SortedTable<N>::from_sorted(orders_[i], std::move(rows)));
  }
  out.base_ = std::make_shared<const Permutations<N>>(std::move(tables));
  return out;
}

template <std::size_t N>
std::size_t LayeredIndex<N>::memory_usage() const {
  return base_->memory_usage() + (added_ ? added_->memory_usage() : 0) +
         (removed_ ? removed_->memory_usage() : 0);
}

template class Permutations<3>;
template class Permutations<4>;
template class LayeredIndex<3>;
template class LayeredIndex<4>;

}  // namespace quiver::store
