#include "terms/term_reader.hpp"

#include <algorithm>
#include <array>
#include <cstring>

#include "terms/triple_term.hpp"
#include "terms/utf8.hpp"
#include "util/ascii.hpp"

namespace quiver {
namespace {

using Scan = TokenScan::Status;

TokenScan matched(std::size_t end) { return {Scan::Matched, end, {}}; }
TokenScan malformed(std::size_t at, std::string message) {
  return {Scan::Malformed, at, std::move(message)};
}

Error term_error(std::string_view text, std::string_view why) {
  Error e;
  e.message = std::string(why) + " in term `" + std::string(text) + "`";
  return e;
}

}  // namespace

namespace {

// The ASCII bytes an IRIREF may hold as they are, as a table: every IRI of
// every statement read goes through it.
// Bytes of UTF-8 sequences (0x80 and up) count as allowed.
constexpr std::array<bool, 256> kIrirefByte = [] {
  std::array<bool, 256> ok{};
  for (int c = 0x21; c < 0x100; ++c) ok[c] = true;
  for (const char c : std::string_view("<>\"{}|^`\\")) ok[static_cast<unsigned char>(c)] = false;
  return ok;
}();

}  // namespace

bool is_iriref_char(char32_t c) { return c >= 0x80 || kIrirefByte[c]; }

bool is_pn_chars_base(char32_t c) {
  return is_alpha(c) || (c >= 0xC0 && c <= 0xD6) || (c >= 0xD8 && c <= 0xF6) ||
         (c >= 0xF8 && c <= 0x2FF) || (c >= 0x370 && c <= 0x37D) || (c >= 0x37F && c <= 0x1FFF) ||
         (c >= 0x200C && c <= 0x200D) || (c >= 0x2070 && c <= 0x218F) ||
         (c >= 0x2C00 && c <= 0x2FEF) || (c >= 0x3001 && c <= 0xD7FF) ||
         (c >= 0xF900 && c <= 0xFDCF) || (c >= 0xFDF0 && c <= 0xFFFD) ||
         (c >= 0x10000 && c <= 0xEFFFF);
}

bool is_name_tail(char32_t c) {
  return is_pn_chars_u(c) || is_digit(c) || c == 0xB7 || (c >= 0x300 && c <= 0x36F) ||
         (c >= 0x203F && c <= 0x2040);
}

bool is_blank_node_label(std::string_view label) {
  if (label.empty() || label.back() == '.') return false;
  for (std::size_t pos = 0; pos < label.size();) {
    const Utf8Char ch = decode_utf8(label, pos);
    if (ch.length == 0) return false;
    const bool ok = pos == 0 ? is_pn_chars_u(ch.code_point) || is_digit(ch.code_point)
                             : is_pn_chars(ch.code_point) || ch.code_point == '.';
    if (!ok) return false;
    pos += ch.length;
  }
  return true;
}

bool is_varname(std::string_view name) {
  if (name.empty()) return false;
  for (std::size_t pos = 0; pos < name.size();) {
    const Utf8Char ch = decode_utf8(name, pos);
    if (ch.length == 0) return false;
    const bool ok = pos == 0 ? is_pn_chars_u(ch.code_point) || is_digit(ch.code_point)
                             : is_name_tail(ch.code_point);
    if (!ok) return false;
    pos += ch.length;
  }
  return true;
}

bool is_plain_iriref(std::string_view iri) {
  for (const char c : iri) {
    if (!kIrirefByte[static_cast<unsigned char>(c)]) return false;
  }
  return true;
}

TokenScan read_uchar(std::string_view text, std::size_t pos, char32_t& code_point) {
  if (pos + 1 >= text.size() || text[pos] != '\\' ||
      (text[pos + 1] != 'u' && text[pos + 1] != 'U')) {
    return {};
  }
  const std::size_t digits = text[pos + 1] == 'u' ? 4 : 8;
  char32_t cp = 0;
  for (std::size_t k = 0; k < digits; ++k) {
    const int digit = pos + 2 + k < text.size() ? hex_digit_value(text[pos + 2 + k]) : -1;
    if (digit < 0) {
      return malformed(pos, "bad \\u escape: expected " + std::to_string(digits) + " hex digits");
    }
    cp = cp * 16 + static_cast<char32_t>(digit);
  }
  if ((cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF) {
    return malformed(pos, "escape \\" + std::string(text.substr(pos + 1, digits + 1)) +
                              (cp > 0x10FFFF ? " is not a Unicode scalar value"
                                             : " is a surrogate, not a character"));
  }
  code_point = cp;
  return matched(pos + 2 + digits);
}

TokenScan read_quoted_string(std::string_view text, std::size_t pos, std::string& value) {
  auto at = [&](std::size_t i) { return i < text.size() ? text[i] : '\0'; };
  const char quote = text[pos];
  const bool is_long = at(pos + 1) == quote && at(pos + 2) == quote;
  std::size_t i = pos + (is_long ? 3 : 1);
  value.clear();
  for (;;) {
    if (i >= text.size()) return malformed(pos, "unterminated string");
    const char c = text[i];
    if (c == quote) {
      if (!is_long) return matched(i + 1);
      if (at(i + 1) == quote && at(i + 2) == quote) return matched(i + 3);
      value += c;
      ++i;
      continue;
    }
    if (!is_long && (c == '\n' || c == '\r')) return malformed(i, "line break in a short string");
    if (c != '\\') {
      value += c;
      ++i;
      continue;
    }
    const TokenScan escape = read_string_escape(text, i, value);
    if (escape.status != Scan::Matched) return escape;
    i = escape.end;
  }
}

TokenScan read_string_escape(std::string_view text, std::size_t pos, std::string& value) {
  char32_t cp;
  const TokenScan uchar = read_uchar(text, pos, cp);
  if (uchar.status == Scan::Malformed) return uchar;
  if (uchar.status == Scan::Matched) {
    append_utf8(value, cp);
    return uchar;
  }
  // [159] ECHAR
  static constexpr std::string_view kFrom = "tbnrf\"'\\", kTo = "\t\b\n\r\f\"'\\";
  const auto k = pos + 1 < text.size() ? kFrom.find(text[pos + 1]) : std::string_view::npos;
  if (k == std::string_view::npos) return malformed(pos, "bad escape in a string");
  value += kTo[k];
  return matched(pos + 2);
}

TokenScan read_iriref(std::string_view text, std::size_t pos, std::string& value,
                      IriEscapes escapes) {
  value.clear();
  std::size_t i = pos + 1;
  for (;;) {
    // Characters that stand for themselves, appended a run at a time:
    // triple terms read back from a store are mostly IRIs (a per-character
    // loop was half of a reifier scan's time, WatDiv 1M reified on disk).
    const std::size_t run = i;
    // '\\' and '>' are not among them: the loop stops there.
    while (i < text.size() && kIrirefByte[static_cast<unsigned char>(text[i])]) ++i;
    value.append(text, run, i - run);
    if (i >= text.size()) return {};
    if (text[i] == '>') return matched(i + 1);
    char32_t cp;
    const TokenScan uchar = read_uchar(text, i, cp);
    if (uchar.status != Scan::Matched) return uchar;  // malformed, or a character IRIREF excludes
    if (escapes == IriEscapes::Checked && !is_iriref_char(cp)) return {};
    append_utf8(value, cp);
    i = uchar.end;
  }
}

std::size_t scan_language_tag(std::string_view text) {
  std::size_t i = 0;
  while (i < text.size() && is_alpha(text[i])) ++i;
  if (i == 0) return 0;
  while (i + 1 < text.size() && text[i] == '-' && is_alnum(text[i + 1])) {
    i += 2;
    while (i < text.size() && is_alnum(text[i])) ++i;
  }
  return i;
}

bool is_language_tag(std::string_view tag) {
  if (tag.empty() || scan_language_tag(tag) != tag.size()) return false;
  std::size_t start = 0;
  for (;;) {
    const std::size_t end = std::min(tag.find('-', start), tag.size());
    if (end - start > 8) return false;
    if (end == tag.size()) return true;
    start = end + 1;
  }
}

bool is_language_field(std::string_view field) {
  const bool directed = field.find("--") != std::string_view::npos;
  const std::string_view direction = base_direction(field);
  if (directed && direction != "ltr" && direction != "rtl") return false;
  return is_language_tag(language_without_direction(field));
}

std::string language_field_problem(std::string_view field) {
  const bool directed = field.find("--") != std::string_view::npos;
  if (directed && is_language_tag(language_without_direction(field))) {
    return "unknown base direction in the language tag @" + std::string(field) +
           " (ltr or rtl, in lower case)";
  }
  return "malformed language tag @" + std::string(field);
}

bool is_known_rdf_version(std::string_view version) {
  return version == "1.1" || version == "1.2" || version == "1.2-basic";
}

NumberToken scan_number(std::string_view text) {
  auto at = [&](std::size_t i) { return i < text.size() ? text[i] : '\0'; };
  // The end of an exponent starting at `i`, or 0 when there is none.
  auto exponent_end = [&](std::size_t i) -> std::size_t {
    if (at(i) != 'e' && at(i) != 'E') return 0;
    ++i;
    if (at(i) == '+' || at(i) == '-') ++i;
    if (!is_digit(at(i))) return 0;
    while (is_digit(at(i))) ++i;
    return i;
  };
  std::size_t i = 0;
  if (at(i) == '+' || at(i) == '-') ++i;
  const std::size_t int_start = i;
  while (is_digit(at(i))) ++i;
  const bool has_int = i > int_start;
  NumberKind kind = NumberKind::Integer;
  if (at(i) == '.' && is_digit(at(i + 1))) {
    i += 2;
    while (is_digit(at(i))) ++i;
    kind = NumberKind::Decimal;
  } else if (!has_int) {
    return {};
  } else if (at(i) == '.' && exponent_end(i + 1) != 0) {
    ++i;  // `1.e5`: the dot belongs to the double
  }
  if (const std::size_t end = exponent_end(i); end != 0) {
    i = end;
    kind = NumberKind::Double;
  }
  return {kind, i};
}

std::string_view turtle_number_datatype(std::string_view lexical) {
  const NumberToken token = scan_number(lexical);
  if (token.length != lexical.size()) return {};
  switch (token.kind) {
    case NumberKind::Integer:
      return vocab::kXsdInteger;
    case NumberKind::Decimal:
      return vocab::kXsdDecimal;
    case NumberKind::Double:
      return vocab::kXsdDouble;
    case NumberKind::None:
      break;
  }
  return {};
}

namespace {

// The end of the term in the Turtle form of parse_turtle_term() that starts
// at `pos` (a triple term's parts are separated by single spaces), or npos.
std::size_t turtle_term_end(std::string_view text, std::size_t pos, int depth) {
  if (pos >= text.size()) return std::string_view::npos;
  if (text.substr(pos).starts_with("<<( ")) {
    if (depth >= kMaxTripleTermDepth) return std::string_view::npos;
    pos += 4;
    for (int part = 0; part < 3; ++part) {
      pos = turtle_term_end(text, pos, depth + 1);
      if (pos == std::string_view::npos || pos >= text.size() || text[pos] != ' ') {
        return std::string_view::npos;
      }
      ++pos;
    }
    return text.substr(pos).starts_with(")>>") ? pos + 3 : std::string_view::npos;
  }
  if (text[pos] == '"' || text[pos] == '\'') {
    std::string ignored;
    const TokenScan scan = read_quoted_string(text, pos, ignored);
    if (scan.status != Scan::Matched) return std::string_view::npos;
    pos = scan.end;
    if (text.substr(pos).starts_with("^^<")) {
      const std::size_t close = text.find('>', pos);
      return close == std::string_view::npos ? close : close + 1;
    }
    if (pos < text.size() && text[pos] == '@') {
      ++pos;
      while (pos < text.size() && (is_alnum(text[pos]) || text[pos] == '-')) ++pos;
    }
    return pos;
  }
  if (text[pos] == '<') {
    const std::size_t close = text.find('>', pos);
    return close == std::string_view::npos ? close : close + 1;
  }
  return std::min(text.find(' ', pos), text.size());
}

}  // namespace

Expected<Term> parse_turtle_term(std::string_view text) {
  if (text.empty()) return term_error(text, "empty term");
  if (text.starts_with("<<( ")) {  // a triple term, as append_turtle_term() writes it
    if (turtle_term_end(text, 0, 0) != text.size())
      return term_error(text, "malformed triple term");
    Term parts[3];
    std::size_t pos = 4;
    for (Term& part : parts) {
      const std::size_t end = turtle_term_end(text, pos, 1);
      auto term = parse_turtle_term(text.substr(pos, end - pos));
      if (!term) return term;
      part = std::move(*term);
      pos = end + 1;
    }
    if (!(parts[0].is_iri() || parts[0].is_blank()) || !parts[1].is_iri()) {
      return term_error(text,
                        "a triple term's subject must be an IRI or a blank node, its "
                        "predicate an IRI");
    }
    return Term::triple(parts[0].ref(), parts[1].ref(), parts[2].ref());
  }
  const char first = text[0];
  if (first == '<') {
    std::string iri;
    const TokenScan scan = read_iriref(text, 0, iri, IriEscapes::Any);
    if (scan.status == Scan::Malformed) return term_error(text, scan.message);
    if (scan.status == Scan::NoMatch || scan.end != text.size()) {
      return term_error(text, "malformed IRI");
    }
    return Term::iri(iri);
  }
  if (text.starts_with("_:")) {
    const std::string_view label = text.substr(2);
    if (label.empty()) return term_error(text, "empty blank node label");
    for (char c : label) {
      if (static_cast<unsigned char>(c) <= 0x20 || c == '<' || c == '>' || c == '"')
        return term_error(text, "bad character in blank node label");
    }
    return Term::blank(label);
  }
  if (first == '"' || first == '\'') {
    std::string lexical;
    const TokenScan scan = read_quoted_string(text, 0, lexical);
    if (scan.status != Scan::Matched) return term_error(text, scan.message);
    const std::string_view rest = text.substr(scan.end);
    if (rest.empty()) return Term::literal(lexical);
    if (rest[0] == '@') {
      if (!is_language_field(rest.substr(1))) return term_error(text, "bad language tag");
      return Term::literal(lexical, {}, rest.substr(1));
    }
    std::string datatype;
    if (rest.starts_with("^^<")) {
      const TokenScan dt = read_iriref(text, scan.end + 2, datatype, IriEscapes::Any);
      if (dt.status == Scan::Malformed) return term_error(text, dt.message);
      if (dt.status == Scan::Matched && dt.end == text.size()) {
        return Term::literal(lexical, datatype);
      }
    }
    return term_error(text, "unexpected text after string");
  }
  if (text == "true" || text == "false") return Term::literal(text, vocab::kXsdBoolean);
  const std::string_view numeric = turtle_number_datatype(text);
  if (!numeric.empty()) return Term::literal(text, numeric);
  return term_error(text, "not an RDF term in Turtle syntax");
}

}  // namespace quiver
