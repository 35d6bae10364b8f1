#pragma once
/// @file
/// Lexical checks for the common XSD datatypes: is `"2024-13"` a valid
/// xsd:gYearMonth? Forms are checked exactly as written (RDF literals are
/// not whitespace-normalized), against the XSD 1.1 lexical spaces and the
/// value ranges of the derived integer types, by the same readers the
/// evaluator parses values with (numeric.hpp, datetime.hpp).

#include <optional>
#include <string_view>

namespace quiver::xsd {

/// What a lexical check found.
enum class LexicalCheck { Valid, Invalid, UnknownDatatype };

/// Checks `lexical` against `datatype` (a full IRI). Knows xsd:integer and
/// its derived types, decimal, double, float, boolean, date, dateTime, time,
/// gYear, gYearMonth, string, normalizedString, token, language and anyURI;
/// any other datatype gives UnknownDatatype, which is not an error.
LexicalCheck check_lexical(std::string_view datatype, std::string_view lexical);

/// The value of an xsd:boolean lexical form (`true`, `false`, `1`, `0`);
/// nullopt for anything else.
std::optional<bool> parse_boolean(std::string_view lexical);

}  // namespace quiver::xsd
