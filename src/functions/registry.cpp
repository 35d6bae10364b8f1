// The registry's table: one line per Function, in the enum's order (the
// static_assert below holds it to that), so that an entry is found by
// indexing, never by name, once the parser has read the query.

#include "functions/registry.hpp"

#include "functions/builtins_internal.hpp"
#include "functions/value.hpp"
#include "util/ascii.hpp"

namespace quiver::functions {

using namespace detail;
using enum Function;
using enum Determinism;

namespace {

template <Function Op>
Value compare_as(Args args, FunctionContext&) {
  return compare(Op, args[0], args[1]);
}

template <Function Op>
Value arithmetic_as(Args args, FunctionContext&) {
  return arithmetic(Op, args[0], args[1]);
}

template <Function Op>
Value unary_as(Args args, FunctionContext&) {
  return unary(Op, args[0]);
}

// The target type of a cast is the IRI its entry is called by.
template <Function Cast>
Value cast_as(Args args, FunctionContext&) {
  return cast(function_info(Cast).name, args[0]);
}

constexpr FunctionInfo special(Function id, std::string_view name, Syntax syntax, std::uint8_t min,
                               std::uint8_t max) {
  return {id, name, syntax, min, max, true, Deterministic, nullptr};
}

constexpr FunctionInfo op(Function id, std::string_view symbol, std::uint8_t arity,
                          Implementation implementation) {
  return {id, symbol, Syntax::Operator, arity, arity, false, Deterministic, implementation};
}

constexpr FunctionInfo builtin(Function id, std::string_view keyword, std::uint8_t min,
                               std::uint8_t max, Implementation implementation,
                               Determinism determinism = Deterministic) {
  return {id, keyword, Syntax::Keyword, min, max, false, determinism, implementation};
}

template <Function Cast>
constexpr FunctionInfo cast_to(std::string_view iri) {
  return {Cast, iri, Syntax::Iri, 1, 1, false, Deterministic, cast_as<Cast>};
}

constexpr std::uint8_t kAny = kVariadic;

}  // namespace

constexpr std::array<FunctionInfo, kFunctionCount> kFunctionTable = {{
    special(Or, "||", Syntax::Operator, 2, 2),
    special(And, "&&", Syntax::Operator, 2, 2),
    op(Equal, "=", 2, compare_as<Equal>),
    op(NotEqual, "!=", 2, compare_as<NotEqual>),
    op(Less, "<", 2, compare_as<Less>),
    op(Greater, ">", 2, compare_as<Greater>),
    op(LessEqual, "<=", 2, compare_as<LessEqual>),
    op(GreaterEqual, ">=", 2, compare_as<GreaterEqual>),
    special(In, "IN", Syntax::Operator, 1, kAny),
    special(NotIn, "NOT IN", Syntax::Operator, 1, kAny),
    op(Add, "+", 2, arithmetic_as<Add>),
    op(Subtract, "-", 2, arithmetic_as<Subtract>),
    op(Multiply, "*", 2, arithmetic_as<Multiply>),
    op(Divide, "/", 2, arithmetic_as<Divide>),
    op(Not, "!", 1, unary_as<Not>),
    op(UnaryPlus, "+", 1, unary_as<UnaryPlus>),
    op(UnaryMinus, "-", 1, unary_as<UnaryMinus>),

    special(Bound, "BOUND", Syntax::Keyword, 1, 1),
    special(If, "IF", Syntax::Keyword, 3, 3),
    special(Coalesce, "COALESCE", Syntax::Keyword, 0, kAny),
    builtin(SameTerm, "SAMETERM", 2, 2, fn_sameterm),

    builtin(IsIri, "ISIRI", 1, 1, fn_isiri),
    builtin(IsUri, "ISURI", 1, 1, fn_isiri),
    builtin(IsBlank, "ISBLANK", 1, 1, fn_isblank),
    builtin(IsLiteral, "ISLITERAL", 1, 1, fn_isliteral),
    builtin(IsNumeric, "ISNUMERIC", 1, 1, fn_isnumeric),
    builtin(Str, "STR", 1, 1, fn_str),
    builtin(Lang, "LANG", 1, 1, fn_lang),
    builtin(Datatype, "DATATYPE", 1, 1, fn_datatype),
    builtin(Iri, "IRI", 1, 1, fn_iri),
    builtin(Uri, "URI", 1, 1, fn_iri),
    builtin(BNode, "BNODE", 0, 1, fn_bnode, PerCall),
    builtin(StrDt, "STRDT", 2, 2, fn_strdt),
    builtin(StrLang, "STRLANG", 2, 2, fn_strlang),
    builtin(Uuid, "UUID", 0, 0, fn_uuid, PerCall),
    builtin(StrUuid, "STRUUID", 0, 0, fn_struuid, PerCall),
    builtin(Triple, "TRIPLE", 3, 3, fn_triple),
    builtin(Subject, "SUBJECT", 1, 1, fn_subject),
    builtin(Predicate, "PREDICATE", 1, 1, fn_predicate),
    builtin(Object, "OBJECT", 1, 1, fn_object),
    builtin(IsTriple, "ISTRIPLE", 1, 1, fn_istriple),
    builtin(LangDir, "LANGDIR", 1, 1, fn_langdir),
    builtin(HasLang, "HASLANG", 1, 1, fn_haslang),
    builtin(HasLangDir, "HASLANGDIR", 1, 1, fn_haslangdir),
    builtin(StrLangDir, "STRLANGDIR", 3, 3, fn_strlangdir),

    builtin(StrLen, "STRLEN", 1, 1, fn_strlen),
    builtin(SubStr, "SUBSTR", 2, 3, fn_substr),
    builtin(UCase, "UCASE", 1, 1, fn_ucase),
    builtin(LCase, "LCASE", 1, 1, fn_lcase),
    builtin(StrStarts, "STRSTARTS", 2, 2, fn_strstarts),
    builtin(StrEnds, "STRENDS", 2, 2, fn_strends),
    builtin(Contains, "CONTAINS", 2, 2, fn_contains),
    builtin(StrBefore, "STRBEFORE", 2, 2, fn_strbefore),
    builtin(StrAfter, "STRAFTER", 2, 2, fn_strafter),
    builtin(EncodeForUri, "ENCODE_FOR_URI", 1, 1, fn_encode_for_uri),
    builtin(Concat, "CONCAT", 0, kAny, fn_concat),
    builtin(LangMatches, "LANGMATCHES", 2, 2, fn_langmatches),
    builtin(Regex, "REGEX", 2, 3, fn_regex),
    builtin(Replace, "REPLACE", 3, 4, fn_replace),

    builtin(Abs, "ABS", 1, 1, fn_abs),
    builtin(Round, "ROUND", 1, 1, fn_round),
    builtin(Ceil, "CEIL", 1, 1, fn_ceil),
    builtin(Floor, "FLOOR", 1, 1, fn_floor),
    builtin(Rand, "RAND", 0, 0, fn_rand, PerCall),

    builtin(Now, "NOW", 0, 0, fn_now, PerQuery),
    builtin(Year, "YEAR", 1, 1, fn_year),
    builtin(Month, "MONTH", 1, 1, fn_month),
    builtin(Day, "DAY", 1, 1, fn_day),
    builtin(Hours, "HOURS", 1, 1, fn_hours),
    builtin(Minutes, "MINUTES", 1, 1, fn_minutes),
    builtin(Seconds, "SECONDS", 1, 1, fn_seconds),
    builtin(Timezone, "TIMEZONE", 1, 1, fn_timezone),
    builtin(Tz, "TZ", 1, 1, fn_tz),

    builtin(Md5, "MD5", 1, 1, fn_md5),
    builtin(Sha1, "SHA1", 1, 1, fn_sha1),
    builtin(Sha256, "SHA256", 1, 1, fn_sha256),
    builtin(Sha384, "SHA384", 1, 1, fn_sha384),
    builtin(Sha512, "SHA512", 1, 1, fn_sha512),

    cast_to<CastString>("http://www.w3.org/2001/XMLSchema#string"),
    cast_to<CastBoolean>("http://www.w3.org/2001/XMLSchema#boolean"),
    cast_to<CastDecimal>("http://www.w3.org/2001/XMLSchema#decimal"),
    cast_to<CastFloat>("http://www.w3.org/2001/XMLSchema#float"),
    cast_to<CastDouble>("http://www.w3.org/2001/XMLSchema#double"),
    cast_to<CastInteger>("http://www.w3.org/2001/XMLSchema#integer"),
    cast_to<CastNonPositiveInteger>("http://www.w3.org/2001/XMLSchema#nonPositiveInteger"),
    cast_to<CastNegativeInteger>("http://www.w3.org/2001/XMLSchema#negativeInteger"),
    cast_to<CastLong>("http://www.w3.org/2001/XMLSchema#long"),
    cast_to<CastInt>("http://www.w3.org/2001/XMLSchema#int"),
    cast_to<CastShort>("http://www.w3.org/2001/XMLSchema#short"),
    cast_to<CastByte>("http://www.w3.org/2001/XMLSchema#byte"),
    cast_to<CastNonNegativeInteger>("http://www.w3.org/2001/XMLSchema#nonNegativeInteger"),
    cast_to<CastUnsignedLong>("http://www.w3.org/2001/XMLSchema#unsignedLong"),
    cast_to<CastUnsignedInt>("http://www.w3.org/2001/XMLSchema#unsignedInt"),
    cast_to<CastUnsignedShort>("http://www.w3.org/2001/XMLSchema#unsignedShort"),
    cast_to<CastUnsignedByte>("http://www.w3.org/2001/XMLSchema#unsignedByte"),
    cast_to<CastPositiveInteger>("http://www.w3.org/2001/XMLSchema#positiveInteger"),
    cast_to<CastDateTime>("http://www.w3.org/2001/XMLSchema#dateTime"),
    cast_to<CastDate>("http://www.w3.org/2001/XMLSchema#date"),
}};

static_assert(in_id_order(kFunctionTable),
              "kFunctionTable must list every Function once, in enum order");

std::optional<Function> find_builtin(std::string_view keyword) {
  for (const FunctionInfo& info : kFunctionTable) {
    if (info.syntax == Syntax::Keyword && equal_ignore_case(info.name, keyword)) return info.id;
  }
  return std::nullopt;
}

std::optional<Function> find_cast(std::string_view iri) {
  for (const FunctionInfo& info : kFunctionTable) {
    if (info.syntax == Syntax::Iri && info.name == iri) return info.id;
  }
  return std::nullopt;
}

Value call_builtin(Function f, Args args, FunctionContext& ctx) {
  const FunctionInfo& info = function_info(f);
  if (info.implementation == nullptr || args.size() < info.min_args ||
      (info.max_args != kVariadic && args.size() > info.max_args)) {
    return std::nullopt;
  }
  return info.implementation(args, ctx);
}

}  // namespace quiver::functions
