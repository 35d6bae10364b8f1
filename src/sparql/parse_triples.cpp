// Triples, property paths (with their translation, 18.2.2.4) and terms.

#include "sparql/parser_internal.hpp"

namespace quiver::sparql::detail {
namespace {

using vocab::kXsdBoolean;
using vocab::kXsdDecimal;
using vocab::kXsdDouble;
using vocab::kXsdInteger;

PathPtr link(Term iri) {
  Path p;
  p.kind = PathKind::Link;
  p.iri = std::move(iri);
  return make_path(std::move(p));
}

PathPtr unary_path(PathKind kind, PathPtr arg) {
  Path p;
  p.kind = kind;
  p.args = {std::move(arg)};
  return make_path(std::move(p));
}

}  // namespace

std::string Parser::fresh_name(std::string_view stem) {
  // Skipping labels the query itself uses keeps `[]` apart from `_:gen0`.
  for (;;) {
    std::string label = std::string(stem) + std::to_string(fresh_counter_++);
    if (!used_labels_.contains(label)) return label;
  }
}

PatternTerm Parser::blank_node(std::string_view label) {
  if (!no_blank_nodes_.empty()) {
    fail_at(previous(), "blank nodes are not allowed in " + std::string(no_blank_nodes_));
  }
  if (template_mode_) return PatternTerm::constant(Term::blank(label));
  return PatternTerm::var("_:" + std::string(label));
}

PatternTerm Parser::fresh_blank_node() { return blank_node(fresh_name("gen")); }

// [75] TriplesSameSubject, [81] TriplesSameSubjectPath
void Parser::parse_triples_same_subject(TriplesBlock& out) {
  if (at_triple_term()) {  // SPARQL 1.2's VarOrTerm holds triple terms, as subjects too
    const PatternTerm subject = parse_triple_term(out);
    parse_property_list_not_empty(subject, out);
    return;
  }
  if (at_reified_triple()) {  // ReifiedTripleBlock: ReifiedTriple PropertyList
    const PatternTerm reifier = parse_reified_triple(out);
    if (at_verb()) parse_property_list_not_empty(reifier, out);
    return;
  }
  if (at_punct("[") || at_punct("(")) {
    const PatternTerm subject = parse_triples_node(out);
    if (at_verb()) parse_property_list_not_empty(subject, out);  // [76] PropertyList
    return;
  }
  const PatternTerm subject = parse_var_or_term();
  parse_property_list_not_empty(subject, out);
}

// [77] PropertyListNotEmpty, [83] PropertyListPathNotEmpty
void Parser::parse_property_list_not_empty(const PatternTerm& subject, TriplesBlock& out) {
  for (;;) {
    const Verb verb = parse_verb();
    parse_object_list(subject, verb, out);
    if (!at_punct(";")) return;
    while (accept_punct(";")) {
    }
    if (!at_verb()) return;
  }
}

bool Parser::at_verb() const {
  if (at_kind(TokenKind::Var) || at_kind(TokenKind::IriRef) || at_kind(TokenKind::Pname)) {
    return true;
  }
  const Token& t = peek();
  if (t.kind == TokenKind::Word && t.text == "a") return true;
  return allow_paths_ && (at_punct("^") || at_punct("!") || at_punct("("));
}

// [78] Verb, [84] VerbPath, [85] VerbSimple
Verb Parser::parse_verb() {
  Verb verb;
  if (at_kind(TokenKind::Var)) {
    check_variable_allowed();
    verb.term = PatternTerm::var(next().text);
  } else if (!allow_paths_) {
    const Token& t = peek();
    if (t.kind == TokenKind::Word && t.text == "a") {
      next();
      verb.term = PatternTerm::constant(Term::iri(vocab::kRdfType));
    } else if (at_kind(TokenKind::IriRef) || at_kind(TokenKind::Pname)) {
      verb.term = PatternTerm::constant(parse_iri());
    } else {
      fail_expected("a predicate");
    }
  } else {
    if (!at_verb()) fail_expected("a predicate or property path");
    verb.path = parse_path();
  }
  return verb;
}

// [79] ObjectList, [80] Object, [86] ObjectListPath, [87] ObjectPath
void Parser::parse_object_list(const PatternTerm& subject, const Verb& verb, TriplesBlock& out) {
  do {
    const PatternTerm object = parse_graph_node(out);
    emit(out, subject, verb, object);
    parse_annotation(subject, verb, object, out);
  } while (accept_punct(","));
}

void Parser::emit(TriplesBlock& out, const PatternTerm& s, const Verb& verb, const PatternTerm& o) {
  if (verb.path) {
    emit_path(out, s, verb.path, o);
  } else {
    out.add_triple({s, verb.term, o});
  }
}

// 18.2.2.4: IRIs and inverted IRIs become triples, sequences are split at
// fresh variables, everything else stays a path pattern.
void Parser::emit_path(TriplesBlock& out, const PatternTerm& s, const PathPtr& path,
                       const PatternTerm& o) {
  switch (path->kind) {
    case PathKind::Link:
      out.add_triple({s, PatternTerm::constant(path->iri), o});
      return;
    case PathKind::Inverse:
      emit_path(out, o, path->args[0], s);
      return;
    case PathKind::Sequence: {
      PatternTerm from = s;
      for (std::size_t i = 0; i + 1 < path->args.size(); ++i) {
        PatternTerm to = PatternTerm::var("_:" + fresh_name("path"));
        emit_path(out, from, path->args[i], to);
        from = std::move(to);
      }
      emit_path(out, from, path->args.back(), o);
      return;
    }
    default:
      out.add_path(s, path, o);
      return;
  }
}

// [88] Path, [89] PathAlternative
PathPtr Parser::parse_path() {
  enter();
  PathPtr first = parse_path_sequence();
  if (!at_punct("|")) {
    leave();
    return first;
  }
  Path alt;
  alt.kind = PathKind::Alternative;
  alt.args.push_back(std::move(first));
  while (accept_punct("|")) alt.args.push_back(parse_path_sequence());
  leave();
  return make_path(std::move(alt));
}

// [90] PathSequence
PathPtr Parser::parse_path_sequence() {
  PathPtr first = parse_path_elt_or_inverse();
  if (!at_punct("/")) return first;
  Path seq;
  seq.kind = PathKind::Sequence;
  seq.args.push_back(std::move(first));
  while (accept_punct("/")) seq.args.push_back(parse_path_elt_or_inverse());
  return make_path(std::move(seq));
}

// [91] PathElt, [92] PathEltOrInverse, [93] PathMod
PathPtr Parser::parse_path_elt_or_inverse() {
  const bool inverse = accept_punct("^");
  PathPtr path = parse_path_primary();
  if (accept_punct("*")) {
    path = unary_path(PathKind::ZeroOrMore, std::move(path));
  } else if (accept_punct("+")) {
    path = unary_path(PathKind::OneOrMore, std::move(path));
  } else if (accept_punct("?")) {
    path = unary_path(PathKind::ZeroOrOne, std::move(path));
  }
  return inverse ? unary_path(PathKind::Inverse, std::move(path)) : path;
}

// [94] PathPrimary
PathPtr Parser::parse_path_primary() {
  const Token& t = peek();
  if (t.kind == TokenKind::Word && t.text == "a") {
    next();
    return link(Term::iri(vocab::kRdfType));
  }
  if (accept_punct("!")) return parse_path_negated_property_set();
  if (accept_punct("(")) {
    PathPtr path = parse_path();
    expect_punct(")");
    return path;
  }
  if (!at_kind(TokenKind::IriRef) && !at_kind(TokenKind::Pname)) fail_expected("a property path");
  return link(parse_iri());
}

// [95] PathNegatedPropertySet, [96] PathOneInPropertySet
PathPtr Parser::parse_path_negated_property_set() {
  Path set;
  set.kind = PathKind::NegatedSet;
  auto one = [&] {
    const bool inverse = accept_punct("^");
    Term iri;
    const Token& t = peek();
    if (t.kind == TokenKind::Word && t.text == "a") {
      next();
      iri = Term::iri(vocab::kRdfType);
    } else if (at_kind(TokenKind::IriRef) || at_kind(TokenKind::Pname)) {
      iri = parse_iri();
    } else {
      fail_expected("an IRI in the negated property set");
    }
    (inverse ? set.inverse : set.forward).push_back(std::move(iri));
  };
  if (at_kind(TokenKind::Nil)) {
    next();
  } else if (accept_punct("(")) {
    one();
    while (accept_punct("|")) one();
    expect_punct(")");
  } else {
    one();
  }
  return make_path(std::move(set));
}

// [104] GraphNode, [105] GraphNodePath
PatternTerm Parser::parse_graph_node(TriplesBlock& out) {
  if (at_triple_term()) return parse_triple_term(out);
  if (at_reified_triple()) return parse_reified_triple(out);
  if (at_punct("[") || at_punct("(")) return parse_triples_node(out);
  return parse_var_or_term();
}

// [98] TriplesNode, [99] BlankNodePropertyList, [102] Collection (and the
// Path forms [100], [101], [103])
PatternTerm Parser::parse_triples_node(TriplesBlock& out) {
  enter();
  if (accept_punct("[")) {
    PatternTerm node = fresh_blank_node();
    parse_property_list_not_empty(node, out);
    expect_punct("]");
    leave();
    return node;
  }
  expect_punct("(");
  std::vector<PatternTerm> items;
  while (!accept_punct(")")) items.push_back(parse_graph_node(out));
  if (items.empty()) fail_expected("a collection member");
  const PatternTerm first = PatternTerm::constant(Term::iri(vocab::kRdfFirst));
  const PatternTerm rest = PatternTerm::constant(Term::iri(vocab::kRdfRest));
  PatternTerm head = fresh_blank_node();
  PatternTerm node = head;
  for (std::size_t i = 0; i < items.size(); ++i) {
    out.add_triple({node, first, items[i]});
    PatternTerm next_node = i + 1 < items.size() ? fresh_blank_node()
                                                 : PatternTerm::constant(Term::iri(vocab::kRdfNil));
    out.add_triple({node, rest, next_node});
    node = std::move(next_node);
  }
  leave();
  return head;
}

// [106] VarOrTerm, [109] GraphTerm
PatternTerm Parser::parse_var_or_term() {
  const Token& t = peek();
  switch (t.kind) {
    case TokenKind::Var:
      check_variable_allowed();
      return PatternTerm::var(next().text);
    case TokenKind::IriRef:
    case TokenKind::Pname:
      return PatternTerm::constant(parse_iri());
    case TokenKind::String:
      return PatternTerm::constant(parse_rdf_literal());
    case TokenKind::Integer:
    case TokenKind::Decimal:
    case TokenKind::Double:
      return PatternTerm::constant(parse_numeric_literal());
    case TokenKind::BlankLabel: {
      if (data_operation_ != 0) {
        const auto [it, inserted] = data_labels_.emplace(t.text, data_operation_);
        if (!inserted && it->second != data_operation_) {
          fail_at(t, "blank node label _:" + t.text + " is used in two INSERT DATA operations");
        }
      }
      if (!template_mode_) {  // 4.1.4: a label belongs to one basic graph pattern
        const auto [it, inserted] = label_bgp_.emplace(t.text, current_bgp_);
        if (!inserted && it->second != current_bgp_) {
          fail_at(t, "blank node label _:" + t.text + " is used in two basic graph patterns");
        }
      }
      return blank_node(next().text);
    }
    case TokenKind::Anon:
      next();
      return fresh_blank_node();
    case TokenKind::Nil:
      next();
      return PatternTerm::constant(Term::iri(vocab::kRdfNil));
    case TokenKind::Word:
      if (at_word("true") || at_word("false")) {
        const bool value = at_word("true");
        next();
        return PatternTerm::constant(Term::literal(value ? "true" : "false", kXsdBoolean));
      }
      break;
    default:
      break;
  }
  fail_expected("a variable or RDF term");
}

// [107] VarOrIri
PatternTerm Parser::parse_var_or_iri() {
  if (at_kind(TokenKind::Var)) {
    check_variable_allowed();
    return PatternTerm::var(next().text);
  }
  if (!at_kind(TokenKind::IriRef) && !at_kind(TokenKind::Pname)) {
    fail_expected("a variable or IRI");
  }
  return PatternTerm::constant(parse_iri());
}

// [136] iri, [137] PrefixedName
Term Parser::parse_iri() {
  const Token& t = peek();
  if (t.kind == TokenKind::IriRef) return Term::iri(resolve(next().text));
  if (t.kind == TokenKind::Pname) return Term::iri(expand(next()));
  fail_expected("an IRI");
}

// [129] RDFLiteral, [135] String
Term Parser::parse_rdf_literal() {
  if (!at_kind(TokenKind::String)) fail_expected("a string");
  const std::string lexical = next().text;
  if (at_kind(TokenKind::LangTag)) return Term::literal(lexical, {}, next().text);
  if (accept_punct("^^")) return Term::literal(lexical, parse_iri().value());
  return Term::literal(lexical);
}

// [130]-[133] NumericLiteral: the lexical form stays as written.
Term Parser::parse_numeric_literal() {
  const Token& t = next();
  switch (t.kind) {
    case TokenKind::Integer:
      return Term::literal(t.text, kXsdInteger);
    case TokenKind::Decimal:
      return Term::literal(t.text, kXsdDecimal);
    case TokenKind::Double:
      return Term::literal(t.text, kXsdDouble);
    default:
      fail_at(t, "expected a number but found " + describe_token(text_, t));
  }
}

}  // namespace quiver::sparql::detail
