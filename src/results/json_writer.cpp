// SPARQL 1.1 Query Results JSON Format (W3C Recommendation, 2013).

#include <string>
#include <string_view>

#include "results/writers_internal.hpp"
#include "util/ascii.hpp"

namespace quiver::results::detail {
namespace {

// A JSON string: `"`, `\` and control characters escaped, everything else
// (UTF-8 included) copied as is, in runs.
void append_json_string(std::string& out, std::string_view s) {
  out += '"';
  std::size_t run = 0;
  for (std::size_t i = 0; i < s.size(); ++i) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c >= 0x20 && c != '"' && c != '\\') continue;
    out.append(s.data() + run, i - run);
    run = i + 1;
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\t':
        out += "\\t";
        break;
      case '\b':
        out += "\\b";
        break;
      case '\f':
        out += "\\f";
        break;
      default:
        out += "\\u00";
        out += hex_digit(c >> 4, true);
        out += hex_digit(c, true);
    }
  }
  out.append(s.data() + run, s.size() - run);
  out += '"';
}

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
  append_json_string(out, term.value());
  if (term.is_literal()) {
    if (!term.language().empty()) {
      out += ", \"xml:lang\": ";
      append_json_string(out, term.language());
    } else if (!term.datatype().empty() && term.datatype() != vocab::kXsdString &&
               term.datatype() != vocab::kRdfLangString) {
      out += ", \"datatype\": ";
      append_json_string(out, term.datatype());
    }
  }
  out += '}';
}

}  // namespace

Status write_json(const sparql::QueryResult& result, io::Output& out) {
  std::string& buf = out.buffer();
  if (result.form == sparql::QueryForm::Ask) {
    buf += "{\n  \"head\": {},\n  \"boolean\": ";
    buf += result.boolean ? "true" : "false";
    buf += "\n}\n";
    out.maybe_flush();
    return Status();
  }
  buf += "{\n  \"head\": {\"vars\": [";
  for (std::size_t i = 0; i < result.variables.size(); ++i) {
    if (i > 0) buf += ", ";
    append_json_string(buf, result.variables[i]);
  }
  buf += "]},\n  \"results\": {\"bindings\": [";
  bool first_row = true;
  for (const sparql::Solution& row : result.solutions) {
    buf += first_row ? "\n    {" : ",\n    {";
    first_row = false;
    bool first_cell = true;
    for (std::size_t i = 0; i < row.size() && i < result.variables.size(); ++i) {
      if (!row[i] || row[i]->is_none()) continue;
      if (!first_cell) buf += ", ";
      first_cell = false;
      append_json_string(buf, result.variables[i]);
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
