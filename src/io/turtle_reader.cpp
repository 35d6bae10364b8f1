// Turtle 1.2 and TriG 1.2, by recursive descent over the grammar's
// productions (numbers in comments are Turtle 1.2's). Statements go to the
// sink as they are complete; a reified triple or an annotation adds its
// `reifier rdf:reifies <<( s p o )>>` statement.
//
// Blank nodes: a document's label L is kept (after ReadOptions::blank_prefix),
// except that one starting with `g` gets another `g` in front; the reader's
// own nodes ([], [ ... ], collections, reifiers) are `g1`, `g2`, ...: a
// `g` and a digit, which no document label keeps.

#include "io/turtle_reader.hpp"

#include <optional>
#include <unordered_map>
#include <vector>

#include "io/nesting_guard.hpp"
#include "io/turtle_cursor.hpp"
#include "terms/iri.hpp"
#include "terms/term_reader.hpp"
#include "terms/utf8.hpp"
#include "util/ascii.hpp"

namespace quiver::io {
namespace {

using turtle::Cursor;
using turtle::SyntaxFault;

// A statement the sink did not take: the read stops with its error.
struct SinkRefused {
  Error error;
};

bool is_name_start(int c) {
  return c >= 0x80 || is_alpha(static_cast<char>(c)) || c == '_' || c == ':';
}

// [167s] PN_PREFIX: PN_CHARS_BASE ((PN_CHARS | '.')* PN_CHARS)?, or empty.
bool is_pn_prefix_name(std::string_view s) {
  if (s.empty()) return true;
  if (s.back() == '.') return false;
  for (std::size_t i = 0; i < s.size();) {
    const Utf8Char c = decode_utf8(s, i);
    if (i == 0 ? !is_pn_chars_base(c.code_point)
               : !(is_pn_chars(c.code_point) || c.code_point == '.'))
      return false;
    i += c.length;
  }
  return true;
}

// [168s] PN_LOCAL, whose escapes (PLX) `out` gets decoded (`\x` is x;
// `%hh` stays as it is, as the grammar says). False when malformed.
bool decode_pn_local(std::string_view s, std::string& out) {
  for (std::size_t i = 0; i < s.size();) {
    const char b = s[i];
    if (b == '\\') {
      out += s[i + 1];  // the cursor took only escapable characters
      i += 2;
      continue;
    }
    if (b == '%') {
      if (i + 2 >= s.size() || !is_hex(s[i + 1]) || !is_hex(s[i + 2])) return false;
      out.append(s.substr(i, 3));
      i += 3;
      continue;
    }
    const Utf8Char c = decode_utf8(s, i);
    const char32_t cp = c.code_point;
    const bool ok = i == 0 ? is_pn_chars_u(cp) || cp == ':' || is_digit(cp)
                           : is_pn_chars(cp) || cp == '.' || cp == ':';
    if (!ok) return false;
    out.append(s.substr(i, c.length));
    i += c.length;
  }
  return true;
}

class Parser {
 public:
  Parser(Cursor& cursor, const std::string& name, const ReadOptions& options, QuadSink& sink)
      : c_(cursor),
        name_(name),
        options_(options),
        sink_(sink),
        trig_(options.format == Format::TriG),
        base_(options.base_iri) {}

  ReadResult run() {
    for (;;) {
      try {
        c_.skip_space();
        if (c_.at_end()) break;
        statement();
      } catch (const SyntaxFault& fault) {
        add_error(
            Error{fault.kind, SourceLocation{name_, fault.line, fault.column}, fault.message});
        if (!options_.lax) break;
        ++result_.skipped;
        recover();
      } catch (const SinkRefused& refused) {
        Error error = refused.error;
        if (error.where.file.empty()) error.where = SourceLocation{name_, c_.line(), c_.column()};
        add_error(std::move(error));
        break;
      }
    }
    if (const std::string error = c_.source_error(); !error.empty()) {
      add_error(Error{ErrorKind::Io, SourceLocation{name_, 0, 0}, "read failed: " + error});
    }
    return std::move(result_);
  }

