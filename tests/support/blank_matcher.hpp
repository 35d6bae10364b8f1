#pragma once
// The blank-node part of results_equal: finding one bijection between the
// blank nodes of two lists of rows that makes them equal as multisets.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "terms/term.hpp"

namespace quiver::testing {

/// A solution with its columns in a shared canonical order.
using Row = std::vector<std::optional<Term>>;

/// True when some cell of `row` is a blank node.
bool has_blank(const Row& row);

/// A partial bijection between actual and expected blank node labels that
/// can be extended row by row and rolled back to an earlier mark.
class BlankMatcher {
 public:
  /// Checks `actual` against `expected` cell by cell, mapping blank nodes
  /// not yet mapped. On failure the mapping is left as it was.
  bool try_match(const Row& actual, const Row& expected);
  /// A point to roll back to.
  std::size_t mark() const { return trail_.size(); }
  /// Forgets every pair mapped since `mark`.
  void undo(std::size_t mark);

 private:
  std::unordered_map<std::string, std::string> to_expected_;
  std::unordered_map<std::string, std::string> to_actual_;
  std::vector<std::string> trail_;  // actual labels, in the order mapped
};

enum class MatchOutcome { Matched, NoMatch, GaveUp };

/// Backtracking search for a row assignment (rows of equal shape only)
/// under one consistent blank-node bijection; gives up after `limit` tries.
MatchOutcome match_blank_rows(const std::vector<Row>& actual, const std::vector<Row>& expected,
                              std::uint64_t limit = 1'000'000);

}  // namespace quiver::testing
