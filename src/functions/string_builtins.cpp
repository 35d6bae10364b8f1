// The string builtins of 17.4.3: STRLEN, SUBSTR, UCASE, LCASE, STRSTARTS,
// STRENDS, CONTAINS, STRBEFORE, STRAFTER, ENCODE_FOR_URI, CONCAT.
// Positions and lengths count code points, as XPath does, not bytes.

#include <locale.h>

#include <cmath>
#include <cwctype>

#include "functions/builtins_internal.hpp"
#include "terms/utf8.hpp"
#include "xsd/numeric.hpp"

namespace quiver::functions::detail {

using xsd::parse_numeric;
namespace {

/// glibc's C.UTF-8 locale has the full Unicode simple case mappings; when
/// it is missing only ASCII changes case.
locale_t utf8_locale() {
  static const locale_t locale = newlocale(LC_CTYPE_MASK, "C.UTF-8", static_cast<locale_t>(0));
  return locale;
}

std::string change_case(std::string_view s, bool upper) {
  std::string out;
  out.reserve(s.size());
  const locale_t locale = utf8_locale();
  // Terms are valid UTF-8 (checked when read), so every step decodes.
  for (std::size_t i = 0; i < s.size(); i = next_code_point(s, i)) {
    char32_t cp = decode_utf8(s, i).code_point;
    const auto wc = static_cast<wint_t>(cp);
    if (locale != static_cast<locale_t>(0)) {
      cp = static_cast<char32_t>(upper ? towupper_l(wc, locale) : towlower_l(wc, locale));
    } else if (cp < 0x80) {
      const char c = static_cast<char>(cp);
      cp = static_cast<unsigned char>(upper ? to_upper(c) : to_lower(c));
    }
    append_utf8(out, cp);
  }
  return out;
}

}  // namespace

Value fn_strlen(Args args, FunctionContext&) {
  if (!is_string_literal(args[0])) return std::nullopt;
  return make_integer(static_cast<std::int64_t>(count_code_points(args[0].value())));
}

/// fn:substring: the code points at positions p (from 1) with
/// round(start) <= p < round(start) + round(length), in double arithmetic.
Value fn_substr(Args args, FunctionContext&) {
  if (!is_string_literal(args[0])) return std::nullopt;
  const auto start = parse_numeric(args[1]);
  if (!start) return std::nullopt;
  const double first = std::floor(start->as_double() + 0.5);
  double end = INFINITY;
  if (args.size() == 3) {
    const auto length = parse_numeric(args[2]);
    if (!length) return std::nullopt;
    end = first + std::floor(length->as_double() + 0.5);
  }
  const std::string& s = args[0].value();
  std::string out;
  double position = 0;
  for (std::size_t i = 0; i < s.size();) {
    const std::size_t next = next_code_point(s, i);
    ++position;
    if (position >= first && position < end) out.append(s, i, next - i);
    i = next;
  }
  return same_kind_string(args[0], out);
}

Value fn_ucase(Args args, FunctionContext&) {
  if (!is_string_literal(args[0])) return std::nullopt;
  return same_kind_string(args[0], change_case(args[0].value(), true));
}

Value fn_lcase(Args args, FunctionContext&) {
  if (!is_string_literal(args[0])) return std::nullopt;
  return same_kind_string(args[0], change_case(args[0].value(), false));
}

Value fn_strstarts(Args args, FunctionContext&) {
  if (!compatible_arguments(args[0], args[1])) return std::nullopt;
  return make_bool(args[0].value().starts_with(args[1].value()));
}

Value fn_strends(Args args, FunctionContext&) {
  if (!compatible_arguments(args[0], args[1])) return std::nullopt;
  return make_bool(args[0].value().ends_with(args[1].value()));
}

Value fn_contains(Args args, FunctionContext&) {
  if (!compatible_arguments(args[0], args[1])) return std::nullopt;
  return make_bool(args[0].value().find(args[1].value()) != std::string::npos);
}

/// No match gives the empty simple literal; a match keeps the first
/// argument's language tag (17.4.3.1.3).
Value fn_strbefore(Args args, FunctionContext&) {
  if (!compatible_arguments(args[0], args[1])) return std::nullopt;
  const std::size_t at = args[0].value().find(args[1].value());
  if (at == std::string::npos) return make_string("");
  return same_kind_string(args[0], args[0].value().substr(0, at));
}

Value fn_strafter(Args args, FunctionContext&) {
  if (!compatible_arguments(args[0], args[1])) return std::nullopt;
  const std::size_t at = args[0].value().find(args[1].value());
  if (at == std::string::npos) return make_string("");
  return same_kind_string(args[0], args[0].value().substr(at + args[1].value().size()));
}

Value fn_encode_for_uri(Args args, FunctionContext&) {
  if (!is_string_literal(args[0])) return std::nullopt;
  std::string out;
  for (char ch : args[0].value()) {
    const auto c = static_cast<unsigned char>(ch);
    if (is_alnum(ch) || c == '-' || c == '_' || c == '.' || c == '~') {
      out += ch;
    } else {
      out += '%';
      out += hex_digit(c >> 4);
      out += hex_digit(c);
    }
  }
  return make_string(out);
}

/// The result keeps a language tag only when every argument has that same
/// tag; otherwise it is a simple literal.
Value fn_concat(Args args, FunctionContext&) {
  std::string out;
  bool same_language = !args.empty();
  for (const Term& arg : args) {
    if (!is_string_literal(arg)) return std::nullopt;
    same_language &= arg.language() == args[0].language();
    out += arg.value();
  }
  if (same_language) return same_kind_string(args[0], out);
  return make_string(out);
}

}  // namespace quiver::functions::detail
