// SPARQL Query Results XML Format (Second Edition, W3C Recommendation 2013),
// with SPARQL 1.2's <triple> and its:dir. The ITS namespace is declared on
// the literal that uses it, so that RDF 1.1 results stay byte for byte
// what they were.

#include <string>
#include <string_view>

#include "results/writers_internal.hpp"
#include "terms/triple_term.hpp"
#include "terms/utf8.hpp"

namespace quiver::results::detail {
namespace {

// True for the code point starting at s[i] when it is U+FFFE or U+FFFF,
// which XML 1.0 forbids like the C0 controls.
bool is_xml_nonchar(std::string_view s, std::size_t i) {
  const char32_t cp = decode_utf8(s, i).code_point;
  return cp == 0xFFFE || cp == 0xFFFF;
}

// Escapes for text content (`in_attribute` false) or a double-quoted
// attribute. CR is always written as a reference because XML parsers
// normalize a raw CR to LF; in attributes TAB and LF too, because attribute
// value normalization turns them into spaces. False when `s` holds a
// character XML 1.0 cannot carry at all.
bool append_xml_escaped(std::string& out, std::string_view s, bool in_attribute) {
  std::size_t run = 0;
  for (std::size_t i = 0; i < s.size(); ++i) {
    const auto c = static_cast<unsigned char>(s[i]);
    const char* escape = nullptr;
    switch (c) {
      case '&':
        escape = "&amp;";
        break;
      case '<':
        escape = "&lt;";
        break;
      case '>':
        escape = "&gt;";
        break;
      case '\r':
        escape = "&#13;";
        break;
      case '"':
        if (in_attribute) escape = "&quot;";
        break;
      case '\t':
        if (in_attribute) escape = "&#9;";
        break;
      case '\n':
        if (in_attribute) escape = "&#10;";
        break;
      default:
        if (c < 0x20 || (c == 0xEF && is_xml_nonchar(s, i))) return false;
    }
    if (escape == nullptr) continue;
    out.append(s.data() + run, i - run);
    out += escape;
    run = i + 1;
  }
  out.append(s.data() + run, s.size() - run);
  return true;
}

Status unrepresentable(std::string_view what) {
  Error e;
  e.message = "cannot write " + std::string(what) +
              " in XML: it holds a control character XML 1.0 does not allow";
  return e;
}

bool append_xml_term(std::string& out, const TermRef& term) {
  bool ok = true;
  switch (term.kind) {
    case TermKind::Iri:
      out += "<uri>";
      ok = append_xml_escaped(out, term.value, false);
      out += "</uri>";
      return ok;
    case TermKind::Blank:
      out += "<bnode>";
      ok = append_xml_escaped(out, term.value, false);
      out += "</bnode>";
      return ok;
    case TermKind::Triple:
      if (const std::optional<Triple> t = triple_term_parts(term.value)) {
        out += "<triple><subject>";
        ok = append_xml_term(out, t->subject.ref());
        out += "</subject><predicate>";
        ok = append_xml_term(out, t->predicate.ref()) && ok;
        out += "</predicate><object>";
        ok = append_xml_term(out, t->object.ref()) && ok;
        out += "</object></triple>";
        return ok;
      }
      break;  // only a damaged one: its text as a literal
    case TermKind::Literal:
    case TermKind::None:
      break;
  }
  out += "<literal";
  if (!term.language.empty()) {
    out += " xml:lang=\"";
    ok = append_xml_escaped(out, language_without_direction(term.language), true);
    out += '"';
    if (const std::string_view dir = base_direction(term.language); !dir.empty()) {
      out += " its:dir=\"";
      ok = append_xml_escaped(out, dir, true) && ok;
      out += "\" xmlns:its=\"http://www.w3.org/2005/11/its\"";
    }
  } else if (!term.datatype.empty() && term.datatype != vocab::kXsdString &&
             term.datatype != vocab::kRdfLangString) {
    out += " datatype=\"";
    ok = append_xml_escaped(out, term.datatype, true);
    out += '"';
  }
  out += '>';
  ok = append_xml_escaped(out, term.value, false) && ok;
  out += "</literal>";
  return ok;
}

}  // namespace

Status write_xml(ResultStream& result, io::Output& out) {
  std::string& buf = out.buffer();
  buf +=
      "<?xml version=\"1.0\"?>\n"
      "<sparql xmlns=\"http://www.w3.org/2005/sparql-results#\">\n"
      "  <head>\n";
  if (result.form() == QueryForm::Ask) {
    buf += "  </head>\n  <boolean>";
    buf += result.boolean() ? "true" : "false";
    buf += "</boolean>\n</sparql>\n";
    out.maybe_flush();
    return Status();
  }
  const std::vector<std::string>& variables = result.variables();
  for (const std::string& name : variables) {
    buf += "    <variable name=\"";
    if (!append_xml_escaped(buf, name, true)) return unrepresentable("a variable name");
    buf += "\"/>\n";
  }
  buf += "  </head>\n  <results>\n";
  SolutionView row;
  while (result.next(row)) {
    buf += "    <result>\n";
    for (std::size_t i = 0; i < row.size() && i < variables.size(); ++i) {
      if (row[i].is_none()) continue;
      buf += "      <binding name=\"";
      append_xml_escaped(buf, variables[i], true);
      buf += "\">";
      if (!append_xml_term(buf, row[i])) return unrepresentable(Term(row[i]).to_ntriples());
      buf += "</binding>\n";
    }
    buf += "    </result>\n";
    out.maybe_flush();
  }
  buf += "  </results>\n</sparql>\n";
  out.maybe_flush();
  return Status();
}

}  // namespace quiver::results::detail
