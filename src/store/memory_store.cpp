#include "store/memory_store.hpp"

#include <algorithm>
#include <cassert>
#include <new>
#include <stdexcept>

#include "store/memory_transaction.hpp"

namespace quiver::store {

MemoryStore::MemoryStore() : current_(std::make_shared<const Version>(terms_)) {}

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

Expected<std::unique_ptr<Transaction>> MemoryStore::begin(bool wait) {
  std::unique_lock lock(writer_, std::defer_lock);
  if (wait) {
    lock.lock();
  } else if (!lock.try_lock()) {
    return Error(ErrorKind::Conflict, "another transaction is writing to the store");
  }
  return std::unique_ptr<Transaction>(new MemoryTransaction(*this, std::move(lock)));
}

std::size_t MemoryStore::index_memory() const {
  const auto v = current();
  return v->triples().memory_usage() + v->quads().memory_usage();
}

}  // namespace quiver::store
