#include "io/ntriples_reader.hpp"

#include <array>
#include <cstdio>
#include <cstring>
#include <optional>

#include "terms/iri.hpp"
#include "terms/term_reader.hpp"
#include "terms/triple_term.hpp"
#include "terms/utf8.hpp"
#include "util/ascii.hpp"

namespace quiver::io {
namespace {

using Scan = TokenScan::Status;

// Bytes an IRIREF holds as they are. UTF-8 lead and continuation bytes
// pass: each line's encoding is checked before its terms are read.
constexpr std::array<bool, 256> kIriByte = [] {
  std::array<bool, 256> t{};
  for (std::size_t c = 0x21; c < 256; ++c) t[c] = true;
  for (const char c : std::string_view("<>\"{}|^`\\")) t[static_cast<unsigned char>(c)] = false;
  return t;
}();

// Bytes that end a short string's run of plain bytes: the closing quote,
// an escape, and a carriage return (a line end, which a string must not hold).
constexpr std::array<bool, 256> kStringStop = [] {
  std::array<bool, 256> t{};
  t['"'] = t['\\'] = t['\r'] = true;
  return t;
}();

bool is_space(char c) { return c == ' ' || c == '\t'; }

/// A syntax error at byte `at` of the line being read.
struct Fault {
  std::size_t at;
  std::string message;
};
using Outcome = std::optional<Fault>;

/// A character for a message: itself when printable ASCII, else U+XXXX.
std::string shown(char32_t c) {
  if (c > 0x20 && c < 0x7F) return std::string("'") + static_cast<char>(c) + "'";
  char buf[16];
  std::snprintf(buf, sizeof buf, "U+%04X", static_cast<unsigned>(c));
  return buf;
}

class Parser {
 public:
  Parser(const std::string& name, const ReadOptions& options, QuadSink& sink, bool document_start)
      : name_(name),
        options_(options),
        sink_(sink),
        nquads_(options.format == Format::NQuads),
        document_start_(document_start) {}

  /// Reads every line of `text`, which ends at a line end or at the end of
  /// the input. False once the read must stop (a strict read's first error,
  /// or the sink refused a statement).
  bool read_lines(std::string_view text) {
    std::size_t start = 0;
    while (start < text.size()) {
      const void* nl = std::memchr(text.data() + start, '\n', text.size() - start);
      const std::size_t end =
          nl ? static_cast<std::size_t>(static_cast<const char*>(nl) - text.data()) : text.size();
      ++line_;
      if (!read_line(text.substr(start, end - start))) return false;
      start = end + 1;
    }
    return true;
  }

  /// Records an error that is not the input's syntax (a read that failed).
  void add_error(Error error) {
    if (options_.on_error) options_.on_error(error);
    result_.add_error(std::move(error));
  }
  ReadResult take_result() { return std::move(result_); }

 private:
  // One line: statements separated by carriage returns (N-Triples' EOL is
  // any run of CR and LF), blank space and a comment.
  bool read_line(std::string_view line) {
    std::size_t pos = 0;
    if (line_ == 1 && document_start_ && line.starts_with("\xEF\xBB\xBF")) pos = 3;  // a BOM
    if (const std::size_t bad = find_invalid_utf8(line); bad != std::string_view::npos) {
      char hex[8];
      std::snprintf(hex, sizeof hex, "0x%02X", static_cast<unsigned char>(line[bad]));
      return failed(Fault{bad, std::string("invalid UTF-8 (byte ") + hex + ")"});
    }
    for (;;) {
      while (pos < line.size() && (is_space(line[pos]) || line[pos] == '\r')) ++pos;
      if (pos == line.size()) return true;
      if (line[pos] == '#') {
        // A comment ends at the end of the line, which a CR is too: what
        // follows one is read (a file with CR line ends keeps its statements).
        pos = line.find('\r', pos);
        if (pos == std::string_view::npos) return true;
        continue;
      }
      if (line[pos] == 'V') {
        if (Outcome fault = read_version(line, pos)) return failed(std::move(*fault));
        continue;
      }
      const std::size_t start = pos;
      QuadRef quad;
      if (Outcome fault = read_statement(line, pos, quad)) return failed(std::move(*fault));
      if (Status st = sink_.on_quad(quad); !st) {
        Error error = st.error();
        if (error.where.file.empty()) error.where = SourceLocation{name_, line_, start + 1};
        add_error(std::move(error));
        return false;
      }
      ++result_.quads;
    }
  }