 private:
  void add_error(Error error) {
    if (options_.on_error) options_.on_error(error);
    result_.add_error(std::move(error));
  }

  // A lax read goes on after the next '.' that ends a statement.
  void recover() {
    depth_ = 0;
    graph_ = Term();
    for (int c = c_.peek(); c >= 0; c = c_.peek()) {
      c_.advance();
      const int next = c_.peek();
      if (c == '.' && (next < 0 || next == ' ' || next == '\n' || next == '\r' || next == '\t')) {
        return;
      }
    }
  }

  // True when the next name is keyword `kw`: in any case for the SPARQL
  // forms (PREFIX, GRAPH...), exactly for Turtle's own (a, true, false).
  bool at_keyword(std::string_view kw, bool any_case = true) {
    if (c_.name_length() != kw.size()) return false;
    for (std::size_t i = 0; i < kw.size(); ++i) {
      const char c = static_cast<char>(c_.peek(i));
      if (any_case ? to_lower(c) != to_lower(kw[i]) : c != kw[i]) return false;
    }
    return true;
  }

  void expect(std::string_view token, const char* what) {
    c_.skip_space();
    if (!c_.looking_at(token)) c_.fail(std::string("expected ") + what);
    c_.advance(token.size());
  }

  void enter() {
    if (++depth_ > static_cast<int>(NestingGuard::kMaxDepth)) {
      c_.fail("blank nodes, collections or triples nested deeper than " +
                  std::to_string(NestingGuard::kMaxDepth) + " levels",
              ErrorKind::Limit);
    }
  }

  // [2] statement: directive | triples '.' (Turtle); TriG's [2g] block.
  void statement() {
    if (c_.peek() == '@') {
      at_directive();
      return;
    }
    for (const char* kw : {"PREFIX", "BASE", "VERSION"}) {
      if (at_keyword(kw)) {
        c_.advance(std::string_view(kw).size());
        directive_body(kw);
        return;
      }
    }
    if (trig_) {
      block();
      return;
    }
    triples();
    expect(".", "'.' to end the statement");
  }

  // [4] prefixID, [5] base, [5a] version: the `@` forms, ended by '.'.
  void at_directive() {
    for (const std::string_view kw : {"@prefix", "@base", "@version"}) {
      const int after = c_.peek(kw.size());
      if (c_.looking_at(kw) &&
          !(is_alnum(static_cast<char>(after)) || after == '-' || after == '_' || after >= 0x80)) {
        c_.advance(kw.size());
        directive_body(kw.substr(1));
        expect(".", "'.' after the directive");
        return;
      }
    }
    c_.fail("unknown directive (expected @prefix, @base or @version)");
  }

  void directive_body(std::string_view kw) {
    c_.skip_space();
    if (to_lower(kw[0]) == 'p') {
      c_.read_name(token_);
      if (token_.empty() || token_.back() != ':' ||
          !is_pn_prefix_name(std::string_view(token_).substr(0, token_.size() - 1))) {
        c_.fail("expected a prefix name ending in ':'");
      }
      const std::string prefix = token_.substr(0, token_.size() - 1);
      c_.skip_space();
      if (c_.peek() != '<') c_.fail("expected the prefix's IRI");
      c_.read_iriref(token_);
      std::string iri = resolve(token_);
      sink_.on_prefix(prefix, iri);
      prefixes_[prefix] = std::move(iri);
    } else if (to_lower(kw[0]) == 'b') {
      if (c_.peek() != '<') c_.fail("expected the base IRI");
      c_.read_iriref(token_);
      base_ = resolve(token_);
    } else {
      const int q = c_.peek();
      if ((q != '"' && q != '\'') || (c_.peek(1) == q && c_.peek(2) == q)) {
        c_.fail("expected the version as a short string (VERSION \"1.2\")");
      }
      const std::uint64_t line = c_.line();
      const std::uint64_t column = c_.column();
      c_.read_string(token_);
      if (!is_known_rdf_version(token_)) {
        throw SyntaxFault{
            line, column,
            "unknown RDF version \"" + token_ + "\" (this reader knows 1.1, 1.2 and 1.2-basic)"};
      }
    }
  }

