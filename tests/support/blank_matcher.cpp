#include "support/blank_matcher.hpp"

#include <algorithm>

#include "terms/term_writer.hpp"

namespace quiver::testing {
namespace {

// A row with its blank nodes erased: rows can only match rows of the same shape.
std::string shape(const Row& row) {
  std::string out;
  for (const auto& cell : row) {
    if (cell && cell->is_blank()) {
      out += "_:*";
    } else if (cell) {
      append_ntriples(out, cell->ref());
    }
    out += '\t';
  }
  return out;
}

// Actual rows in an order where rows sharing a blank node come together,
// so that a wrong choice is noticed while it is still cheap to undo.
std::vector<std::size_t> search_order(const std::vector<Row>& rows) {
  std::unordered_map<std::string, std::vector<std::size_t>> rows_of;
  for (std::size_t i = 0; i < rows.size(); ++i) {
    for (const auto& cell : rows[i]) {
      if (cell && cell->is_blank()) rows_of[cell->value()].push_back(i);
    }
  }
  std::vector<std::size_t> order;
  std::vector<bool> seen(rows.size(), false);
  for (std::size_t start = 0; start < rows.size(); ++start) {
    if (seen[start]) continue;
    seen[start] = true;
    order.push_back(start);
    // Breadth-first over the rows connected through shared blank nodes.
    for (std::size_t next = order.size() - 1; next < order.size(); ++next) {
      for (const auto& cell : rows[order[next]]) {
        if (!cell || !cell->is_blank()) continue;
        for (std::size_t r : rows_of[cell->value()]) {
          if (seen[r]) continue;
          seen[r] = true;
          order.push_back(r);
        }
      }
    }
  }
  return order;
}

}  // namespace

bool has_blank(const Row& row) {
  return std::any_of(row.begin(), row.end(),
                     [](const auto& cell) { return cell && cell->is_blank(); });
}

bool BlankMatcher::try_match(const Row& actual, const Row& expected) {
  if (actual.size() != expected.size()) return false;
  const std::size_t start = mark();
  for (std::size_t c = 0; c < actual.size(); ++c) {
    const auto& a = actual[c];
    const auto& e = expected[c];
    if (!a || !e) {
      if (a.has_value() == e.has_value()) continue;
      undo(start);
      return false;
    }
    if (a->is_blank() && e->is_blank()) {
      const auto forward = to_expected_.find(a->value());
      const auto backward = to_actual_.find(e->value());
      if (forward == to_expected_.end() && backward == to_actual_.end()) {
        to_expected_.emplace(a->value(), e->value());
        to_actual_.emplace(e->value(), a->value());
        trail_.push_back(a->value());
        continue;
      }
      if (forward != to_expected_.end() && forward->second == e->value()) continue;
    } else if (*a == *e) {
      continue;
    }
    undo(start);
    return false;
  }
  return true;
}

void BlankMatcher::undo(std::size_t mark) {
  while (trail_.size() > mark) {
    const auto it = to_expected_.find(trail_.back());
    to_actual_.erase(it->second);
    to_expected_.erase(it);
    trail_.pop_back();
  }
}

MatchOutcome match_blank_rows(const std::vector<Row>& actual, const std::vector<Row>& expected,
                              std::uint64_t limit) {
  if (actual.size() != expected.size()) return MatchOutcome::NoMatch;
  std::unordered_map<std::string, std::vector<std::size_t>> expected_by_shape;
  for (std::size_t i = 0; i < expected.size(); ++i) {
    expected_by_shape[shape(expected[i])].push_back(i);
  }
  // Equal shape counts first: a search that cannot succeed would otherwise
  // run into the limit.
  std::unordered_map<std::string, std::size_t> actual_shape_count;
  std::vector<const std::vector<std::size_t>*> candidates(actual.size());
  for (std::size_t i = 0; i < actual.size(); ++i) {
    const std::string key = shape(actual[i]);
    const auto it = expected_by_shape.find(key);
    if (it == expected_by_shape.end() || ++actual_shape_count[key] > it->second.size())
      return MatchOutcome::NoMatch;
    candidates[i] = &it->second;
  }
  // Iterative depth-first search: deep recursion would overflow the stack
  // on large results.
  const std::vector<std::size_t> order = search_order(actual);
  const std::size_t n = order.size();
  std::vector<std::size_t> next_candidate(n, 0), chosen(n, 0), marks(n, 0);
  std::vector<bool> used(expected.size(), false);
  BlankMatcher matcher;
  std::uint64_t tries = 0;
  std::size_t depth = 0;
  while (depth < n) {
    const std::vector<std::size_t>& cands = *candidates[order[depth]];
    bool placed = false;
    while (next_candidate[depth] < cands.size()) {
      const std::size_t e = cands[next_candidate[depth]++];
      if (used[e]) continue;
      if (++tries > limit) return MatchOutcome::GaveUp;
      marks[depth] = matcher.mark();
      if (!matcher.try_match(actual[order[depth]], expected[e])) continue;
      used[e] = true;
      chosen[depth] = e;
      placed = true;
      break;
    }
    if (placed) {
      if (++depth < n) next_candidate[depth] = 0;
      continue;
    }
    if (depth == 0) return MatchOutcome::NoMatch;
    --depth;
    used[chosen[depth]] = false;
    matcher.undo(marks[depth]);
  }
  return MatchOutcome::Matched;
}

}  // namespace quiver::testing
