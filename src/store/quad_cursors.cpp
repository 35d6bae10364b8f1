#include "store/quad_cursors.hpp"

#include <algorithm>

namespace quiver::store {
using detail::decode;
using detail::members_of;

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

}  // namespace quiver::store
