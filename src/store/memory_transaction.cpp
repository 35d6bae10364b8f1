#include "store/memory_transaction.hpp"

#include <algorithm>
#include <new>
#include <stdexcept>

namespace quiver::store {
namespace {

Error not_active() {
  return Error(ErrorKind::Internal, "the transaction is over (committed or rolled back)");
}

}  // namespace

MemoryTransaction::MemoryTransaction(MemoryStore& store, std::unique_lock<std::timed_mutex> lock)
    : store_(store),
      lock_(std::move(lock)),
      terms_(store.terms_),
      begin_(terms_->mark()),
      staged_(store.current()) {}

MemoryTransaction::~MemoryTransaction() {
  if (active_) rollback();
}

Status MemoryTransaction::check_active() const {
  if (!active_) return not_active();
  return {};
}

void MemoryTransaction::stage() const {
  if (pending_.kind() == PendingChanges::Kind::None) return;
  const Version& v = *staged_;
  const bool inserting = pending_.kind() == PendingChanges::Kind::Insert;
  // The commit folds what is left (Version::settled).
  constexpr auto kFold = LayeredIndex<3>::Fold::InTransaction;
  constexpr auto kFold4 = LayeredIndex<4>::Fold::InTransaction;
  LayeredIndex<3> triples = inserting ? v.triples().with_inserted(pending_.take_triples(), kFold)
                                      : v.triples().with_removed(pending_.take_triples(), kFold);
  LayeredIndex<4> quads = inserting ? v.quads().with_inserted(pending_.take_quads(), kFold4)
                                    : v.quads().with_removed(pending_.take_quads(), kFold4);
  staged_ = v.with(std::move(triples), std::move(quads), pending_.graphs_with_new(v.graphs()),
                   terms_->view());
  pending_.clear();
}

const Version& MemoryTransaction::view() const {
  stage();
  return *staged_;
}

// The dictionary itself, not the staged view: terms interned since the
// last staging are found too. After the end, the state read is the store's,
// whose dictionary a commit may have replaced.
TermId MemoryTransaction::find_id(const TermRef& term) const {
  if (!active_) return staged_->find_id(term);
  const TermInterner::Index i = terms_->find(term);
  return i == TermInterner::kNotFound ? kAnyTerm : id_of(i);
}

TermRef MemoryTransaction::term(TermId id) const {
  return active_ ? terms_->term(index_of(id)) : staged_->term(id);
}

std::unique_ptr<QuadCursor> MemoryTransaction::match(const QuadIds& pattern) const {
  return view().match(pattern);
}

std::uint64_t MemoryTransaction::count(const QuadIds& pattern) const {
  return view().count(pattern);
}

PatternStats MemoryTransaction::stats(const QuadIds& pattern) const {
  return view().stats(pattern);
}

std::vector<TermId> MemoryTransaction::graph_names() const { return view().graph_names(); }

bool MemoryTransaction::has_graph(TermId graph) const { return view().has_graph(graph); }

std::uint64_t MemoryTransaction::size() const { return view().size(); }

Expected<TermId> MemoryTransaction::intern(const TermRef& term) {
  if (Status st = check_active(); !st) return st.error();
  if (term.is_none()) return Error(ErrorKind::Invalid, "the absent term has no id");
  try {
    return id_of(terms_->intern(term));
  } catch (const std::length_error& e) {
    return Error(ErrorKind::Limit, std::string("the dictionary is full: ") + e.what());
  } catch (const std::bad_alloc&) {
    return Error(ErrorKind::Limit, "out of memory in the dictionary");
  }
}

// The bulk-load path: no virtual calls and no Expected per term.
Status MemoryTransaction::insert(const QuadRef& quad) {
  std::size_t inserted = 0;
  return insert(std::span<const QuadRef>(&quad, 1), inserted);
}

// Interning is bound by cache misses (hash slot, record pointer, record),
// so each term's three loads are started a few quads ahead of its lookup.
// A run of quads with one subject looks that subject up once.
Status MemoryTransaction::insert(std::span<const QuadRef> quads, std::size_t& inserted) {
  inserted = 0;
  if (Status st = check_active(); !st) return st;
  constexpr std::size_t kAhead = 4;
  TermInterner& terms = *terms_;
  try {
    hashes_.resize(quads.size());
    for (std::size_t i = 0; i < quads.size(); ++i) {
      const QuadRef& q = quads[i];
      hashes_[i] = {TermInterner::hash_of(q.predicate), TermInterner::hash_of(q.object),
                    q.graph.is_none() ? 0 : TermInterner::hash_of(q.graph)};
    }
    const auto prefetch = [&](std::size_t i, int stage) {
      if (i >= quads.size()) return;
      terms.prefetch(hashes_[i][0], stage);
      terms.prefetch(hashes_[i][1], stage);
    };
    for (std::size_t i = 0; i < quads.size(); ++i) {
      prefetch(i + 3 * kAhead, 0);
      prefetch(i + 2 * kAhead, 1);
      prefetch(i + kAhead, 2);
      const QuadRef& quad = quads[i];
      QuadIds ids;
      if (last_subject_id_ == kAnyTerm || !(quad.subject == last_subject_)) {
        last_subject_id_ = id_of(terms.intern(quad.subject));
        last_subject_ = terms.term(index_of(last_subject_id_));
      }
      ids.subject = last_subject_id_;
      ids.predicate = id_of(terms.intern(quad.predicate, hashes_[i][0]));
      ids.object = id_of(terms.intern(quad.object, hashes_[i][1]));
      ids.graph =
          quad.graph.is_none() ? kDefaultGraph : id_of(terms.intern(quad.graph, hashes_[i][2]));
      if (Status st = buffer(ids, PendingChanges::Kind::Insert); !st) return st;
      ++inserted;
    }
  } catch (const std::length_error& e) {
    return Error(ErrorKind::Limit, std::string("the dictionary is full: ") + e.what());
  } catch (const std::bad_alloc&) {
    return Error(ErrorKind::Limit, "out of memory in the dictionary");
  }
  return {};
}

Status MemoryTransaction::insert(const QuadIds& quad) {
  if (Status st = check_active(); !st) return st;
  if (!storable(quad)) {
    return Error(ErrorKind::Internal, "caller error: a quad to insert needs four stored ids");
  }
  return buffer(quad, PendingChanges::Kind::Insert);
}

Status MemoryTransaction::remove(const QuadIds& quad) {
  if (Status st = check_active(); !st) return st;
  // A quad with an id the store never issued is not there: nothing to do.
  if (!storable(quad)) return {};
  return buffer(quad, PendingChanges::Kind::Remove);
}

// Changes of one kind are buffered until the other kind comes (or a read,
// or commit), then staged as one layer.
Status MemoryTransaction::buffer(const QuadIds& quad, PendingChanges::Kind kind) {
  if (pending_.kind() != kind && pending_.kind() != PendingChanges::Kind::None) stage();
  return pending_.add(quad, kind);
}

Status MemoryTransaction::create_graph(TermId graph) {
  if (Status st = check_active(); !st) return st;
  if (graph == kDefaultGraph) return {};
  if (!storable(graph)) return Error(ErrorKind::Internal, "caller error: not a graph name's id");
  const Version& v = view();
  if (v.has_graph(graph)) return {};
  std::vector<TermId> graphs = v.graphs();
  graphs.insert(std::upper_bound(graphs.begin(), graphs.end(), graph), graph);
  staged_ = v.with(v.triples(), v.quads(), std::move(graphs), terms_->view());
  return {};
}

Status MemoryTransaction::clear_graph(TermId graph) {
  if (Status st = check_active(); !st) return st;
  const Version& v = view();
  if (graph == kDefaultGraph) {
    staged_ = v.with(LayeredIndex<3>(triple_orders()), v.quads(), v.graphs(), v.terms());
    return {};
  }
  if (!v.has_graph(graph)) return {};
  std::vector<Row<4>> rows;
  auto cursor = v.match({kAnyTerm, kAnyTerm, kAnyTerm, graph});
  QuadIds batch[256];
  while (const std::size_t n = cursor->next(batch, 256)) {
    for (std::size_t i = 0; i < n; ++i) {
      rows.push_back({static_cast<std::uint32_t>(batch[i].subject),
                      static_cast<std::uint32_t>(batch[i].predicate),
                      static_cast<std::uint32_t>(batch[i].object),
                      static_cast<std::uint32_t>(graph)});
    }
  }
  staged_ = v.with(v.triples(), v.quads().with_removed(std::move(rows)), v.graphs(), v.terms());
  return {};
}

Status MemoryTransaction::drop_graph(TermId graph) {
  if (Status st = clear_graph(graph); !st) return st;
  if (graph == kDefaultGraph) return {};
  const Version& v = *staged_;
  std::vector<TermId> graphs = v.graphs();
  std::erase(graphs, graph);
  staged_ = v.with(v.triples(), v.quads(), std::move(graphs), v.terms());
  return {};
}

Transaction::Savepoint MemoryTransaction::savepoint() {
  stage();
  savepoints_.push_back({staged_, terms_->mark()});
  return savepoints_.size() - 1;
}

void MemoryTransaction::rollback_to(Savepoint point) {
  if (!active_ || point >= savepoints_.size()) return;
  pending_.clear();
  staged_ = savepoints_[point].version;
  terms_->rollback(savepoints_[point].terms);
  savepoints_.resize(point + 1);
  last_subject_id_ = kAnyTerm;
}

Status MemoryTransaction::commit() {
  if (Status st = check_active(); !st) return st;
  try {
    stage();
    staged_ = staged_->settled();
  } catch (const std::bad_alloc&) {
    rollback();
    return Error(ErrorKind::Limit, "out of memory while committing; nothing was changed");
  }
  try {
    store_.compact_if_due(staged_);
  } catch (const std::bad_alloc&) {
    // Compaction only frees memory later; without room for it, the
    // commit stands over the dictionary as it is.
  }
  store_.publish(staged_);
  end();
  return {};
}

void MemoryTransaction::rollback() {
  if (!active_) return;
  // Reads after the end see the store as it is (no transaction's changes
  // are left to see), never a dangling view.
  staged_ = store_.current();
  savepoints_.clear();
  terms_->rollback(begin_);
  end();
}

void MemoryTransaction::end() {
  active_ = false;
  pending_.clear();
  lock_.unlock();
}

}  // namespace quiver::store
