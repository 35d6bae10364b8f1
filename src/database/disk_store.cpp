#include "database/disk_store.hpp"

#include <dirent.h>
#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <random>

#include "database/disk_transaction.hpp"
#include "database/manifest.hpp"
#include "disk/file_format.hpp"
#include "store/quad_cursors.hpp"

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
  const std::uint64_t base_terms = v->base().terms.size();
  s.term = [v, base_terms](std::uint64_t i) -> Expected<TermRef> {
    if (i < base_terms) return v->base().terms.term(i);
    return v->new_terms().term(static_cast<TermInterner::Index>(i - base_terms));
  };
  s.graphs = v->graphs();
  s.triples = [v](std::size_t t, const std::function<Status(const store::Row<3>&)>& add) {
    return v->each_triple(t, add);
  };
  s.quads = [v](std::size_t t, const std::function<Status(const store::Row<4>&)>& add) {
    return v->each_quad(t, add);
  };
  return s;
}

template <std::size_t N>
Status stream_index(const store::LayeredIndex<N>& index, std::size_t table,
                    const std::function<Status(const store::Row<N>&)>& add) {
  for (store::LayeredRows<N> rows(index.range(table, {}, 0)); !rows.done(); rows.advance()) {
    if (Status st = add(rows.row()); !st) return st;
  }
  return {};
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
  const bool fresh = *state == FolderState::Missing || *state == FolderState::Empty;
  if (fresh && !(options.writable && options.create)) {
    return Error(ErrorKind::NotFound,
                 folder + ": no Quiver database here (`quiver load --db` creates one)");
  }
  if (*state == FolderState::Missing && ::mkdir(folder.c_str(), 0755) != 0) {
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

void DiskStore::remove_other_generations() const {
  DIR* dir = ::opendir(folder_.c_str());
  if (dir == nullptr) return;
  const std::string live = std::to_string(generation_) + ".";
  while (const dirent* e = ::readdir(dir)) {
    const std::string name = e->d_name;
    if (name.empty() || name[0] < '0' || name[0] > '9' || name.rfind(live, 0) == 0) continue;
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

Expected<std::unique_ptr<Transaction>> DiskStore::begin(bool wait) {
  if (!options_.writable) {
    return Error(ErrorKind::Invalid, folder_ + ": the database was opened read-only");
  }
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
  if (record.size() > kLargestRecord) return switch_to(generation_ + 1, source_of(version));
  if (Status st = wal_->append(record, options_.sync); !st) return st;
  ++log_records_;
  publish(version);
  const std::size_t base_rows = version->base().triples[0].size() + version->base().quads[0].size();
  if (version->delta_size() > std::max(options_.merge_rows, base_rows / 16)) {
    // The commit stands whatever the merge does: a failed merge leaves the
    // live generation and its log, and the next commit tries again.
    (void)switch_to(generation_ + 1, source_of(version));
  }
  return {};
}

Status DiskStore::merge() {
  if (!options_.writable) {
    return Error(ErrorKind::Invalid, folder_ + ": the database was opened read-only");
  }
  std::unique_lock lock(writer_);
  return switch_to(generation_ + 1, source_of(current()));
}

Status DiskStore::replace_empty(const store::Version& version) {
  if (!options_.writable) {
    return Error(ErrorKind::Invalid, folder_ + ": the database was opened read-only");
  }
  std::unique_lock lock(writer_);
  const auto now = current();
  if (now->size() != 0 || now->term_count() != 0 || !now->graphs().empty()) {
    return Error(ErrorKind::Internal, "caller error: replace_empty on a database with data");
  }
  GenerationSource s;
  const TermInterner::View& terms = version.terms();
  s.term_count = terms.size();
  s.term = [&terms](std::uint64_t i) -> Expected<TermRef> {
    return terms.term(static_cast<TermInterner::Index>(i));
  };
  s.graphs = version.graphs();
  s.triples = [&version](std::size_t t, const std::function<Status(const store::Row<3>&)>& add) {
    return stream_index<3>(version.triples(), t, add);
  };
  s.quads = [&version](std::size_t t, const std::function<Status(const store::Row<4>&)>& add) {
    return stream_index<4>(version.quads(), t, add);
  };
  return switch_to(generation_ + 1, s);
}

// Written beside the live generation; the manifest's rename is the switch.
Status DiskStore::switch_to(std::uint64_t generation, const GenerationSource& source) {
  const auto cleanup = [&] {
    for (const std::string& suffix : generation_suffixes()) {
      ::unlink(generation_file(folder_, generation, suffix).c_str());
    }
  };
  Status st = write_generation(folder_, generation, source);
  if (st) st = create_wal(generation_file(folder_, generation, "wal"), generation);
  if (st) st = write_manifest(folder_, {kDatabaseFormat, generation});
  if (!st) {
    cleanup();
    return st;
  }
  auto base = Base::open(folder_, generation);
  if (!base) {
    return Error(base.error().kind, "the new generation was written but cannot be read (" +
                                        base.error().message + "): reopen the database");
  }
  auto writer = WalWriter::open(generation_file(folder_, generation, "wal"), kWalHeaderSize);
  if (!writer) return writer.error();
  generation_ = generation;
  log_records_ = 0;
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
