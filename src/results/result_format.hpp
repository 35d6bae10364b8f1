#pragma once
/// @file
/// The SPARQL query result formats Quiver writes and reads, and how they
/// are named on the command line and in HTTP content negotiation.

#include <optional>
#include <string_view>

namespace quiver::results {

/// A serialization of SELECT / ASK results.
enum class ResultFormat {
  Json,   ///< SPARQL 1.1 Query Results JSON (application/sparql-results+json)
  Xml,    ///< SPARQL Query Results XML (application/sparql-results+xml)
  Csv,    ///< SPARQL 1.1 CSV: plain strings, types lost (text/csv)
  Tsv,    ///< SPARQL 1.1 TSV: terms in Turtle syntax (text/tab-separated-values)
  Table,  ///< an aligned text table for terminals (write only)
};

/// Parses `json`/`srj`, `xml`/`srx`, `csv`, `tsv`, `table`/`text`
/// (case-insensitive).
std::optional<ResultFormat> result_format_from_name(std::string_view name);
/// Guesses the format from a path's extension (.srj .json .srx .xml .csv .tsv).
std::optional<ResultFormat> result_format_from_path(std::string_view path);
/// The canonical name (`json`, `xml`, `csv`, `tsv`, `table`).
std::string_view result_format_name(ResultFormat format);
/// The media type, e.g. `application/sparql-results+json`; `text/plain`
/// for the table.
std::string_view result_media_type(ResultFormat format);

}  // namespace quiver::results
