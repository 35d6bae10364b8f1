#include "xsd/lexical.hpp"

#include <string>

#include "terms/term_reader.hpp"
#include "util/ascii.hpp"
#include "xsd/datatypes.hpp"
#include "xsd/datetime.hpp"
#include "xsd/numeric.hpp"

namespace quiver::xsd {
namespace {

/// XML's Char: no C0 control characters but tab, LF and CR. The readers
/// have already checked the UTF-8, so bytes >= 0x80 are fine here.
bool valid_string(std::string_view s) {
  for (unsigned char c : s) {
    if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') return false;
  }
  return true;
}

/// No line breaks or tabs (normalizedString); no leading, trailing or
/// double spaces either (token).
bool valid_token(std::string_view s, bool token) {
  if (!valid_string(s) || s.find_first_of("\t\n\r") != std::string_view::npos) return false;
  if (!token) return true;
  return s.empty() || (s.front() != ' ' && s.back() != ' ' && s.find("  ") == std::string::npos);
}

/// XSD 1.1 accepts nearly any string as anyURI; we reject what cannot be
/// part of an IRI even escaped (spaces, controls, `<>"{}|\^``) and a `%`
/// not followed by two hex digits, as those are typing slips.
bool valid_any_uri(std::string_view s) {
  if (!is_plain_iriref(s)) return false;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '%') {
      if (i + 2 >= s.size() || !is_hex(s[i + 1]) || !is_hex(s[i + 2])) return false;
    }
  }
  return true;
}

/// xsd:language: the BCP 47 shape with subtags of at most 8 characters.
bool valid_language(std::string_view s) {
  if (!is_language_tag(s)) return false;
  std::size_t length = 0;
  for (char c : s) {
    length = c == '-' ? 0 : length + 1;
    if (length > 8) return false;
  }
  return true;
}

bool valid_numeric(std::string_view s, NumericType type) {
  return parse_numeric_lexical(s, type).has_value();
}

}  // namespace

std::optional<bool> parse_boolean(std::string_view lexical) {
  if (lexical == "true" || lexical == "1") return true;
  if (lexical == "false" || lexical == "0") return false;
  return std::nullopt;
}

LexicalCheck check_lexical(std::string_view datatype, std::string_view lexical) {
  const std::string_view local = local_name(datatype);
  if (local.empty()) return LexicalCheck::UnknownDatatype;
  auto verdict = [](bool ok) { return ok ? LexicalCheck::Valid : LexicalCheck::Invalid; };
  if (const IntegerType* t = find_integer_type(local)) {
    return verdict(integer_lexical_in_range(*t, lexical));
  }
  if (local == "decimal") return verdict(valid_numeric(lexical, NumericType::Decimal));
  if (local == "double") return verdict(valid_numeric(lexical, NumericType::Double));
  if (local == "float") return verdict(valid_numeric(lexical, NumericType::Float));
  if (local == "boolean") return verdict(parse_boolean(lexical).has_value());
  if (local == "date") return verdict(is_temporal_lexical(TemporalType::Date, lexical));
  if (local == "dateTime") return verdict(is_temporal_lexical(TemporalType::DateTime, lexical));
  if (local == "time") return verdict(is_temporal_lexical(TemporalType::Time, lexical));
  if (local == "gYear") return verdict(is_temporal_lexical(TemporalType::GYear, lexical));
  if (local == "gYearMonth") {
    return verdict(is_temporal_lexical(TemporalType::GYearMonth, lexical));
  }
  if (local == "string") return verdict(valid_string(lexical));
  if (local == "normalizedString") return verdict(valid_token(lexical, false));
  if (local == "token") return verdict(valid_token(lexical, true));
  if (local == "language") return verdict(valid_language(lexical));
  if (local == "anyURI") return verdict(valid_any_uri(lexical));
  return LexicalCheck::UnknownDatatype;
}

}  // namespace quiver::xsd
