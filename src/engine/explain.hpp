#pragma once
// --explain: the optimized plan as an indented tree, one operator a line,
// with the optimizer's estimate and the rows the evaluator really produced.

#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

#include "optimizer/optimizer.hpp"
#include "sparql/algebra.hpp"

namespace quiver::engine {

std::string explain_plan(const sparql::Query& query, const optimizer::PassContext& context,
                         const std::unordered_map<const sparql::Op*, std::uint64_t>& actual,
                         const std::vector<optimizer::PassTiming>& timings);

}  // namespace quiver::engine
