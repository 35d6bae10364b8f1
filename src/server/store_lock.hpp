#pragma once
/// @file
/// A readers-writer lock that lets a waiting writer in before new readers.
/// std::shared_mutex in libstdc++ prefers readers, so on a busy endpoint a
/// Graph Store PUT could wait as long as queries keep overlapping.

#include <condition_variable>
#include <mutex>

namespace quiver::server {

/// Shared (queries) and exclusive (writes) access to the store; once a
/// writer waits, new readers wait behind it. Meets the SharedMutex
/// requirements used by std::shared_lock and std::unique_lock.
class StoreLock {
 public:
  /// Waits until no writer holds or waits for the lock.
  void lock_shared() {
    std::unique_lock guard(mutex_);
    changed_.wait(guard, [this] { return !writing_ && writers_waiting_ == 0; });
    ++readers_;
  }
  /// Releases shared access.
  void unlock_shared() {
    std::lock_guard guard(mutex_);
    if (--readers_ == 0) changed_.notify_all();
  }
  /// Waits until nobody else holds the lock.
  void lock() {
    std::unique_lock guard(mutex_);
    ++writers_waiting_;
    changed_.wait(guard, [this] { return !writing_ && readers_ == 0; });
    --writers_waiting_;
    writing_ = true;
  }
  /// True while a writer waits (for tests and diagnostics).
  bool writer_waiting() {
    std::lock_guard guard(mutex_);
    return writers_waiting_ > 0;
  }
  /// Releases exclusive access.
  void unlock() {
    std::lock_guard guard(mutex_);
    writing_ = false;
    changed_.notify_all();
  }

 private:
  std::mutex mutex_;
  std::condition_variable changed_;
  int readers_ = 0;
  int writers_waiting_ = 0;
  bool writing_ = false;
};

}  // namespace quiver::server
