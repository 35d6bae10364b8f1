#include "store/version.hpp"

#include <algorithm>

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
std::size_t shape_of(const QuadIds& p) {
  return (p.subject != kAnyTerm ? 1 : 0) | (p.predicate != kAnyTerm ? 2 : 0) |
         (p.object != kAnyTerm ? 4 : 0);
}

}  // namespace

const LayeredIndex<3>::Orders& triple_orders() {
  static const LayeredIndex<3>::Orders orders{{0, 1, 2}, {1, 2, 0}, {2, 0, 1}};
  return orders;
}

const LayeredIndex<4>::Orders& quad_orders() {
  static const LayeredIndex<4>::Orders orders{{0, 1, 2, 3}, {1, 2, 0, 3}, {2, 0, 1, 3},
                                              {3, 0, 1, 2}, {3, 1, 2, 0}, {3, 2, 0, 1}};
  return orders;
}

Version::Version(std::shared_ptr<const TermInterner> terms)
    : triples_(triple_orders()),
      quads_(quad_orders()),
      graphs_(std::make_shared<const std::vector<TermId>>()),
      dictionary_(std::move(terms)),
      terms_(dictionary_->view()) {}

std::shared_ptr<const Version> Version::with(LayeredIndex<3> triples, LayeredIndex<4> quads,
                                             std::vector<TermId> graphs,
                                             TermInterner::View terms) const {
  auto next = std::make_shared<Version>(*this);
  next->triples_ = std::move(triples);
  next->quads_ = std::move(quads);
  if (graphs != *graphs_) next->graphs_ = std::make_shared<const std::vector<TermId>>(graphs);
  next->terms_ = std::move(terms);
  return next;
}

std::shared_ptr<const Version> Version::settled() const {
  return with(triples_.settled(), quads_.settled(), *graphs_, terms_);
}

TermId Version::find_id(const TermRef& term) const {
  const TermInterner::Index i = terms_.find(term);
  return i == TermInterner::kNotFound ? kAnyTerm : id_of(i);
}

bool Version::has_graph(TermId graph) const {
  return graph == kDefaultGraph || std::binary_search(graphs_->begin(), graphs_->end(), graph);
}

Version::Ranges Version::ranges(const QuadIds& pattern) const {
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
    const auto key = SortedTable<3>::permute(triples_.order(plan.table), triple);
    out.defaults = triples_.range(plan.table, key, plan.prefix);
  }
  Row<4> quad{triple[0], triple[1], triple[2], 0};
  if (want_all_named) {
    const auto key = SortedTable<4>::permute(quads_.order(plan.table), quad);
    out.named = quads_.range(plan.table, key, plan.prefix);
  } else if (!want_default && storable(pattern.graph)) {
    quad[3] = static_cast<std::uint32_t>(pattern.graph);
    const std::size_t table = 3 + plan.table;
    const auto key = SortedTable<4>::permute(quads_.order(table), quad);
    out.named = quads_.range(table, key, plan.prefix + 1);
    out.graph_prefix = true;
  }
  return out;
}

std::unique_ptr<QuadCursor> Version::match(const QuadIds& pattern) const {
  const Ranges r = ranges(pattern);
  const bool no_defaults = r.defaults.size() == 0;
  const bool no_named = r.named.size() == 0;
  if (no_defaults && no_named) return std::make_unique<EmptyCursor>();
  const std::size_t named_table = (r.graph_prefix ? 3 : 0) + r.triple_table;
  if (no_named) {
    return std::make_unique<RangeCursor<3>>(r.defaults, triples_.order(r.triple_table));
  }
  if (no_defaults) return std::make_unique<RangeCursor<4>>(r.named, quads_.order(named_table));
  return std::make_unique<MergeCursor>(LayeredRows<3>(r.defaults), triples_.order(r.triple_table),
                                       LayeredRows<4>(r.named), quads_.order(named_table));
}

std::uint64_t Version::count(const QuadIds& pattern) const {
  const Ranges r = ranges(pattern);
  return r.defaults.size() + r.named.size();
}

PatternStats Version::stats(const QuadIds& pattern) const {
  return estimate(pattern, count(pattern), triples_.base(), quads_.base());
}

Statistics Version::statistics() const {
  Statistics out{triples_.base().statistics(), quads_.base().statistics()};
  for (auto& [p, counts] : out.default_graph.predicates) {
    counts.distinct_objects = triples_.base().distinct_objects(p);
  }
  for (auto& [p, counts] : out.named_graphs.predicates) {
    counts.distinct_objects = quads_.base().distinct_objects(p);
  }
  return out;
}

std::array<int, 4> Version::match_order(const QuadIds& pattern) {
  return kTripleOrders[kTriplePlans[shape_of(pattern)].table];
}

}  // namespace quiver::store
