#pragma once
/// @file
/// RDF terms, triples and quads, owning (Term, Quad) and borrowed (TermRef,
/// QuadRef) forms. Lexical forms are kept exactly as read: `"01"^^xsd:integer`
/// stays `01`.

#include <compare>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <utility>

namespace quiver {

/// The kind of an RDF term. `None` marks an absent term: the default graph
/// in the graph position of a quad. `Iri`: the value is the IRI's text,
/// without angle brackets; `Blank`: a blank node, named by a label local to
/// its document or store; `Literal`: lexical form, datatype IRI and possibly
/// a language tag; `Triple`: an RDF 1.2 triple term, whose value is its
/// three terms in canonical N-Triples form, one space apart (see
/// terms/triple_term.hpp), so that equal triples have equal values.
enum class TermKind : std::uint8_t { None, Iri, Blank, Literal, Triple };

/// True when `byte` is the kind of a term a file may store: an IRI, a
/// blank node, a literal or a triple term (not None).
inline bool is_stored_term_kind(std::uint8_t byte) {
  return byte >= static_cast<std::uint8_t>(TermKind::Iri) &&
         byte <= static_cast<std::uint8_t>(TermKind::Triple);
}

/// IRIs of the RDF and XSD vocabulary that the toolkit itself needs, e.g. the
/// implicit datatypes of simple and language-tagged literals.
namespace vocab {
/// The XSD namespace; datatype IRIs are this prefix plus a local name.
inline constexpr std::string_view kXsd = "http://www.w3.org/2001/XMLSchema#";
/// xsd:string, the datatype of simple (untagged) literals.
inline constexpr std::string_view kXsdString = "http://www.w3.org/2001/XMLSchema#string";
/// xsd:boolean, the datatype of `true` and `false`.
inline constexpr std::string_view kXsdBoolean = "http://www.w3.org/2001/XMLSchema#boolean";
/// xsd:integer, the datatype of a bare integer in Turtle and SPARQL.
inline constexpr std::string_view kXsdInteger = "http://www.w3.org/2001/XMLSchema#integer";
/// xsd:decimal, the datatype of a bare `1.5` in Turtle and SPARQL.
inline constexpr std::string_view kXsdDecimal = "http://www.w3.org/2001/XMLSchema#decimal";
/// xsd:float.
inline constexpr std::string_view kXsdFloat = "http://www.w3.org/2001/XMLSchema#float";
/// xsd:double, the datatype of a bare `1e3` in Turtle and SPARQL.
inline constexpr std::string_view kXsdDouble = "http://www.w3.org/2001/XMLSchema#double";
/// xsd:dateTime, the datatype of NOW() and of the accessors' arguments.
inline constexpr std::string_view kXsdDateTime = "http://www.w3.org/2001/XMLSchema#dateTime";
/// xsd:date.
inline constexpr std::string_view kXsdDate = "http://www.w3.org/2001/XMLSchema#date";
/// xsd:dayTimeDuration, the datatype TIMEZONE() returns.
inline constexpr std::string_view kXsdDayTimeDuration =
    "http://www.w3.org/2001/XMLSchema#dayTimeDuration";
/// The RDF namespace.
inline constexpr std::string_view kRdf = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
/// rdf:langString, the datatype of every language-tagged literal.
inline constexpr std::string_view kRdfLangString =
    "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString";
/// rdf:dirLangString, the datatype of every literal with a base direction
/// (RDF 1.2).
inline constexpr std::string_view kRdfDirLangString =
    "http://www.w3.org/1999/02/22-rdf-syntax-ns#dirLangString";
/// rdf:reifies, which links a reifier to the triple term it reifies (RDF 1.2).
inline constexpr std::string_view kRdfReifies =
    "http://www.w3.org/1999/02/22-rdf-syntax-ns#reifies";
/// rdf:type, the predicate written `a` in Turtle and SPARQL.
inline constexpr std::string_view kRdfType = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type";
/// rdf:first, the head of an RDF collection cell.
inline constexpr std::string_view kRdfFirst = "http://www.w3.org/1999/02/22-rdf-syntax-ns#first";
/// rdf:rest, the tail of an RDF collection cell.
inline constexpr std::string_view kRdfRest = "http://www.w3.org/1999/02/22-rdf-syntax-ns#rest";
/// rdf:nil, the empty RDF collection.
inline constexpr std::string_view kRdfNil = "http://www.w3.org/1999/02/22-rdf-syntax-ns#nil";
/// rdfs:subClassOf, the class hierarchy (the ontology check and SHACL's
/// instances follow it).
inline constexpr std::string_view kRdfsSubClassOf =
    "http://www.w3.org/2000/01/rdf-schema#subClassOf";
/// rdfs:Class, the class of classes.
inline constexpr std::string_view kRdfsClass = "http://www.w3.org/2000/01/rdf-schema#Class";
}  // namespace vocab

/// A borrowed view of a term. For literals, `datatype` is always set
/// (xsd:string for simple literals, rdf:langString with a `language`,
/// rdf:dirLangString with a language and a base direction, which `language`
/// then holds as `tag--ltr` or `tag--rtl`, the way N-Triples 1.2 writes
/// it); for blank nodes `value` is the label without `_:`.
struct TermRef {
  /// Which kind of term this is; `None` means absent.
  TermKind kind = TermKind::None;
  /// IRI (in full), blank node label (no `_:`) or literal lexical form.
  std::string_view value;
  /// Datatype IRI of a literal; empty for other terms.
  std::string_view datatype;
  /// Language tag of a literal (as written), with `--ltr` or `--rtl` when
  /// it has a base direction; empty when there is none.
  std::string_view language;

