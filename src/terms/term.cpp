#include "terms/term.hpp"

#include "util/ascii.hpp"

namespace quiver {

Term Term::literal(std::string_view lexical, std::string_view datatype, std::string_view language) {
  if (datatype.empty()) datatype = language.empty() ? vocab::kXsdString : vocab::kRdfLangString;
  return Term(TermRef{TermKind::Literal, lexical, datatype, language});
}

std::string Term::to_ntriples() const {
  std::string out;
  append_ntriples(out, ref());
  return out;
}

std::strong_ordering Term::operator<=>(const Term& other) const {
  if (auto c = kind_ <=> other.kind_; c != 0) return c;
  if (auto c = value_.compare(other.value_); c != 0) return c <=> 0;
  if (auto c = datatype_.compare(other.datatype_); c != 0) return c <=> 0;
  return language_.compare(other.language_) <=> 0;
}

void append_quoted_string(std::string& out, std::string_view lexical) {
  out += '"';
  std::size_t run = 0;  // start of the pending run of characters needing no escape
  for (std::size_t i = 0; i < lexical.size(); ++i) {
    const auto c = static_cast<unsigned char>(lexical[i]);
    if (c >= 0x20 && c != '"' && c != '\\' && c != 0x7F) continue;
    out.append(lexical.data() + run, i - run);
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
        out += hex_digit(c >> 4);
        out += hex_digit(c);
    }
  }
  out.append(lexical.data() + run, lexical.size() - run);
  out += '"';
}

void append_ntriples(std::string& out, const TermRef& term) {
  switch (term.kind) {
    case TermKind::None:
      break;
    case TermKind::Iri:
      out += '<';
      out += term.value;
      out += '>';
      break;
    case TermKind::Blank:
      out += "_:";
      out += term.value;
      break;
    case TermKind::Literal:
      append_quoted_string(out, term.value);
      if (!term.language.empty()) {
        out += '@';
        out += term.language;
      } else if (!term.datatype.empty() && term.datatype != vocab::kXsdString) {
        out += "^^<";
        out += term.datatype;
        out += '>';
      }
      break;
  }
}

void append_nquads_line(std::string& out, const QuadRef& quad) {
  append_ntriples(out, quad.subject);
  out += ' ';
  append_ntriples(out, quad.predicate);
  out += ' ';
  append_ntriples(out, quad.object);
  if (!quad.graph.is_none()) {
    out += ' ';
    append_ntriples(out, quad.graph);
  }
  out += " .\n";
}

std::size_t hash_value(const TermRef& term) {
  std::hash<std::string_view> h;
  std::size_t seed = static_cast<std::size_t>(term.kind) * 0x9E3779B97F4A7C15ULL;
  auto mix = [&](std::string_view s) {
    seed ^= h(s) + 0x9E3779B97F4A7C15ULL + (seed << 6) + (seed >> 2);
  };
  mix(term.value);
  if (term.kind == TermKind::Literal) {
    mix(term.datatype);
    mix(term.language);
  }
  return seed;
}

}  // namespace quiver
