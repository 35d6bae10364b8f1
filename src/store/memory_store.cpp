#include "store/memory_store.hpp"

#include <algorithm>
#include <cassert>
#include <new>
#include <stdexcept>

#include "store/memory_transaction.hpp"

namespace quiver::store {

namespace {

// Dictionaries smaller than this are never compacted: it would not pay.
constexpr std::size_t kCompactionMinimum = std::size_t{1} << 16;

}  // namespace

MemoryStore::MemoryStore()
    : terms_(std::make_shared<TermInterner>()),
      next_compaction_check_(kCompactionMinimum),
      current_(std::make_shared<const Version>(terms_)) {}

MemoryStore::~MemoryStore() = default;

std::shared_ptr<const Version> MemoryStore::current() const {
  std::lock_guard lock(current_mutex_);
  return current_;
}

void MemoryStore::publish(std::shared_ptr<const Version> version) {
  std::shared_ptr<const Version> old;
  {
    std::lock_guard lock(current_mutex_);
    old = std::exchange(current_, std::move(version));
  }
  // `old` may be the last reference to a large version: free it unlocked.
}

void MemoryStore::compact_if_due(std::shared_ptr<const Version>& version) {
  const std::size_t size = terms_->size();
  if (size < next_compaction_check_) return;
  // Each check is O(quads); checking only when the dictionary has doubled
  // makes it O(1) per term interned.
  next_compaction_check_ = std::max(kCompactionMinimum, 2 * size);
  const QuadIds everything{kAnyTerm, kAnyTerm, kAnyTerm, kAnyTerm};
  std::vector<bool> used(size, false);
  std::size_t used_count = 0;
  const auto use = [&](TermId id) {
    const std::size_t i = index_of(id);
    if (!used[i]) {
      used[i] = true;
      ++used_count;
    }
  };
  QuadIds batch[256];
  auto cursor = version->match(everything);
  while (const std::size_t n = cursor->next(batch, 256)) {
    for (std::size_t i = 0; i < n; ++i) {
      use(batch[i].subject);
      use(batch[i].predicate);
      use(batch[i].object);
      if (batch[i].graph != kDefaultGraph) use(batch[i].graph);
    }
  }
  for (const TermId g : version->graphs()) use(g);
  if (used_count * 2 > size) return;

  // Terms keep their relative order, so rows renumbered stay sorted.
  auto fresh = std::make_shared<TermInterner>();
  std::vector<std::uint32_t> renumbered(size, 0);
  for (std::size_t i = 0; i < size; ++i) {
    if (used[i]) {
      renumbered[i] = static_cast<std::uint32_t>(id_of(fresh->intern(terms_->term(i))));
    }
  }
  const auto map = [&](TermId id) { return renumbered[index_of(id)]; };
  std::vector<Row<3>> triples;
  std::vector<Row<4>> quads;
  cursor = version->match(everything);
  while (const std::size_t n = cursor->next(batch, 256)) {
    for (std::size_t i = 0; i < n; ++i) {
      const QuadIds& q = batch[i];
      if (q.graph == kDefaultGraph) {
        triples.push_back({map(q.subject), map(q.predicate), map(q.object)});
      } else {
        quads.push_back({map(q.subject), map(q.predicate), map(q.object), map(q.graph)});
      }
    }
  }
  std::vector<TermId> graphs;
  for (const TermId g : version->graphs()) graphs.push_back(map(g));
  const auto empty = std::make_shared<const Version>(fresh);
  version = empty
                ->with(LayeredIndex<3>(triple_orders()).with_inserted(std::move(triples)),
                       LayeredIndex<4>(quad_orders()).with_inserted(std::move(quads)),
                       std::move(graphs), fresh->view())
                ->settled();
  terms_ = std::move(fresh);
  next_compaction_check_ = std::max(kCompactionMinimum, 2 * terms_->size());
}

Expected<std::unique_ptr<Transaction>> MemoryStore::begin(bool wait) {
  std::unique_lock lock(writer_, std::defer_lock);
  if (wait) {
    lock.lock();
  } else if (!lock.try_lock()) {
    return Error(ErrorKind::Conflict, "another transaction is writing to the store");
  }
  return std::unique_ptr<Transaction>(new MemoryTransaction(*this, std::move(lock)));
}

void MemoryStore::prepare() const {
  const auto v = current();
  // Asking for one table beyond the canonical one builds them all.
  v->triples().base().table(1);
  v->quads().base().table(1);
}

std::size_t MemoryStore::index_memory() const {
  const auto v = current();
  return v->triples().memory_usage() + v->quads().memory_usage();
}

}  // namespace quiver::store
