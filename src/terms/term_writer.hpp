#pragma once
/// @file
/// The one writer of term syntax. N-Triples gives the exact form of a term
/// (`Term::to_ntriples`, the N-Triples and N-Quads writers, diagnostics);
/// Turtle gives the readable form (the Turtle and TriG writers, TSV cells,
/// the text table, the SSE printer), and its term syntax is also SPARQL's.
/// Lexical forms are never rewritten: a number or boolean is written bare
/// only when that bare token reads back as exactly the same literal.

#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "terms/term.hpp"

namespace quiver {

/// How append_quoted_string() escapes a string.
enum class StringEscapes {
  /// Canonical N-Triples, also valid Turtle and SPARQL: `\"`, `\\`, `\n`,
  /// `\r`, `\t`, `\b`, `\f`, `\u00XX` (upper-case hex) for the other
  /// C0 controls and DEL, and `\uFFFE`, `\uFFFF` for those noncharacters.
  NTriples,
  /// JSON (RFC 8259): the same two-character escapes and `\u00xx`
  /// (lower-case hex) for the other C0 controls. DEL is an ordinary
  /// character in JSON and stays as it is.
  Json,
};

/// Appends `text` between double quotes, escaped as `escapes` says; every
/// other byte (UTF-8 included) is copied as it is.
void append_quoted_string(std::string& out, std::string_view text,
                          StringEscapes escapes = StringEscapes::NTriples);

/// Appends `text` as a Turtle long string (`"""..."""`), keeping line
/// breaks and tabs as they are and escaping `"`, `\`, CR, the other
/// controls and DEL, so that no run of quotes can end the string early.
void append_long_quoted_string(std::string& out, std::string_view text);

/// Appends the exact N-Triples form of `term` to `out` (`<iri>`, `_:b`,
/// `"lex"@lang`, `"lex"^^<dt>`, nothing for the absent term). Strings are
/// escaped with StringEscapes::NTriples; IRIs as append_iriref() does, so
/// no term, however it was made, can end early and inject text.
void append_ntriples(std::string& out, const TermRef& term);

/// Appends `s p o .\n` or `s p o g .\n` (the graph when it is not None).
void append_nquads_line(std::string& out, const QuadRef& quad);

/// Appends `<iri>`, writing the characters IRIREF cannot hold as `\u00XX`
/// so that any IRI, valid or not, reads back the same.
void append_iriref(std::string& out, std::string_view iri);

/// Appends `_:label`; a label that is not a BLANK_NODE_LABEL (from a remote
/// result, say) is written as `_:h` and its bytes in hex instead.
void append_blank_label(std::string& out, std::string_view label);

/// Appends `@tag`; a tag that is not BCP 47-shaped keeps only its letters,
/// digits and hyphens (readers never let one through).
void append_language_tag(std::string& out, std::string_view tag);

/// True when `name` can be written as a Turtle/SPARQL PN_PREFIX (ASCII
/// only: a letter, then letters, digits, `_`, `-` and inner dots), or is
/// empty (the `:` prefix).
bool is_pn_prefix(std::string_view name);

/// True when `local` can follow `prefix:` without any escaping: a
/// conservative, ASCII-only subset of PN_LOCAL (letters, digits,
/// underscores, hyphens and inner dots, not starting with a hyphen or a
/// dot), or empty.
bool is_pn_local(std::string_view local);

/// True when `lexical` may be written bare in Turtle or SPARQL and read
/// back as the same term: it matches the INTEGER, DECIMAL or DOUBLE
/// production for exactly that datatype, or is `true`/`false` for
/// xsd:boolean.
bool has_turtle_short_form(std::string_view lexical, std::string_view datatype);

/// Prefix declarations: (name without `:`, namespace IRI), in the order
/// given.
using PrefixList = std::vector<std::pair<std::string, std::string>>;

/// Chooses the prefix to write an IRI with: the longest namespace that
/// leaves a local name is_pn_local() accepts; among equal namespaces the
/// first one given. Prefixes with an empty namespace are never chosen.
class PrefixMap {
 public:
  /// A map that chooses no prefix.
  PrefixMap() = default;
  /// A map over `prefixes` (copied).
  explicit PrefixMap(PrefixList prefixes);

  /// The index into prefixes() of the prefix for `iri`, or -1.
  int find(std::string_view iri) const;
  /// The prefixes, as given.
  const PrefixList& prefixes() const { return prefixes_; }

 private:
  struct Hash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  PrefixList prefixes_;
  std::unordered_map<std::string, int, Hash, std::equal_to<>> by_namespace_;
  std::vector<std::size_t> lengths_;  // of the namespaces, longest first
};

/// How append_turtle_literal() writes lexical forms that need quotes.
enum class TurtleStrings {
  /// Always `"..."`, one line (TSV cells, the table, SSE).
  Short,
  /// `"""..."""` when the text holds a line break (pretty Turtle files).
  LongWhenMultiline,
};

/// Appends `iri` as `name:local` with `prefix` (the entry PrefixMap::find()
/// chose for it), or as append_iriref() does when `prefix` is null.
void append_turtle_iri(std::string& out, std::string_view iri,
                       const PrefixList::value_type* prefix);

/// Appends a literal in Turtle syntax: bare when has_turtle_short_form()
/// allows, else quoted, then `@lang`, or `^^` and the datatype written
/// with `datatype_prefix`, or nothing for xsd:string.
void append_turtle_literal(std::string& out, const TermRef& literal,
                           const PrefixList::value_type* datatype_prefix,
                           TurtleStrings strings = TurtleStrings::Short);

/// Appends `term` in Turtle syntax: IRIs with the prefix `prefixes` chooses
/// (none when null), blank nodes as `_:label`, literals as
/// append_turtle_literal() with short strings; nothing for the absent term.
void append_turtle_term(std::string& out, const TermRef& term, const PrefixMap* prefixes = nullptr);

}  // namespace quiver
