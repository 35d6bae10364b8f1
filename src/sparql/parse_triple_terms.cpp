// SPARQL 1.2's triple terms `<<( s p o )>>`, reified triples
// `<< s p o ~ r >>` and annotations `{| ... |}` in basic graph patterns.
//
// A triple term without variables is a constant. One with variables is
// matched through a fresh variable in its place: the basic graph pattern
// binds it, then (apply_unpacks) a filter keeps the triple terms among its
// values and each part is bound by SUBJECT/PREDICATE/OBJECT or compared
// with sameTerm where the pattern already binds it. So the store needs no
// index of triple terms' parts, and the optimizer sees filters and
// extends it knows.

#include <algorithm>
#include <set>

#include "parser_internal.hpp"

namespace quiver::sparql::detail {

using functions::Function;

namespace {

// Two one-character tokens written side by side (`<<`, `>>`, `{|`, `|}`).
bool adjacent(const Token& a, const Token& b) { return b.offset == a.offset + a.length; }

}  // namespace

bool Parser::at_reified_triple() const {
  return at_punct("<") && at_punct("<", 1) && adjacent(peek(), peek(1)) && !at_punct("(", 2);
}

bool Parser::at_triple_term() const {
  return at_punct("<") && at_punct("<", 1) && at_punct("(", 2) && adjacent(peek(), peek(1)) &&
         adjacent(peek(1), peek(2));
}

// The pattern term of the triple term <<( s p o )>>: a constant, or the
// stand-in variable of an Unpack.
PatternTerm Parser::triple_pattern(const PatternTerm& s, const PatternTerm& p, const PatternTerm& o,
                                   TriplesBlock& out) {
  const bool fixed = !s.is_variable && !p.is_variable && !o.is_variable && !s.triple && !o.triple;
  // A template's blank nodes are fresh per solution, inside triple terms too.
  const bool fresh_blanks =
      template_mode_ && data_operation_ == 0 && (s.term.is_blank() || o.term.is_blank());
  if (fixed && !fresh_blanks) {
    return PatternTerm::constant(Term::triple(s.term.ref(), p.term.ref(), o.term.ref()));
  }
  if (template_mode_) {  // made per solution by CONSTRUCT or the update
    PatternTerm made;
    made.triple = std::make_shared<const TriplePattern>(TriplePattern{s, p, o});
    return made;
  }
  PatternTerm stand_in = PatternTerm::var(std::string(kStandInPrefix) + fresh_name("tt"));
  out.unpacks.push_back(Unpack{stand_in.variable, s, p, o});
  return stand_in;
}

// The Verb of a triple inside `<<( )>>` or `<< >>`: no property paths.
Verb Parser::parse_simple_verb() {
  const bool paths = allow_paths_;
  allow_paths_ = false;
  Verb verb = parse_verb();
  allow_paths_ = paths;
  return verb;
}

// TripleTerm: '<<(' TripleTermSubject Verb TripleTermObject ')>>'
PatternTerm Parser::parse_triple_term(TriplesBlock& out) {
  enter();
  next();
  next();
  next();
  // SPARQL 1.2's TripleTermSubject takes triple terms too (matching no RDF
  // 1.2 data, whose triple terms have no triple-term subject).
  PatternTerm s = at_triple_term() ? parse_triple_term(out) : PatternTerm();
  if (!s.triple && !s.is_variable && s.term.is_none()) {
    if (at_punct("<")) fail_expected("a variable, IRI or blank node as the triple term's subject");
    s = parse_var_or_term();
  }
  if (!s.is_variable && s.term.is_literal()) {
    fail_at(previous(), "a literal cannot be the subject of a triple term");
  }
  const Verb verb = parse_simple_verb();
  if (at_kind(TokenKind::Nil)) fail_expected("a term (a collection cannot be in a triple term)");
  PatternTerm o;
  if (at_triple_term()) {
    o = parse_triple_term(out);
  } else if (at_reified_triple()) {
    fail_expected(
        "a term or a triple term <<( ... )>> (a reified triple cannot be in a triple term)");
  } else {
    o = parse_var_or_term();
  }
  expect_triple_term_end();
  leave();
  return triple_pattern(s, verb.term, o, out);
}

// ReifiedTriple: '<<' subject Verb object Reifier? '>>', standing for its
// reifier, which rdf:reifies the triple term.
PatternTerm Parser::parse_reified_triple(TriplesBlock& out) {
  enter();
  next();
  next();
  PatternTerm s = at_triple_term()      ? parse_triple_term(out)
                  : at_reified_triple() ? parse_reified_triple(out)
                                        : parse_var_or_term();
  if (!s.is_variable && s.term.is_literal()) {
    fail_at(previous(), "a literal cannot be the subject of a reified triple");
  }
  const Verb verb = parse_simple_verb();
  if (at_kind(TokenKind::Nil)) fail_expected("a term (a collection cannot be in a reified triple)");
  PatternTerm o = at_triple_term()      ? parse_triple_term(out)
                  : at_reified_triple() ? parse_reified_triple(out)
                                        : parse_var_or_term();
  PatternTerm reifier;
  if (accept_punct("~")) {
    reifier = at_punct(">") ? fresh_blank_node() : parse_var_or_term();
  } else {
    reifier = fresh_blank_node();
  }
  if (!reifier.is_variable && !reifier.term.is_iri() && !reifier.term.is_blank()) {
    fail_at(previous(), "a reifier must be a variable, an IRI or a blank node");
  }
  if (!(at_punct(">") && at_punct(">", 1) && adjacent(peek(), peek(1)))) fail_expected("'>>'");
  next();
  next();
  leave();
  const PatternTerm triple = triple_pattern(s, verb.term, o, out);
  out.add_triple({reifier, PatternTerm::constant(Term::iri(vocab::kRdfReifies)), triple});
  return reifier;
}

// Annotation: (Reifier | AnnotationBlock)* after an object.
void Parser::parse_annotation(const PatternTerm& s, const Verb& verb, const PatternTerm& o,
                              TriplesBlock& out) {
  std::optional<PatternTerm> reifier;
  // In a WHERE clause a plain IRI predicate arrives as a one-link path.
  PatternTerm p = verb.term;
  if (verb.path && verb.path->kind == PathKind::Link) p = PatternTerm::constant(verb.path->iri);
  auto reify = [&](PatternTerm r) {
    if (verb.path && verb.path->kind != PathKind::Link) {
      fail_at(previous(), "an annotation needs a predicate, not a property path");
    }
    const PatternTerm triple = triple_pattern(s, p, o, out);
    out.add_triple({r, PatternTerm::constant(Term::iri(vocab::kRdfReifies)), triple});
    reifier = std::move(r);
  };
  for (;;) {
    if (accept_punct("~")) {
      const bool named = at_kind(TokenKind::Var) || at_kind(TokenKind::IriRef) ||
                         at_kind(TokenKind::Pname) || at_kind(TokenKind::BlankLabel) ||
                         at_kind(TokenKind::Anon);
      reify(named ? parse_var_or_term() : fresh_blank_node());
      continue;
    }
    if (at_punct("{") && at_punct("|", 1) && adjacent(peek(), peek(1))) {
      enter();
      next();
      next();
      if (!reifier) reify(fresh_blank_node());
      parse_property_list_not_empty(*reifier, out);
      if (!(at_punct("|") && at_punct("}", 1))) fail_expected("'|}'");
      next();
      next();
      leave();
      reifier.reset();
      continue;
    }
    return;
  }
}

// TripleTermData (in VALUES): '<<(' iri (iri | 'a') value ')>>', constants.
Term Parser::parse_triple_term_data() {
  enter();
  next();
  next();
  next();
  const Term s = parse_iri();
  const Verb verb = parse_simple_verb();
  if (verb.term.is_variable) fail_at(previous(), "a triple term in VALUES holds no variable");
  const std::optional<Term> o = parse_data_block_value();
  if (!o) fail_at(previous(), "UNDEF cannot be part of a triple term");
  expect_triple_term_end();
  leave();
  return Term::triple(s.ref(), verb.term.term.ref(), o->ref());
}

// ExprTripleTerm (in expressions): a triple term whose parts may be
// variables, made by TRIPLE() when they are.
ExprPtr Parser::parse_expr_triple_term() {
  enter();
  next();
  next();
  next();
  auto part = [&](bool object) -> ExprPtr {
    if (at_kind(TokenKind::Var)) return make_variable(next().text);
    if (object && at_triple_term()) return parse_expr_triple_term();
    if (object) {
      const std::optional<Term> value = parse_data_block_value();
      if (!value) fail_at(previous(), "UNDEF cannot be part of a triple term");
      return make_constant(*value);
    }
    return make_constant(parse_iri());
  };
  ExprPtr s = part(false);
  const Verb verb = parse_simple_verb();
  ExprPtr p =
      verb.term.is_variable ? make_variable(verb.term.variable) : make_constant(verb.term.term);
  ExprPtr o = part(true);
  expect_triple_term_end();
  leave();
  return make_call(Function::Triple, {std::move(s), std::move(p), std::move(o)});
}

void Parser::expect_triple_term_end() {
  if (!(at_punct(")") && at_punct(">", 1) && at_punct(">", 2))) fail_expected("')>>'");
  next();
  next();
  next();
}

namespace {

bool is_stand_in(const PatternTerm& t) {
  return t.is_variable && std::string_view(t.variable).starts_with(kStandInPrefix);
}

bool mentions_stand_in(const TriplePattern& t) {
  return is_stand_in(t.subject) || is_stand_in(t.predicate) || is_stand_in(t.object);
}

bool mentions(const TriplePattern& t, const std::string& var) {
  for (const PatternTerm* p : {&t.subject, &t.predicate, &t.object}) {
    if (p->is_variable && p->variable == var) return true;
  }
  return false;
}

// A triple term whose parts the rest of the pattern binds is built with
// TRIPLE() from them and looked up, rather than every triple term in the
// store unpacked and compared: `?f :likes ?o {| :line ?l |}` joins the
// reifier on the triple it names (WatDiv 1M reified: 115,759,102
// intermediate rows before, an index lookup per row of `?f :likes ?o`
// now). Such terms are found here: their parts are constants or variables
// of triples that mention no stand-in at all.
std::vector<bool> buildable(const Op& bgp, const std::vector<Unpack>& unpacks) {
  std::set<std::string> plain;
  for (const TriplePattern& t : bgp.triples) {
    if (mentions_stand_in(t)) continue;
    for (const PatternTerm* p : {&t.subject, &t.predicate, &t.object}) {
      if (p->is_variable) plain.insert(p->variable);
    }
  }
  std::vector<bool> out;
  for (const Unpack& u : unpacks) {
    bool ok = true;
    for (const PatternTerm* part : {&u.s, &u.p, &u.o}) {
      if (part->is_variable && !plain.contains(part->variable)) ok = false;
    }
    out.push_back(ok);
  }
  return out;
}

}  // namespace

OpPtr Parser::apply_unpacks(OpPtr bgp, const std::vector<Unpack>& unpacks) const {
  std::set<std::string> bound;
  for (const TriplePattern& t : bgp->triples) {
    for (const PatternTerm* p : {&t.subject, &t.predicate, &t.object}) {
      if (p->is_variable) bound.insert(p->variable);
    }
  }
  auto wrap = [&](OpKind kind, ExprPtr expr, std::string variable) {
    Op op;
    op.kind = kind;
    op.variable = std::move(variable);
    op.exprs = {std::move(expr)};
    op.children = {std::move(bgp)};
    bgp = make_op(std::move(op));
  };
  const auto as_expr = [](const PatternTerm& part) {
    return part.is_variable ? make_variable(part.variable) : make_constant(part.term);
  };
  // Built terms: Join(Filter(bound, Extend(?tt := TRIPLE(s, p, o), the
  // other triples)), the triples that use ?tt). A TRIPLE() error leaves ?tt
  // unbound, which must match nothing, hence the filter.
  std::vector<bool> done = buildable(*bgp, unpacks);
  if (std::find(done.begin(), done.end(), true) != done.end()) {
    // The left side: the triples that bind the built terms' parts (and
    // mention no stand-in); the right side all others, the reifier's own
    // statements too, so that they are looked up from it, not crossed.
    std::set<std::string> parts;
    for (std::size_t i = 0; i < unpacks.size(); ++i) {
      if (!done[i]) continue;
      for (const PatternTerm* part : {&unpacks[i].s, &unpacks[i].p, &unpacks[i].o}) {
        if (part->is_variable) parts.insert(part->variable);
      }
    }
    Op base = *bgp;
    Op users = *bgp;
    base.triples.clear();
    users.triples.clear();
    for (const TriplePattern& t : bgp->triples) {
      const bool binds_parts = !mentions_stand_in(t) &&
                               std::any_of(parts.begin(), parts.end(),
                                           [&](const std::string& v) { return mentions(t, v); });
      (binds_parts ? base : users).triples.push_back(t);
    }
    bgp = make_op(std::move(base));
    for (std::size_t i = 0; i < unpacks.size(); ++i) {
      if (!done[i]) continue;
      const Unpack& u = unpacks[i];
      wrap(OpKind::Extend, make_call(Function::Triple, {as_expr(u.s), as_expr(u.p), as_expr(u.o)}),
           u.var);
      wrap(OpKind::Filter, make_call(Function::Bound, {make_variable(u.var)}), {});
      // A nested term's stand-in is in no triple: the term around it must
      // compare with it, not bind it again.
      bound.insert(u.var);
    }
    Op join;
    join.kind = OpKind::Join;
    join.children = {std::move(bgp), make_op(std::move(users))};
    bgp = make_op(std::move(join));
  }
  // An unpack applies once its stand-in is bound: by the pattern, or by
  // the unpack of the triple term around it.
  for (bool progress = true; progress;) {
    progress = false;
    for (std::size_t i = 0; i < unpacks.size(); ++i) {
      const Unpack& u = unpacks[i];
      if (done[i] || !bound.contains(u.var)) continue;
      done[i] = progress = true;
      wrap(OpKind::Filter, make_call(Function::IsTriple, {make_variable(u.var)}), {});
      const std::pair<const PatternTerm*, Function> parts[] = {
          {&u.s, Function::Subject}, {&u.p, Function::Predicate}, {&u.o, Function::Object}};
      for (const auto& [part, accessor] : parts) {
        ExprPtr get = make_call(accessor, {make_variable(u.var)});
        if (!part->is_variable) {
          wrap(OpKind::Filter,
               make_call(Function::SameTerm, {std::move(get), make_constant(part->term)}), {});
        } else if (bound.contains(part->variable)) {
          wrap(OpKind::Filter,
               make_call(Function::SameTerm, {std::move(get), make_variable(part->variable)}), {});
        } else {
          wrap(OpKind::Extend, std::move(get), part->variable);
          bound.insert(part->variable);
        }
      }
    }
  }
  return bgp;
}

}  // namespace quiver::sparql::detail
