#pragma once
/// @file
/// RDF 1.2 triple terms. A triple term's value is its subject, predicate
/// and object in canonical N-Triples form, one space apart (`<s> <p> "o"`,
/// a nested triple term as `<<( ... )>>`). Equal triples have equal values,
/// so the interner, the dictionaries and both stores keep a triple term as
/// they keep any other term, nested ones included, and its N-Triples form
/// is `<<( value )>>`. Blank nodes inside keep their labels, as the
/// readers gave them.

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "terms/term.hpp"

namespace quiver {

/// The deepest nesting of triple terms that readers accept and
/// triple_term_parts() decodes.
inline constexpr int kMaxTripleTermDepth = 128;

/// Appends the value of the triple term `<<( s p o )>>`.
void append_triple_term_value(std::string& out, const TermRef& s, const TermRef& p,
                              const TermRef& o);

/// The subject, predicate and object of a triple term's `value`; nullopt
/// when it is not one (a damaged value from outside).
std::optional<Triple> triple_term_parts(std::string_view value);

/// Appends to `out` the blank nodes inside a triple term's `value`, nested
/// triple terms included, in order of appearance (repeats kept).
void collect_blank_nodes(std::string_view value, std::vector<Term>& out);

/// `term` with every blank node inside it (nested triple terms included)
/// relabelled by `label`; a blank node itself is relabelled, any other term
/// returned as it is. For a damaged triple term value, the term unchanged.
Term relabel_blank_nodes(const Term& term,
                         const std::function<std::string(std::string_view)>& label);

/// Reads one term in canonical N-Triples form (as append_ntriples() writes
/// it, triple terms included) at `pos`, moving `pos` past it; nullopt when
/// none is there.
std::optional<Term> read_canonical_term(std::string_view text, std::size_t& pos, int depth = 0);

}  // namespace quiver
