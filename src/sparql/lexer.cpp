#include "sparql/lexer.hpp"

#include <algorithm>
#include <cstring>
#include <limits>

#include "terms/term_reader.hpp"
#include "terms/utf8.hpp"
#include "util/ascii.hpp"

namespace quiver::sparql {
namespace {

// [173] PN_LOCAL_ESC characters
bool is_local_escape(char c) { return c != '\0' && std::strchr("_~.-!$&'()*+,;=/?#@%", c); }

}  // namespace

class Lexer::Impl {
 public:
  explicit Impl(std::string_view text) : text_(text) {}

  Token next() {
    skip_space();
    Token t;
    t.offset = static_cast<std::uint32_t>(pos_);
    if (pos_ >= text_.size()) return t;
    read_token(t);
    t.length = static_cast<std::uint32_t>(pos_ - t.offset);
    return t;
  }

 private:
  [[noreturn]] void fail(std::size_t at, std::string message) const {
    throw SyntaxError{static_cast<std::uint32_t>(at), 1, std::move(message)};
  }

  char at(std::size_t i) const { return i < text_.size() ? text_[i] : '\0'; }

  // A `\uXXXX` / `\UXXXXXXXX` escape at `i`: its code point, length in `len`;
  // fails on a surrogate or a code point past U+10FFFF.
  bool codepoint_escape(std::size_t i, char32_t& cp, std::size_t& len) const {
    const TokenScan scan = read_uchar(text_, i, cp);
    if (scan.status == TokenScan::Status::Malformed) fail(scan.end, scan.message);
    if (scan.status == TokenScan::Status::NoMatch) return false;
    len = scan.end - i;
    return true;
  }

  // The code point at `i` in a name. SPARQL 1.2 reads `\u` escapes in
  // IRIs and strings only (SPARQL 1.1's codepoint escapes anywhere are gone).
  char32_t name_char(std::size_t i, std::size_t& len) const {
    if (i >= text_.size()) {
      len = 0;
      return 0;
    }
    const Utf8Char c = decode_utf8(text_, i);
    len = c.length;
    return c.code_point;
  }

  void skip_space() {
    while (pos_ < text_.size()) {
      const char c = text_[pos_];
      if (is_space(c)) {
        ++pos_;
      } else if (c == '#') {
        while (pos_ < text_.size() && text_[pos_] != '\n' && text_[pos_] != '\r') ++pos_;
      } else {
        break;
      }
    }
  }

  void punct(Token& t, std::size_t n) {
    t.kind = TokenKind::Punct;
    t.text = std::string(text_.substr(pos_, n));
    pos_ += n;
  }

  void read_token(Token& t) {
    const char c = text_[pos_];
    const char d = at(pos_ + 1);
    switch (c) {
      case '<':
        if (read_iri(t)) return;
        return punct(t, d == '=' ? 2 : 1);
      case '>':
      case '!':
        return punct(t, d == '=' ? 2 : 1);
      case '?':
      case '$':
        if (read_var(t)) return;
        if (c == '$') fail(pos_, "expected a variable name after '$'");
        return punct(t, 1);
      case '"':
      case '\'':
        return read_string(t);
      case '@':
        return read_langtag(t);
      case '^':
        return punct(t, d == '^' ? 2 : 1);
      case '&':
      case '|':
        if (d == c) return punct(t, 2);
        if (c == '|') return punct(t, 1);
        fail(pos_, "unexpected '&' (did you mean '&&'?)");
      case '(':
      case '[':
        return read_bracket(t, c == '(' ? ')' : ']', c == '(' ? TokenKind::Nil : TokenKind::Anon);
      case '{':
      case '}':
      case ')':
      case ']':
      case ',':
      case ';':
      case '*':
      case '/':
      case '=':
      case '~':  // SPARQL 1.2's reifier
        return punct(t, 1);
      case '+':
      case '-':
        if (is_digit(d) || (d == '.' && is_digit(at(pos_ + 2)))) return read_number(t);
        return punct(t, 1);
      case '.':
        if (is_digit(d)) return read_number(t);
        return punct(t, 1);
      case '_':
        if (d == ':') return read_blank_label(t);
        break;
      case ':':
        return read_pname_local(t, pos_);
      default:
        break;
    }
    if (is_digit(c)) return read_number(t);
    const Utf8Char cp = decode_utf8(text_, pos_);
    if (is_pn_chars_base(cp.code_point)) return read_word(t);
    if (c == '\\') fail(pos_, "unexpected '\\' outside a string, IRI or name");
    fail(pos_, "unexpected character '" + std::string(text_.substr(pos_, cp.length)) + "'");
  }

