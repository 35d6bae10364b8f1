#include "database/bulk_loader.hpp"

#include <sys/stat.h>

#include <algorithm>
#include <filesystem>
#include <new>
#include <queue>
#include <stdexcept>

#include "database/dictionary.hpp"
#include "database/disk_rows.hpp"
#include "database/manifest.hpp"
#include "store/table_choice.hpp"

namespace quiver::database {
namespace {

// The rows of a table in every order, one run file an order.
template <std::size_t N>
Status write_runs(const std::string& prefix, std::vector<store::Row<N>> rows,
                  const std::vector<typename store::SortedTable<N>::Order>& orders) {
  std::vector<store::Row<N>> sorted;
  for (std::size_t t = 0; t < orders.size(); ++t) {
    sorted.resize(rows.size());
    for (std::size_t i = 0; i < rows.size(); ++i) {
      sorted[i] = store::SortedTable<N>::permute(orders[t], rows[i]);
    }
    store::sort_rows(sorted);
    sorted.erase(std::unique(sorted.begin(), sorted.end()), sorted.end());
    // Scratch: a crash loses the load anyway, so runs are not synced.
    if (Status st = disk::write_block_table<N>(prefix + "." + std::to_string(t), sorted, false);
        !st) {
      return st;
    }
  }
  return {};
}

// Merges sorted sources (each a DiskRows) into one sorted stream without
// duplicates.
template <std::size_t N>
Status merge(std::vector<DiskRows<N>>& sources,
             const std::function<Status(const store::Row<N>&)>& add) {
  const auto later = [&](std::size_t a, std::size_t b) {
    return sources[b].row() < sources[a].row();
  };
  std::priority_queue<std::size_t, std::vector<std::size_t>, decltype(later)> heap(later);
  for (std::size_t i = 0; i < sources.size(); ++i) {
    if (!sources[i].done()) heap.push(i);
  }
  bool any = false;
  store::Row<N> last{};
  while (!heap.empty()) {
    const std::size_t i = heap.top();
    heap.pop();
    const store::Row<N> row = sources[i].row();
    if (!any || !(row == last)) {
      if (Status st = add(row); !st) return st;
      last = row;
      any = true;
    }
    sources[i].advance();
    if (!sources[i].done()) heap.push(i);
  }
  for (const DiskRows<N>& s : sources) {
    if (const Error* e = s.error()) return *e;
  }
  return {};
}

}  // namespace

// The runs spilled so far: per part, per run, one table an order.
struct BulkLoader::Runs {
  std::vector<std::array<disk::BlockTable<3>, store::kTripleTables>> triples;
  std::vector<std::array<disk::BlockTable<4>, store::kQuadTables>> quads;
};

BulkLoader::BulkLoader(DiskStore& store, std::size_t memory, unsigned threads)
    : store_(store),
      lock_(store.writer_),
      start_(store.current()),
      terms_(store.terms_),
      begin_(terms_->mark()),
      folder_(store.folder() + "/load.tmp"),
      // Three row copies live at once at most: one filling, one sorting and
      // its permuted copy; quads are 16 bytes a row. Runs of a few million
      // rows let the sorting of one overlap the reading of the next.
      chunk_rows_(std::clamp<std::size_t>(memory / (3 * 16), 1024, std::size_t{4} << 20)),
      threads_(std::max(threads, 1u)),
      runs_(std::make_unique<Runs>()) {}

Expected<std::unique_ptr<BulkLoader>> BulkLoader::start(DiskStore& store, std::size_t memory,
                                                        unsigned threads) {
  if (Status st = store.check_writable(); !st) return st.error();
  std::unique_ptr<BulkLoader> loader(new BulkLoader(store, memory, threads));
  std::error_code ec;
  std::filesystem::remove_all(loader->folder_, ec);
  std::filesystem::create_directory(loader->folder_, ec);
  if (ec || !std::filesystem::is_directory(loader->folder_)) {
    return Error(ErrorKind::Io, loader->folder_ + ": cannot create the load's temporary folder" +
                                    (ec ? ": " + ec.message() : std::string()));
  }
  return loader;
}

BulkLoader::~BulkLoader() {
  if (sorter_.joinable()) sorter_.join();
  runs_.reset();
  if (!finished_) terms_->rollback(begin_);
  std::error_code ec;
  std::filesystem::remove_all(folder_, ec);
}

Expected<TermId> BulkLoader::intern(const TermRef& term, std::uint32_t hash) {
  return intern_term(start_->base().terms, *terms_, term, hash);
}

Expected<TermId> BulkLoader::intern(const TermRef& term) {
  return intern(term, TermInterner::hash_of(term));
}

Status BulkLoader::set_graph(const std::optional<std::string>& iri) {
  if (!iri) {
    graph_ = kDefaultGraph;
    return {};
  }
  auto id = intern(Term::iri(*iri).ref());
  if (!id) return id.error();
  graph_ = *id;
  graphs_.push_back(graph_);
  return {};
}

Status BulkLoader::on_quad(const QuadRef& quad) {
  std::size_t taken = 0;
  return on_quads(std::span<const QuadRef>(&quad, 1), taken);
}

// Interning is bound by cache misses (hash slot, record pointer, record):
// each term's loads start a few statements ahead of its lookup, as in the
// in-memory store's bulk path; a run of statements about one subject
// looks the subject up once.
Status BulkLoader::on_quads(std::span<const QuadRef> quads, std::size_t& taken) {
  constexpr std::size_t kAhead = 4;
  hashes_.resize(quads.size());
  for (std::size_t i = 0; i < quads.size(); ++i) {
    hashes_[i] = {TermInterner::hash_of(quads[i].predicate),
                  TermInterner::hash_of(quads[i].object)};
  }
  const auto prefetch = [&](std::size_t i, int stage) {
    if (i >= quads.size()) return;
    terms_->prefetch(hashes_[i][0], stage);
    terms_->prefetch(hashes_[i][1], stage);
  };
  for (taken = 0; taken < quads.size(); ++taken) {
    prefetch(taken + 3 * kAhead, 0);
    prefetch(taken + 2 * kAhead, 1);
    prefetch(taken + kAhead, 2);
    const QuadRef& quad = quads[taken];
    if (last_subject_id_ == kAnyTerm || !(quad.subject == last_subject_)) {
      auto id = intern(quad.subject);
      if (!id) return id.error();
      last_subject_id_ = *id;
      last_subject_ = term_of(start_->base().terms, *terms_, *id);
    }
    auto p = intern(quad.predicate, hashes_[taken][0]);
    if (!p) return p.error();
    auto o = intern(quad.object, hashes_[taken][1]);
    if (!o) return o.error();
    TermId g = graph_;
    if (!quad.graph.is_none() && graph_ == kDefaultGraph) {
      auto id = intern(quad.graph);
      if (!id) return id.error();
      g = *id;
      if (graphs_.empty() || graphs_.back() != g) graphs_.push_back(g);
    }
    const auto s = static_cast<std::uint32_t>(last_subject_id_);
    if (g == kDefaultGraph) {
      triples_.push_back({s, static_cast<std::uint32_t>(*p), static_cast<std::uint32_t>(*o)});
    } else {
      quads_.push_back({s, static_cast<std::uint32_t>(*p), static_cast<std::uint32_t>(*o),
                        static_cast<std::uint32_t>(g)});
    }
    if (triples_.size() + quads_.size() >= chunk_rows_) {
      if (Status st = spill(false); !st) return st;
    }
  }
  return {};
}

// The buffers go to a second thread that sorts and writes them while the
// reading goes on; the one before it must be done first. Rows before the
// last mark and rows after it become separate runs, so that a rollback to
// the mark drops whole runs and nothing before it.
Status BulkLoader::spill(bool last) {
  if (sorter_.joinable()) sorter_.join();
  if (!sorted_) return sorted_;
  struct Job {
    std::string path;
    std::vector<store::Row<3>> triples;
    std::vector<store::Row<4>> quads;
  };
  std::vector<Job> jobs;
  const auto split = [&](auto& rows, std::size_t at, auto& runs, const char* name, auto member) {
    auto rest = std::vector(rows.begin() + static_cast<std::ptrdiff_t>(at), rows.end());
    rows.resize(at);
    for (auto* part : {&rows, &rest}) {
      if (part->empty()) continue;
      Job job;
      job.path = folder_ + "/" + name + std::to_string(runs.size());
      job.*member = std::move(*part);
      runs.emplace_back();
      jobs.push_back(std::move(job));
    }
    rows = {};
  };
  split(triples_, std::min(mark_triples_, triples_.size()), runs_->triples, "t", &Job::triples);
  split(quads_, std::min(mark_quads_, quads_.size()), runs_->quads, "q", &Job::quads);
  mark_triples_ = mark_quads_ = 0;
  auto work = [this, jobs = std::move(jobs)]() mutable {
    Status st;
    for (Job& job : jobs) {
      if (st && !job.triples.empty()) {
        st = write_runs<3>(job.path, std::move(job.triples), store::triple_orders());
      }
      if (st && !job.quads.empty()) {
        st = write_runs<4>(job.path, std::move(job.quads), store::quad_orders());
      }
    }
    sorted_ = st;
  };
  if (last || threads_ == 1) {
    work();
  } else {
    sorter_ = std::thread(std::move(work));
  }
  return {};
}

// Runs hold rows from before a mark or after it, never both (spill splits
// at the mark), so that a rollback drops whole runs.
BulkLoader::Mark BulkLoader::mark() {
  mark_triples_ = triples_.size();
  mark_quads_ = quads_.size();
  // The rows buffered now become one run of their own when spilled.
  return {terms_->mark(),
          runs_->triples.size() + (triples_.empty() ? 0 : 1),
          runs_->quads.size() + (quads_.empty() ? 0 : 1),
          graphs_.size(),
          triples_.size(),
          quads_.size()};
}

void BulkLoader::rollback(const Mark& point) {
  if (sorter_.joinable()) sorter_.join();
  // Buffered rows of before the mark are still in the buffer when no run
  // was spilled since; otherwise they are the run the spill split off.
  const bool spilled_t = runs_->triples.size() >= point.triple_runs;
  const bool spilled_q = runs_->quads.size() >= point.quad_runs;
  runs_->triples.resize(std::min(runs_->triples.size(), point.triple_runs));
  runs_->quads.resize(std::min(runs_->quads.size(), point.quad_runs));
  triples_.resize(spilled_t ? 0 : std::min(triples_.size(), point.triple_rows));
  quads_.resize(spilled_q ? 0 : std::min(quads_.size(), point.quad_rows));
  mark_triples_ = triples_.size();
  mark_quads_ = quads_.size();
  graphs_.resize(std::min(graphs_.size(), point.graphs));
  graph_ = kDefaultGraph;
  last_subject_id_ = kAnyTerm;
  terms_->rollback(point.terms);
}

Status BulkLoader::finish() {
  if (Status st = spill(true); !st) return st;
  if (!sorted_) return sorted_;
  // Open the runs.
  for (std::size_t r = 0; r < runs_->triples.size(); ++r) {
    for (std::size_t t = 0; t < store::kTripleTables; ++t) {
      auto table =
          disk::BlockTable<3>::open(folder_ + "/t" + std::to_string(r) + "." + std::to_string(t));
      if (!table) return table.error();
      runs_->triples[r][t] = *table;
    }
  }
  for (std::size_t r = 0; r < runs_->quads.size(); ++r) {
    for (std::size_t t = 0; t < store::kQuadTables; ++t) {
      auto table =
          disk::BlockTable<4>::open(folder_ + "/q" + std::to_string(r) + "." + std::to_string(t));
      if (!table) return table.error();
      runs_->quads[r][t] = *table;
    }
  }
  const std::shared_ptr<const DiskVersion> v = start_;
  const TermInterner::View terms = terms_->view();
  GenerationSource s;
  s.term_count = v->base().terms.size() + terms.size();
  s.term = term_source(v->base().terms, terms);
  std::vector<TermId> graphs = graphs_;
  graphs.insert(graphs.end(), v->graphs().begin(), v->graphs().end());
  std::sort(graphs.begin(), graphs.end());
  graphs.erase(std::unique(graphs.begin(), graphs.end()), graphs.end());
  s.graphs = graphs;
  const store::LayeredRange<3> none3;
  const store::LayeredRange<4> none4;
  s.triples = [&](std::size_t t, const std::function<Status(const store::Row<3>&)>& add) {
    std::vector<DiskRows<3>> sources{v->triple_rows(t)};
    for (const auto& run : runs_->triples) sources.emplace_back(run[t].range({}, 0), none3, none3);
    return merge<3>(sources, add);
  };
  s.quads = [&](std::size_t t, const std::function<Status(const store::Row<4>&)>& add) {
    std::vector<DiskRows<4>> sources{v->quad_rows(t)};
    for (const auto& run : runs_->quads) sources.emplace_back(run[t].range({}, 0), none4, none4);
    return merge<4>(sources, add);
  };
  s.threads = threads_;
  if (Status st = store_.switch_to(store_.generation_ + 1, s); !st) return st;
  finished_ = true;
  return {};
}

}  // namespace quiver::database
