#pragma once
/// @file
/// Writers for query results. SELECT and ASK results go out as SPARQL JSON,
/// XML, CSV, TSV or an aligned text table; CONSTRUCT and DESCRIBE results
/// are graphs and go through the RDF writers of io/writer.hpp.
///
/// All writers format straight into the Output's buffer, row by row (the
/// table, which must know its column widths, is the exception: it holds the
/// formatted cells until the end). Blank nodes keep their labels, so the same
/// blank node gets the same label everywhere in one result. None of the
/// writers commits the Output; the caller does once everything is written.
///
/// Formats that the specifications leave open:
/// - ASK in CSV and TSV: a single line `true` or `false` (no header), as
///   RDF4J and most endpoints do.
/// - ASK in the table: `Ask => Yes` / `Ask => No`, as Jena's `arq` prints.
/// - CSV: an empty string literal is written `""` so that it can be told
///   apart from an unbound cell, which is an empty field.

#include <string>
#include <utility>
#include <vector>

#include "io/format.hpp"
#include "io/output.hpp"
#include "results/result_format.hpp"
#include "solutions/query_result.hpp"
#include "terms/term_writer.hpp"
#include "util/expected.hpp"

namespace quiver::results {

/// How to write results.
struct ResultWriteOptions {
  /// For the table (IRIs shown as `p:local`) and for write_graph.
  PrefixList prefixes;
};

/// Writes a SELECT or ASK result to `out` in `format`. Fails for a
/// CONSTRUCT/DESCRIBE result (use write_graph) or when a string cannot be
/// written in XML 1.0 (control characters other than tab, CR and LF).
Status write_results(const QueryResult& result, ResultFormat format, io::Output& out,
                     const ResultWriteOptions& options = {});

/// Writes the triples of a CONSTRUCT/DESCRIBE result as an RDF graph in
/// `format`, offering `prefixes` to the syntaxes that use them.
Status write_graph(const QueryResult& result, io::Format format, io::Output& out,
                   const PrefixList& prefixes = {});

/// Convenience for tests and small results: the result written to a string.
Expected<std::string> results_to_string(const QueryResult& result, ResultFormat format,
                                        const ResultWriteOptions& options = {});

}  // namespace quiver::results
