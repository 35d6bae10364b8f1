#include "io/turtle_cursor.hpp"

#include <cstring>

#include "terms/term_reader.hpp"
#include "terms/utf8.hpp"
#include "util/ascii.hpp"

namespace quiver::io::turtle {
namespace {

constexpr std::size_t kPage = 1 << 18;

// Bytes a name (prefixed name, keyword, blank node label) may hold; UTF-8
// lead and continuation bytes pass and are checked once the name is whole.
bool is_name_byte(int c) {
  return c >= 0x80 || is_alnum(static_cast<char>(c)) || c == '_' || c == '-' || c == '.' ||
         c == ':' || c == '%';
}

// PN_LOCAL_ESC: the characters a `\` may escape in a local name.
bool is_local_escape(int c) { return c > 0 && std::strchr("_~.-!$&'()*+,;=/?#@%", c) != nullptr; }

}  // namespace

Cursor::Cursor(ByteSource* source_in, std::string_view text)
    : source(source_in), text_(source_in ? std::string_view() : text) {
  end_ = text_.size();
  if (source == nullptr) exhausted_ = true;
  // A byte order mark opens the document, or nothing does.
  if (looking_at("\xEF\xBB\xBF")) {
    pos_ += 3;
    line_start_ = 3;
  }
}

bool Cursor::fill(std::size_t need) {
  if (pos_ + need <= end_) return true;
  if (exhausted_) return false;
  // Keep only what is not consumed yet, then read pages until `need` fits.
  if (pos_ > 0) {
    buffer_.erase(0, pos_);
    offset_ += pos_;
    end_ -= pos_;
    pos_ = 0;
  }
  while (end_ < need && !exhausted_) {
    buffer_.resize(end_ + kPage);
    const std::size_t got = source->read(buffer_.data() + end_, kPage);
    end_ += got;
    buffer_.resize(end_);
    if (got == 0) exhausted_ = true;
  }
  return pos_ + need <= end_;
}

bool Cursor::looking_at(std::string_view text) {
  if (!fill(text.size())) return false;
  return std::memcmp(data() + pos_, text.data(), text.size()) == 0;
}

void Cursor::advance(std::size_t n) {
  const char* p = data() + pos_;
  for (std::size_t i = 0; i < n; ++i) {
    if (p[i] == '\n') {
      ++line_;
      line_start_ = offset_ + pos_ + i + 1;
    }
  }
  pos_ += n;
}

void Cursor::skip_space() {
  for (;;) {
    const int c = peek();
    if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
      advance();
    } else if (c == '#') {  // COMMENT ends at a CR as at an LF
      for (int d = peek(); d >= 0 && d != '\n' && d != '\r'; d = peek()) advance();
    } else {
      return;
    }
  }
}

void Cursor::fail(std::string message, ErrorKind kind) const {
  throw SyntaxFault{line_, column(), std::move(message), kind};
}

void Cursor::read_iriref(std::string& out) {
  const std::uint64_t line = line_;
  const std::uint64_t column = this->column();
  out.clear();
  advance();  // '<'
  for (;;) {
    const int c = peek();
    if (c < 0 || c == '\n') throw SyntaxFault{line, column, "unterminated IRI (no '>')"};
    if (c == '>') {
      advance();
      break;
    }
    if (c == '\\') {
      fill(10);
      char32_t cp = 0;
      const std::string_view escape(data() + pos_, std::min<std::size_t>(10, end_ - pos_));
      const TokenScan scan = read_uchar(escape, 0, cp);
      if (scan.status == TokenScan::Status::Malformed) fail(scan.message);
      if (scan.status == TokenScan::Status::NoMatch) {
        fail("bad escape in IRI (only \\u and \\U escapes are allowed)");
      }
      if (!is_iriref_char(cp)) fail("escape in IRI stands for a character IRIs exclude");
      append_utf8(out, cp);
      advance(scan.end);
      continue;
    }
    if (!is_iriref_char(static_cast<char32_t>(c))) fail("invalid character in IRI");
    out += static_cast<char>(c);
    advance();
  }
  if (find_invalid_utf8(out) != std::string_view::npos) {
    throw SyntaxFault{line, column, "invalid UTF-8 in IRI"};
  }
}

void Cursor::read_string(std::string& out) {
  const std::uint64_t line = line_;
  const std::uint64_t column = this->column();
  out.clear();
  const int quote = peek();
  const bool is_long = peek(1) == quote && peek(2) == quote;
  advance(is_long ? 3 : 1);
  for (;;) {
    // A run of plain bytes at once.
    if (pos_ >= end_) fill(1);
    std::size_t run = pos_;
    while (run < end_) {
      const char b = data()[run];
      if (b == quote || b == '\\' || (!is_long && (b == '\n' || b == '\r'))) break;
      ++run;
    }
    if (run > pos_) {
      out.append(data() + pos_, run - pos_);
      advance(run - pos_);
      continue;
    }
    const int c = peek();
    if (c < 0) throw SyntaxFault{line, column, "unterminated string"};
    if (c == '\n' || c == '\r') fail("line break in a string (use \"\"\"...\"\"\" or \\n)");
    if (c == quote) {
      if (!is_long) {
        advance();
        break;
      }
      if (peek(1) == quote && peek(2) == quote) {
        advance(3);
        break;
      }
      out += static_cast<char>(c);
      advance();
      continue;
    }
    // An escape.
    fill(10);
    const std::string_view escape(data() + pos_, std::min<std::size_t>(10, end_ - pos_));
    const TokenScan scan = read_string_escape(escape, 0, out);
    if (scan.status != TokenScan::Status::Matched) fail(scan.message);
    advance(scan.end);
  }
  if (find_invalid_utf8(out) != std::string_view::npos) {
    throw SyntaxFault{line, column, "invalid UTF-8 in string"};
  }
}

std::size_t Cursor::name_length(bool colons) {
  std::size_t k = 0;
  std::size_t good = 0;  // the length without trailing unescaped dots
  for (;;) {
    const int c = peek(k);
    if (c == '\\' && is_local_escape(peek(k + 1))) {
      k += 2;
      good = k;
      continue;
    }
    if (!is_name_byte(c) || (c == ':' && !colons)) return good;
    ++k;
    if (c != '.') good = k;
  }
}

void Cursor::read_name(std::string& out, bool colons) {
  const std::size_t length = name_length(colons);
  out.assign(data() + pos_, length);
  advance(length);
  if (find_invalid_utf8(out) != std::string_view::npos) fail("invalid UTF-8 in a name");
}

void Cursor::read_number(std::string& out, std::string_view& datatype) {
  std::size_t k = 0;
  for (int c = peek(); c >= 0; c = peek(++k)) {
    if (!is_digit(static_cast<char>(c)) && c != '+' && c != '-' && c != '.' && c != 'e' &&
        c != 'E') {
      break;
    }
  }
  const NumberToken number = scan_number(std::string_view(data() + pos_, k));
  if (number.kind == NumberKind::None) fail("malformed number");
  out.assign(data() + pos_, number.length);
  datatype = turtle_number_datatype(out);
  advance(number.length);
}

void Cursor::read_language(std::string& out) {
  std::size_t k = 1;  // past the '@'
  for (int c = peek(k); c >= 0 && (is_alnum(static_cast<char>(c)) || c == '-'); c = peek(++k)) {
  }
  out.assign(data() + pos_ + 1, k - 1);
  if (!is_language_field(out)) fail(language_field_problem(out));
  advance(k);
}

}  // namespace quiver::io::turtle