  /// Component-wise equality: same kind and byte-identical strings.
  bool operator==(const TermRef&) const = default;
  /// True for the absent term (e.g. the default graph).
  bool is_none() const { return kind == TermKind::None; }
};

/// An owning RDF term.
class Term {
 public:
  /// The absent term (kind None), e.g. the default graph.
  Term() = default;
  /// Copies the strings of a borrowed term; datatype and language are taken as
  /// given, without the defaulting that literal() does.
  explicit Term(TermRef ref)
      : kind_(ref.kind), value_(ref.value), datatype_(ref.datatype), language_(ref.language) {}

  /// An IRI, given in full (already resolved).
  static Term iri(std::string_view iri) { return Term(TermRef{TermKind::Iri, iri, {}, {}}); }
  /// A blank node with the given label (no `_:`).
  static Term blank(std::string_view label) {
    return Term(TermRef{TermKind::Blank, label, {}, {}});
  }
  /// A literal; an empty datatype means xsd:string, or rdf:langString when
  /// a language is given (rdf:dirLangString when it ends in `--ltr` or
  /// `--rtl`).
  static Term literal(std::string_view lexical, std::string_view datatype = {},
                      std::string_view language = {});
  /// The triple term `<<( s p o )>>` (RDF 1.2); see terms/triple_term.hpp.
  static Term triple(const TermRef& s, const TermRef& p, const TermRef& o);

  /// The term's kind; `None` for a default-constructed term.
  TermKind kind() const { return kind_; }
  /// IRI (in full), blank node label (no `_:`) or literal lexical form.
  const std::string& value() const { return value_; }
  /// Datatype IRI of a literal; empty for IRIs and blank nodes.
  const std::string& datatype() const { return datatype_; }
  /// Language tag of a literal; empty when there is none.
  const std::string& language() const { return language_; }
  /// True for the absent term (e.g. the default graph of a quad).
  bool is_none() const { return kind_ == TermKind::None; }
  /// True when the term is an IRI.
  bool is_iri() const { return kind_ == TermKind::Iri; }
  /// True when the term is a blank node.
  bool is_blank() const { return kind_ == TermKind::Blank; }
  /// True when the term is a literal.
  bool is_literal() const { return kind_ == TermKind::Literal; }
  /// True when the term is a triple term.
  bool is_triple() const { return kind_ == TermKind::Triple; }

