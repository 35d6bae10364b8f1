#pragma once
// Term builders and a compact printer for the function tests: values print
// as N-Triples with the XSD namespace shortened (`"3"^^xsd:integer`), and
// an error prints as `error`.

#include <string>
#include <string_view>
#include <vector>

#include "eval/functions.hpp"
#include "terms/term.hpp"

namespace quiver::eval::testing {

inline Term xsd(std::string_view lexical, std::string_view local) {
  return Term::literal(lexical, std::string(vocab::kXsd) + std::string(local));
}
inline Term integer(std::string_view lexical) { return xsd(lexical, "integer"); }
inline Term decimal(std::string_view lexical) { return xsd(lexical, "decimal"); }
inline Term dbl(std::string_view lexical) { return xsd(lexical, "double"); }
inline Term flt(std::string_view lexical) { return xsd(lexical, "float"); }
inline Term boolean(std::string_view lexical) { return xsd(lexical, "boolean"); }
inline Term datetime(std::string_view lexical) { return xsd(lexical, "dateTime"); }
inline Term str(std::string_view lexical) { return Term::literal(lexical); }
inline Term lang(std::string_view lexical, std::string_view tag) {
  return Term::literal(lexical, {}, tag);
}
inline Term iri(std::string_view value) { return Term::iri(value); }
inline Term bnode(std::string_view label) { return Term::blank(label); }

/// N-Triples with `xsd:` for the XSD namespace, or `error`.
inline std::string show(const Value& value) {
  if (!value) return "error";
  std::string nt = value->to_ntriples();
  const std::string prefix = "^^<" + std::string(vocab::kXsd);
  if (const auto at = nt.find(prefix); at != std::string::npos && nt.back() == '>') {
    nt = nt.substr(0, at) +
         "^^xsd:" + nt.substr(at + prefix.size(), nt.size() - at - prefix.size() - 1);
  }
  return nt;
}

/// Calls a builtin with argument terms (no error arguments).
inline std::string call(std::string_view name, const std::vector<Term>& args,
                        FunctionContext* ctx = nullptr) {
  FunctionContext local;
  std::vector<Value> values(args.begin(), args.end());
  return show(call_builtin(name, values, ctx ? *ctx : local));
}

/// Calls an XSD cast by the type's local name.
inline std::string cast(std::string_view local, const Term& arg) {
  FunctionContext ctx;
  return show(call_iri_function(std::string(vocab::kXsd) + std::string(local), {arg}, ctx));
}

}  // namespace quiver::eval::testing
