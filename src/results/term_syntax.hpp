#pragma once
/// @file
/// Terms in Turtle syntax as the TSV format and the text table show them:
/// short forms for numbers and booleans, prefixed names when a prefix map is
/// given, and the reverse parse for reading TSV cells.

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "terms/term.hpp"
#include "util/expected.hpp"

namespace quiver::results {

/// Prefix declarations: (name without `:`, namespace IRI).
using PrefixList = std::vector<std::pair<std::string, std::string>>;

/// True when `lexical` may be written bare in Turtle and read back as the
/// same term: it matches the Turtle INTEGER, DECIMAL or DOUBLE production
/// for exactly that datatype, or is `true`/`false` for xsd:boolean.
bool has_turtle_short_form(std::string_view lexical, std::string_view datatype);

/// Appends `term` in Turtle syntax: IRIs as `<...>`, or `p:local` when
/// `prefixes` holds a namespace for them and the local part needs no
/// escaping; blank nodes as `_:label`; literals quoted and escaped as
/// N-Triples does, without `^^xsd:string`, or bare when
/// has_turtle_short_form() allows. Lexical forms are never rewritten.
void append_turtle_term(std::string& out, const TermRef& term,
                        const PrefixList* prefixes = nullptr);

/// Parses one whole term in Turtle syntax without prefixes (what a TSV cell
/// holds): `<iri>`, `_:label`, a quoted string (single, double or long
/// quotes) with `@lang` or `^^<datatype>`, a bare number or boolean.
Expected<Term> parse_turtle_term(std::string_view text);

}  // namespace quiver::results
