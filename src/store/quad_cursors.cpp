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
RangeCursor<N>::RangeCursor(const LayeredRange<N>& range,
                            const typename SortedTable<N>::Order& order)
    : plain_(range.base), rows_(range), layered_(!range.plain()), members_(members_of<N>(order)) {}

template <std::size_t N>
std::size_t RangeCursor<N>::next(QuadIds* out, std::size_t max) {
  if (!layered_) {
    const std::size_t n = std::min(max, plain_.size() - at_);
    for (std::size_t i = 0; i < n; ++i) decode<N>(plain_[at_ + i], members_, out[i]);
    at_ += n;
    return n;
  }
  std::size_t n = 0;
  for (; n < max && !rows_.done(); rows_.advance()) decode<N>(rows_.row(), members_, out[n++]);
  return n;
}

template class RangeCursor<3>;
template class RangeCursor<4>;

MergeCursor::MergeCursor(const LayeredRange<3>& defaults,
                         const SortedTable<3>::Order& default_order, const LayeredRange<4>& named,
                         const SortedTable<4>::Order& named_order)
    : defaults_(defaults),
      named_(named),
      default_members_(members_of<3>(default_order)),
      named_members_(members_of<4>(named_order)) {}

std::size_t MergeCursor::next(QuadIds* out, std::size_t max) {
  std::size_t n = 0;
  while (n < max) {
    const bool have_default = !defaults_.done();
    const bool have_named = !named_.done();
    if (!have_default && !have_named) break;
    bool take_default = have_default;
    if (have_default && have_named) {
      const Row<3>& d = defaults_.row();
      const Row<4>& g = named_.row();
      take_default = !std::lexicographical_compare(g.begin(), g.begin() + 3, d.begin(), d.end());
    }
    if (take_default) {
      decode<3>(defaults_.row(), default_members_, out[n++]);
      defaults_.advance();
    } else {
      decode<4>(named_.row(), named_members_, out[n++]);
      named_.advance();
    }
  }
  return n;
}

}  // namespace quiver::store
