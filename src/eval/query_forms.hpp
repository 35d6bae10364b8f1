#pragma once
/// @file
/// The graph-building query forms: CONSTRUCT templates (16.2) and
/// DESCRIBE as concise bounded descriptions (16.4).

#include <vector>

#include "eval/eval_context.hpp"
#include "sparql/algebra.hpp"

namespace quiver::eval {

/// Instantiates the template of `query` for each solution of `solutions`:
/// template blank nodes are fresh per solution, triples with an unbound
/// variable or an invalid position are left out, duplicates dropped.
std::vector<Triple> construct_triples(EvalContext& ctx, const sparql::Query& query,
                                      const Table& solutions);

/// The concise bounded description, in the default graph(s), of each
/// DESCRIBE target: its IRI, or the values a target variable takes in
/// `solutions`.
std::vector<Triple> describe_triples(EvalContext& ctx, const sparql::Query& query,
                                     const Table& solutions);

}  // namespace quiver::eval
