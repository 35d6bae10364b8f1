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
/// in the graph position of a quad.
enum class TermKind : std::uint8_t { None, Iri, Blank, Literal };

namespace vocab {
inline constexpr std::string_view kXsd = "http://www.w3.org/2001/XMLSchema#";
inline constexpr std::string_view kXsdString = "http://www.w3.org/2001/XMLSchema#string";
inline constexpr std::string_view kRdf = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
inline constexpr std::string_view kRdfLangString =
    "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString";
inline constexpr std::string_view kRdfType = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type";
inline constexpr std::string_view kRdfFirst = "http://www.w3.org/1999/02/22-rdf-syntax-ns#first";
inline constexpr std::string_view kRdfRest = "http://www.w3.org/1999/02/22-rdf-syntax-ns#rest";
inline constexpr std::string_view kRdfNil = "http://www.w3.org/1999/02/22-rdf-syntax-ns#nil";
}  // namespace vocab

/// A borrowed view of a term. For literals, `datatype` is always set
/// (xsd:string for simple literals, rdf:langString with a `language`);
/// for blank nodes `value` is the label without `_:`.
struct TermRef {
  TermKind kind = TermKind::None;
  std::string_view value;
  std::string_view datatype;
  std::string_view language;

  bool operator==(const TermRef&) const = default;
  bool is_none() const { return kind == TermKind::None; }
};

/// An owning RDF term.
class Term {
 public:
  Term() = default;
  explicit Term(TermRef ref)
      : kind_(ref.kind), value_(ref.value), datatype_(ref.datatype), language_(ref.language) {}

  /// An IRI, given in full (already resolved).
  static Term iri(std::string_view iri) { return Term(TermRef{TermKind::Iri, iri, {}, {}}); }
  /// A blank node with the given label (no `_:`).
  static Term blank(std::string_view label) {
    return Term(TermRef{TermKind::Blank, label, {}, {}});
  }
  /// A literal; an empty datatype means xsd:string, or rdf:langString when
  /// a language is given.
  static Term literal(std::string_view lexical, std::string_view datatype = {},
                      std::string_view language = {});

  TermKind kind() const { return kind_; }
  const std::string& value() const { return value_; }
  const std::string& datatype() const { return datatype_; }
  const std::string& language() const { return language_; }
  bool is_none() const { return kind_ == TermKind::None; }
  bool is_iri() const { return kind_ == TermKind::Iri; }
  bool is_blank() const { return kind_ == TermKind::Blank; }
  bool is_literal() const { return kind_ == TermKind::Literal; }

  TermRef ref() const { return TermRef{kind_, value_, datatype_, language_}; }
  /// The exact N-Triples form (`<iri>`, `_:b`, `"lex"@lang`, `"lex"^^<dt>`).
  std::string to_ntriples() const;

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
  TermRef subject;
  TermRef predicate;
  TermRef object;
  TermRef graph;
};

/// An owning triple.
struct Triple {
  Term subject;
  Term predicate;
  Term object;
  bool operator==(const Triple&) const = default;
  auto operator<=>(const Triple&) const = default;
};

/// An owning quad; a `None` graph is the default graph.
struct Quad {
  Term subject;
  Term predicate;
  Term object;
  Term graph;

  Quad() = default;
  Quad(Term s, Term p, Term o, Term g = Term())
      : subject(std::move(s)), predicate(std::move(p)), object(std::move(o)), graph(std::move(g)) {}
  explicit Quad(const QuadRef& q)
      : subject(q.subject), predicate(q.predicate), object(q.object), graph(q.graph) {}
  QuadRef ref() const { return {subject.ref(), predicate.ref(), object.ref(), graph.ref()}; }
  bool operator==(const Quad&) const = default;
  auto operator<=>(const Quad&) const = default;
};

/// Appends the exact N-Triples form of `term` to `out`. Strings are escaped
/// as canonical N-Triples wants: `\"`, `\\`, `\n`, `\r`, `\t`, `\b`, `\f` as
/// ECHAR, other control characters as `\u00XX`; nothing else is touched.
void append_ntriples(std::string& out, const TermRef& term);
/// Appends `s p o .\n` or `s p o g .\n` (the graph when it is not None).
void append_nquads_line(std::string& out, const QuadRef& quad);
/// Appends a literal's quoted, escaped lexical form (`"..."`) to `out`.
void append_quoted_string(std::string& out, std::string_view lexical);

/// Hash of a term, consistent with operator==.
std::size_t hash_value(const TermRef& term);

}  // namespace quiver

template <>
struct std::hash<quiver::Term> {
  std::size_t operator()(const quiver::Term& t) const noexcept {
    return quiver::hash_value(t.ref());
  }
};
template <>
struct std::hash<quiver::TermRef> {
  std::size_t operator()(const quiver::TermRef& t) const noexcept { return quiver::hash_value(t); }
};
