#include "results/term_syntax.hpp"

#include <cstddef>

#include "terms/utf8.hpp"
#include "util/ascii.hpp"

namespace quiver::results {
namespace {

using vocab::kXsdBoolean;
using vocab::kXsdDecimal;
using vocab::kXsdDouble;
using vocab::kXsdInteger;

// Digits from `i`; returns how many.
std::size_t skip_digits(std::string_view s, std::size_t& i) {
  const std::size_t start = i;
  while (i < s.size() && is_digit(s[i])) ++i;
  return i - start;
}

// The datatype of a bare Turtle number (INTEGER, DECIMAL, DOUBLE), or empty.
std::string_view numeric_datatype(std::string_view s) {
  std::size_t i = 0;
  if (i < s.size() && (s[i] == '+' || s[i] == '-')) ++i;
  const std::size_t int_digits = skip_digits(s, i);
  std::size_t frac_digits = 0;
  bool dot = false;
  if (i < s.size() && s[i] == '.') {
    dot = true;
    ++i;
    frac_digits = skip_digits(s, i);
  }
  if (i == s.size()) {
    if (!dot) return int_digits > 0 ? kXsdInteger : std::string_view();
    return frac_digits > 0 ? kXsdDecimal : std::string_view();
  }
  if (s[i] != 'e' && s[i] != 'E') return {};
  if (int_digits == 0 && frac_digits == 0) return {};
  ++i;
  if (i < s.size() && (s[i] == '+' || s[i] == '-')) ++i;
  if (skip_digits(s, i) == 0 || i != s.size()) return {};
  return kXsdDouble;
}

// A local name we can write after `prefix:` without any escaping: a
// conservative ASCII subset of Turtle's PN_LOCAL.
bool is_safe_local_name(std::string_view local) {
  if (local.empty()) return true;
  if (local.back() == '.' || local.front() == '-' || local.front() == '.') return false;
  for (char c : local) {
    if (!is_alpha(c) && !is_digit(c) && c != '_' && c != '-' && c != '.') return false;
  }
  return true;
}

void append_iri(std::string& out, std::string_view iri, const PrefixList* prefixes) {
  if (prefixes != nullptr) {
    const std::pair<std::string, std::string>* best = nullptr;
    for (const auto& entry : *prefixes) {
      if (entry.second.empty() || !iri.starts_with(entry.second)) continue;
      if (!is_safe_local_name(iri.substr(entry.second.size()))) continue;
      if (best == nullptr || entry.second.size() > best->second.size()) best = &entry;
    }
    if (best != nullptr) {
      out += best->first;
      out += ':';
      out += iri.substr(best->second.size());
      return;
    }
  }
  // Characters IRIREF forbids are written as \u escapes so that any IRI,
  // valid or not, reads back the same.
  out += '<';
  std::size_t run = 0;
  for (std::size_t i = 0; i < iri.size(); ++i) {
    const auto c = static_cast<unsigned char>(iri[i]);
    if (c > 0x20 &&
        std::string_view("<>\"{}|^`\\").find(static_cast<char>(c)) == std::string_view::npos)
      continue;
    out.append(iri.data() + run, i - run);
    run = i + 1;
    out += "\\u00";
    out += hex_digit(c >> 4);
    out += hex_digit(c);
  }
  out.append(iri.data() + run, iri.size() - run);
  out += '>';
}

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

bool has_turtle_short_form(std::string_view lexical, std::string_view datatype) {
  if (datatype == kXsdBoolean) return lexical == "true" || lexical == "false";
  const std::string_view bare = numeric_datatype(lexical);
  return !bare.empty() && bare == datatype;
}

void append_turtle_term(std::string& out, const TermRef& term, const PrefixList* prefixes) {
  switch (term.kind) {
    case TermKind::None:
      return;
    case TermKind::Iri:
      append_iri(out, term.value, prefixes);
      return;
    case TermKind::Blank:
      out += "_:";
      out += term.value;
      return;
    case TermKind::Literal:
      break;
  }
  if (term.language.empty() && has_turtle_short_form(term.value, term.datatype)) {
    out += term.value;
    return;
  }
  append_quoted_string(out, term.value);
  if (!term.language.empty()) {
    out += '@';
    out += term.language;
  } else if (!term.datatype.empty() && term.datatype != vocab::kXsdString) {
    out += "^^";
    append_iri(out, term.datatype, prefixes);
  }
}

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
  const std::string_view numeric = numeric_datatype(text);
  if (!numeric.empty()) return Term::literal(text, numeric);
  return syntax_error(text, "not an RDF term in Turtle syntax");
}

}  // namespace quiver::results
