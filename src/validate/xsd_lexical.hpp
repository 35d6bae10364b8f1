#pragma once
/// @file
/// Lexical checks for the common XSD datatypes: is `"2024-13"` a valid
/// xsd:gYearMonth? Forms are checked exactly as written (RDF literals are
/// not whitespace-normalized), against the XSD 1.1 lexical spaces and the
/// value ranges of the derived integer types.

#include <string_view>

namespace quiver::validate {

/// What a lexical check found.
enum class LexicalCheck { Valid, Invalid, UnknownDatatype };

/// Checks `lexical` against `datatype` (a full IRI). Knows xsd:integer and
/// its derived types, decimal, double, float, boolean, date, dateTime, time,
/// gYear, gYearMonth, string, normalizedString, token, language and anyURI;
/// any other datatype gives UnknownDatatype, which is not an error.
LexicalCheck check_lexical(std::string_view datatype, std::string_view lexical);

/// True when the datatype `derived` is `base` or derived from it by
/// restriction (xsd:byte from xsd:integer, xsd:integer from xsd:decimal,
/// xsd:token from xsd:string), so a literal of `derived` fits a range `base`.
bool derives_from(std::string_view derived, std::string_view base);

}  // namespace quiver::validate
