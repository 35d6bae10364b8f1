#include "terms/term_reader.hpp"

#include "terms/term.hpp"
#include "util/ascii.hpp"

namespace quiver {

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

}  // namespace quiver
