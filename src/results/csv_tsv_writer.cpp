// SPARQL 1.1 Query Results CSV and TSV Formats (W3C Recommendation 2013).
// CSV keeps only strings (RFC 4180, CRLF line ends); TSV keeps whole terms
// in Turtle syntax, one row per LF-terminated line.

#include <string>
#include <string_view>

#include "results/writers_internal.hpp"
#include "terms/term_writer.hpp"

namespace quiver::results::detail {
namespace {

void append_csv_field(std::string& out, std::string_view field) {
  if (field.find_first_of(",\"\r\n") == std::string_view::npos) {
    out += field;
    return;
  }
  out += '"';
  for (char c : field) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
}

void append_csv_term(std::string& out, const TermRef& term) {
  switch (term.kind) {
    case TermKind::None:
      return;
    case TermKind::Iri:
      append_csv_field(out, term.value);
      return;
    case TermKind::Blank:
      out += "_:";
      append_csv_field(out, term.value);
      return;
    case TermKind::Literal:
      // `""` keeps the empty string apart from an unbound cell.
      if (term.value.empty()) {
        out += "\"\"";
      } else {
        append_csv_field(out, term.value);
      }
      return;
    case TermKind::Triple: {
      // SPARQL 1.2: the triple term in its N-Triples form.
      std::string text;
      append_ntriples(text, term);
      append_csv_field(out, text);
      return;
    }
  }
}

}  // namespace

Status write_csv(ResultStream& result, io::Output& out) {
  std::string& buf = out.buffer();
  if (result.form() == QueryForm::Ask) {
    buf += result.boolean() ? "true\r\n" : "false\r\n";
    out.maybe_flush();
    return Status();
  }
  const std::vector<std::string>& variables = result.variables();
  for (std::size_t i = 0; i < variables.size(); ++i) {
    if (i > 0) buf += ',';
    append_csv_field(buf, variables[i]);
  }
  buf += "\r\n";
  SolutionView row;
  while (result.next(row)) {
    for (std::size_t i = 0; i < variables.size(); ++i) {
      if (i > 0) buf += ',';
      if (i < row.size()) append_csv_term(buf, row[i]);
    }
    buf += "\r\n";
    out.maybe_flush();
  }
  out.maybe_flush();
  return Status();
}

Status write_tsv(ResultStream& result, io::Output& out) {
  std::string& buf = out.buffer();
  if (result.form() == QueryForm::Ask) {
    buf += result.boolean() ? "true\n" : "false\n";
    out.maybe_flush();
    return Status();
  }
  const std::vector<std::string>& variables = result.variables();
  for (std::size_t i = 0; i < variables.size(); ++i) {
    if (i > 0) buf += '\t';
    buf += '?';
    buf += variables[i];
  }
  buf += '\n';
  SolutionView row;
  while (result.next(row)) {
    for (std::size_t i = 0; i < variables.size(); ++i) {
      if (i > 0) buf += '\t';
      if (i < row.size() && !row[i].is_none()) append_turtle_term(buf, row[i]);
    }
    buf += '\n';
    out.maybe_flush();
  }
  out.maybe_flush();
  return Status();
}

}  // namespace quiver::results::detail
