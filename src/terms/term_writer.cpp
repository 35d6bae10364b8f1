#include "terms/term_writer.hpp"

#include <algorithm>
#include <functional>

#include "terms/term_reader.hpp"
#include "terms/triple_term.hpp"
#include "terms/utf8.hpp"
#include "util/ascii.hpp"

namespace quiver {
namespace {

void append_hex_escape(std::string& out, unsigned char c, bool lower_hex) {
  out += "\\u00";
  out += hex_digit(c >> 4, lower_hex);
  out += hex_digit(c, lower_hex);
}

bool is_name_char(char c) { return is_alnum(c) || c == '_' || c == '-' || c == '.'; }

}  // namespace

void append_quoted_string(std::string& out, std::string_view text, StringEscapes escapes) {
  const bool json = escapes == StringEscapes::Json;
  out += '"';
  std::size_t run = 0;  // start of the pending run of characters needing no escape
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c >= 0x20 && c != '"' && c != '\\' && (c != 0x7F || json)) {
      // Canonical N-Triples escapes the noncharacters U+FFFE and U+FFFF.
      if (c != 0xEF || json || i + 2 >= text.size() || text[i + 1] != '\xBF' ||
          (text[i + 2] != '\xBE' && text[i + 2] != '\xBF')) {
        continue;
      }
      out.append(text.data() + run, i - run);
      out += text[i + 2] == '\xBE' ? "\\uFFFE" : "\\uFFFF";
      i += 2;
      run = i + 1;
      continue;
    }
    out.append(text.data() + run, i - run);
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
        append_hex_escape(out, c, json);
    }
  }
  out.append(text.data() + run, text.size() - run);
  out += '"';
}

void append_long_quoted_string(std::string& out, std::string_view text) {
  out += "\"\"\"";
  for (const char ch : text) {
    const auto c = static_cast<unsigned char>(ch);
    if (c == '\\') {
      out += "\\\\";
    } else if (c == '"') {
      out += "\\\"";
    } else if (c == '\r') {
      out += "\\r";
    } else if ((c < 0x20 && c != '\n' && c != '\t') || c == 0x7F) {
      append_hex_escape(out, c, false);
    } else {
      out += ch;
    }
  }
  out += "\"\"\"";
}

