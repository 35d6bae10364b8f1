#include "database/disk_version.hpp"

#include <algorithm>

#include "database/dictionary.hpp"
#include "database/disk_rows.hpp"
#include "store/quad_cursors.hpp"
#include "store/table_choice.hpp"

namespace quiver::database {
namespace {

template <std::size_t N, class Each>
Status stream_rows(DiskRows<N> rows, const Each& add) {
  for (; !rows.done(); rows.advance()) {
    if (Status st = add(rows.row()); !st) return st;
  }
  // A damaged block must not shorten the table a merge writes from it.
  if (const Error* e = rows.error()) return *e;
  return {};
}

}  // namespace

DiskVersion::DiskVersion(std::shared_ptr<const Base> base,
                         std::shared_ptr<const TermInterner> terms)
    : base_(std::move(base)),
      added_triples_(store::triple_orders()),
      removed_triples_(store::triple_orders()),
      added_quads_(store::quad_orders()),
      removed_quads_(store::quad_orders()),
      graphs_(std::make_shared<const std::vector<TermId>>(base_->graphs)),
      dictionary_(std::move(terms)),
      terms_(dictionary_->view()) {}

std::shared_ptr<const DiskVersion> DiskVersion::with(store::LayeredIndex<3> added_triples,
                                                     store::LayeredIndex<3> removed_triples,
                                                     store::LayeredIndex<4> added_quads,
                                                     store::LayeredIndex<4> removed_quads,
                                                     std::vector<TermId> graphs,
                                                     TermInterner::View terms) const {
  auto next = std::make_shared<DiskVersion>(*this);
  next->added_triples_ = std::move(added_triples);
  next->removed_triples_ = std::move(removed_triples);
  next->added_quads_ = std::move(added_quads);
  next->removed_quads_ = std::move(removed_quads);
  if (graphs != *graphs_) next->graphs_ = std::make_shared<const std::vector<TermId>>(graphs);
  next->terms_ = std::move(terms);
  return next;
}

TermId DiskVersion::find_id(const TermRef& term) const {
  return find_term(base_->terms, terms_, term);
}

TermRef DiskVersion::term(TermId id) const { return term_of(base_->terms, terms_, id); }

bool DiskVersion::has_graph(TermId graph) const {
  return graph == kDefaultGraph || std::binary_search(graphs_->begin(), graphs_->end(), graph);
}

std::uint64_t DiskVersion::size() const {
  return base_->triples[0].size() + added_triples_.size() - removed_triples_.size() +
         base_->quads[0].size() + added_quads_.size() - removed_quads_.size();
}

std::size_t DiskVersion::delta_size() const {
  return added_triples_.size() + removed_triples_.size() + added_quads_.size() +
         removed_quads_.size();
}

bool DiskVersion::contains(const store::Row<3>& row) const {
  if (added_triples_.contains(row)) return true;
  return base_contains(row) && !removed_triples_.contains(row);
}

bool DiskVersion::contains(const store::Row<4>& row) const {
  if (added_quads_.contains(row)) return true;
  return base_contains(row) && !removed_quads_.contains(row);
}

std::unique_ptr<QuadCursor> DiskVersion::match(const QuadIds& pattern) const {
  const store::TableChoice c = store::choose_tables(pattern);
  if (!c.possible || (!c.defaults && !c.named)) return std::make_unique<store::EmptyCursor>();
  const auto defaults = [&] {
    return DiskRows<3>(base_->triples[c.triple_table].range(c.triple_key, c.triple_prefix),
                       added_triples_.range(c.triple_table, c.triple_key, c.triple_prefix),
                       removed_triples_.range(c.triple_table, c.triple_key, c.triple_prefix));
  };
  const auto named = [&] {
    return DiskRows<4>(base_->quads[c.quad_table].range(c.quad_key, c.quad_prefix),
                       added_quads_.range(c.quad_table, c.quad_key, c.quad_prefix),
                       removed_quads_.range(c.quad_table, c.quad_key, c.quad_prefix));
  };
  const auto& triple_order = store::triple_orders()[c.triple_table];
  const auto& quad_order = store::quad_orders()[c.quad_table];
  if (!c.named)
    return std::make_unique<store::RowsCursor<3, DiskRows<3>>>(defaults(), triple_order);
  if (!c.defaults) return std::make_unique<store::RowsCursor<4, DiskRows<4>>>(named(), quad_order);
  return std::make_unique<store::MergeCursorOf<DiskRows<3>, DiskRows<4>>>(defaults(), triple_order,
                                                                          named(), quad_order);
}

std::uint64_t DiskVersion::count(const QuadIds& pattern) const {
  const store::TableChoice c = store::choose_tables(pattern);
  if (!c.possible) return 0;
  std::uint64_t n = 0;
  if (c.defaults) {
    n += base_->triples[c.triple_table].count(c.triple_key, c.triple_prefix) +
         added_triples_.range(c.triple_table, c.triple_key, c.triple_prefix).size() -
         removed_triples_.range(c.triple_table, c.triple_key, c.triple_prefix).size();
  }
  if (c.named) {
    n += base_->quads[c.quad_table].count(c.quad_key, c.quad_prefix) +
         added_quads_.range(c.quad_table, c.quad_key, c.quad_prefix).size() -
         removed_quads_.range(c.quad_table, c.quad_key, c.quad_prefix).size();
  }
  return n;
}

bool DiskVersion::contains(const QuadIds& quad) const {
  const store::CanonicalRow row = store::canonical_row(quad);
  switch (row.part) {
    case store::CanonicalRow::Part::Default:
      return contains(row.triple);
    case store::CanonicalRow::Part::Named:
      return contains(row.quad);
    case store::CanonicalRow::Part::Nowhere:
      return false;
    case store::CanonicalRow::Part::Unknown:
      break;
  }
  return Dataset::contains(quad);
}

PatternStats DiskVersion::stats(const QuadIds& pattern) const {
  return store::estimate(pattern, count(pattern), base_->default_graph, base_->named_graphs);
}

DiskRows<3> DiskVersion::triple_rows(std::size_t table) const {
  return DiskRows<3>(base_->triples[table].range({}, 0), added_triples_.range(table, {}, 0),
                     removed_triples_.range(table, {}, 0));
}

DiskRows<4> DiskVersion::quad_rows(std::size_t table) const {
  return DiskRows<4>(base_->quads[table].range({}, 0), added_quads_.range(table, {}, 0),
                     removed_quads_.range(table, {}, 0));
}

Status DiskVersion::each_triple(std::size_t table,
                                const std::function<Status(const store::Row<3>&)>& add) const {
  return stream_rows(triple_rows(table), add);
}

Status DiskVersion::each_quad(std::size_t table,
                              const std::function<Status(const store::Row<4>&)>& add) const {
  return stream_rows(quad_rows(table), add);
}

}  // namespace quiver::database
