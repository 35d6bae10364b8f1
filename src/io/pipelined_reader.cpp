#include "io/pipelined_reader.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <array>
#include <atomic>
#include <cerrno>
#include <condition_variable>
#include <cstdint>
#include <cstring>
#include <deque>
#include <filesystem>
#include <memory>
#include <mutex>
#include <optional>
#include <system_error>
#include <thread>
#include <utility>
#include <vector>

#include "io/ntriples_reader.hpp"
#include "io/source_window.hpp"

namespace quiver::io {
namespace {

constexpr std::uintmax_t kPipelineMinBytes = 1 << 20;
// N-Triples and N-Quads files this large are cut at line ends into chunks
// parsed side by side: one parser alone then no longer sets the pace.
constexpr std::uintmax_t kChunkedMinBytes = 8 << 20;
constexpr std::size_t kChunkBytes = 1 << 19;
constexpr unsigned kChunkParsers = 2;
// A batch is handed over at this many statements or text bytes: large
// enough that the board's lock is rare, small enough to stay in cache.
constexpr std::size_t kBatchQuads = 512;
constexpr std::size_t kBatchText = 1 << 17;
// Batches a parser leaves in its slot, and chunks parsed ahead of the sink:
// parsers never run far ahead (memory stays flat), but a short stall of
// either side does not stop the other.
constexpr std::size_t kSlotDepth = 3;
constexpr std::size_t kWindow = 3;

// 32 bits: a batch's text stays far below 4 GiB (see BatchingSink::on_quad).
struct Slice {
  std::uint32_t offset = 0;
  std::uint32_t size = 0;
};

struct StoredTerm {
  TermKind kind = TermKind::None;
  Slice value, datatype, language;
};

enum class Event : std::uint8_t { Quad, Prefix, Error };

/// Statements, prefixes and errors in the order the parser gave them, their
/// strings copied back to back (the parser's buffers do not outlive a call).
struct Batch {
  std::string text;
  std::vector<Event> events;
  std::vector<std::array<StoredTerm, 4>> quads;
  std::vector<std::pair<Slice, Slice>> prefixes;
  std::vector<Error> errors;
  bool last = false;

  Slice keep(std::string_view s) {
    const Slice slice{static_cast<std::uint32_t>(text.size()),
                      static_cast<std::uint32_t>(s.size())};
    text.append(s);
    return slice;
  }
  StoredTerm keep(const TermRef& t) {
    if (t.kind == TermKind::None) return {};
    return {t.kind, keep(t.value), keep(t.datatype), keep(t.language)};
  }
  std::string_view view(Slice s) const { return std::string_view(text).substr(s.offset, s.size); }
  TermRef view(const StoredTerm& t) const {
    return {t.kind, view(t.value), view(t.datatype), view(t.language)};
  }
  bool full() const { return quads.size() >= kBatchQuads || text.size() >= kBatchText; }
  void clear() {
    text.clear();
    events.clear();
    quads.clear();
    prefixes.clear();
    errors.clear();
    last = false;
  }
};

/// What one chunk's parser leaves for the sink.
struct Slot {
  std::deque<std::unique_ptr<Batch>> batches;
  bool done = false;
  ReadResult result;
  std::uint64_t newlines = 0;
};

/// Where parsers leave batches, one slot per chunk of input, and the sink
/// takes them slot by slot, in input order. A parser waits while its slot
/// holds kSlotDepth batches, and no chunk is started kWindow chunks ahead
/// of the sink: memory stays flat whatever the input size. A parser never
/// waits on another slot than its own, so none waits for ever.
class Board {
 public:
  explicit Board(std::size_t slots) : slots_(slots) {}

  /// Set when the sink is done (it failed, or a strict read met an error).
  bool stopped() const { return stop_.load(std::memory_order_relaxed); }
  void halt() {
    std::lock_guard lock(mutex_);
    stop_.store(true, std::memory_order_relaxed);
    changed_.notify_all();
  }

  // The parsers' side.
  std::optional<std::size_t> next_chunk() {
    std::unique_lock lock(mutex_);
    changed_.wait(
        lock, [&] { return stopped() || next_ >= slots_.size() || next_ < current_ + kWindow; });
    if (stopped() || next_ >= slots_.size()) return std::nullopt;
    return next_++;
  }
  void push(std::size_t slot, std::unique_ptr<Batch> batch) {
    std::unique_lock lock(mutex_);
    changed_.wait(lock, [&] { return stopped() || slots_[slot].batches.size() < kSlotDepth; });
    if (stopped()) return;
    slots_[slot].batches.push_back(std::move(batch));
    changed_.notify_all();
  }
  void finish(std::size_t slot, ReadResult result, std::uint64_t newlines) {
    std::lock_guard lock(mutex_);
    slots_[slot].result = std::move(result);
    slots_[slot].newlines = newlines;
    slots_[slot].done = true;
    changed_.notify_all();
  }
  std::unique_ptr<Batch> take_empty() {
    {
      std::lock_guard lock(mutex_);
      if (!spare_.empty()) {
        auto batch = std::move(spare_.back());
        spare_.pop_back();
        return batch;
      }
    }
    return std::make_unique<Batch>();
  }