  // TriG [3g] block (with [4g] triplesOrGraph, [5g] triples2).
  void block() {
    if (at_keyword("GRAPH")) {
      c_.advance(5);
      c_.skip_space();
      Term label = iri_or_blank("a graph name");
      wrapped_graph(std::move(label));
      return;
    }
    const int c = c_.peek();
    if (c == '{') {
      wrapped_graph(Term());
      return;
    }
    if (c == '[' && anon_ahead()) {  // [] names a graph or is a subject
      const Term b = *anon();
      c_.skip_space();
      if (c_.peek() == '{') {
        wrapped_graph(b);
        return;
      }
      predicate_object_list(b);
      expect(".", "'.' to end the statement");
      return;
    }
    if (c == '[' || c == '(' || c_.looking_at("<<")) {
      triples();
      expect(".", "'.' to end the statement");
      return;
    }
    Term subject = iri_or_blank("a subject or a graph name");
    c_.skip_space();
    if (c_.peek() == '{') {
      wrapped_graph(std::move(subject));
      return;
    }
    predicate_object_list(subject);
    expect(".", "'.' to end the statement");
  }

  // [7g] wrappedGraph: '{' triplesBlock? '}'
  void wrapped_graph(Term graph) {
    expect("{", "'{' to open the graph");
    graph_ = std::move(graph);
    for (;;) {
      c_.skip_space();
      if (c_.peek() == '}') break;
      triples();
      c_.skip_space();
      if (c_.peek() == '.') {
        c_.advance();
        continue;
      }
      if (c_.peek() != '}') c_.fail("expected '.' or '}'");
    }
    c_.advance();
    graph_ = Term();
  }

  // [6] triples
  void triples() {
    const int c = c_.peek();
    if (c == '[') {
      std::optional<Term> subject = anon();
      if (subject) {
        predicate_object_list(*subject);
        return;
      }
      subject = blank_node_property_list();
      c_.skip_space();
      if (!at_statement_end()) predicate_object_list(*subject);
      return;
    }
    if (c == '(') {
      const Term subject = collection();
      predicate_object_list(subject);
      return;
    }
    if (c_.looking_at("<<(")) c_.fail("a triple term cannot be a subject (only an object)");
    if (c_.looking_at("<<")) {
      const Term reifier = reified_triple();
      c_.skip_space();
      if (!at_statement_end()) predicate_object_list(reifier);
      return;
    }
    const Term subject = iri_or_blank("a subject");
    predicate_object_list(subject);
  }

  bool at_statement_end() {
    const int c = c_.peek();
    return c < 0 || c == '.' || c == '}' || c == ']' || c_.looking_at("|}");
  }

  // [7] predicateObjectList: verb objectList (';' (verb objectList)?)*
  void predicate_object_list(const Term& subject) {
    c_.skip_space();
    const Term predicate = verb();
    object_list(subject, predicate);
    for (;;) {
      c_.skip_space();
      if (c_.peek() != ';') return;
      while (c_.peek() == ';') {
        c_.advance();
        c_.skip_space();
      }
      if (at_statement_end()) return;
      const Term next = verb();
      object_list(subject, next);
    }
  }

  // [9] verb: predicate | 'a'
  Term verb() {
    c_.skip_space();
    if (c_.peek() == 'a' && at_keyword("a", false)) {
      c_.advance();
      return Term::iri(vocab::kRdfType);
    }
    if (c_.looking_at("<<")) c_.fail("a predicate must be an IRI, not a triple");
    if (c_.peek() == '<') return iri();
    if (c_.peek() == '_' && c_.peek(1) == ':')
      c_.fail("a predicate must be an IRI, not a blank node");
    if (!is_name_start(c_.peek())) c_.fail("expected a predicate (an IRI or 'a')");
    return prefixed_name();
  }