  // A syntax error: recorded; a lax read skips the rest of the line.
  bool failed(Fault fault) {
    add_error(Error{ErrorKind::Syntax, SourceLocation{name_, line_, fault.at + 1},
                    std::move(fault.message)});
    if (!options_.lax) return false;
    ++result_.skipped;
    return true;
  }

  void skip_space(std::string_view line, std::size_t& pos) {
    while (pos < line.size() && is_space(line[pos])) ++pos;
  }
  static bool at_blank(std::string_view line, std::size_t pos) {
    return pos + 1 < line.size() && line[pos] == '_' && line[pos + 1] == ':';
  }

  // versionDirective: 'VERSION' versionSpecifier (N-Triples 1.2), alone
  // on its line; the version named must be one this reader knows.
  Outcome read_version(std::string_view line, std::size_t& pos) {
    if (!line.substr(pos).starts_with("VERSION") || pos + 7 == line.size() ||
        !is_space(line[pos + 7])) {
      return Fault{pos, "expected an IRI or a blank node (the subject)"};
    }
    pos += 7;
    skip_space(line, pos);
    if (pos == line.size() || (line[pos] != '"' && line[pos] != '\'')) {
      return Fault{pos, "expected the version as a string after VERSION (VERSION \"1.2\")"};
    }
    const char quote = line[pos];
    const std::size_t close = line.find(quote, pos + 1);
    if (close == std::string_view::npos) return Fault{pos, "unterminated version string"};
    const std::string_view version = line.substr(pos + 1, close - pos - 1);
    if (!is_known_rdf_version(version)) {
      return Fault{pos, "unknown RDF version \"" + std::string(version) +
                            "\" (this reader knows 1.1, 1.2 and 1.2-basic)"};
    }
    pos = close + 1;
    skip_space(line, pos);
    if (pos < line.size() && line[pos] != '#' && line[pos] != '\r') {
      return Fault{pos, "expected the end of the line after the VERSION directive"};
    }
    return {};
  }

  // Where the grammar has no triple term: say why.
  static Outcome misplaced_triple_term(std::string_view line, std::size_t pos,
                                       std::string_view where) {
    if (line.substr(pos).starts_with("<<(")) {
      return Fault{pos, "a triple term cannot be " + std::string(where) +
                            " (RDF 1.2 allows them only as objects)"};
    }
    return Fault{pos,
                 "'<<' without '(' is Turtle's reified triple, which N-Triples does not have "
                 "(write a triple term <<( s p o )>> as an object)"};
  }

