#pragma once
/// @file
/// Comparing query results, the oracle of the W3C SPARQL test runner.
///
/// Two SELECT results are equal when they have the same variables (in any
/// order) and their solutions are equal as multisets (as sequences when
/// `ordered`) under one blank-node bijection that holds across the whole
/// result, not row by row. Terms compare exactly (lexical form, datatype,
/// IRI text) except language tags, which compare case-insensitively. ASK
/// results compare their answer; CONSTRUCT / DESCRIBE results compare their
/// triples as graphs, up to blank-node isomorphism (isomorphism.hpp).
///
/// The blank-node search is capped at kResultsSearchLimit tries; a search
/// that gives up reports the results as different, never wrongly as equal.

#include <cstdint>
#include <string>
#include <string_view>

#include "results/result_format.hpp"
#include "solutions/query_result.hpp"

namespace quiver::testing {

/// Upper bound on row assignments tried by the blank-node search.
inline constexpr std::uint64_t kResultsSearchLimit = 1'000'000;

/// True when `actual` and `expected` are the same result (see the file
/// comment). With `ordered`, solution i of one must match solution i of the
/// other. When they differ and `diff` is given, it receives a few lines
/// saying how: differing variables or forms, then at most five missing and
/// five unexpected rows (blank nodes shown as `_:*`), or the first differing
/// row when ordered.
bool results_equal(const QueryResult& actual, const QueryResult& expected, bool ordered,
                   std::string* diff = nullptr);

/// For the W3C result-format tests: true when `actual`, written by our
/// writer for `format`, says the same as `expected_text` in that format.
/// Both texts are read back and compared with results_equal (ordered when
/// `actual.ordered`), which also checks that our output can be read. For
/// CSV that compares the guessed terms of both sides, so row order (when
/// unordered), line ends and blank node labels may differ but nothing else.
/// Terms compare exactly in every format: `1.0e6` is not `1.0E6`.
bool result_text_matches(const QueryResult& actual, results::ResultFormat format,
                         std::string_view expected_text, std::string* diff = nullptr);

}  // namespace quiver::testing
