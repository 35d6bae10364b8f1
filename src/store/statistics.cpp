#include "store/statistics.hpp"

namespace quiver::store {

// In SPO order each subject is one run and each (s, p) pair a sub-run:
// one distinct subject of p.
void StatisticsBuilder::add(std::uint32_t s, std::uint32_t p, std::uint32_t o) {
  ++out_.triples;
  const bool new_subject = first_ || s != subject_;
  if (new_subject) ++out_.distinct_subjects;
  if (new_subject || p != predicate_) {
    current_ = &out_.predicates[p];
    ++current_->distinct_subjects;
  }
  ++current_->triples;
  first_ = false;
  subject_ = s;
  predicate_ = p;
  const std::size_t word = o / 64;
  if (word >= seen_.size()) seen_.resize(word + 1 + word / 2, 0);
  const std::uint64_t bit = std::uint64_t{1} << (o % 64);
  if ((seen_[word] & bit) == 0) {
    seen_[word] |= bit;
    ++out_.distinct_objects;
  }
}

GraphStatistics StatisticsBuilder::finish() {
  out_.distinct_predicates = out_.predicates.size();
  std::vector<std::uint64_t>().swap(seen_);
  return std::move(out_);
}

// In POS order each predicate is one run and each (p, o) pair a sub-run.
void ObjectCounter::add(std::uint32_t p, std::uint32_t o) {
  if (first_ || p != predicate_) {
    current_ = &out_[p];
    ++*current_;
  } else if (o != object_) {
    ++*current_;
  }
  first_ = false;
  predicate_ = p;
  object_ = o;
}

template <std::size_t N>
GraphStatistics compute_statistics(const SortedTable<N>& spo) {
  StatisticsBuilder builder;
  for (const Row<N>& row : spo.rows()) builder.add(row);
  return builder.finish();
}

template <std::size_t N>
std::unordered_map<TermId, std::uint64_t> count_objects_per_predicate(const SortedTable<N>& pos) {
  ObjectCounter counter;
  for (const Row<N>& row : pos.rows()) counter.add(row);
  return counter.finish();
}

template GraphStatistics compute_statistics<3>(const SortedTable<3>&);
template GraphStatistics compute_statistics<4>(const SortedTable<4>&);
template std::unordered_map<TermId, std::uint64_t> count_objects_per_predicate<3>(
    const SortedTable<3>&);
template std::unordered_map<TermId, std::uint64_t> count_objects_per_predicate<4>(
    const SortedTable<4>&);

}  // namespace quiver::store
