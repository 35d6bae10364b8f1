#include "database/disk_store.hpp"

#include <dirent.h>
#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <random>

#include "database/dictionary.hpp"
#include "database/disk_transaction.hpp"
#include "database/manifest.hpp"
#include "disk/file_format.hpp"

namespace quiver::database {
namespace {

// A commit whose log record would be larger than this is written as a new
// generation instead: a bulk load into a database that has data.
constexpr std::size_t kLargestRecord = std::size_t{64} << 20;
// A reader that finds the files of the generation it read in the manifest
// gone (a writer merged meanwhile) reads the manifest again, this often.
constexpr int kOpenAttempts = 20;

std::string random_namespace() {
  std::random_device device;
  const std::uint64_t r = (std::uint64_t{device()} << 32) | device();
  char buffer[24];
  std::snprintf(buffer, sizeof buffer, "q%016llx_", static_cast<unsigned long long>(r));
  return buffer;
}

GenerationSource source_of(const std::shared_ptr<const DiskVersion>& v) {
  GenerationSource s;
  s.term_count = v->term_count();
  // The base stays alive: the table streams below hold `v`.
  s.term = term_source(v->base().terms, v->new_terms());
  s.graphs = v->graphs();
  s.triples = [v](std::size_t t, const std::function<Status(const store::Row<3>&)>& add) {
    return v->each_triple(t, add);
  };
  s.quads = [v](std::size_t t, const std::function<Status(const store::Row<4>&)>& add) {
    return v->each_quad(t, add);
  };
  s.threads = 2;  // a merge writes beside the writer's thread, readers unaffected
  return s;
}

}  // namespace

Expected<std::unique_ptr<DiskStore>> DiskStore::open(const std::string& folder,
                                                     const OpenOptions& options) {
  std::unique_ptr<DiskStore> store(new DiskStore);
  store->folder_ = folder;
  store->options_ = options;
  store->blank_namespace_ = random_namespace();
  auto state = folder_state(folder);
  if (!state) return state.error();
  if (*state == FolderState::Other) {
    return Error(ErrorKind::Invalid, folder +
                                         ": not a Quiver database (the folder holds other "
                                         "files, and no MANIFEST)");
  }
  bool fresh = *state == FolderState::Missing || *state == FolderState::Empty;
  if (fresh && !(options.writable && options.create)) {
    return Error(ErrorKind::NotFound,
                 folder + ": no Quiver database here (`quiver load --db` creates one)");
  }
  // EEXIST: another process is creating it; the lock below orders us.
  if (*state == FolderState::Missing && ::mkdir(folder.c_str(), 0755) != 0 && errno != EEXIST) {
    return disk::io_error(folder, "cannot create the database folder");
  }
  if (options.writable) {
    const std::string lock = folder + "/lock";
    store->lock_fd_ = ::open(lock.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
    if (store->lock_fd_ < 0) {
      if (errno == EACCES || errno == EROFS || errno == EPERM) {
        return Error(ErrorKind::Io, folder + ": the database is read-only here (" +
                                        std::strerror(errno) + "); it can be queried, not changed");
      }
      return disk::io_error(lock, "cannot open the lock file");
    }
    if (::flock(store->lock_fd_, LOCK_EX | (options.wait ? 0 : LOCK_NB)) != 0) {
      if (errno == EWOULDBLOCK) {
        return Error(ErrorKind::Conflict, folder +
                                              ": another process is writing to this "
                                              "database (--wait waits for it to finish)");
      }
      return disk::io_error(lock, "cannot lock the database");
    }
  }
  if (fresh) {
    // Another writer may have created the database while this one waited
    // for the lock: what the folder holds now decides, not what it held.
    auto now = folder_state(folder);
    if (!now) return now.error();
    if (*now == FolderState::Other) {
      return Error(ErrorKind::Invalid, folder +
                                           ": not a Quiver database (the folder holds "
                                           "other files, and no MANIFEST)");
    }
    fresh = *now != FolderState::Database;
  }
  if (fresh) {
    // Generation 1, empty. Until the manifest names it, the folder reads
    // as an interrupted creation (folder_state: Empty) and is made again.
    GenerationSource empty;
    empty.term = [](std::uint64_t) -> Expected<TermRef> { return TermRef{}; };
    empty.triples = [](std::size_t, const std::function<Status(const store::Row<3>&)>&) {
      return Status{};
    };
    empty.quads = [](std::size_t, const std::function<Status(const store::Row<4>&)>&) {
      return Status{};
    };
    if (Status st = write_generation(folder, 1, empty); !st) return st.error();
    if (Status st = create_wal(generation_file(folder, 1, "wal"), 1); !st) return st.error();
    if (Status st = write_manifest(folder, {kDatabaseFormat, 1}); !st) return st.error();
  }
  Status loaded;
  for (int attempt = 0; attempt < kOpenAttempts; ++attempt) {
    auto manifest = read_manifest(folder);
    if (!manifest) return manifest.error();
    loaded = store->load_generation(manifest->generation);
    // A reader racing a writer's merge may find the files it named gone.
    if (loaded || options.writable || loaded.error().kind != ErrorKind::Io) break;
    ::usleep(50000);
  }
  if (!loaded) return loaded.error();
  if (options.writable) store->remove_other_generations();
  return store;
}

DiskStore::~DiskStore() {
  if (lock_fd_ >= 0) ::close(lock_fd_);  // releases the lock
}

Status DiskStore::load_generation(std::uint64_t generation) {
  auto base = Base::open(folder_, generation);
  if (!base) return base.error();
  generation_ = generation;
  terms_ = std::make_shared<TermInterner>();
  publish(std::make_shared<const DiskVersion>(*base, terms_));
  const std::string wal = generation_file(folder_, generation, "wal");
  std::uint64_t valid = 0;
  auto records = read_wal(wal, generation, valid);
  if (!records) return records.error();
  if (Status st = replay(*records); !st)
    return Error(st.error().kind, wal + ": " + st.error().message);
  log_records_ = records->size();
  if (options_.writable) {
    auto writer = WalWriter::open(wal, valid);
    if (!writer) return writer.error();
    wal_.emplace(std::move(*writer));
  }
  return {};
}

Status DiskStore::replay(const std::vector<std::string>& records) {
  for (const std::string& record : records) {
    DiskTransaction tx(*this, std::unique_lock(writer_), true);
    if (Status st = tx.apply(record); !st) return st;
    if (Status st = tx.commit(); !st) return st;
  }
  return {};
}

// Only files named as a generation's ("12.spo", "12.terms.tmp"), never a
// user's file that happens to start with a digit.
void DiskStore::remove_other_generations() const {
  DIR* dir = ::opendir(folder_.c_str());
  if (dir == nullptr) return;
  const auto ours = [](const std::string& name) {
    const std::size_t dot = name.find('.');
    if (dot == 0 || dot == std::string::npos || name.find_first_not_of("0123456789") != dot) {
      return false;
    }
    std::string suffix = name.substr(dot + 1);
    if (suffix.ends_with(".tmp")) suffix.resize(suffix.size() - 4);
    const auto& known = generation_suffixes();
    return std::find(known.begin(), known.end(), suffix) != known.end();
  };
  const std::string live = std::to_string(generation_) + ".";
  while (const dirent* e = ::readdir(dir)) {
    const std::string name = e->d_name;
    if (!ours(name) || name.rfind(live, 0) == 0) continue;
    ::unlink((folder_ + "/" + name).c_str());
  }
  ::closedir(dir);
}

std::shared_ptr<const DiskVersion> DiskStore::current() const {
  std::lock_guard lock(current_mutex_);
  return current_;
}

void DiskStore::publish(std::shared_ptr<const DiskVersion> version) {
  std::shared_ptr<const DiskVersion> old;
  {
    std::lock_guard lock(current_mutex_);
    old = std::exchange(current_, std::move(version));
  }
}

Status DiskStore::check_writable() const {
  if (!options_.writable) {
    return Error(ErrorKind::Invalid, folder_ + ": the database was opened read-only");
  }
  if (broken_) return *broken_;
  return {};
}

Expected<std::unique_ptr<Transaction>> DiskStore::begin(bool wait) {
  if (Status st = check_writable(); !st) return st.error();
  std::unique_lock lock(writer_, std::defer_lock);
  if (wait) {
    lock.lock();
  } else if (!lock.try_lock()) {
    return Error(ErrorKind::Conflict, "another transaction is writing");
  }
  return std::unique_ptr<Transaction>(new DiskTransaction(*this, std::move(lock), false));
}

Status DiskStore::commit(const std::shared_ptr<const DiskVersion>& version,
                         const std::string& record) {
  if (broken_) return *broken_;
  if (record.size() > kLargestRecord) return switch_to(generation_ + 1, source_of(version));
  if (Status st = wal_->append(record, options_.sync); !st) return st;
  ++log_records_;
  publish(version);
  const std::size_t base_rows = version->base().triples[0].size() + version->base().quads[0].size();
  // A long log (many changes that cancel out) is replayed at every open.
  if (version->delta_size() > std::max(options_.merge_rows, base_rows / 16) ||
      wal_->size() > kLargestRecord) {
    // The commit stands whatever the merge does: a failed merge leaves the
    // live generation and its log, and the next commit tries again.
    (void)switch_to(generation_ + 1, source_of(version));
  }
  return {};
}

Status DiskStore::merge() {
  if (Status st = check_writable(); !st) return st;
  std::unique_lock lock(writer_);
  return switch_to(generation_ + 1, source_of(current()));
}

// Written beside the live generation; the manifest's rename is the switch.
// Before it, a failure removes the new files and changes nothing; after
// it, the new generation is the database whatever fails next (the store
// then refuses writes until reopened, never writes to the old one).
Status DiskStore::switch_to(std::uint64_t generation, const GenerationSource& source) {
  if (broken_) return *broken_;
  const auto cleanup = [&] {
    for (const std::string& suffix : generation_suffixes()) {
      ::unlink(generation_file(folder_, generation, suffix).c_str());
    }
  };
  Status st = write_generation(folder_, generation, source);
  if (st) st = create_wal(generation_file(folder_, generation, "wal"), generation);
  if (st) st = write_manifest(folder_, {kDatabaseFormat, generation});
  if (!st) {
    // The rename may have happened before a failed folder sync.
    auto manifest = read_manifest(folder_);
    if (!manifest || manifest->generation != generation) {
      cleanup();
      return st;
    }
  }
  generation_ = generation;
  log_records_ = 0;
  wal_.reset();
  const auto broken = [&](const Error& e) {
    broken_ = Error(e.kind, folder_ + ": generation " + std::to_string(generation) +
                                " is live but could not be opened (" + e.message +
                                "); reopen the database");
    return *broken_;
  };
  if (!st) return broken(st.error());
  auto base = Base::open(folder_, generation);
  if (!base) return broken(base.error());
  auto writer = WalWriter::open(generation_file(folder_, generation, "wal"), kWalHeaderSize);
  if (!writer) return broken(writer.error());
  wal_.emplace(std::move(*writer));
  terms_ = std::make_shared<TermInterner>();
  publish(std::make_shared<const DiskVersion>(*base, terms_));
  remove_other_generations();
  return {};
}

DatabaseInfo DiskStore::info() const {
  const auto v = current();
  DatabaseInfo out;
  out.generation = generation_;
  out.quads = v->size();
  out.graphs = v->graphs().size();
  out.terms = v->term_count();
  out.log_records = log_records_;
  for (const std::string& suffix : generation_suffixes()) {
    struct stat st {};
    if (::stat(generation_file(folder_, generation_, suffix).c_str(), &st) == 0) {
      out.bytes += static_cast<std::uint64_t>(st.st_size);
    }
  }
  return out;
}

Status DiskStore::check() const { return current()->base().verify(); }

}  // namespace quiver::database