  // [2] triple / [2] statement: subject predicate object graphLabel? '.'
  Outcome read_statement(std::string_view line, std::size_t& pos, QuadRef& quad) {
    Outcome fault;
    if (line.substr(pos).starts_with("<<")) return misplaced_triple_term(line, pos, "a subject");
    if (line[pos] == '<') {
      fault = read_iriref(line, pos, scratch_[0], quad.subject);
    } else if (at_blank(line, pos)) {
      fault = read_blank_node_label(line, pos, scratch_[0], quad.subject);
    } else {
      return Fault{pos, "expected an IRI or a blank node (the subject)"};
    }
    if (fault) return fault;
    skip_space(line, pos);
    if (line.substr(pos).starts_with("<<")) return misplaced_triple_term(line, pos, "a predicate");
    if (pos == line.size() || line[pos] != '<')
      return Fault{pos, "expected an IRI (the predicate)"};
    if ((fault = read_iriref(line, pos, scratch_[1], quad.predicate))) return fault;
    skip_space(line, pos);
    if (line.substr(pos).starts_with("<<")) {
      if (!line.substr(pos).starts_with("<<(")) return misplaced_triple_term(line, pos, "");
      triple_value_.clear();
      fault = read_triple_term(line, pos, triple_value_, 1);
      quad.object = TermRef{TermKind::Triple, triple_value_, {}, {}};
    } else if (pos < line.size() && line[pos] == '<') {
      fault = read_iriref(line, pos, scratch_[2], quad.object);
    } else if (at_blank(line, pos)) {
      fault = read_blank_node_label(line, pos, scratch_[2], quad.object);
    } else if (pos < line.size() && line[pos] == '"') {
      fault = read_literal(line, pos, quad.object);
    } else {
      return Fault{pos, "expected an IRI, a blank node, a literal or a triple term (the object)"};
    }
    if (fault) return fault;
    skip_space(line, pos);
    if (nquads_ && pos < line.size() && line[pos] == '<') {
      fault = read_iriref(line, pos, scratch_[3], quad.graph);
    } else if (nquads_ && at_blank(line, pos)) {
      fault = read_blank_node_label(line, pos, scratch_[3], quad.graph);
    }
    if (fault) return fault;
    skip_space(line, pos);
    if (pos == line.size() || line[pos] != '.') {
      return Fault{pos, nquads_ ? "expected a graph name or '.' to end the statement"
                                : "expected '.' to end the statement"};
    }
    ++pos;
    skip_space(line, pos);
    if (pos < line.size() && line[pos] != '#' && line[pos] != '\r') {
      return Fault{pos, "expected the end of the line after '.' (one statement per line)"};
    }
    return {};
  }

  // tripleTerm: '<<(' subject predicate object ')>>', whose `<<(` is at
  // `pos`; appends its value (terms/triple_term.hpp) to `value`.
  Outcome read_triple_term(std::string_view line, std::size_t& pos, std::string& value, int depth) {
    if (depth > kMaxTripleTermDepth) {
      return Fault{
          pos, "triple terms nested more than " + std::to_string(kMaxTripleTermDepth) + " deep"};
    }
    pos += 3;
    skip_space(line, pos);
    std::string subject_text;
    std::string predicate_text;
    std::string object_text;
    TermRef subject;
    TermRef predicate;
    TermRef object;
    Outcome fault;
    if (line.substr(pos).starts_with("<<")) {
      return misplaced_triple_term(line, pos, "the subject of a triple term");
    }
    if (pos < line.size() && line[pos] == '<') {
      fault = read_iriref(line, pos, subject_text, subject);
    } else if (at_blank(line, pos)) {
      fault = read_blank_node_label(line, pos, subject_text, subject);
    } else {
      return Fault{pos, "expected an IRI or a blank node (the subject of the triple term)"};
    }
    if (fault) return fault;
    skip_space(line, pos);
    if (pos == line.size() || line[pos] != '<' || line.substr(pos).starts_with("<<")) {
      return Fault{pos, "expected an IRI (the predicate of the triple term)"};
    }
    if ((fault = read_iriref(line, pos, predicate_text, predicate))) return fault;
    skip_space(line, pos);
    if (line.substr(pos).starts_with("<<(")) {
      fault = read_triple_term(line, pos, object_text, depth + 1);
      object = TermRef{TermKind::Triple, object_text, {}, {}};
    } else if (line.substr(pos).starts_with("<<")) {
      return misplaced_triple_term(line, pos, "");
    } else if (pos < line.size() && line[pos] == '<') {
      fault = read_iriref(line, pos, object_text, object);
    } else if (at_blank(line, pos)) {
      fault = read_blank_node_label(line, pos, object_text, object);
    } else if (pos < line.size() && line[pos] == '"') {
      fault = read_literal(line, pos, object);
    } else {
      return Fault{pos,
                   "expected an IRI, a blank node, a literal or a triple term (the object "
                   "of the triple term)"};
    }
    if (fault) return fault;
    skip_space(line, pos);
    if (!line.substr(pos).starts_with(")>>")) {
      return Fault{pos, "expected ')>>' to close the triple term"};
    }
    pos += 3;
    append_triple_term_value(value, subject, predicate, object);
    return {};
  }

