#include "database/disk_transaction.hpp"

#include <algorithm>

#include "database/dictionary.hpp"
#include "disk/file_format.hpp"
#include "store/table_choice.hpp"
#include "terms/triple_term.hpp"

namespace quiver::database {
namespace {

using store::LayeredIndex;
using Kind = store::PendingChanges::Kind;
using store::Row;

// The log's operations: a code, then the ids it needs as varints.
enum Op : std::uint8_t {
  kInsert = 1,  // s p o g (g 1: the default graph)
  kRemove = 2,  // s p o g
  kCreate = 3,  // g
  kClear = 4,   // g
  kDrop = 5,    // g
};

Error not_active() {
  return Error(ErrorKind::Internal, "the transaction is over (committed or rolled back)");
}

template <std::size_t N>
void sort_unique(std::vector<Row<N>>& rows) {
  std::sort(rows.begin(), rows.end());
  rows.erase(std::unique(rows.begin(), rows.end()), rows.end());
}

// Rows new to the state go to `added` unless the base has them (then they
// come back from `removed`, if removed).
template <std::size_t N>
void stage_insert(const DiskVersion& v, std::vector<Row<N>> rows, LayeredIndex<N>& added,
                  LayeredIndex<N>& removed) {
  sort_unique(rows);
  std::vector<Row<N>> add, back;
  for (const Row<N>& r : rows) {
    if (added.contains(r)) continue;
    if (v.base_contains(r)) {
      if (removed.contains(r)) back.push_back(r);
    } else {
      add.push_back(r);
    }
  }
  constexpr auto kFold = LayeredIndex<N>::Fold::InTransaction;
  if (!add.empty()) added = added.with_inserted(std::move(add), kFold);
  if (!back.empty()) removed = removed.with_removed(std::move(back), kFold);
}

// Rows the delta added leave it; base rows are marked removed.
template <std::size_t N>
void stage_remove(const DiskVersion& v, std::vector<Row<N>> rows, LayeredIndex<N>& added,
                  LayeredIndex<N>& removed) {
  sort_unique(rows);
  std::vector<Row<N>> unadd, remove;
  for (const Row<N>& r : rows) {
    if (added.contains(r)) {
      unadd.push_back(r);
    } else if (v.base_contains(r) && !removed.contains(r)) {
      remove.push_back(r);
    }
  }
  constexpr auto kFold = LayeredIndex<N>::Fold::InTransaction;
  if (!unadd.empty()) added = added.with_removed(std::move(unadd), kFold);
  if (!remove.empty()) removed = removed.with_inserted(std::move(remove), kFold);
}

void put_term(std::string& out, const TermRef& t) {
  out += static_cast<char>(t.kind);
  for (const std::string_view s : {t.value, t.datatype, t.language}) {
    disk::put_varint(out, s.size());
    out += s;
  }
}

bool get_term(const unsigned char*& p, const unsigned char* end, TermRef& t) {
  if (p == end) return false;
  const unsigned char kind = *p++;
  if (!is_stored_term_kind(kind)) return false;
  t.kind = static_cast<TermKind>(kind);
  std::string_view* parts[3] = {&t.value, &t.datatype, &t.language};
  for (std::string_view* s : parts) {
    std::uint64_t n = 0;
    if (!disk::get_varint(p, end, n) || n > static_cast<std::uint64_t>(end - p)) return false;
    *s = std::string_view(reinterpret_cast<const char*>(p), n);
    p += n;
  }
  // Writers copy a triple term's value as it is: it must be one.
  return t.kind != TermKind::Triple || triple_term_parts(t.value).has_value();
}

}  // namespace

DiskTransaction::DiskTransaction(DiskStore& store, std::unique_lock<std::timed_mutex> lock,
                                 bool replaying)
    : store_(store),
      lock_(std::move(lock)),
      terms_(store.terms_),
      begin_(terms_->mark()),
      replaying_(replaying),
      staged_(store.current()) {}

DiskTransaction::~DiskTransaction() {
  if (active_) rollback();
}

Status DiskTransaction::check_active() const {
  if (!active_) return not_active();
  return {};
}

void DiskTransaction::stage() const {
  if (pending_.empty()) return;
  const DiskVersion& v = *staged_;
  LayeredIndex<3> added3 = v.added_triples(), removed3 = v.removed_triples();
  LayeredIndex<4> added4 = v.added_quads(), removed4 = v.removed_quads();
  if (pending_.kind() == Kind::Insert) {
    stage_insert<3>(v, pending_.take_triples(), added3, removed3);
    stage_insert<4>(v, pending_.take_quads(), added4, removed4);
  } else if (pending_.kind() == Kind::Remove) {
    stage_remove<3>(v, pending_.take_triples(), added3, removed3);
    stage_remove<4>(v, pending_.take_quads(), added4, removed4);
  }
  staged_ = v.with(std::move(added3), std::move(removed3), std::move(added4), std::move(removed4),
                   pending_.graphs_with_new(v.graphs()), terms_->view());
  pending_.clear();
}

const DiskVersion& DiskTransaction::view() const {
  stage();
  return *staged_;
}

// The dictionary itself, not the staged view: terms interned since the
// last staging are found too.
TermId DiskTransaction::find_id(const TermRef& term) const {
  if (!active_) return staged_->find_id(term);
  return find_term(staged_->base().terms, *terms_, term);
}

TermRef DiskTransaction::term(TermId id) const {
  if (!active_) return staged_->term(id);
  return term_of(staged_->base().terms, *terms_, id);
}

std::unique_ptr<QuadCursor> DiskTransaction::match(const QuadIds& pattern) const {
  return view().match(pattern);
}

std::uint64_t DiskTransaction::count(const QuadIds& pattern) const { return view().count(pattern); }

PatternStats DiskTransaction::stats(const QuadIds& pattern) const { return view().stats(pattern); }

std::vector<TermId> DiskTransaction::graph_names() const { return view().graph_names(); }

bool DiskTransaction::has_graph(TermId graph) const { return view().has_graph(graph); }

std::uint64_t DiskTransaction::size() const { return view().size(); }

Expected<TermId> DiskTransaction::intern(const TermRef& term) {
  if (Status st = check_active(); !st) return st.error();
  if (term.is_none()) return Error(ErrorKind::Invalid, "the absent term has no id");
  return intern_term(staged_->base().terms, *terms_, term, TermInterner::hash_of(term));
}

Status DiskTransaction::insert(const QuadRef& quad) {
  QuadIds ids;
  TermId* slots[4] = {&ids.subject, &ids.predicate, &ids.object, &ids.graph};
  const TermRef* terms[4] = {&quad.subject, &quad.predicate, &quad.object, &quad.graph};
  for (int i = 0; i < 4; ++i) {
    if (i == 3 && quad.graph.is_none()) {
      ids.graph = kDefaultGraph;
      continue;
    }
    auto id = intern(*terms[i]);
    if (!id) return id.error();
    *slots[i] = *id;
  }
  return insert(ids);
}

Status DiskTransaction::insert(const QuadIds& quad) {
  if (Status st = check_active(); !st) return st;
  if (!store::storable(quad)) {
    return Error(ErrorKind::Internal, "caller error: a quad to insert needs four stored ids");
  }
  log_op(kInsert, quad);
  return buffer(quad, Kind::Insert);
}

Status DiskTransaction::remove(const QuadIds& quad) {
  if (Status st = check_active(); !st) return st;
  if (!store::storable(quad)) return {};
  log_op(kRemove, quad);
  return buffer(quad, Kind::Remove);
}

void DiskTransaction::log_op(std::uint8_t code, const QuadIds& quad) {
  if (replaying_) return;
  log_ += static_cast<char>(code);
  if (code == kInsert || code == kRemove) {
    disk::put_varint(log_, quad.subject);
    disk::put_varint(log_, quad.predicate);
    disk::put_varint(log_, quad.object);
  }
  disk::put_varint(log_, quad.graph);
}

Status DiskTransaction::buffer(const QuadIds& quad, Kind kind) {
  if (pending_.kind() != kind && pending_.kind() != Kind::None) stage();
  return pending_.add(quad, kind);
}

Status DiskTransaction::create_graph(TermId graph) {
  if (Status st = check_active(); !st) return st;
  if (graph == kDefaultGraph) return {};
  if (!store::storable(graph)) {
    return Error(ErrorKind::Internal, "caller error: not a graph name's id");
  }
  const DiskVersion& v = view();
  if (v.has_graph(graph)) return {};
  log_op(kCreate, {kAnyTerm, kAnyTerm, kAnyTerm, graph});
  pending_.create_graph(graph);
  stage();
  return {};
}

Status DiskTransaction::clear_graph(TermId graph) {
  if (Status st = check_active(); !st) return st;
  const DiskVersion& v = view();
  if (graph != kDefaultGraph && !v.has_graph(graph)) return {};
  log_op(kClear, {kAnyTerm, kAnyTerm, kAnyTerm, graph});
  // Staged like removals (view() left nothing pending).
  auto cursor = v.match({kAnyTerm, kAnyTerm, kAnyTerm, graph});
  QuadIds batch[256];
  while (const std::size_t n = cursor->next(batch, 256)) {
    for (std::size_t i = 0; i < n; ++i) {
      if (Status st = pending_.add(batch[i], Kind::Remove); !st) return st;
    }
  }
  cursor.reset();
  stage();
  return {};
}

Status DiskTransaction::drop_graph(TermId graph) {
  if (Status st = check_active(); !st) return st;
  if (graph == kDefaultGraph) return clear_graph(graph);
  const bool replaying = std::exchange(replaying_, true);  // one kDrop, not kClear too
  Status st = clear_graph(graph);
  replaying_ = replaying;
  if (!st) return st;
  const DiskVersion& v = *staged_;
  if (!v.has_graph(graph)) return {};
  log_op(kDrop, {kAnyTerm, kAnyTerm, kAnyTerm, graph});
  std::vector<TermId> graphs = v.graphs();
  std::erase(graphs, graph);
  staged_ = v.with(v.added_triples(), v.removed_triples(), v.added_quads(), v.removed_quads(),
                   std::move(graphs), terms_->view());
  return {};
}

Transaction::Savepoint DiskTransaction::savepoint() {
  stage();
  savepoints_.push_back({staged_, terms_->mark(), log_.size()});
  return savepoints_.size() - 1;
}

void DiskTransaction::rollback_to(Savepoint point) {
  if (!active_ || point >= savepoints_.size()) return;
  pending_.clear();
  staged_ = savepoints_[point].version;
  terms_->rollback(savepoints_[point].terms);
  log_.resize(savepoints_[point].log);
  savepoints_.resize(point + 1);
}

// The record: the number of terms the state had when the transaction
// began (a check on replay), the terms it added, then the operations.
std::string DiskTransaction::record() const {
  std::string out;
  const TermInterner::View now = terms_->view();
  disk::put_varint(out, staged_->base().terms.size() + begin_.terms);
  disk::put_varint(out, now.size() - begin_.terms);
  for (std::size_t i = begin_.terms; i < now.size(); ++i) {
    put_term(out, now.term(static_cast<TermInterner::Index>(i)));
  }
  out += log_;
  return out;
}

Status DiskTransaction::apply(std::string_view bytes) {
  const auto* p = reinterpret_cast<const unsigned char*>(bytes.data());
  const unsigned char* end = p + bytes.size();
  const auto damaged = [](const std::string& why) {
    return Error(ErrorKind::Corrupt, "a damaged write-ahead log record (" + why + ")");
  };
  std::uint64_t first = 0, count = 0;
  if (!disk::get_varint(p, end, first) || !disk::get_varint(p, end, count)) {
    return damaged("header");
  }
  if (first != staged_->term_count()) return damaged("it does not follow the state before it");
  for (std::uint64_t i = 0; i < count; ++i) {
    TermRef t;
    if (!get_term(p, end, t)) return damaged("a term");
    auto id = intern(t);
    if (!id) return id.error();
    if (*id != kFirstTermId + first + i) return damaged("a term that was there already");
  }
  while (p != end) {
    const unsigned char code = *p++;
    QuadIds q;
    if (code == kInsert || code == kRemove) {
      if (!disk::get_varint(p, end, q.subject) || !disk::get_varint(p, end, q.predicate) ||
          !disk::get_varint(p, end, q.object)) {
        return damaged("an operation");
      }
    }
    if (!disk::get_varint(p, end, q.graph)) return damaged("an operation");
    const TermId limit = kFirstTermId + staged_->base().terms.size() + terms_->size();
    for (const TermId id : {q.subject, q.predicate, q.object}) {
      if ((code == kInsert || code == kRemove) && (!store::storable(id) || id >= limit)) {
        return damaged("an id outside the dictionary");
      }
    }
    if (q.graph != kDefaultGraph && (!store::storable(q.graph) || q.graph >= limit)) {
      return damaged("a graph outside the dictionary");
    }
    Status st;
    switch (code) {
      case kInsert:
        st = insert(q);
        break;
      case kRemove:
        st = remove(q);
        break;
      case kCreate:
        st = create_graph(q.graph);
        break;
      case kClear:
        st = clear_graph(q.graph);
        break;
      case kDrop:
        st = drop_graph(q.graph);
        break;
      default:
        return damaged("an unknown operation");
    }
    if (!st) return st;
  }
  stage();
  return {};
}

Status DiskTransaction::commit() {
  if (Status st = check_active(); !st) return st;
  Status st;
  try {
    stage();
    const DiskVersion& v = *staged_;
    staged_ = v.with(v.added_triples().settled(), v.removed_triples().settled(),
                     v.added_quads().settled(), v.removed_quads().settled(), v.graphs(),
                     // The dictionary as it is now: terms interned since the last
                     // staging (a transaction that only interns) are in the record.
                     terms_->view());
    if (replaying_) {
      store_.publish(staged_);
    } else if (!log_.empty() || terms_->size() != begin_.terms) {
      st = store_.commit(staged_, record());
    }
  } catch (const std::bad_alloc&) {
    st = Error(ErrorKind::Limit, "out of memory while committing; nothing was changed");
  }
  if (!st) {
    rollback();
    return st;
  }
  savepoints_.clear();
  end();
  return {};
}

void DiskTransaction::rollback() {
  if (!active_) return;
  staged_ = store_.current();
  savepoints_.clear();
  terms_->rollback(begin_);
  end();
}

void DiskTransaction::end() {
  active_ = false;
  pending_.clear();
  log_.clear();
  lock_.unlock();
}

}  // namespace quiver::database
