#include "store/statistics.hpp"

namespace quiver::store {

template <std::size_t N>
GraphStatistics compute_statistics(const SortedTable<N>& spo, const SortedTable<N>& pos,
                                   const SortedTable<N>& osp) {
  GraphStatistics out;
  out.triples = spo.size();

  // In POS order, each predicate is one run and each (p, o) pair a sub-run.
  PredicateStatistics* current = nullptr;
  const Row<N>* previous = nullptr;
  for (const Row<N>& row : pos.rows()) {
    if (previous == nullptr || (*previous)[0] != row[0]) {
      current = &out.predicates[row[0]];
      ++out.distinct_predicates;
      ++current->distinct_objects;
    } else if ((*previous)[1] != row[1]) {
      ++current->distinct_objects;
    }
    ++current->triples;
    previous = &row;
  }

  // In SPO order, each (s, p) pair is one run: one distinct subject of p.
  previous = nullptr;
  for (const Row<N>& row : spo.rows()) {
    const bool new_subject = previous == nullptr || (*previous)[0] != row[0];
    if (new_subject) ++out.distinct_subjects;
    if (new_subject || (*previous)[1] != row[1]) ++out.predicates[row[1]].distinct_subjects;
    previous = &row;
  }

  previous = nullptr;
  for (const Row<N>& row : osp.rows()) {
    if (previous == nullptr || (*previous)[0] != row[0]) ++out.distinct_objects;
    previous = &row;
  }
  return out;
}

template GraphStatistics compute_statistics<3>(const SortedTable<3>&, const SortedTable<3>&,
                                               const SortedTable<3>&);
template GraphStatistics compute_statistics<4>(const SortedTable<4>&, const SortedTable<4>&,
                                               const SortedTable<4>&);

}  // namespace quiver::store
