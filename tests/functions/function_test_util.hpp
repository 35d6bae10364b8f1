#pragma once
// Term builders and a compact printer for the function tests: values print
// as N-Triples with the XSD namespace shortened (`"3"^^xsd:integer`), and
// an error prints as `error`. The literal builders are support/literals.hpp's.

#include <string>
#include <string_view>
#include <vector>

#include "functions/registry.hpp"
#include "support/literals.hpp"
#include "terms/term.hpp"

namespace quiver::functions::testing {

using quiver::testing::boolean;
using quiver::testing::datetime;
using quiver::testing::dbl;
using quiver::testing::decimal;
using quiver::testing::flt;
using quiver::testing::integer;
using quiver::testing::str;
using quiver::testing::xsd;

inline Term lang(std::string_view lexical, std::string_view tag) {
  return Term::literal(lexical, {}, tag);
}
inline Term iri(std::string_view value) { return Term::iri(value); }
inline Term bnode(std::string_view label) { return Term::blank(label); }

/// N-Triples with `xsd:` for the XSD namespace, or `error`.
inline std::string show(const Value& value) {
  return value ? quiver::testing::show(*value) : "error";
}

/// Calls the builtin a keyword names (any case) with argument terms;
/// `no such builtin` when the registry has none by that name.
inline std::string call(std::string_view name, const std::vector<Term>& args,
                        FunctionContext* ctx = nullptr) {
  const std::optional<Function> f = find_builtin(name);
  if (!f) return "no such builtin";
  FunctionContext local;
  return show(call_builtin(*f, args, ctx ? *ctx : local));
}

/// Calls an XSD cast by the type's local name.
inline std::string cast(std::string_view local, const Term& arg) {
  const std::optional<Function> f = find_cast(std::string(vocab::kXsd) + std::string(local));
  if (!f) return "no such cast";
  FunctionContext ctx;
  return show(call_builtin(*f, {&arg, 1}, ctx));
}

}  // namespace quiver::functions::testing
