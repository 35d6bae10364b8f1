#include "results/term_syntax.hpp"

#include <cstddef>

#include "terms/term_reader.hpp"
#include "terms/utf8.hpp"
#include "util/ascii.hpp"

namespace quiver::results {
namespace {

using vocab::kXsdBoolean;

// Reads `\uXXXX` or `\UXXXXXXXX` at text[i] == 'u' / 'U'; advances i past it.
bool read_uchar(std::string_view text, std::size_t& i, std::string& out) {
  const std::size_t digits = text[i] == 'u' ? 4 : 8;
  char32_t cp = 0;
  for (std::size_t k = 1; k <= digits; ++k) {
    if (i + k >= text.size()) return false;
    const int digit = hex_digit_value(text[i + k]);
    if (digit < 0) return false;
    cp = (cp << 4) | static_cast<char32_t>(digit);
  }
  if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return false;
  append_utf8(out, cp);
  i += digits;
  return true;
}

Error syntax_error(std::string_view text, std::string_view why) {
  Error e;
  e.message = std::string(why) + " in term `" + std::string(text) + "`";
  return e;
}

// Parses a quoted string starting at text[0]; sets `end` past the closing quote.
Expected<std::string> parse_string(std::string_view text, std::size_t& end) {
  const char quote = text[0];
  const bool long_form = text.size() >= 6 && text[1] == quote && text[2] == quote;
  std::size_t i = long_form ? 3 : 1;
  std::string value;
  while (i < text.size()) {
    const char c = text[i];
    if (c == quote) {
      if (!long_form) {
        end = i + 1;
        return value;
      }
      if (i + 2 < text.size() && text[i + 1] == quote && text[i + 2] == quote) {
        end = i + 3;
        return value;
      }
    }
    if (!long_form && (c == '\n' || c == '\r')) break;
    if (c != '\\') {
      value += c;
      ++i;
      continue;
    }
    if (++i >= text.size()) break;
    switch (text[i]) {
      case 't':
        value += '\t';
        break;
      case 'b':
        value += '\b';
        break;
      case 'n':
        value += '\n';
        break;
      case 'r':
        value += '\r';
        break;
      case 'f':
        value += '\f';
        break;
      case '"':
        value += '"';
        break;
      case '\'':
        value += '\'';
        break;
      case '\\':
        value += '\\';
        break;
      case 'u':
      case 'U':
        if (!read_uchar(text, i, value)) return syntax_error(text, "bad \\u escape");
        break;
      default:
        return syntax_error(text, "bad escape");
    }
    ++i;
  }
  return syntax_error(text, "unterminated string");
}

Expected<std::string> parse_iri(std::string_view text) {
  std::string iri;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '\\' && i + 1 < text.size() && (text[i + 1] == 'u' || text[i + 1] == 'U')) {
      ++i;
      if (!read_uchar(text, i, iri)) return syntax_error(text, "bad \\u escape");
      continue;
    }
    if (static_cast<unsigned char>(c) <= 0x20 || c == '<' || c == '>' || c == '"' || c == '\\')
      return syntax_error(text, "bad character in IRI");
    iri += c;
  }
  return iri;
}

}  // namespace

Expected<Term> parse_turtle_term(std::string_view text) {
  if (text.empty()) return syntax_error(text, "empty term");
  const char first = text[0];
  if (first == '<') {
    if (text.back() != '>' || text.size() < 2) return syntax_error(text, "unterminated IRI");
    auto iri = parse_iri(text.substr(1, text.size() - 2));
    if (!iri) return iri.error();
    return Term::iri(*iri);
  }
  if (text.starts_with("_:")) {
    const std::string_view label = text.substr(2);
    if (label.empty()) return syntax_error(text, "empty blank node label");
    for (char c : label) {
      if (static_cast<unsigned char>(c) <= 0x20 || c == '<' || c == '>' || c == '"')
        return syntax_error(text, "bad character in blank node label");
    }
    return Term::blank(label);
  }
  if (first == '"' || first == '\'') {
    std::size_t end = 0;
    auto lexical = parse_string(text, end);
    if (!lexical) return lexical.error();
    const std::string_view rest = text.substr(end);
    if (rest.empty()) return Term::literal(*lexical);
    if (rest[0] == '@') {
      const std::string_view lang = rest.substr(1);
      if (lang.empty() || !is_alpha(lang[0])) return syntax_error(text, "bad language tag");
      for (char c : lang) {
        if (!is_alpha(c) && !is_digit(c) && c != '-') return syntax_error(text, "bad language tag");
      }
      return Term::literal(*lexical, {}, lang);
    }
    if (rest.starts_with("^^<") && rest.back() == '>') {
      auto datatype = parse_iri(rest.substr(3, rest.size() - 4));
      if (!datatype) return datatype.error();
      return Term::literal(*lexical, *datatype);
    }
    return syntax_error(text, "unexpected text after string");
  }
  if (text == "true" || text == "false") return Term::literal(text, kXsdBoolean);
  const std::string_view numeric = turtle_number_datatype(text);
  if (!numeric.empty()) return Term::literal(text, numeric);
  return syntax_error(text, "not an RDF term in Turtle syntax");
}

}  // namespace quiver::results
