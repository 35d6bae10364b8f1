#include "store/statistics.hpp"

#include <vector>

namespace quiver::store {

template <std::size_t N>
GraphStatistics compute_statistics(const SortedTable<N>& spo) {
  GraphStatistics out;
  out.triples = spo.size();
  // In SPO order each subject is one run and each (s, p) pair a sub-run:
  // one distinct subject of p. Objects are counted in a bitmap over their
  // ids, which are dense.
  std::vector<std::uint64_t> seen;
  const Row<N>* previous = nullptr;
  PredicateStatistics* p = nullptr;
  for (const Row<N>& row : spo.rows()) {
    const bool new_subject = previous == nullptr || (*previous)[0] != row[0];
    if (new_subject) ++out.distinct_subjects;
    const bool new_pair = new_subject || (*previous)[1] != row[1];
    if (new_pair) {
      p = &out.predicates[row[1]];
      ++p->distinct_subjects;
    }
    ++p->triples;
    const std::size_t word = row[2] / 64;
    if (word >= seen.size()) seen.resize(word + 1 + word / 2, 0);
    const std::uint64_t bit = std::uint64_t{1} << (row[2] % 64);
    if ((seen[word] & bit) == 0) {
      seen[word] |= bit;
      ++out.distinct_objects;
    }
    previous = &row;
  }
  out.distinct_predicates = out.predicates.size();
  return out;
}

template <std::size_t N>
std::unordered_map<TermId, std::uint64_t> count_objects_per_predicate(const SortedTable<N>& pos) {
  // In POS order each predicate is one run and each (p, o) pair a sub-run.
  std::unordered_map<TermId, std::uint64_t> out;
  std::uint64_t* current = nullptr;
  const Row<N>* previous = nullptr;
  for (const Row<N>& row : pos.rows()) {
    if (previous == nullptr || (*previous)[0] != row[0]) {
      current = &out[row[0]];
      ++*current;
    } else if ((*previous)[1] != row[1]) {
      ++*current;
    }
    previous = &row;
  }
  return out;
}

template GraphStatistics compute_statistics<3>(const SortedTable<3>&);
template GraphStatistics compute_statistics<4>(const SortedTable<4>&);
template std::unordered_map<TermId, std::uint64_t> count_objects_per_predicate<3>(
    const SortedTable<3>&);
template std::unordered_map<TermId, std::uint64_t> count_objects_per_predicate<4>(
    const SortedTable<4>&);

}  // namespace quiver::store
