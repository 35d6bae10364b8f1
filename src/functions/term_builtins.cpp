// The builtins about terms themselves (17.4.1, 17.4.2): STR, LANG,
// DATATYPE, IRI, BNODE, STRDT, STRLANG, sameTerm, is*.

#include <array>
#include <string>

#include "functions/builtins_internal.hpp"
#include "terms/iri.hpp"
#include "terms/term_reader.hpp"

namespace quiver::functions {
namespace {

using detail::BuiltinEntry;
using detail::make_bool;
using detail::make_string;

Value fn_str(const std::vector<Term>& args, FunctionContext&) {
  const Term& t = args[0];
  if (t.is_blank()) return std::nullopt;
  return make_string(t.value());
}

Value fn_lang(const std::vector<Term>& args, FunctionContext&) {
  if (!args[0].is_literal()) return std::nullopt;
  return make_string(args[0].language());
}

/// RFC 4647 basic filtering, as SPARQL's langMatches wants.
Value fn_langmatches(const std::vector<Term>& args, FunctionContext&) {
  if (!detail::is_simple_string(args[0]) || !detail::is_simple_string(args[1])) {
    return std::nullopt;
  }
  const std::string& tag = args[0].value();
  const std::string& range = args[1].value();
  if (range == "*") return make_bool(!tag.empty());
  const bool prefix = tag.size() > range.size() && tag[range.size()] == '-' &&
                      detail::equal_ignore_case(tag.substr(0, range.size()), range);
  return make_bool(detail::equal_ignore_case(tag, range) || prefix);
}

Value fn_datatype(const std::vector<Term>& args, FunctionContext&) {
  if (!args[0].is_literal()) return std::nullopt;
  return Term::iri(args[0].datatype());
}

Value fn_iri(const std::vector<Term>& args, FunctionContext& ctx) {
  const Term& t = args[0];
  if (t.is_iri()) return t;
  if (!detail::is_simple_string(t)) return std::nullopt;
  if (ctx.base_iri.empty() || has_scheme(t.value())) return Term::iri(t.value());
  return Term::iri(resolve_iri(ctx.base_iri, t.value()));
}

/// A label for a fresh blank node; the `qf` prefix keeps it apart from the
/// labels the parsers produce.
std::string fresh_bnode_label(FunctionContext& ctx) {
  return "qf" + std::to_string(ctx.next_bnode++);
}

Value fn_bnode(const std::vector<Term>& args, FunctionContext& ctx) {
  if (args.empty()) return Term::blank(fresh_bnode_label(ctx));
  if (!detail::is_simple_string(args[0])) return std::nullopt;
  auto [it, inserted] = ctx.bnode_labels.try_emplace(args[0].value());
  if (inserted) it->second = fresh_bnode_label(ctx);
  return Term::blank(it->second);
}

Value fn_strdt(const std::vector<Term>& args, FunctionContext&) {
  if (!detail::is_simple_string(args[0]) || !args[1].is_iri()) return std::nullopt;
  if (args[1].value() == vocab::kRdfLangString) return std::nullopt;
  return Term::literal(args[0].value(), args[1].value());
}

Value fn_strlang(const std::vector<Term>& args, FunctionContext&) {
  if (!detail::is_simple_string(args[0]) || !detail::is_simple_string(args[1])) {
    return std::nullopt;
  }
  // The tags every reader and the SPARQL lexer accept, so that a literal
  // made here could have been written in a query or in the data.
  const std::string& tag = args[1].value();
  if (!is_language_tag(tag)) return std::nullopt;
  // RDF 1.1 tags are case-insensitive; the W3C results use lower case.
  return Term::literal(args[0].value(), {}, detail::ascii_lower(tag));
}

Value fn_sameterm(const std::vector<Term>& args, FunctionContext&) {
  return make_bool(detail::same_term(args[0], args[1]));
}

Value fn_isiri(const std::vector<Term>& args, FunctionContext&) {
  return make_bool(args[0].is_iri());
}
Value fn_isblank(const std::vector<Term>& args, FunctionContext&) {
  return make_bool(args[0].is_blank());
}
Value fn_isliteral(const std::vector<Term>& args, FunctionContext&) {
  return make_bool(args[0].is_literal());
}
Value fn_isnumeric(const std::vector<Term>& args, FunctionContext&) {
  return make_bool(is_numeric(args[0]));
}

constexpr std::array kTermBuiltins{
    BuiltinEntry{"STR", 1, 1, fn_str},
    BuiltinEntry{"LANG", 1, 1, fn_lang},
    BuiltinEntry{"LANGMATCHES", 2, 2, fn_langmatches},
    BuiltinEntry{"DATATYPE", 1, 1, fn_datatype},
    BuiltinEntry{"IRI", 1, 1, fn_iri},
    BuiltinEntry{"URI", 1, 1, fn_iri},
    BuiltinEntry{"BNODE", 0, 1, fn_bnode},
    BuiltinEntry{"STRDT", 2, 2, fn_strdt},
    BuiltinEntry{"STRLANG", 2, 2, fn_strlang},
    BuiltinEntry{"SAMETERM", 2, 2, fn_sameterm},
    BuiltinEntry{"ISIRI", 1, 1, fn_isiri},
    BuiltinEntry{"ISURI", 1, 1, fn_isiri},
    BuiltinEntry{"ISBLANK", 1, 1, fn_isblank},
    BuiltinEntry{"ISLITERAL", 1, 1, fn_isliteral},
    BuiltinEntry{"ISNUMERIC", 1, 1, fn_isnumeric},
};

}  // namespace

std::span<const detail::BuiltinEntry> detail::term_builtins() { return kTermBuiltins; }

}  // namespace quiver::functions
