#pragma once
/// @file
/// The ids of SPARQL's functions: every operator, builtin call and XSD
/// cast (Function), and every set function (Aggregate). The parser writes
/// them into the algebra; what each one is (its spelling, arity, whether it
/// is a special form or volatile, its implementation) is the registry's
/// (registry.hpp, aggregates.hpp).

#include <cstddef>
#include <cstdint>

namespace quiver::functions {

/// An operator, builtin call or XSD cast of SPARQL 1.1 (17.3-17.5), in the
/// order of the registry's table.
enum class Function : std::uint8_t {
  // Operators (17.3), in the order of the grammar's rules [111]-[118].
  Or,            ///< `a || b`
  And,           ///< `a && b`
  Equal,         ///< `a = b`
  NotEqual,      ///< `a != b`
  Less,          ///< `a < b`
  Greater,       ///< `a > b`
  LessEqual,     ///< `a <= b`
  GreaterEqual,  ///< `a >= b`
  In,            ///< `a IN (b, ...)`
  NotIn,         ///< `a NOT IN (b, ...)`
  Add,           ///< `a + b`
  Subtract,      ///< `a - b`
  Multiply,      ///< `a * b`
  Divide,        ///< `a / b`
  Not,           ///< `!a`
  UnaryPlus,     ///< `+a`
  UnaryMinus,    ///< `-a`
  // Functional forms (17.4.1).
  Bound,     ///< BOUND(?var)
  If,        ///< IF(condition, then, else)
  Coalesce,  ///< COALESCE(a, ...)
  SameTerm,  ///< sameTerm(a, b)
  // Functions on RDF terms (17.4.2).
  IsIri,      ///< isIRI(term)
  IsUri,      ///< isURI(term), the same as isIRI
  IsBlank,    ///< isBLANK(term)
  IsLiteral,  ///< isLITERAL(term)
  IsNumeric,  ///< isNUMERIC(term)
  Str,        ///< STR(term)
  Lang,       ///< LANG(literal)
  Datatype,   ///< DATATYPE(literal)
  Iri,        ///< IRI(string or IRI), resolved against the query's BASE
  Uri,        ///< URI(string or IRI), the same as IRI
  BNode,      ///< BNODE() or BNODE(string)
  StrDt,      ///< STRDT(string, datatype IRI)
  StrLang,    ///< STRLANG(string, language tag)
  Uuid,       ///< UUID()
  StrUuid,    ///< STRUUID()
  // Functions on RDF 1.2 terms (SPARQL 1.2 17.4.2).
  Triple,      ///< TRIPLE(subject, predicate, object)
  Subject,     ///< SUBJECT(triple term)
  Predicate,   ///< PREDICATE(triple term)
  Object,      ///< OBJECT(triple term)
  IsTriple,    ///< isTRIPLE(term)
  LangDir,     ///< LANGDIR(literal)
  HasLang,     ///< hasLANG(term)
  HasLangDir,  ///< hasLANGDIR(term)
  StrLangDir,  ///< STRLANGDIR(string, language tag, direction)
  // Functions on strings (17.4.3).
  StrLen,        ///< STRLEN(string)
  SubStr,        ///< SUBSTR(string, start) or SUBSTR(string, start, length)
  UCase,         ///< UCASE(string)
  LCase,         ///< LCASE(string)
  StrStarts,     ///< STRSTARTS(string, prefix)
  StrEnds,       ///< STRENDS(string, suffix)
  Contains,      ///< CONTAINS(string, part)
  StrBefore,     ///< STRBEFORE(string, part)
  StrAfter,      ///< STRAFTER(string, part)
  EncodeForUri,  ///< ENCODE_FOR_URI(string)
  Concat,        ///< CONCAT(string, ...)
  LangMatches,   ///< langMatches(tag, range)
  Regex,         ///< REGEX(string, pattern) or REGEX(string, pattern, flags)
  Replace,       ///< REPLACE(string, pattern, replacement[, flags])
  // Functions on numerics (17.4.4).
  Abs,    ///< ABS(number)
  Round,  ///< ROUND(number)
  Ceil,   ///< CEIL(number)
  Floor,  ///< FLOOR(number)
  Rand,   ///< RAND()
  // Functions on dates and times (17.4.5).
  Now,       ///< NOW()
  Year,      ///< YEAR(dateTime)
  Month,     ///< MONTH(dateTime)
  Day,       ///< DAY(dateTime)
  Hours,     ///< HOURS(dateTime)
  Minutes,   ///< MINUTES(dateTime)
  Seconds,   ///< SECONDS(dateTime)
  Timezone,  ///< TIMEZONE(dateTime)
  Tz,        ///< TZ(dateTime)
  // Hash functions (17.4.6).
  Md5,     ///< MD5(string)
  Sha1,    ///< SHA1(string)
  Sha256,  ///< SHA256(string)
  Sha384,  ///< SHA384(string)
  Sha512,  ///< SHA512(string)
  // XSD constructor functions (17.5), called by the type's IRI.
  CastString,              ///< xsd:string(term)
  CastBoolean,             ///< xsd:boolean(term)
  CastDecimal,             ///< xsd:decimal(term)
  CastFloat,               ///< xsd:float(term)
  CastDouble,              ///< xsd:double(term)
  CastInteger,             ///< xsd:integer(term)
  CastNonPositiveInteger,  ///< xsd:nonPositiveInteger(term)
  CastNegativeInteger,     ///< xsd:negativeInteger(term)
  CastLong,                ///< xsd:long(term)
  CastInt,                 ///< xsd:int(term)
  CastShort,               ///< xsd:short(term)
  CastByte,                ///< xsd:byte(term)
  CastNonNegativeInteger,  ///< xsd:nonNegativeInteger(term)
  CastUnsignedLong,        ///< xsd:unsignedLong(term)
  CastUnsignedInt,         ///< xsd:unsignedInt(term)
  CastUnsignedShort,       ///< xsd:unsignedShort(term)
  CastUnsignedByte,        ///< xsd:unsignedByte(term)
  CastPositiveInteger,     ///< xsd:positiveInteger(term)
  CastDateTime,            ///< xsd:dateTime(term)
  CastDate,                ///< xsd:date(term)
};

/// How many Function ids there are.
inline constexpr std::size_t kFunctionCount = static_cast<std::size_t>(Function::CastDate) + 1;

/// A set function of SPARQL 1.1 (18.5.1), in the order of its table.
enum class Aggregate : std::uint8_t {
  Count,        ///< COUNT(expr) or COUNT(*)
  Sum,          ///< SUM(expr)
  Min,          ///< MIN(expr)
  Max,          ///< MAX(expr)
  Avg,          ///< AVG(expr)
  Sample,       ///< SAMPLE(expr)
  GroupConcat,  ///< GROUP_CONCAT(expr; SEPARATOR = "...")
};

/// How many Aggregate ids there are.
inline constexpr std::size_t kAggregateCount = static_cast<std::size_t>(Aggregate::GroupConcat) + 1;

}  // namespace quiver::functions
