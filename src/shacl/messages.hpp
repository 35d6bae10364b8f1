#pragma once
/// @file
/// The message a result gets when its shape gives none (sh:resultMessage
/// is optional in SHACL, but a report a person reads needs one): what the
/// constraint asked, in English.

#include "shacl/data_graph.hpp"
#include "shacl/shapes.hpp"
#include "terms/term.hpp"

namespace quiver::shacl {

/// A message for a result of `constraint` (of `shapes`) with value node
/// `value` (kAnyTerm when the result has none).
Term default_message(const Shapes& shapes, const Constraint& constraint, const DataGraph& data,
                     TermId value);

}  // namespace quiver::shacl
