#pragma once
/// @file
/// Isomorphism of RDF datasets with blank nodes (RDF 1.1 Concepts 3.6,
/// extended to quads): the test oracle for every W3C evaluation test and
/// for round trips through the writers.
///
/// Both inputs are first made sets (duplicates dropped). Quads without blank
/// nodes must match exactly. For the rest, blank nodes are coloured by
/// iterated hashing of the quads they occur in, then a backtracking search
/// maps blank nodes of equal colour onto each other, checking every quad as
/// soon as all of its blank nodes are mapped.
///
/// Terms compare exactly (lexical form, datatype IRI, IRI text), except
/// language tags, which compare case-insensitively as RDF 1.1 says.
///
/// The search is capped at kIsomorphismSearchLimit candidate assignments so
/// that highly symmetric or adversarial inputs cannot hang a test run; when
/// the cap is reached the datasets are reported as *not* isomorphic (and
/// isomorphism_diff() says the search gave up), never wrongly as isomorphic.

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "terms/term.hpp"

namespace quiver::testing {

/// Upper bound on blank-node assignments tried by the backtracking search.
/// Colour refinement makes ordinary data need about one try per blank node.
inline constexpr std::uint64_t kIsomorphismSearchLimit = 1'000'000;

/// True when `a` and `b`, taken as sets of quads, are isomorphic: some
/// bijection between their blank nodes maps one onto the other. Blank nodes
/// may occur as subject, object and graph name.
bool are_isomorphic(std::vector<Quad> a, std::vector<Quad> b);

/// Empty when `a` and `b` are isomorphic; otherwise a few lines saying how
/// they differ, for test diagnostics: the quads without blank nodes found in
/// only one of them, then the quads with blank nodes (blank nodes shown as
/// `_:*`) whose shape is found in only one, or why the blank-node matching
/// failed. At most `max_listed` quads are listed per direction.
std::string isomorphism_diff(std::vector<Quad> a, std::vector<Quad> b,
                             std::string_view a_name = "first", std::string_view b_name = "second",
                             std::size_t max_listed = 5);

}  // namespace quiver::testing