  // [8] IRIREF, absolute. The common IRI has no escape: a view of the line.
  Outcome read_iriref(std::string_view line, std::size_t& pos, std::string& scratch,
                      TermRef& term) {
    const auto* bytes = reinterpret_cast<const unsigned char*>(line.data());
    const std::size_t open = pos;
    std::size_t i = pos + 1;
    while (i < line.size() && kIriByte[bytes[i]]) ++i;
    std::string_view iri;
    if (i < line.size() && line[i] == '>') {
      iri = line.substr(open + 1, i - open - 1);
    } else {
      scratch.assign(line.substr(open + 1, i - open - 1));
      for (;;) {
        if (i == line.size()) return Fault{open, "unterminated IRI (no '>')"};
        const char c = line[i];
        if (c == '>') break;
        if (c == '\\') {
          char32_t cp = 0;
          const TokenScan escape = read_uchar(line, i, cp);
          if (escape.status == Scan::Malformed) return Fault{i, escape.message};
          if (escape.status == Scan::NoMatch) {
            return Fault{i, "bad escape in IRI (only \\u and \\U escapes are allowed)"};
          }
          if (!is_iriref_char(cp)) {
            return Fault{i, "escape in IRI stands for " + shown(cp) + ", which IRIs exclude"};
          }
          append_utf8(scratch, cp);
          i = escape.end;
          continue;
        }
        if (!kIriByte[static_cast<unsigned char>(c)]) {
          if (line.find('>', i) == std::string_view::npos) {
            return Fault{open, "unterminated IRI (no '>')"};
          }
          return Fault{i, "invalid character " + shown(static_cast<unsigned char>(c)) + " in IRI"};
        }
        scratch += c;
        ++i;
      }
      iri = scratch;
    }
    if (!has_scheme(iri)) {
      return Fault{open, "relative IRI <" + std::string(iri) +
                             "> (N-Triples and N-Quads need absolute IRIs)"};
    }
    term.kind = TermKind::Iri;
    term.value = iri;
    pos = i + 1;
    return {};
  }

  // [141s] BLANK_NODE_LABEL: '_:' (PN_CHARS_U | [0-9]) ((PN_CHARS | '.')* PN_CHARS)?
  Outcome read_blank_node_label(std::string_view line, std::size_t& pos, std::string& scratch,
                                TermRef& term) {
    const std::size_t start = pos + 2;
    std::size_t i = start;
    while (i < line.size()) {
      const auto c = static_cast<unsigned char>(line[i]);
      char32_t cp = c;
      std::size_t length = 1;
      if (c >= 0x80) {
        const Utf8Char decoded = decode_utf8(line, i);
        cp = decoded.code_point;
        length = decoded.length;
      }
      const bool ok = i == start ? is_pn_chars_u(cp) || is_digit(cp) : is_pn_chars(cp) || cp == '.';
      if (!ok) break;
      i += length;
    }
    // A label never ends in '.': a final one ends the statement.
    while (i > start && line[i - 1] == '.') --i;
    if (i == start) return Fault{start, "expected a blank node label after '_:'"};
    const std::string_view label = line.substr(start, i - start);
    term.kind = TermKind::Blank;
    if (options_.blank_prefix.empty()) {
      term.value = label;
    } else {
      scratch.assign(options_.blank_prefix);
      scratch.append(label);
      term.value = scratch;
    }
    pos = i;
    return {};
  }