  // [8] objectList: object annotation (',' object annotation)*
  void object_list(const Term& subject, const Term& predicate) {
    for (;;) {
      c_.skip_space();
      const Term o = object();
      emit(subject, predicate, o);
      annotation(subject, predicate, o);
      c_.skip_space();
      if (c_.peek() != ',') return;
      c_.advance();
    }
  }

  // [12] object
  Term object() {
    const int c = c_.peek();
    if (c_.looking_at("<<(")) return triple_term();
    if (c_.looking_at("<<")) return reified_triple();
    if (c == '<') return iri();
    if (c == '_' && c_.peek(1) == ':') return blank_label();
    if (c == '[') {
      if (std::optional<Term> b = anon()) return *b;
      return blank_node_property_list();
    }
    if (c == '(') return collection();
    if (c == '"' || c == '\'') return rdf_literal();
    if (c >= 0 && (is_digit(static_cast<char>(c)) || c == '+' || c == '-' ||
                   (c == '.' && is_digit(static_cast<char>(std::max(c_.peek(1), 0)))))) {
      std::string_view datatype;
      c_.read_number(token_, datatype);
      return Term::literal(token_, datatype);
    }
    if (c >= 0 && is_name_start(c)) {
      if (at_keyword("true", false) || at_keyword("false", false)) {
        const bool t = c_.peek() == 't';
        c_.advance(t ? 4 : 5);
        return Term::literal(t ? "true" : "false", vocab::kXsdBoolean);
      }
      return prefixed_name();
    }
    c_.fail("expected an object (an IRI, a blank node, a literal, a collection or a triple)");
  }

  // [128s] RDFLiteral: String (LANG_DIR | '^^' iri)?
  Term rdf_literal() {
    std::string lexical;
    c_.read_string(lexical);
    c_.skip_space();
    if (c_.peek() == '@') {
      c_.read_language(token_);
      return Term::literal(lexical, {}, token_);
    }
    if (c_.looking_at("^^")) {
      c_.advance(2);
      c_.skip_space();
      const Term datatype = iri();
      if (datatype.value() == vocab::kRdfLangString ||
          datatype.value() == vocab::kRdfDirLangString) {
        c_.fail("<" + datatype.value() + "> is the datatype of tagged strings: write \"...\"@tag");
      }
      return Term::literal(lexical, datatype.value());
    }
    if (c_.looking_at("--")) c_.fail(std::string(kDirectionWithoutLanguage));
    return Term::literal(lexical);
  }

  // [14] blankNodePropertyList: '[' predicateObjectList ']'
  Term blank_node_property_list() {
    enter();
    c_.advance();  // '['
    Term b = fresh_blank();
    predicate_object_list(b);
    expect("]", "']' to close the blank node");
    --depth_;
    return b;
  }

  // ANON: '[' WS* ']'; nothing read when the brackets hold more.
  std::optional<Term> anon() {
    const std::size_t length = anon_length();
    if (length == 0) return std::nullopt;
    c_.advance(length);
    return fresh_blank();
  }

  // The bytes of an ANON at the cursor ('[' WS* ']'), 0 when none is there.
  std::size_t anon_length() {
    std::size_t k = 1;
    for (int c = c_.peek(k); c == ' ' || c == '\t' || c == '\r' || c == '\n'; c = c_.peek(++k)) {
    }
    return c_.peek(k) == ']' ? k + 1 : 0;
  }

