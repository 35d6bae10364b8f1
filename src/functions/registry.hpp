#pragma once
/// @file
/// The builtin functions of SPARQL (17.4) and the XSD casts (17.5), called
/// on evaluated arguments. The special forms (BOUND, IF, COALESCE, IN,
/// logical operators, EXISTS) are the evaluator's, since they do not
/// evaluate every argument.

#include <string_view>
#include <vector>

#include "functions/value.hpp"

namespace quiver::functions {

/// A builtin function by its SPARQL name (STR, LANG, LANGMATCHES, DATATYPE,
/// IRI, URI, BNODE, RAND, ABS, CEIL, FLOOR, ROUND, CONCAT, STRLEN, UCASE,
/// LCASE, ENCODE_FOR_URI, CONTAINS, STRSTARTS, STRENDS, STRBEFORE,
/// STRAFTER, YEAR, MONTH, DAY, HOURS, MINUTES, SECONDS, TIMEZONE, TZ, NOW,
/// UUID, STRUUID, MD5, SHA1, SHA256, SHA384, SHA512, STRLANG, STRDT,
/// SAMETERM, ISIRI, ISURI, ISBLANK, ISLITERAL, ISNUMERIC, REGEX, SUBSTR,
/// REPLACE), arguments already evaluated. A nullopt argument is an error
/// argument; the call then fails.
Value call_builtin(std::string_view name, const std::vector<Value>& args, FunctionContext& ctx);

/// A function called by IRI: the XSD casts (xsd:string, xsd:integer,
/// xsd:decimal, xsd:float, xsd:double, xsd:boolean, xsd:dateTime, and the
/// other XSD types SPARQL 1.1 lists). Unknown IRIs give an error.
Value call_iri_function(std::string_view iri, const std::vector<Value>& args, FunctionContext& ctx);

}  // namespace quiver::functions
