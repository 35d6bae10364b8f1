#include "store/quad_cursors.hpp"

#include <algorithm>

namespace quiver::store {
namespace {

template <std::size_t N>
std::array<TermId QuadIds::*, N> members_of(const typename SortedTable<N>::Order& order) {
  static constexpr TermId QuadIds::*kByPosition[] = {&QuadIds::subject, &QuadIds::predicate,
                                                     &QuadIds::object, &QuadIds::graph};
  std::array<TermId QuadIds::*, N> out;
  for (std::size_t i = 0; i < N; ++i) out[i] = kByPosition[order[i]];
  return out;
}

template <std::size_t N>
void decode(const Row<N>& row, const std::array<TermId QuadIds::*, N>& members, QuadIds& out) {
  if constexpr (N == 3) out.graph = kDefaultGraph;
  for (std::size_t i = 0; i < N; ++i) out.*members[i] = row[i];
}

}  // namespace

template <std::size_t N>
RangeCursor<N>::RangeCursor(std::span<const Row<N>> rows,
                            const typename SortedTable<N>::Order& order)
    : rows_(rows), members_(members_of<N>(order)) {}

template <std::size_t N>
std::size_t RangeCursor<N>::next(QuadIds* out, std::size_t max) {
  const std::size_t n = std::min(max, rows_.size() - at_);
  for (std::size_t i = 0; i < n; ++i) decode<N>(rows_[at_ + i], members_, out[i]);
  at_ += n;
  return n;
}

template class RangeCursor<3>;
template class RangeCursor<4>;

MergeCursor::MergeCursor(std::span<const Row<3>> defaults,
                         const SortedTable<3>::Order& default_order, std::span<const Row<4>> named,
                         const SortedTable<4>::Order& named_order)
    : default_rows_(defaults),
      named_rows_(named),
      default_members_(members_of<3>(default_order)),
      named_members_(members_of<4>(named_order)) {}

std::size_t MergeCursor::next(QuadIds* out, std::size_t max) {
  std::size_t n = 0;
  while (n < max) {
    const bool have_default = default_at_ < default_rows_.size();
    const bool have_named = named_at_ < named_rows_.size();
    if (!have_default && !have_named) break;
    bool take_default = have_default;
    if (have_default && have_named) {
      const Row<3>& d = default_rows_[default_at_];
      const Row<4>& g = named_rows_[named_at_];
      take_default = !std::lexicographical_compare(g.begin(), g.begin() + 3, d.begin(), d.end());
    }
    if (take_default) {
      decode<3>(default_rows_[default_at_++], default_members_, out[n++]);
    } else {
      decode<4>(named_rows_[named_at_++], named_members_, out[n++]);
    }
  }
  return n;
}

}  // namespace quiver::store