  // [139] IRIREF; false (nothing consumed) when `<` starts an operator.
  bool read_iri(Token& t) {
    std::string value;
    const TokenScan scan = read_iriref(text_, pos_, value);
    if (scan.status == TokenScan::Status::Malformed) fail(scan.end, scan.message);
    if (scan.status == TokenScan::Status::NoMatch) return false;
    t.kind = TokenKind::IriRef;
    t.text = std::move(value);
    pos_ = scan.end;
    return true;
  }

  // [143] VAR1, [144] VAR2, [166] VARNAME
  bool read_var(Token& t) {
    std::size_t len;
    const char32_t first = name_char(pos_ + 1, len);
    if (len == 0 || !(is_pn_chars_u(first) || is_digit(first))) return false;
    std::size_t i = pos_ + 1;
    std::string name;
    for (;;) {
      const char32_t cp = name_char(i, len);
      if (len == 0 || !is_name_tail(cp)) break;
      append_utf8(name, cp);
      i += len;
    }
    t.kind = TokenKind::Var;
    t.text = std::move(name);
    pos_ = i;
    return true;
  }

  // [156]-[160] the four string forms and ECHAR
  void read_string(Token& t) {
    std::string value;
    const TokenScan scan = read_quoted_string(text_, pos_, value);
    if (scan.status != TokenScan::Status::Matched) fail(scan.end, scan.message);
    t.kind = TokenKind::String;
    t.text = std::move(value);
    pos_ = scan.end;
  }

  // [145] LANGTAG, LANG_DIR in SPARQL 1.2: a tag, then perhaps `--` and a
  // base direction (ltr or rtl).
  void read_langtag(Token& t) {
    std::size_t length = scan_language_tag(text_.substr(pos_ + 1));
    if (length == 0) fail(pos_, "expected a language tag after '@'");
    if (text_.substr(pos_ + 1 + length).starts_with("--")) {
      length += 2;
      while (is_alpha(at(pos_ + 1 + length))) ++length;
    }
    if (!is_language_field(text_.substr(pos_ + 1, length))) {
      fail(pos_, "malformed language tag or base direction @" +
                     std::string(text_.substr(pos_ + 1, length)) +
                     " (a direction is --ltr or --rtl)");
    }
    t.kind = TokenKind::LangTag;
    t.text = std::string(text_.substr(pos_ + 1, length));
    pos_ += 1 + length;
  }

  // [161] NIL and [163] ANON: the brackets with only white space between.
  void read_bracket(Token& t, char close, TokenKind empty_kind) {
    std::size_t i = pos_ + 1;
    while (is_space(at(i))) ++i;
    if (at(i) == close) {
      t.kind = empty_kind;
      pos_ = i + 1;
      return;
    }
    punct(t, 1);
  }

  // [146]-[155] INTEGER, DECIMAL, DOUBLE and their signed forms
  void read_number(Token& t) {
    const NumberToken number = scan_number(text_.substr(pos_));
    t.kind = number.kind == NumberKind::Double    ? TokenKind::Double
             : number.kind == NumberKind::Decimal ? TokenKind::Decimal
                                                  : TokenKind::Integer;
    t.text = std::string(text_.substr(pos_, number.length));
    pos_ += number.length;
  }

  // [142] BLANK_NODE_LABEL
  void read_blank_label(Token& t) {
    std::size_t len;
    const char32_t first = name_char(pos_ + 2, len);
    if (len == 0 || !(is_pn_chars_u(first) || is_digit(first))) {
      fail(pos_, "expected a blank node label after '_:'");
    }
    std::string label;
    append_utf8(label, first);
    std::size_t i = pos_ + 2 + len;
    std::size_t good_end = i, good_size = label.size();
    for (;;) {
      const char32_t cp = name_char(i, len);
      if (len == 0 || !(is_pn_chars(cp) || cp == '.')) break;
      append_utf8(label, cp);
      i += len;
      if (cp != '.') good_end = i, good_size = label.size();
    }
    label.resize(good_size);  // a trailing '.' ends the triple, not the label
    t.kind = TokenKind::BlankLabel;
    t.text = std::move(label);
    pos_ = good_end;
  }

