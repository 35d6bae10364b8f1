#pragma once
/// @file
/// The planner: the one place that decides how a query runs. From the
/// algebra the logical passes leave, it builds the plan the evaluator
/// executes node for node: the order of each BGP's patterns, bind or hash
/// for each join (and which side is hashed, on which keys), top-k sorts,
/// and a row estimate per operator, all from the store's statistics and the
/// variables already bound where each operator runs.

#include "optimizer/optimizer.hpp"
#include "optimizer/variables.hpp"
#include "plan/plan.hpp"

namespace quiver::optimizer {

/// The plan of `query` (already through the logical passes).
plan::Plan make_plan(sparql::Query query, const PassContext& context);

/// The plan of one operator whose rows start with `seeded` bound (for tests).
plan::NodePtr plan_operator(const sparql::Op& op, const PassContext& context,
                            const VarSet& seeded = {});

}  // namespace quiver::optimizer
