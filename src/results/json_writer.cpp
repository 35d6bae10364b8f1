// SPARQL 1.1 Query Results JSON Format (W3C Recommendation, 2013).

#include <string>
#include <string_view>

#include "results/writers_internal.hpp"
#include "terms/term_writer.hpp"

namespace quiver::results::detail {
namespace {

void append_json_term(std::string& out, const Term& term) {
  switch (term.kind()) {
    case TermKind::Iri:
      out += "{\"type\": \"uri\", \"value\": ";
      break;
    case TermKind::Blank:
      out += "{\"type\": \"bnode\", \"value\": ";
      break;
    case TermKind::Literal:
    case TermKind::None:
      out += "{\"type\": \"literal\", \"value\": ";
      break;
  }
  append_quoted_string(out, term.value(), StringEscapes::Json);
  if (term.is_literal()) {
    if (!term.language().empty()) {
      out += ", \"xml:lang\": ";
      append_quoted_string(out, term.language(), StringEscapes::Json);
    } else if (!term.datatype().empty() && term.datatype() != vocab::kXsdString &&
               term.datatype() != vocab::kRdfLangString) {
      out += ", \"datatype\": ";
      append_quoted_string(out, term.datatype(), StringEscapes::Json);
    }
  }
  out += '}';
}

}  // namespace

Status write_json(const QueryResult& result, io::Output& out) {
  std::string& buf = out.buffer();
  if (result.form == QueryForm::Ask) {
    buf += "{\n  \"head\": {},\n  \"boolean\": ";
    buf += result.boolean ? "true" : "false";
    buf += "\n}\n";
    out.maybe_flush();
    return Status();
  }
  buf += "{\n  \"head\": {\"vars\": [";
  for (std::size_t i = 0; i < result.variables.size(); ++i) {
    if (i > 0) buf += ", ";
    append_quoted_string(buf, result.variables[i], StringEscapes::Json);
  }
  buf += "]},\n  \"results\": {\"bindings\": [";
  bool first_row = true;
  for (const Solution& row : result.solutions) {
    buf += first_row ? "\n    {" : ",\n    {";
    first_row = false;
    bool first_cell = true;
    for (std::size_t i = 0; i < row.size() && i < result.variables.size(); ++i) {
      if (!row[i] || row[i]->is_none()) continue;
      if (!first_cell) buf += ", ";
      first_cell = false;
      append_quoted_string(buf, result.variables[i], StringEscapes::Json);
      buf += ": ";
      append_json_term(buf, *row[i]);
    }
    buf += '}';
    out.maybe_flush();
  }
  buf += first_row ? "]}\n}\n" : "\n  ]}\n}\n";
  out.maybe_flush();
  return Status();
}

}  // namespace quiver::results::detail
