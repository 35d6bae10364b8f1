#pragma once
// Cardinality of one triple pattern from the dataset's counts, looking only
// at its constants (any graph).

#include "optimizer/optimizer.hpp"

namespace quiver::optimizer {

/// Estimated matches of `t` with its variables free; 0 when a constant is
/// not in the data at all. Without a dataset, a fixed guess by shape.
double pattern_estimate(const sparql::TriplePattern& t, const PassContext& context);

}  // namespace quiver::optimizer
