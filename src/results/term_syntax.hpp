#pragma once
/// @file
/// The reverse of terms/term_writer.hpp's Turtle form, for reading TSV
/// cells.

#include <string_view>

#include "terms/term.hpp"
#include "util/expected.hpp"

namespace quiver::results {

/// Parses one whole term in Turtle syntax without prefixes (what a TSV cell
/// holds): `<iri>`, `_:label`, a quoted string (single, double or long
/// quotes) with `@lang` or `^^<datatype>`, a bare number or boolean.
Expected<Term> parse_turtle_term(std::string_view text);

}  // namespace quiver::results