void append_ntriples(std::string& out, const TermRef& term) {
  switch (term.kind) {
    case TermKind::None:
      break;
    case TermKind::Iri:
      append_iriref(out, term.value);
      break;
    case TermKind::Blank:
      append_blank_label(out, term.value);
      break;
    case TermKind::Literal:
      append_quoted_string(out, term.value);
      if (!term.language.empty()) {
        // Canonical N-Triples writes tags in lower case, their value
        // space in RDF 1.2.
        const std::size_t at = out.size();
        append_language_tag(out, term.language);
        for (std::size_t i = at; i < out.size(); ++i) out[i] = to_lower(out[i]);
      } else if (!term.datatype.empty() && term.datatype != vocab::kXsdString) {
        out += "^^";
        append_iriref(out, term.datatype);
      }
      break;
    case TermKind::Triple:
      out += "<<( ";
      out += term.value;
      out += " )>>";
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

// A label that is not a BLANK_NODE_LABEL (one from a remote result, say)
// is written as `_:h` and its bytes in hex: the same node each time, and no
// way for the label to end the term early.
void append_blank_label(std::string& out, std::string_view label) {
  out += "_:";
  if (is_blank_node_label(label)) {
    out += label;
    return;
  }
  out += 'h';
  for (const char c : label) {
    out += hex_digit(static_cast<unsigned char>(c) >> 4, true);
    out += hex_digit(static_cast<unsigned char>(c), true);
  }
}

// Readers reject malformed tags; one from elsewhere keeps only the
// characters a tag may hold, so it can never end the term early.
void append_language_tag(std::string& out, std::string_view tag) {
  out += '@';
  if (is_language_field(tag)) {
    out += tag;
    return;
  }
  for (const char c : tag) {
    if (is_alnum(c) || c == '-') out += c;
  }
}

void append_iriref(std::string& out, std::string_view iri) {
  out += '<';
  // Nearly every IRI needs no escape: one table scan, one append.
  if (is_plain_iriref(iri)) {
    out += iri;
    out += '>';
    return;
  }
  std::size_t run = 0;  // start of the pending run of plain characters
  for (std::size_t i = 0; i < iri.size(); ++i) {
    const auto c = static_cast<unsigned char>(iri[i]);
    if (is_iriref_char(c)) continue;
    out.append(iri.data() + run, i - run);
    append_hex_escape(out, c, false);
    run = i + 1;
  }
  out.append(iri.data() + run, iri.size() - run);
  out += '>';
}

bool is_pn_prefix(std::string_view name) {
  if (name.empty()) return true;
  if (!is_alpha(name.front()) || name.back() == '.') return false;
  return std::all_of(name.begin(), name.end(), is_name_char);
}

bool is_pn_local(std::string_view local) {
  if (local.empty()) return true;
  if (local.front() == '-' || local.front() == '.' || local.back() == '.') return false;
  return std::all_of(local.begin(), local.end(), is_name_char);
}

bool has_turtle_short_form(std::string_view lexical, std::string_view datatype) {
  if (datatype == vocab::kXsdBoolean) return lexical == "true" || lexical == "false";
  const std::string_view bare = turtle_number_datatype(lexical);
  return !bare.empty() && bare == datatype;
}

PrefixMap::PrefixMap(PrefixList prefixes) : prefixes_(std::move(prefixes)) {
  for (std::size_t k = 0; k < prefixes_.size(); ++k) {
    const std::string& iri = prefixes_[k].second;
    if (iri.empty()) continue;
    if (by_namespace_.emplace(iri, static_cast<int>(k)).second) lengths_.push_back(iri.size());
  }
  std::sort(lengths_.begin(), lengths_.end(), std::greater<>());
  lengths_.erase(std::unique(lengths_.begin(), lengths_.end()), lengths_.end());
}

int PrefixMap::find(std::string_view iri) const {
  for (const std::size_t length : lengths_) {
    if (length > iri.size() || !is_pn_local(iri.substr(length))) continue;
    const auto it = by_namespace_.find(iri.substr(0, length));
    if (it != by_namespace_.end()) return it->second;
  }
  return -1;
}

void append_turtle_iri(std::string& out, std::string_view iri,
                       const PrefixList::value_type* prefix) {
  if (prefix == nullptr) {
    append_iriref(out, iri);
    return;
  }
  out += prefix->first;
  out += ':';
  out += iri.substr(prefix->second.size());
}

void append_turtle_literal(std::string& out, const TermRef& literal,
                           const PrefixList::value_type* datatype_prefix, TurtleStrings strings) {
  if (literal.language.empty() && has_turtle_short_form(literal.value, literal.datatype)) {
    out += literal.value;
    return;
  }
  if (strings == TurtleStrings::LongWhenMultiline &&
      literal.value.find('\n') != std::string_view::npos) {
    append_long_quoted_string(out, literal.value);
  } else {
    append_quoted_string(out, literal.value);
  }
  if (!literal.language.empty()) {
    append_language_tag(out, literal.language);
  } else if (!literal.datatype.empty() && literal.datatype != vocab::kXsdString) {
    out += "^^";
    append_turtle_iri(out, literal.datatype, datatype_prefix);
  }
}

void append_turtle_term(std::string& out, const TermRef& term, const PrefixMap* prefixes) {
  auto prefix_of = [&](std::string_view iri) -> const PrefixList::value_type* {
    if (prefixes == nullptr) return nullptr;
    const int k = prefixes->find(iri);
    return k < 0 ? nullptr : &prefixes->prefixes()[static_cast<std::size_t>(k)];
  };
  switch (term.kind) {
    case TermKind::None:
      return;
    case TermKind::Iri:
      append_turtle_iri(out, term.value, prefix_of(term.value));
      return;
    case TermKind::Blank:
      append_blank_label(out, term.value);
      return;
    case TermKind::Literal:
      append_turtle_literal(out, term, prefix_of(term.datatype));
      return;
    case TermKind::Triple:
      if (const std::optional<Triple> t = triple_term_parts(term.value)) {
        out += "<<( ";
        append_turtle_term(out, t->subject.ref(), prefixes);
        out += ' ';
        append_turtle_term(out, t->predicate.ref(), prefixes);
        out += ' ';
        append_turtle_term(out, t->object.ref(), prefixes);
        out += " )>>";
      } else {
        append_ntriples(out, term);
      }
      return;
  }
}

}  // namespace quiver