  // The sink's side.
  /// The slot's next batch; null once its parser is done and all is taken.
  std::unique_ptr<Batch> pop(std::size_t slot) {
    std::unique_lock lock(mutex_);
    Slot& s = slots_[slot];
    changed_.wait(lock, [&] { return !s.batches.empty() || s.done; });
    if (s.batches.empty()) return nullptr;
    auto batch = std::move(s.batches.front());
    s.batches.pop_front();
    changed_.notify_all();
    return batch;
  }
  void recycle(std::unique_ptr<Batch> batch) {
    batch->clear();
    std::lock_guard lock(mutex_);
    spare_.push_back(std::move(batch));
  }
  /// The slot, once pop() returned null: its parser no longer touches it.
  const Slot& drained(std::size_t slot) const { return slots_[slot]; }
  /// The sink moves on to the next slot.
  void advance() {
    std::lock_guard lock(mutex_);
    ++current_;
    changed_.notify_all();
  }
  std::size_t size() const { return slots_.size(); }

 private:
  std::mutex mutex_;
  std::condition_variable changed_;
  std::vector<Slot> slots_;
  std::vector<std::unique_ptr<Batch>> spare_;
  std::size_t next_ = 0, current_ = 0;
  std::atomic<bool> stop_{false};
};

/// A parser's sink: fills batches and leaves them in its slot. Once the
/// board is stopped it refuses the next statement, which ends the parse.
class BatchingSink final : public QuadSink {
 public:
  BatchingSink(Board& board, std::size_t slot)
      : board_(board), slot_(slot), batch_(board.take_empty()) {}

  void on_prefix(std::string_view name, std::string_view iri) override {
    batch_->prefixes.emplace_back(batch_->keep(name), batch_->keep(iri));
    batch_->events.push_back(Event::Prefix);
  }
  Status on_quad(const QuadRef& quad) override {
    if (board_.stopped()) return Error(ErrorKind::Cancelled, "the sink stopped the read");
    // A batch is handed over past kBatchText bytes, so one statement of
    // less than 2 GiB always fits the 32-bit slices; the dictionary would
    // refuse a longer one anyway.
    std::size_t bytes = 0;
    for (const TermRef* t : {&quad.subject, &quad.predicate, &quad.object, &quad.graph}) {
      bytes += t->value.size() + t->datatype.size() + t->language.size();
    }
    if (bytes >= (std::size_t{1} << 31)) {
      return Error(ErrorKind::Limit, "a statement longer than 2 GiB");
    }
    batch_->quads.push_back({batch_->keep(quad.subject), batch_->keep(quad.predicate),
                             batch_->keep(quad.object), batch_->keep(quad.graph)});
    batch_->events.push_back(Event::Quad);
    if (batch_->full()) {
      board_.push(slot_, std::move(batch_));
      batch_ = board_.take_empty();
    }
    return {};
  }
  /// The parser's error callback.
  void on_error(const Error& error) {
    if (board_.stopped()) return;
    batch_->errors.push_back(error);
    batch_->events.push_back(Event::Error);
  }
  /// The parse is over: what is left, and its result.
  void finish(ReadResult result, std::uint64_t newlines) {
    if (!batch_->events.empty()) board_.push(slot_, std::move(batch_));
    board_.finish(slot_, std::move(result), newlines);
  }

 private:
  Board& board_;
  std::size_t slot_;
  std::unique_ptr<Batch> batch_;
};

/// The caller's side: replays batches into the real sink and the caller's
/// error callback, and keeps what a failed sink needs for the result.
class Replayer {
 public:
  Replayer(const ReadOptions& options, QuadSink& sink) : options_(options), sink_(sink) {}