  /// A borrowed view of this term, valid while the term is alive and unchanged.
  TermRef ref() const { return TermRef{kind_, value_, datatype_, language_}; }
  /// The exact N-Triples form (`<iri>`, `_:b`, `"lex"@lang`, `"lex"^^<dt>`,
  /// `<<( s p o )>>`), as append_ntriples() in terms/term_writer.hpp writes it.
  std::string to_ntriples() const;

  /// Component-wise equality: same kind and byte-identical strings, so
  /// `"01"^^xsd:integer` differs from `"1"^^xsd:integer`.
  bool operator==(const Term&) const = default;
  /// A total order: kind, then value, datatype, language (byte order).
  std::strong_ordering operator<=>(const Term& other) const;

 private:
  TermKind kind_ = TermKind::None;
  std::string value_;
  std::string datatype_;
  std::string language_;
};

/// A borrowed quad; `graph.kind == TermKind::None` is the default graph.
struct QuadRef {
  /// The subject: an IRI or blank node.
  TermRef subject;
  /// The predicate: an IRI.
  TermRef predicate;
  /// The object: any term.
  TermRef object;
  /// The graph name; `None` for the default graph.
  TermRef graph;
};

/// An owning triple.
struct Triple {
  /// The subject: an IRI or blank node.
  Term subject;
  /// The predicate: an IRI.
  Term predicate;
  /// The object: any term.
  Term object;
  /// Component-wise equality of the three terms.
  bool operator==(const Triple&) const = default;
  /// Lexicographic order by subject, predicate, object (Term's total order).
  auto operator<=>(const Triple&) const = default;
};

/// An owning quad; a `None` graph is the default graph.
struct Quad {
  /// The subject: an IRI or blank node.
  Term subject;
  /// The predicate: an IRI.
  Term predicate;
  /// The object: any term.
  Term object;
  /// The graph name; `None` for the default graph.
  Term graph;

  /// A quad of four absent terms.
  Quad() = default;
  /// A quad of the given terms; `g` defaults to the default graph.
  Quad(Term s, Term p, Term o, Term g = Term())
      : subject(std::move(s)), predicate(std::move(p)), object(std::move(o)), graph(std::move(g)) {}
  /// Copies the terms of a borrowed quad.
  explicit Quad(const QuadRef& q)
      : subject(q.subject), predicate(q.predicate), object(q.object), graph(q.graph) {}
  /// A borrowed view of this quad, valid while the quad is alive and unchanged.
  QuadRef ref() const { return {subject.ref(), predicate.ref(), object.ref(), graph.ref()}; }
  /// Component-wise equality of the four terms.
  bool operator==(const Quad&) const = default;
  /// Lexicographic order by subject, predicate, object, graph.
  auto operator<=>(const Quad&) const = default;
};

/// The language tag of a `language` field without its base direction:
/// `en` for both `en` and `en--rtl`.
std::string_view language_without_direction(std::string_view language);
/// The base direction in a `language` field: `ltr`, `rtl`, or empty.
std::string_view base_direction(std::string_view language);

/// Hash of a term, consistent with operator==.
std::size_t hash_value(const TermRef& term);

}  // namespace quiver

/// @namespace std
/// The C++ standard library; Quiver adds only std::hash specializations.

/// Lets Term be a key of unordered containers; agrees with hash_value().
template <>
struct std::hash<quiver::Term> {
  /// Hashes the term's borrowed view, so a Term and its TermRef hash alike.
  std::size_t operator()(const quiver::Term& t) const noexcept {
    return quiver::hash_value(t.ref());
  }
};
/// Lets TermRef be a key of unordered containers; agrees with hash_value().
template <>
struct std::hash<quiver::TermRef> {
  /// Hashes the term with quiver::hash_value.
  std::size_t operator()(const quiver::TermRef& t) const noexcept { return quiver::hash_value(t); }
};
