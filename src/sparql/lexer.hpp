#pragma once
/// @file
/// The SPARQL 1.1 tokenizer (grammar section 19.8, terminals [139]-[173]).
/// The whole query is split into tokens up front: queries are small, and
/// the parser then gets free lookahead and knows every blank node label
/// before it invents fresh names.

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "util/expected.hpp"

namespace quiver::sparql {

/// The token classes of the SPARQL grammar's terminals, as the parser sees
/// them; what `Token::text` holds depends on the kind.
enum class TokenKind : std::uint8_t {
  Eof,         ///< end of input; text is empty
  IriRef,      ///< `<...>`: text is the IRI with escapes decoded, unresolved
  Pname,       ///< `pre:local`: text is the prefix, local the decoded local part
  BlankLabel,  ///< `_:x`: text is the label
  Anon,        ///< `[]`
  Nil,         ///< `()`
  Var,         ///< `?x` / `$x`: text is the name
  LangTag,     ///< `@en`: text without `@`
  Integer,     ///< text is the lexical form as written, sign included
  Decimal,     ///< text is the lexical form as written, sign included
  Double,      ///< text is the lexical form as written, sign included
  String,      ///< text is the decoded value
  Word,        ///< a bare word: keyword, `a`, `true`, builtin name
  Punct,       ///< text is the operator or bracket
};

/// One token: its class, its decoded text and where it is in the query.
struct Token {
  /// The token's class.
  TokenKind kind = TokenKind::Eof;
  /// The decoded content; see TokenKind for what it is per kind.
  std::string text;
  std::string local;         ///< Pname only
  std::uint32_t offset = 0;  ///< byte offset in the query text
  std::uint32_t length = 0;  ///< bytes of query text the token covers
};

/// A syntax error found by the tokenizer or parser: a message and the byte
/// offset it points at.
struct SyntaxError {
  /// Byte offset in the query text the error points at.
  std::uint32_t offset = 0;
  /// Bytes of query text the offending token covers (1 for a lexer error).
  std::uint32_t length = 0;
  /// What is wrong; the line and column are derived from `offset`.
  std::string message;
};

/// Tokens one at a time, as a parser asks for them: memory stays that of
/// the tokens the parser holds, however long the text (a large INSERT DATA).
/// next() throws SyntaxError on text no token starts with; check the text
/// with check_request_text() first. Eof comes last, and again after that.
class Lexer {
 public:
  /// Tokens of `text`, which must outlive the lexer.
  explicit Lexer(std::string_view text);
  ~Lexer();
  /// Movable: it owns its state.
  Lexer(Lexer&&) noexcept;
  /// The next token.
  Token next();

 private:
  class Impl;
  std::unique_ptr<Impl> impl_;
};

/// A Syntax error at byte `offset` of `text`, with its line and column.
Error syntax_error(std::string_view text, std::size_t offset, std::string message);

/// Refuses text the lexer cannot take: invalid UTF-8, 4 GiB or more.
Status check_request_text(std::string_view text);

/// Splits `text` into tokens, the last being Eof. Fails on invalid UTF-8,
/// an unterminated string, a bad escape or a character no token starts with.
/// Queries of 4 GiB or more are refused (offsets are 32-bit).
Expected<std::vector<Token>> tokenize(std::string_view text);

/// Line and column (both from 1, the column in code points) of byte
/// `offset` in `text`.
void locate(std::string_view text, std::size_t offset, std::uint64_t& line, std::uint64_t& column);

/// How a token reads in a message: `'FILTER'`, `end of query`, ...
std::string describe_token(std::string_view text, const Token& token);

}  // namespace quiver::sparql