  /// Replays one batch of a chunk whose first line is `line_offset` + 1.
  /// Runs of statements go to the sink together, in order with the
  /// prefixes and errors between them.
  void replay(const Batch& batch, std::uint64_t line_offset) {
    std::size_t quad = 0, prefix = 0, error = 0;
    run_.clear();
    for (const Event event : batch.events) {
      if (event == Event::Quad) {
        const auto& q = batch.quads[quad++];
        run_.push_back({batch.view(q[0]), batch.view(q[1]), batch.view(q[2]), batch.view(q[3])});
        continue;
      }
      flush();
      if (failed_) return;
      if (event == Event::Prefix) {
        const auto& [name, iri] = batch.prefixes[prefix++];
        sink_.on_prefix(batch.view(name), batch.view(iri));
      } else {
        const Error e = shifted(batch.errors[error++], line_offset);
        if (options_.on_error) options_.on_error(e);
        if (options_.lax && e.kind == ErrorKind::Syntax) ++seen_.skipped;
        seen_.add_error(e);
      }
    }
    flush();
  }
  bool failed() const { return failed_; }

  /// The parsers' results when the sink took everything; otherwise what
  /// was replayed up to the failure, and the failure.
  ReadResult result(ReadResult parsed, const std::string& name) {
    if (!failed_) return parsed;
    Error error = std::move(failure_);
    if (error.where.file.empty()) {
      error.where.file = name;
      error.message += " (statement " + std::to_string(seen_.quads + 1) + ")";
    }
    if (options_.on_error) options_.on_error(error);
    seen_.add_error(std::move(error));
    return std::move(seen_);
  }

  /// Hands the statements gathered so far to the sink.
  void flush() {
    if (run_.empty() || failed_) return;
    std::size_t taken = 0;
    const Status st = sink_.on_quads(run_, taken);
    seen_.quads += taken;
    run_.clear();
    if (!st) {
      failed_ = true;
      failure_ = st.error();
    }
  }

  /// A chunk's error placed in the whole input.
  static Error shifted(Error e, std::uint64_t line_offset) {
    if (e.where.line != 0) e.where.line += line_offset;
    return e;
  }

 private:
  const ReadOptions& options_;
  QuadSink& sink_;
  std::vector<QuadRef> run_;
  bool failed_ = false;
  Error failure_;
  ReadResult seen_;
};

/// Adds one chunk's result to the whole input's.
void merge(ReadResult& into, const ReadResult& chunk, std::uint64_t line_offset) {
  into.quads += chunk.quads;
  into.skipped += chunk.skipped;
  for (const Error& e : chunk.errors) into.add_error(Replayer::shifted(e, line_offset));
  into.error_count += chunk.error_count - chunk.errors.size();
}

/// The sink's loop: every slot in order, until the end, a failed sink or,
/// in strict mode, the first error.
ReadResult replay_all(Board& board, const ReadOptions& options, QuadSink& sink,
                      const std::string& name) {
  Replayer replayer(options, sink);
  ReadResult parsed;
  std::uint64_t line_offset = 0;
  for (std::size_t slot = 0; slot < board.size(); ++slot) {
    while (auto batch = board.pop(slot)) {
      replayer.replay(*batch, line_offset);
      board.recycle(std::move(batch));
      if (replayer.failed()) break;
    }
    if (replayer.failed()) break;
    const Slot& done = board.drained(slot);
    merge(parsed, done.result, line_offset);
    line_offset += done.newlines;
    board.advance();
    if (!options.lax && done.result.error_count > 0) break;
  }
  board.halt();
  return replayer.result(std::move(parsed), name);
}

/// Runs `parse` (which fills the sink and returns the read's result) on
/// behalf of slot `slot`: whatever happens, the slot is finished, or the
/// sink's loop would wait for ever.
template <class Parse>
void parse_into(Board& board, std::size_t slot, const ReadOptions& options, const std::string& name,
                Parse parse) {
  BatchingSink sink(board, slot);
  ReadOptions parser_options = options;
  parser_options.on_error = [&sink](const Error& e) { sink.on_error(e); };
  ReadResult result;
  std::uint64_t newlines = 0;
  try {
    result = parse(parser_options, sink, newlines);
  } catch (const std::bad_alloc&) {
    const Error error(ErrorKind::Limit, SourceLocation{name, 0, 0}, "out of memory while reading");
    sink.on_error(error);
    result.add_error(error);
  }
  sink.finish(std::move(result), newlines);
}

/// An open file read with pread, by several threads at once.
class File {
 public:
  explicit File(const std::string& path) : fd_(::open(path.c_str(), O_RDONLY | O_CLOEXEC)) {}
  ~File() {
    if (fd_ >= 0) ::close(fd_);
  }
  File(const File&) = delete;
  File& operator=(const File&) = delete;
  bool is_open() const { return fd_ >= 0; }

  /// Bytes [offset, offset + n) into `out`; false on a read error or a
  /// file that shrank.
  bool read(std::uint64_t offset, std::size_t n, std::string& out) const {
    out.resize(n);
    std::size_t got = 0;
    while (got < n) {
      const ssize_t r = ::pread(fd_, out.data() + got, n - got, static_cast<off_t>(offset + got));
      if (r < 0 && errno == EINTR) continue;
      if (r <= 0) return false;
      got += static_cast<std::size_t>(r);
    }
    return true;
  }