  // A bare word, or [140] PNAME_NS / [141] PNAME_LN when a ':' follows the
  // [168] PN_PREFIX.
  void read_word(Token& t) {
    std::size_t i = pos_;
    std::size_t good_end = pos_;
    while (i < text_.size()) {
      const Utf8Char c = decode_utf8(text_, i);
      if (!(is_pn_chars(c.code_point) || c.code_point == '.')) break;
      i += c.length;
      if (c.code_point != '.') good_end = i;
    }
    if (at(good_end) == ':') {
      read_pname_local(t, good_end);
      return;
    }
    t.kind = TokenKind::Word;
    t.text = std::string(text_.substr(pos_, good_end - pos_));
    pos_ = good_end;
  }

  // [169] PN_LOCAL after the ':' at `colon`; [170]-[173] PLX kept as
  // written for %XX and unescaped for `\x`.
  void read_pname_local(Token& t, std::size_t colon) {
    t.kind = TokenKind::Pname;
    t.text = std::string(text_.substr(pos_, colon - pos_));
    std::size_t i = colon + 1, len;
    std::string local;
    std::size_t good_end = i, good_size = 0;
    bool first = true;
    while (i < text_.size()) {
      const char c = text_[i];
      if (c == '%') {
        if (!is_hex(at(i + 1)) || !is_hex(at(i + 2))) fail(i, "bad %-escape in a prefixed name");
        local.append(text_.substr(i, 3));
        i += 3;
      } else if (c == '\\' && is_local_escape(at(i + 1))) {
        local += at(i + 1);
        i += 2;
      } else {
        const char32_t cp = name_char(i, len);
        const bool ok = first ? (is_pn_chars_u(cp) || cp == ':' || is_digit(cp))
                              : (is_pn_chars(cp) || cp == '.' || cp == ':');
        if (!ok) break;
        append_utf8(local, cp);
        i += len;
        if (cp == '.') {
          first = false;
          continue;
        }
      }
      first = false;
      good_end = i;
      good_size = local.size();
    }
    local.resize(good_size);
    t.local = std::move(local);
    pos_ = good_end;
  }

  std::string_view text_;
  std::size_t pos_ = 0;
};

void locate(std::string_view text, std::size_t offset, std::uint64_t& line, std::uint64_t& column) {
  const std::string_view before = text.substr(0, offset);
  const std::size_t line_start = before.rfind('\n') + 1;  // npos + 1 == 0
  line = 1 + static_cast<std::uint64_t>(std::count(before.begin(), before.end(), '\n'));
  column = 1 + count_code_points(before.substr(line_start));
}

Lexer::Lexer(std::string_view text) : impl_(std::make_unique<Impl>(text)) {}
Lexer::~Lexer() = default;
Lexer::Lexer(Lexer&&) noexcept = default;
Token Lexer::next() { return impl_->next(); }

Error syntax_error(std::string_view text, std::size_t offset, std::string message) {
  Error e;
  e.kind = ErrorKind::Syntax;
  locate(text, offset, e.where.line, e.where.column);
  e.message = std::move(message);
  return e;
}

Status check_request_text(std::string_view text) {
  if (text.size() >= std::numeric_limits<std::uint32_t>::max()) {
    return syntax_error(text, 0, "query too large");
  }
  if (const std::size_t bad = find_invalid_utf8(text); bad != std::string_view::npos) {
    return syntax_error(text, bad, "invalid UTF-8");
  }
  return {};
}

Expected<std::vector<Token>> tokenize(std::string_view text) {
  if (Status st = check_request_text(text); !st) return st.error();
  std::vector<Token> tokens;
  try {
    Lexer lexer(text);
    do {
      tokens.push_back(lexer.next());
    } while (tokens.back().kind != TokenKind::Eof);
  } catch (const SyntaxError& e) {
    return syntax_error(text, e.offset, e.message);
  }
  return tokens;
}

std::string describe_token(std::string_view text, const Token& token) {
  if (token.kind == TokenKind::Eof) return "end of query";
  std::string_view written = text.substr(token.offset, token.length);
  std::string out = "'";
  if (written.size() > 40) {
    out.append(written.substr(0, code_point_start(written, 37)));
    out += "...";
  } else {
    out.append(written);
  }
  out += "'";
  return out;
}

}  // namespace quiver::sparql