  // [15] collection: '(' object* ')'
  Term collection() {
    enter();
    c_.advance();  // '('
    std::vector<Term> items;
    for (;;) {
      c_.skip_space();
      if (c_.peek() == ')') break;
      if (c_.at_end()) c_.fail("unterminated collection (no ')')");
      items.push_back(object());
    }
    c_.advance();
    --depth_;
    if (items.empty()) return Term::iri(vocab::kRdfNil);
    const Term first = Term::iri(vocab::kRdfFirst);
    const Term rest = Term::iri(vocab::kRdfRest);
    const Term head = fresh_blank();
    Term cell = head;
    for (std::size_t i = 0; i < items.size(); ++i) {
      emit(cell, first, items[i]);
      Term next = i + 1 < items.size() ? fresh_blank() : Term::iri(vocab::kRdfNil);
      emit(cell, rest, next);
      cell = std::move(next);
    }
    return head;
  }

  // [17] reifiedTriple: '<<' rtSubject verb rtObject reifier? '>>'; the
  // reifier is the term it stands for.
  Term reified_triple() {
    enter();
    c_.advance(2);
    c_.skip_space();
    Term s;
    if (c_.looking_at("<<(")) c_.fail("a triple term cannot be the subject of a reified triple");
    if (c_.looking_at("<<")) {
      s = reified_triple();
    } else {
      s = iri_or_blank("the subject of a reified triple");
    }
    const Term p = verb();
    c_.skip_space();
    Term o;
    const int c = c_.peek();
    if (c == '[' && !anon_ahead()) {
      c_.fail("a blank node property list cannot be in a reified triple");
    }
    if (c == '(') c_.fail("a collection cannot be in a reified triple");
    o = object();
    c_.skip_space();
    Term r;
    if (c_.peek() == '~') {
      c_.advance();
      c_.skip_space();
      r = c_.looking_at(">>") ? fresh_blank() : iri_or_blank("a reifier");
    } else {
      r = fresh_blank();
    }
    expect(">>", "'>>' to close the reified triple");
    --depth_;
    emit(r, Term::iri(vocab::kRdfReifies), Term::triple(s.ref(), p.ref(), o.ref()));
    return r;
  }

  bool anon_ahead() { return anon_length() != 0; }

  // [18] tripleTerm: '<<(' ttSubject verb ttObject ')>>'
  Term triple_term() {
    enter();
    c_.advance(3);
    c_.skip_space();
    if (c_.looking_at("<<")) c_.fail("a triple term cannot be the subject of a triple term");
    const Term s = iri_or_blank("the subject of a triple term");
    const Term p = verb();
    c_.skip_space();
    Term o;
    const int c = c_.peek();
    if (c_.looking_at("<<(")) {
      o = triple_term();
    } else if (c_.looking_at("<<")) {
      c_.fail("a reified triple cannot be in a triple term (write a triple term <<( ... )>>)");
    } else if (c == '(' || (c == '[' && !anon_ahead())) {
      c_.fail("a collection or blank node property list cannot be in a triple term");
    } else {
      o = object();
    }
    expect(")>>", "')>>' to close the triple term");
    --depth_;
    return Term::triple(s.ref(), p.ref(), o.ref());
  }

  // [22] annotation: (reifier | annotationBlock)*; a block without a
  // reifier just before it gets a new blank node.
  void annotation(const Term& s, const Term& p, const Term& o) {
    std::optional<Term> reifier;
    for (;;) {
      c_.skip_space();
      if (c_.peek() == '~') {
        c_.advance();
        c_.skip_space();
        const int c = c_.peek();
        const bool named = (c == '<' && !c_.looking_at("<<")) || (c == '_' && c_.peek(1) == ':') ||
                           (c == '[' && anon_ahead()) || (c >= 0 && is_name_start(c));
        reifier = named ? iri_or_blank("a reifier") : fresh_blank();
        emit(*reifier, Term::iri(vocab::kRdfReifies), Term::triple(s.ref(), p.ref(), o.ref()));
        continue;
      }
      if (c_.looking_at("{|")) {
        enter();
        c_.advance(2);
        if (!reifier) {
          reifier = fresh_blank();
          emit(*reifier, Term::iri(vocab::kRdfReifies), Term::triple(s.ref(), p.ref(), o.ref()));
        }
        predicate_object_list(*reifier);
        expect("|}", "'|}' to close the annotation");
        --depth_;
        reifier.reset();
        continue;
      }
      return;
    }
  }

