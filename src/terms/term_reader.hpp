#pragma once
/// @file
/// The one reader of term syntax: the token rules Turtle and SPARQL share
/// (numbers), used by the SPARQL lexer, the Turtle term writer's short
/// forms and the TSV term reader alike.

#include <cstddef>
#include <string_view>

namespace quiver {

/// Which number production a token matches.
enum class NumberKind { None, Integer, Decimal, Double };

/// A number token at the start of some text.
struct NumberToken {
  /// INTEGER, DECIMAL or DOUBLE; None when the text does not start with one.
  NumberKind kind = NumberKind::None;
  /// Bytes the token takes.
  std::size_t length = 0;
};

/// The longest signed INTEGER, DECIMAL or DOUBLE at the start of `text`
/// (Turtle [19]-[21], SPARQL [146]-[155]): `1.` is the integer `1` followed
/// by a dot, `1.e5` a double.
NumberToken scan_number(std::string_view text);

/// The datatype a bare number reads as (xsd:integer, xsd:decimal or
/// xsd:double) when all of `lexical` is one number token; empty otherwise.
std::string_view turtle_number_datatype(std::string_view lexical);

}  // namespace quiver
