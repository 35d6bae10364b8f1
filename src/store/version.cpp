#include "store/version.hpp"

#include <algorithm>

#include "store/quad_cursors.hpp"

namespace quiver::store {

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
  const TableChoice c = choose_tables(pattern);
  out.triple_table = c.triple_table;
  out.quad_table = c.quad_table;
  if (!c.possible) return out;
  if (c.defaults) out.defaults = triples_.range(c.triple_table, c.triple_key, c.triple_prefix);
  if (c.named) {
    out.named = quads_.range(c.quad_table, c.quad_key, c.quad_prefix);
  }
  return out;
}

std::unique_ptr<QuadCursor> Version::match(const QuadIds& pattern) const {
  const Ranges r = ranges(pattern);
  const bool no_defaults = r.defaults.size() == 0;
  const bool no_named = r.named.size() == 0;
  if (no_defaults && no_named) return std::make_unique<EmptyCursor>();
  if (no_named) {
    return std::make_unique<RangeCursor<3>>(r.defaults, triples_.order(r.triple_table));
  }
  if (no_defaults) return std::make_unique<RangeCursor<4>>(r.named, quads_.order(r.quad_table));
  return std::make_unique<MergeCursor>(LayeredRows<3>(r.defaults), triples_.order(r.triple_table),
                                       LayeredRows<4>(r.named), quads_.order(r.quad_table));
}

std::uint64_t Version::count(const QuadIds& pattern) const {
  const Ranges r = ranges(pattern);
  return r.defaults.size() + r.named.size();
}

bool Version::contains(const QuadIds& quad) const {
  const CanonicalRow row = canonical_row(quad);
  switch (row.part) {
    case CanonicalRow::Part::Default:
      return triples_.contains(row.triple);
    case CanonicalRow::Part::Named:
      return quads_.contains(row.quad);
    case CanonicalRow::Part::Nowhere:
      return false;
    case CanonicalRow::Part::Unknown:
      break;
  }
  return Dataset::contains(quad);
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

std::array<int, 4> Version::match_order(const QuadIds& pattern) { return choice_order(pattern); }

}  // namespace quiver::store
