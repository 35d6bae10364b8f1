#pragma once
/// @file
/// What a query answers, held whole: a solution sequence (SELECT), a
/// boolean (ASK) or a graph (CONSTRUCT, DESCRIBE). Remote answers and test
/// oracles are read into one; local queries stream (result_stream.hpp).

#include <optional>
#include <string>
#include <vector>

#include "solutions/query_form.hpp"
#include "terms/term.hpp"

namespace quiver {

/// One solution: a cell per result variable, nullopt when unbound.
using Solution = std::vector<std::optional<Term>>;

/// A whole answer; which fields are filled depends on `form`.
struct QueryResult {
  /// The query form, which decides which fields below are meaningful.
  QueryForm form = QueryForm::Select;
  std::vector<std::string> variables;  ///< SELECT: column names without `?`
  std::vector<Solution> solutions;     ///< SELECT: rows, in order
  bool boolean = false;                ///< ASK
  std::vector<Triple> triples;         ///< CONSTRUCT / DESCRIBE
  bool ordered = false;                ///< true when the query had ORDER BY
};

}  // namespace quiver
