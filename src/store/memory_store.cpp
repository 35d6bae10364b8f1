#include "store/memory_store.hpp"

#include <cassert>

#include "store/quad_cursors.hpp"

namespace quiver::store {
namespace {

/// The triple table and bound-prefix length answering each triple shape
/// (bit 0 subject, bit 1 predicate, bit 2 object bound). Every shape's
/// bound positions form a prefix of one of SPO, POS, OSP.
struct TriplePlan {
  std::size_t table;
  std::size_t prefix;
};
constexpr TriplePlan kTriplePlans[8] = {
    {0, 0},  // -    : SPO
    {0, 1},  // s    : SPO
    {1, 1},  // p    : POS
    {0, 2},  // sp   : SPO
    {2, 1},  // o    : OSP
    {2, 2},  // so   : OSP
    {1, 2},  // po   : POS
    {0, 3},  // spo  : SPO
};
constexpr std::array<int, 4> kTripleOrders[3] = {{0, 1, 2, 3}, {1, 2, 0, 3}, {2, 0, 1, 3}};

/// Index ids are 32 bits: anything else, reserved ids included, is not in
/// the store.
bool storable(TermId id) { return id >= kFirstTermId && id <= kMaxStoredId; }

std::size_t shape_of(const QuadIds& p) {
  return (p.subject != kAnyTerm ? 1 : 0) | (p.predicate != kAnyTerm ? 2 : 0) |
         (p.object != kAnyTerm ? 4 : 0);
}

}  // namespace

void MemoryStore::add(const QuadRef& quad) {
  QuadIds ids;
  if (last_subject_id_ == kAnyTerm || !(quad.subject == last_subject_)) {
    last_subject_id_ = dictionary_.intern(quad.subject);
    last_subject_ = dictionary_.term(last_subject_id_);
  }
  ids.subject = last_subject_id_;
  ids.predicate = dictionary_.intern(quad.predicate);
  ids.object = dictionary_.intern(quad.object);
  ids.graph = quad.graph.is_none() ? kDefaultGraph : dictionary_.intern(quad.graph);
  add(ids);
}

void MemoryStore::add(const QuadIds& quad) {
  assert(dictionary_.contains(quad.subject) && dictionary_.contains(quad.predicate) &&
         dictionary_.contains(quad.object) &&
         (quad.graph == kDefaultGraph || dictionary_.contains(quad.graph)) &&
         "caller error: ids must come from this store's intern()");
  const auto s = static_cast<std::uint32_t>(quad.subject);
  const auto p = static_cast<std::uint32_t>(quad.predicate);
  const auto o = static_cast<std::uint32_t>(quad.object);
  if (quad.graph == kDefaultGraph) {
    triples_.add({s, p, o});
  } else {
    quads_.add({s, p, o, static_cast<std::uint32_t>(quad.graph)});
  }
  dirty_.store(true, std::memory_order_release);
}

void MemoryStore::freeze() const { ensure_indexed(); }

void MemoryStore::ensure_indexed() const {
  if (!dirty_.load(std::memory_order_acquire)) return;
  std::lock_guard lock(build_mutex_);
  if (!dirty_.load(std::memory_order_relaxed)) return;
  build_indexes();
  dirty_.store(false, std::memory_order_release);
}

void MemoryStore::build_indexes() const {
  const std::size_t new_triples = triples_.flush();
  const std::size_t new_quads = quads_.flush();
  ++generation_;
  if (new_triples > 0) {
    statistics_.default_graph =
        compute_statistics<3>(triples_.table(0), triples_.table(1), triples_.table(2));
  }
  if (new_quads > 0) {
    statistics_.named_graphs =
        compute_statistics<4>(quads_.table(0), quads_.table(1), quads_.table(2));
    graph_names_.clear();
    for (const Row<4>& row : quads_.table(3).rows()) {
      if (graph_names_.empty() || graph_names_.back() != row[0]) graph_names_.push_back(row[0]);
    }
  }
}

std::uint64_t MemoryStore::clear_graph(TermId graph) {
  freeze();
  std::uint64_t removed = 0;
  if (graph == kDefaultGraph) {
    removed = triples_.size();
    triples_.erase(3, 0);
    statistics_.default_graph =
        compute_statistics<3>(triples_.table(0), triples_.table(1), triples_.table(2));
  } else if (storable(graph)) {
    const std::size_t size = quads_.size();
    quads_.erase(3, static_cast<std::uint32_t>(graph));
    removed = size - quads_.size();
    statistics_.named_graphs =
        compute_statistics<4>(quads_.table(0), quads_.table(1), quads_.table(2));
    std::erase(graph_names_, graph);
  }
  // Anything planned or checkpointed against the old indexes is stale.
  ++generation_;
  return removed;
}

MemoryStore::Checkpoint MemoryStore::checkpoint() const {
  return {dictionary_.mark(), triples_.pending(), quads_.pending(), generation_};
}

void MemoryStore::rollback(const Checkpoint& checkpoint) {
  assert(checkpoint.generation == generation_ &&
         "caller error: indexes were built since the checkpoint");
  triples_.truncate_pending(checkpoint.pending_triples);
  quads_.truncate_pending(checkpoint.pending_quads);
  dictionary_.rollback(checkpoint.terms);
  last_subject_id_ = kAnyTerm;
  if (triples_.pending() == 0 && quads_.pending() == 0) {
    dirty_.store(false, std::memory_order_release);
  }
}

MemoryStore::Ranges MemoryStore::ranges(const QuadIds& pattern) const {
  ensure_indexed();
  Ranges out;
  const TriplePlan plan = kTriplePlans[shape_of(pattern)];
  out.triple_table = plan.table;
  for (const TermId id : {pattern.subject, pattern.predicate, pattern.object}) {
    if (id != kAnyTerm && !storable(id)) return out;
  }
  const Row<3> triple{static_cast<std::uint32_t>(pattern.subject),
                      static_cast<std::uint32_t>(pattern.predicate),
                      static_cast<std::uint32_t>(pattern.object)};
  const bool want_default = pattern.graph == kDefaultGraph || pattern.graph == kAnyTerm;
  const bool want_all_named = pattern.graph == kAnyNamedGraph || pattern.graph == kAnyTerm;
  if (want_default) {
    const auto& table = triples_.table(plan.table);
    out.defaults = table.range(table.permute(triple), plan.prefix);
  }
  Row<4> quad{triple[0], triple[1], triple[2], 0};
  if (want_all_named) {
    const auto& table = quads_.table(plan.table);
    out.named = table.range(table.permute(quad), plan.prefix);
  } else if (!want_default && storable(pattern.graph)) {
    quad[3] = static_cast<std::uint32_t>(pattern.graph);
    const auto& table = quads_.table(3 + plan.table);
    out.named = table.range(table.permute(quad), plan.prefix + 1);
    out.graph_prefix = true;
  }
  return out;
}

std::unique_ptr<QuadCursor> MemoryStore::match(const QuadIds& pattern) const {
  const Ranges r = ranges(pattern);
  if (r.defaults.empty() && r.named.empty()) return std::make_unique<EmptyCursor>();
  const auto named_table = (r.graph_prefix ? 3 : 0) + r.triple_table;
  if (r.named.empty()) {
    return std::make_unique<RangeCursor<3>>(r.defaults, triples_.table(r.triple_table).order());
  }
  if (r.defaults.empty()) {
    return std::make_unique<RangeCursor<4>>(r.named, quads_.table(named_table).order());
  }
  return std::make_unique<MergeCursor>(r.defaults, triples_.table(r.triple_table).order(), r.named,
                                       quads_.table(named_table).order());
}

std::uint64_t MemoryStore::count(const QuadIds& pattern) const {
  const Ranges r = ranges(pattern);
  return r.defaults.size() + r.named.size();
}

std::vector<TermId> MemoryStore::graph_names() const {
  ensure_indexed();
  return graph_names_;
}

std::uint64_t MemoryStore::size() const {
  ensure_indexed();
  return triples_.size() + quads_.size();
}

std::array<int, 4> MemoryStore::match_order(const QuadIds& pattern) {
  return kTripleOrders[kTriplePlans[shape_of(pattern)].table];
}

const Statistics& MemoryStore::statistics() const {
  ensure_indexed();
  return statistics_;
}

std::size_t MemoryStore::index_memory() const {
  return triples_.memory_usage() + quads_.memory_usage();
}

}  // namespace quiver::store