  // [6] literal: STRING_LITERAL_QUOTE ('^^' IRIREF | LANGTAG)?
  Outcome read_literal(std::string_view line, std::size_t& pos, TermRef& term) {
    const auto* bytes = reinterpret_cast<const unsigned char*>(line.data());
    const std::size_t open = pos;
    std::size_t i = pos + 1;
    while (i < line.size() && !kStringStop[bytes[i]]) ++i;
    if (i < line.size() && line[i] == '"') {
      term.value = line.substr(open + 1, i - open - 1);
    } else {
      std::string& value = scratch_[2];
      value.assign(line.substr(open + 1, i - open - 1));
      for (;;) {
        if (i == line.size()) return Fault{open, "unterminated string (no closing '\"')"};
        const char c = line[i];
        if (c == '"') break;
        if (c == '\r') return Fault{i, "line break in a string"};
        if (c == '\\') {
          const TokenScan escape = read_string_escape(line, i, value);
          if (escape.status != Scan::Matched) return Fault{escape.end, escape.message};
          i = escape.end;
          continue;
        }
        value += c;
        ++i;
      }
      term.value = value;
    }
    term.kind = TermKind::Literal;
    ++i;  // the closing quote
    // Tokens may be apart (N-Triples 1.2 C14N tests: `"2"  ^^  <dt>`).
    std::size_t next = i;
    skip_space(line, next);
    if (next < line.size() && (line[next] == '@' || line.substr(next).starts_with("^^"))) i = next;
    if (line.substr(next).starts_with("--"))
      return Fault{next, std::string(kDirectionWithoutLanguage)};
    if (i < line.size() && line[i] == '@') {
      // LANG_DIR: a language tag, then perhaps `--` and a base direction.
      std::size_t end = i + 1;
      while (end < line.size() && (is_alnum(line[end]) || line[end] == '-')) ++end;
      const std::string_view field = line.substr(i + 1, end - i - 1);
      if (!is_language_field(field)) return Fault{i, language_field_problem(field)};
      term.language = field;
      term.datatype =
          base_direction(field).empty() ? vocab::kRdfLangString : vocab::kRdfDirLangString;
      i = end;
    } else if (line.substr(i).starts_with("^^")) {
      i += 2;
      skip_space(line, i);
      if (i == line.size() || line[i] != '<') return Fault{i, "expected an IRI after '^^'"};
      TermRef datatype;
      const std::size_t at = i;
      if (Outcome fault = read_iriref(line, i, scratch_[4], datatype)) return fault;
      if (datatype.value == vocab::kRdfLangString || datatype.value == vocab::kRdfDirLangString) {
        return Fault{at, "<" + std::string(datatype.value) +
                             "> is the datatype of tagged strings: write \"...\"@tag instead"};
      }
      term.datatype = datatype.value;
    } else {
      term.datatype = vocab::kXsdString;
    }
    pos = i;
    return {};
  }

  const std::string& name_;
  const ReadOptions& options_;
  QuadSink& sink_;
  const bool nquads_;
  const bool document_start_;  // a byte order mark may open the first line
  ReadResult result_;
  std::uint64_t line_ = 0;  // the line being read, from 1
  // Unescaped text, one per position of a statement (the object's literal
  // shares the object's) and one for a datatype.
  std::string scratch_[5];
  std::string triple_value_;  // the object's, when it is a triple term
};

constexpr std::size_t kPageSize = 1 << 18;

}  // namespace

ReadResult read_ntriples(std::string_view text, const std::string& name, const ReadOptions& options,
                         QuadSink& sink, bool document_start) {
  Parser parser(name, options, sink, document_start);
  parser.read_lines(text);
  return parser.take_result();
}

ReadResult read_ntriples(ByteSource& source, const std::string& name, const ReadOptions& options,
                         QuadSink& sink) {
  Parser parser(name, options, sink, true);
  // Whole lines go to the parser; the last, unfinished one waits for more.
  std::string buffer;
  for (;;) {
    const std::size_t old = buffer.size();
    buffer.resize(old + kPageSize);
    const std::size_t got = source.read(buffer.data() + old, kPageSize);
    buffer.resize(old + got);
    if (got == 0) break;
    const void* nl = ::memrchr(buffer.data() + old, '\n', got);
    if (nl == nullptr) continue;
    const std::size_t cut =
        static_cast<std::size_t>(static_cast<const char*>(nl) - buffer.data()) + 1;
    if (!parser.read_lines(std::string_view(buffer).substr(0, cut))) return parser.take_result();
    buffer.erase(0, cut);
  }
  if (!source.error().empty()) {
    parser.add_error(
        Error{ErrorKind::Io, SourceLocation{name, 0, 0}, "read failed: " + source.error()});
  } else {
    parser.read_lines(buffer);
  }
  return parser.take_result();
}

}  // namespace quiver::io