  // An IRI (IRIREF or prefixed name) or a blank node (label or []).
  Term iri_or_blank(const char* what) {
    c_.skip_space();
    const int c = c_.peek();
    if (c == '<' && !c_.looking_at("<<")) return iri();
    if (c == '_' && c_.peek(1) == ':') return blank_label();
    if (c == '[') {
      if (std::optional<Term> b = anon()) return *b;
    }
    if (c >= 0 && is_name_start(c) && c != '_') return prefixed_name();
    c_.fail(std::string("expected ") + what + " (an IRI or a blank node)");
  }

  Term iri() {
    c_.skip_space();
    if (c_.peek() != '<') return prefixed_name();
    c_.read_iriref(token_);
    return Term::iri(resolve(token_));
  }

  std::string resolve(const std::string& raw) {
    if (has_scheme(raw)) return raw;
    if (base_.empty()) c_.fail("relative IRI <" + raw + "> and no base IRI (use --base)");
    return resolve_iri(base_, raw);
  }

  // [136s] PrefixedName: PNAME_LN | PNAME_NS
  Term prefixed_name() {
    c_.read_name(token_);
    const std::size_t colon = token_.find(':');
    if (colon == std::string::npos) {
      c_.fail("expected a prefixed name (prefix:local), found '" + token_ + "'");
    }
    const std::string prefix = token_.substr(0, colon);
    if (!is_pn_prefix_name(prefix)) c_.fail("malformed prefix in '" + token_ + "'");
    const auto it = prefixes_.find(prefix);
    if (it == prefixes_.end()) c_.fail("undefined prefix '" + prefix + ":'");
    std::string iri = it->second;
    if (!decode_pn_local(std::string_view(token_).substr(colon + 1), iri)) {
      c_.fail("malformed local name in '" + token_ + "'");
    }
    return Term::iri(iri);
  }

  // [137s] BlankNode: BLANK_NODE_LABEL
  Term blank_label() {
    c_.advance(2);
    c_.read_name(token_, false);
    if (!is_blank_node_label(token_)) c_.fail("invalid blank node label _:" + token_);
    std::string label = options_.blank_prefix;
    if (token_[0] == 'g') label += 'g';
    label += token_;
    return Term::blank(label);
  }

  Term fresh_blank() {
    return Term::blank(options_.blank_prefix + "g" + std::to_string(++blank_count_));
  }

  void emit(const Term& s, const Term& p, const Term& o) {
    const QuadRef quad{s.ref(), p.ref(), o.ref(), graph_.ref()};
    if (Status st = sink_.on_quad(quad); !st) throw SinkRefused{st.error()};
    ++result_.quads;
  }

  Cursor& c_;
  const std::string& name_;
  const ReadOptions& options_;
  QuadSink& sink_;
  const bool trig_;
  std::string base_;
  std::unordered_map<std::string, std::string> prefixes_;
  Term graph_;  // None: the default graph
  std::uint64_t blank_count_ = 0;
  int depth_ = 0;
  std::string token_;  // the last token read
  ReadResult result_;
};

}  // namespace

ReadResult read_turtle(ByteSource& source, const std::string& name, const ReadOptions& options,
                       QuadSink& sink) {
  Cursor cursor(&source, {});
  return Parser(cursor, name, options, sink).run();
}

ReadResult read_turtle(std::string_view text, const std::string& name, const ReadOptions& options,
                       QuadSink& sink) {
  Cursor cursor(nullptr, text);
  return Parser(cursor, name, options, sink).run();
}

}  // namespace quiver::io
