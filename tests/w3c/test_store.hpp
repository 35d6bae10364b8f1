#pragma once
// The engine a W3C test runs on: in memory, or (--db) over a database in a
// fresh temporary folder, removed when the test ends. On disk, what a test
// loads is merged into the database's files before it runs (settle()), so
// that its queries read block tables rather than only the delta.

#include <unistd.h>

#include <atomic>
#include <filesystem>
#include <memory>
#include <string>

#include "database/disk_store.hpp"
#include "engine/engine.hpp"

namespace quiver::w3c {

class TestStore {
 public:
  explicit TestStore(bool on_disk) {
    if (!on_disk) {
      engine_ = std::make_unique<engine::Engine>();
      return;
    }
    static std::atomic<int> counter{0};
    folder_ = (std::filesystem::temp_directory_path() /
               ("quiver-w3c-db-" + std::to_string(::getpid()) + "-" + std::to_string(++counter)))
                  .string();
    std::filesystem::remove_all(folder_);
    status_ = open(true);
  }
  ~TestStore() {
    engine_.reset();
    if (!folder_.empty()) std::filesystem::remove_all(folder_);
  }
  TestStore(const TestStore&) = delete;
  TestStore& operator=(const TestStore&) = delete;

  /// Whether the database opened (always true in memory).
  const Status& status() const { return status_; }
  /// The engine (valid when status() is ok).
  engine::Engine& engine() { return *engine_; }
  /// On disk: merges the delta into a new generation of files.
  Status settle() {
    if (folder_.empty()) return {};
    return static_cast<database::DiskStore&>(engine_->store()).merge();
  }
  /// On disk: closes the database and opens it again read-only, so that what
  /// is read comes from the files and the replayed log.
  Status reopen() {
    if (folder_.empty()) return {};
    engine_.reset();
    return open(false);
  }

 private:
  Status open(bool writable) {
    database::OpenOptions options;
    options.writable = writable;
    options.create = writable;
    options.sync = false;  // durability is not what these tests check
    auto store = database::DiskStore::open(folder_, options);
    if (!store) return store.error();
    engine_ = std::make_unique<engine::Engine>(std::move(*store));
    return {};
  }

  std::string folder_;
  Status status_;
  std::unique_ptr<engine::Engine> engine_;
};

}  // namespace quiver::w3c
