// The builtins about terms themselves (17.4.1, 17.4.2): STR, LANG,
// DATATYPE, IRI, BNODE, STRDT, STRLANG, sameTerm, is*.

#include <string>

#include "functions/builtins_internal.hpp"
#include "terms/iri.hpp"
#include "terms/term_reader.hpp"

namespace quiver::functions::detail {

Value fn_str(Args args, FunctionContext&) {
  const Term& t = args[0];
  if (!t.is_iri() && !t.is_literal()) return std::nullopt;  // a blank node, a triple term
  return make_string(t.value());
}

Value fn_lang(Args args, FunctionContext&) {
  if (!args[0].is_literal()) return std::nullopt;
  return make_string(language_without_direction(args[0].language()));
}

/// RFC 4647 basic filtering, as SPARQL's langMatches wants.
Value fn_langmatches(Args args, FunctionContext&) {
  if (!is_simple_string(args[0]) || !is_simple_string(args[1])) {
    return std::nullopt;
  }
  const std::string& tag = args[0].value();
  const std::string& range = args[1].value();
  if (range == "*") return make_bool(!tag.empty());
  const bool prefix = tag.size() > range.size() && tag[range.size()] == '-' &&
                      equal_ignore_case(tag.substr(0, range.size()), range);
  return make_bool(equal_ignore_case(tag, range) || prefix);
}

Value fn_datatype(Args args, FunctionContext&) {
  if (!args[0].is_literal()) return std::nullopt;
  return Term::iri(args[0].datatype());
}

// A string that is no IRI (a space, `<`, `>`, a quote...) is an error, as
// in Oxigraph: made into an IRI it would be written as one that no reader
// takes back, or, unescaped, as several terms (issue 16).
Value fn_iri(Args args, FunctionContext& ctx) {
  const Term& t = args[0];
  if (t.is_iri()) return t;
  if (!is_simple_string(t)) return std::nullopt;
  std::string iri = ctx.base_iri.empty() || has_scheme(t.value())
                        ? t.value()
                        : resolve_iri(ctx.base_iri, t.value());
  if (!is_plain_iriref(iri)) return std::nullopt;
  return Term::iri(iri);
}

namespace {

/// A label for a fresh blank node; the `qf` prefix keeps it apart from the
/// labels the parsers produce.
std::string fresh_bnode_label(FunctionContext& ctx) {
  return "qf" + std::to_string(ctx.next_bnode++);
}

}  // namespace

Value fn_bnode(Args args, FunctionContext& ctx) {
  if (args.empty()) return Term::blank(fresh_bnode_label(ctx));
  if (!is_simple_string(args[0])) return std::nullopt;
  auto [it, inserted] = ctx.bnode_labels.try_emplace(args[0].value());
  if (inserted) it->second = fresh_bnode_label(ctx);
  return Term::blank(it->second);
}

Value fn_strdt(Args args, FunctionContext&) {
  if (!is_simple_string(args[0]) || !args[1].is_iri()) return std::nullopt;
  if (args[1].value() == vocab::kRdfLangString || args[1].value() == vocab::kRdfDirLangString) {
    return std::nullopt;
  }
  return Term::literal(args[0].value(), args[1].value());
}

Value fn_strlang(Args args, FunctionContext&) {
  if (!is_simple_string(args[0]) || !is_simple_string(args[1])) {
    return std::nullopt;
  }
  // The tags every reader and the SPARQL lexer accept, so that a literal
  // made here could have been written in a query or in the data.
  const std::string& tag = args[1].value();
  if (!is_language_tag(tag)) return std::nullopt;
  // RDF 1.1 tags are case-insensitive; the W3C results use lower case.
  return Term::literal(args[0].value(), {}, ascii_lower(tag));
}

Value fn_sameterm(Args args, FunctionContext&) { return make_bool(same_term(args[0], args[1])); }

Value fn_isiri(Args args, FunctionContext&) { return make_bool(args[0].is_iri()); }
Value fn_isblank(Args args, FunctionContext&) { return make_bool(args[0].is_blank()); }
Value fn_isliteral(Args args, FunctionContext&) { return make_bool(args[0].is_literal()); }
Value fn_isnumeric(Args args, FunctionContext&) { return make_bool(is_numeric(args[0])); }

}  // namespace quiver::functions::detail
