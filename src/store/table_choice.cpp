#include "store/table_choice.hpp"

namespace quiver::store {
namespace {

struct TriplePlan {
  std::size_t table;
  std::size_t prefix;
};
// By bound positions (bit 0 subject, bit 1 predicate, bit 2 object).
constexpr TriplePlan kTriplePlans[8] = {
    {0, 0},  // -    : SPO
    {0, 1},  // s    : SPO
    {3, 1},  // p    : PSO
    {0, 2},  // sp   : SPO
    {2, 1},  // o    : OSP
    {2, 2},  // so   : OSP
    {1, 2},  // po   : POS
    {0, 3},  // spo  : SPO
};
constexpr std::array<int, 4> kTripleOrders[4] = {
    {0, 1, 2, 3}, {1, 2, 0, 3}, {2, 0, 1, 3}, {1, 0, 2, 3}};
// The quad table of each triple table: over all named graphs (the same
// order, graph last) and over one (graph first).
constexpr std::size_t kAllGraphsTable[4] = {0, 1, 2, 6};
constexpr std::size_t kOneGraphTable[4] = {3, 4, 5, 7};

std::size_t shape_of(const QuadIds& p) {
  return (p.subject != kAnyTerm ? 1 : 0) | (p.predicate != kAnyTerm ? 2 : 0) |
         (p.object != kAnyTerm ? 4 : 0);
}

}  // namespace

const std::vector<SortedTable<3>::Order>& triple_orders() {
  static const std::vector<SortedTable<3>::Order> orders{
      {0, 1, 2}, {1, 2, 0}, {2, 0, 1}, {1, 0, 2}};
  return orders;
}

const std::vector<SortedTable<4>::Order>& quad_orders() {
  static const std::vector<SortedTable<4>::Order> orders{{0, 1, 2, 3}, {1, 2, 0, 3}, {2, 0, 1, 3},
                                                         {3, 0, 1, 2}, {3, 1, 2, 0}, {3, 2, 0, 1},
                                                         {1, 0, 2, 3}, {3, 1, 0, 2}};
  return orders;
}

TableChoice choose_tables(const QuadIds& pattern) {
  TableChoice out;
  const TriplePlan plan = kTriplePlans[shape_of(pattern)];
  out.triple_table = plan.table;
  out.triple_prefix = plan.prefix;
  // Index ids are 32 bits: anything else, reserved ids included, is not in
  // the store.
  for (const TermId id : {pattern.subject, pattern.predicate, pattern.object}) {
    if (id != kAnyTerm && !storable(id)) {
      out.possible = false;
      return out;
    }
  }
  const Row<3> triple{static_cast<std::uint32_t>(pattern.subject),
                      static_cast<std::uint32_t>(pattern.predicate),
                      static_cast<std::uint32_t>(pattern.object)};
  out.defaults = pattern.graph == kDefaultGraph || pattern.graph == kAnyTerm;
  if (out.defaults) {
    out.triple_key = SortedTable<3>::permute(triple_orders()[plan.table], triple);
  }
  Row<4> quad{triple[0], triple[1], triple[2], 0};
  if (pattern.graph == kAnyNamedGraph || pattern.graph == kAnyTerm) {
    out.named = true;
    out.quad_table = kAllGraphsTable[plan.table];
    out.quad_prefix = plan.prefix;
  } else if (!out.defaults && storable(pattern.graph)) {
    out.named = true;
    quad[3] = static_cast<std::uint32_t>(pattern.graph);
    out.quad_table = kOneGraphTable[plan.table];
    out.quad_prefix = plan.prefix + 1;
  }
  if (out.named) out.quad_key = SortedTable<4>::permute(quad_orders()[out.quad_table], quad);
  return out;
}

CanonicalRow canonical_row(const QuadIds& quad) {
  CanonicalRow out;
  if (quad.subject == kAnyTerm || quad.predicate == kAnyTerm || quad.object == kAnyTerm ||
      quad.graph == kAnyTerm || quad.graph == kAnyNamedGraph) {
    return out;
  }
  const bool named = quad.graph != kDefaultGraph;
  for (const TermId id : {quad.subject, quad.predicate, quad.object}) {
    if (!storable(id)) out.part = CanonicalRow::Part::Nowhere;
  }
  if (named && !storable(quad.graph)) out.part = CanonicalRow::Part::Nowhere;
  if (out.part == CanonicalRow::Part::Nowhere) return out;
  const auto s = static_cast<std::uint32_t>(quad.subject);
  const auto p = static_cast<std::uint32_t>(quad.predicate);
  const auto o = static_cast<std::uint32_t>(quad.object);
  if (named) {
    out.part = CanonicalRow::Part::Named;
    out.quad = {s, p, o, static_cast<std::uint32_t>(quad.graph)};
  } else {
    out.part = CanonicalRow::Part::Default;
    out.triple = {s, p, o};
  }
  return out;
}

std::array<int, 4> choice_order(const QuadIds& pattern) {
  return kTripleOrders[kTriplePlans[shape_of(pattern)].table];
}

}  // namespace quiver::store
