// SPARQL 1.1 Query Results JSON Format (W3C Recommendation, 2013), with
// SPARQL 1.2's additions: triple terms ("type": "triple", the value an
// object of subject, predicate and object) and base directions ("its:dir").

#include <string>
#include <string_view>

#include "results/writers_internal.hpp"
#include "terms/term_writer.hpp"
#include "terms/triple_term.hpp"

namespace quiver::results::detail {
namespace {

void append_json_term(std::string& out, const TermRef& term) {
  if (term.kind == TermKind::Triple) {
    const std::optional<Triple> t = triple_term_parts(term.value);
    if (t) {
      out += "{\"type\": \"triple\", \"value\": {\"subject\": ";
      append_json_term(out, t->subject.ref());
      out += ", \"predicate\": ";
      append_json_term(out, t->predicate.ref());
      out += ", \"object\": ";
      append_json_term(out, t->object.ref());
      out += "}}";
      return;
    }
  }
  switch (term.kind) {
    case TermKind::Iri:
      out += "{\"type\": \"uri\", \"value\": ";
      break;
    case TermKind::Blank:
      out += "{\"type\": \"bnode\", \"value\": ";
      break;
    case TermKind::Literal:
    case TermKind::None:
    case TermKind::Triple:  // only a damaged one: its text as a literal
      out += "{\"type\": \"literal\", \"value\": ";
      break;
  }
  append_quoted_string(out, term.value, StringEscapes::Json);
  if (term.kind == TermKind::Literal) {
    if (!term.language.empty()) {
      out += ", \"xml:lang\": ";
      append_quoted_string(out, language_without_direction(term.language), StringEscapes::Json);
      if (const std::string_view dir = base_direction(term.language); !dir.empty()) {
        out += ", \"its:dir\": ";
        append_quoted_string(out, dir, StringEscapes::Json);
      }
    } else if (!term.datatype.empty() && term.datatype != vocab::kXsdString &&
               term.datatype != vocab::kRdfLangString) {
      out += ", \"datatype\": ";
      append_quoted_string(out, term.datatype, StringEscapes::Json);
    }
  }
  out += '}';
}

}  // namespace

Status write_json(ResultStream& result, io::Output& out) {
  std::string& buf = out.buffer();
  if (result.form() == QueryForm::Ask) {
    buf += "{\n  \"head\": {},\n  \"boolean\": ";
    buf += result.boolean() ? "true" : "false";
    buf += "\n}\n";
    out.maybe_flush();
    return Status();
  }
  buf += "{\n  \"head\": {\"vars\": [";
  const std::vector<std::string>& variables = result.variables();
  for (std::size_t i = 0; i < variables.size(); ++i) {
    if (i > 0) buf += ", ";
    append_quoted_string(buf, variables[i], StringEscapes::Json);
  }
  buf += "]},\n  \"results\": {\"bindings\": [";
  bool first_row = true;
  SolutionView row;
  while (result.next(row)) {
    buf += first_row ? "\n    {" : ",\n    {";
    first_row = false;
    bool first_cell = true;
    for (std::size_t i = 0; i < row.size() && i < variables.size(); ++i) {
      if (row[i].is_none()) continue;
      if (!first_cell) buf += ", ";
      first_cell = false;
      append_quoted_string(buf, variables[i], StringEscapes::Json);
      buf += ": ";
      append_json_term(buf, row[i]);
    }
    buf += '}';
    out.maybe_flush();
  }
  buf += first_row ? "]}\n}\n" : "\n  ]}\n}\n";
  out.maybe_flush();
  return Status();
}

}  // namespace quiver::results::detail