  /// Where chunk `i` of `size` bytes starts: just past the first line end
  /// at or after i * kChunkBytes - 1 (0 for the first chunk, `size` when no
  /// line end is left).
  std::uint64_t chunk_start(std::size_t i, std::uint64_t size, std::string& scratch) const {
    if (i == 0) return 0;
    std::uint64_t at = std::uint64_t{i} * kChunkBytes - 1;
    while (at < size) {
      const std::size_t n = static_cast<std::size_t>(std::min<std::uint64_t>(1 << 16, size - at));
      if (!read(at, n, scratch)) return size;
      if (const void* nl = std::memchr(scratch.data(), '\n', n)) {
        return at + static_cast<std::uint64_t>(static_cast<const char*>(nl) - scratch.data()) + 1;
      }
      at += n;
    }
    return size;
  }

 private:
  int fd_;
};

/// A parser thread of a chunked read: takes chunks until none is left.
void parse_chunks(Board& board, const File& file, std::uint64_t size, const std::string& path,
                  const ReadOptions& options) {
  std::string text, scratch;
  while (const auto chunk = board.next_chunk()) {
    parse_into(board, *chunk, options, path,
               [&](const ReadOptions& o, QuadSink& sink, std::uint64_t& newlines) {
                 const std::uint64_t begin = file.chunk_start(*chunk, size, scratch);
                 const std::uint64_t end = file.chunk_start(*chunk + 1, size, scratch);
                 if (begin >= end) return ReadResult{};
                 if (!file.read(begin, static_cast<std::size_t>(end - begin), text)) {
                   ReadResult failed;
                   const Error error(ErrorKind::Io, SourceLocation{path, 0, 0},
                                     "cannot read the file (it changed while being read?)");
                   o.on_error(error);
                   failed.add_error(error);
                   return failed;
                 }
                 newlines = count_newlines(text);
                 return read_ntriples(text, path, o, sink, *chunk == 0);
               });
  }
}

/// Starts `count` threads running `body`; returns how many started.
template <class Body>
std::size_t start_threads(std::vector<std::thread>& threads, unsigned count, Body body) {
  for (unsigned i = 0; i < count; ++i) {
    try {
      threads.emplace_back(body);
    } catch (const std::system_error&) {
      break;  // fewer threads than hoped: the ones started do the work
    }
  }
  return threads.size();
}

ReadResult read_chunked(const std::string& path, std::uint64_t size, const ReadOptions& options,
                        QuadSink& sink) {
  const File file(path);
  if (!file.is_open()) return read_file(path, options, sink);
  ReadOptions with_base = options;
  if (with_base.base_iri.empty()) with_base.base_iri = file_iri(path);
  Board board(static_cast<std::size_t>((size + kChunkBytes - 1) / kChunkBytes));
  std::vector<std::thread> threads;
  if (start_threads(threads, kChunkParsers,
                    [&] { parse_chunks(board, file, size, path, with_base); }) == 0) {
    return read_file(path, options, sink);
  }
  ReadResult result = replay_all(board, options, sink, path);
  for (auto& t : threads) t.join();
  return result;
}

ReadResult read_on_a_thread(const std::string& path, const ReadOptions& options, QuadSink& sink) {
  Board board(1);
  std::vector<std::thread> threads;
  const auto body = [&] {
    parse_into(board, 0, options, path,
               [&](const ReadOptions& o, QuadSink& batching, std::uint64_t&) {
                 return read_file(path, o, batching);
               });
  };
  if (start_threads(threads, 1, body) == 0) return read_file(path, options, sink);
  ReadResult result = replay_all(board, options, sink, path == "-" ? "<stdin>" : path);
  threads.front().join();
  return result;
}

}  // namespace

ReadResult read_file_pipelined(const std::string& path, const ReadOptions& options,
                               QuadSink& sink) {
  if (std::thread::hardware_concurrency() < 2) return read_file(path, options, sink);
  if (path == "-") return read_on_a_thread(path, options, sink);
  std::error_code ec;
  const bool regular = std::filesystem::is_regular_file(path, ec);
  const std::uintmax_t size = regular ? std::filesystem::file_size(path, ec) : 0;
  if (ec || size < kPipelineMinBytes) return read_file(path, options, sink);
  if (is_line_based(options.format) && size >= kChunkedMinBytes && !path.ends_with(".gz")) {
    return read_chunked(path, size, options, sink);
  }
  return read_on_a_thread(path, options, sink);
}

}  // namespace quiver::io
