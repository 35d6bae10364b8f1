#include "results/result_format.hpp"

#include <string>

#include "util/ascii.hpp"

namespace quiver::results {
namespace {}  // namespace

std::optional<ResultFormat> result_format_from_name(std::string_view name) {
  const std::string n = ascii_lower(name);
  if (n == "json" || n == "srj") return ResultFormat::Json;
  if (n == "xml" || n == "srx") return ResultFormat::Xml;
  if (n == "csv") return ResultFormat::Csv;
  if (n == "tsv") return ResultFormat::Tsv;
  if (n == "table" || n == "text" || n == "txt") return ResultFormat::Table;
  return std::nullopt;
}

std::optional<ResultFormat> result_format_from_path(std::string_view path) {
  const auto dot = path.rfind('.');
  const auto slash = path.rfind('/');
  if (dot == std::string_view::npos || (slash != std::string_view::npos && dot < slash))
    return std::nullopt;
  const auto format = result_format_from_name(path.substr(dot + 1));
  // A `.txt` file is not a result format we can read back.
  if (format == ResultFormat::Table) return std::nullopt;
  return format;
}

std::string_view result_format_name(ResultFormat format) {
  switch (format) {
    case ResultFormat::Json:
      return "json";
    case ResultFormat::Xml:
      return "xml";
    case ResultFormat::Csv:
      return "csv";
    case ResultFormat::Tsv:
      return "tsv";
    case ResultFormat::Table:
      return "table";
  }
  return "table";
}

std::string_view result_media_type(ResultFormat format) {
  switch (format) {
    case ResultFormat::Json:
      return "application/sparql-results+json";
    case ResultFormat::Xml:
      return "application/sparql-results+xml";
    case ResultFormat::Csv:
      return "text/csv";
    case ResultFormat::Tsv:
      return "text/tab-separated-values";
    case ResultFormat::Table:
      return "text/plain";
  }
  return "text/plain";
}

}  // namespace quiver::results
