// The functions SPARQL 1.2 adds for RDF 1.2 terms (17.4.2): triple terms
// (TRIPLE, SUBJECT, PREDICATE, OBJECT, isTRIPLE) and base directions
// (LANGDIR, hasLANG, hasLANGDIR, STRLANGDIR).

#include <string>

#include "functions/builtins_internal.hpp"
#include "terms/term_reader.hpp"
#include "terms/triple_term.hpp"
#include "util/ascii.hpp"

namespace quiver::functions::detail {

Value fn_triple(Args args, FunctionContext&) {
  const Term& s = args[0];
  const Term& p = args[1];
  const Term& o = args[2];
  if (!(s.is_iri() || s.is_blank()) || !p.is_iri() || o.is_none()) return std::nullopt;
  return Term::triple(s.ref(), p.ref(), o.ref());
}

namespace {

Value part(const Term& t, Term Triple::*which) {
  if (!t.is_triple()) return std::nullopt;
  std::optional<quiver::Triple> parts = triple_term_parts(t.value());
  if (!parts) return std::nullopt;
  return std::move(*parts.*which);
}

}  // namespace

Value fn_subject(Args args, FunctionContext&) { return part(args[0], &Triple::subject); }
Value fn_predicate(Args args, FunctionContext&) { return part(args[0], &Triple::predicate); }
Value fn_object(Args args, FunctionContext&) { return part(args[0], &Triple::object); }
Value fn_istriple(Args args, FunctionContext&) { return make_bool(args[0].is_triple()); }

Value fn_langdir(Args args, FunctionContext&) {
  if (!args[0].is_literal()) return std::nullopt;
  return make_string(base_direction(args[0].language()));
}

Value fn_haslang(Args args, FunctionContext&) {
  return make_bool(args[0].is_literal() && !args[0].language().empty());
}

Value fn_haslangdir(Args args, FunctionContext&) {
  return make_bool(args[0].is_literal() && !base_direction(args[0].language()).empty());
}

Value fn_strlangdir(Args args, FunctionContext&) {
  if (!is_simple_string(args[0]) || !is_simple_string(args[1]) || !is_simple_string(args[2])) {
    return std::nullopt;
  }
  const std::string field = ascii_lower(args[1].value()) + "--" + args[2].value();
  if (!is_language_field(field)) return std::nullopt;
  return Term::literal(args[0].value(), {}, field);
}

}  // namespace quiver::functions::detail
