#pragma once
/// @file
/// Internal to the Turtle/TriG writer: the interned dataset it collects, and
/// the layout decided on finish() (statement order, which blank nodes are
/// written inline as `[ ]` or as collections `( )`, which keep a label).

#include <cstdint>
#include <memory>
#include <string_view>
#include <tuple>
#include <unordered_map>
#include <vector>

#include "terms/term.hpp"
#include "terms/term_interner.hpp"

namespace quiver::io::turtle {

/// Index of an interned term. Id 0 is the absent term (the default graph).
using TermId = std::uint32_t;
/// The id of the absent term; also marks an empty hash slot and a missing IRI.
inline constexpr TermId kNoTerm = 0;

/// An interned term; the views point into the owning TermTable's arena.
struct TermEntry {
  /// Which kind of term this is.
  TermKind kind = TermKind::None;
  /// IRI (in full), blank node label (no `_:`) or literal lexical form.
  std::string_view value;
  /// Language tag of a literal; empty when there is none.
  std::string_view language;
  /// For literals, the id of the datatype IRI (interned as a term).
  TermId datatype = kNoTerm;
};

/// A statement as four term ids, in the order it is sorted by.
struct IdQuad {
  /// The graph name (kNoTerm: the default graph); first, as output goes by graph.
  TermId graph;
  /// The subject.
  TermId subject;
  /// The predicate.
  TermId predicate;
  /// The object.
  TermId object;
};

/// The writer's view of the term interner: ids from 1 (0 is the absent
/// term, the default graph), and each literal's datatype IRI interned as a
/// term of its own, so that datatypes can be ranked and given prefixes like
/// any IRI. The terms themselves are stored once, by the TermInterner.
class TermTable {
 public:
  /// An empty table holding only the absent term (id kNoTerm).
  TermTable();
  /// Not copyable: entries hold views into the table's own interner.
  TermTable(const TermTable&) = delete;
  /// Not copyable: entries hold views into the table's own interner.
  TermTable& operator=(const TermTable&) = delete;

  /// The id of `term`, adding it if new. A literal without datatype gets
  /// xsd:string (or rdf:langString with a language).
  TermId intern(const TermRef& term);
  /// The id of an IRI if it has been interned, else kNoTerm.
  TermId find_iri(std::string_view iri) const;
  /// The id of `term` if it has been interned, else kNoTerm.
  TermId find(const TermRef& term) const;

  /// The entry of an interned id; valid while the table lives.
  const TermEntry& operator[](TermId id) const { return entries_[id]; }
  /// Number of ids handed out, the absent term included.
  std::size_t size() const { return entries_.size(); }
  /// All entries, indexed by id.
  const std::vector<TermEntry>& entries() const { return entries_; }

 private:
  TermInterner terms_;
  std::vector<TermEntry> entries_;
  TermId last_datatype_ = kNoTerm;
};

/// How a term is written where it occurs.
enum class Role : std::uint8_t {
  Plain,     ///< by name (IRI, literal, labelled blank node); subjects are top level
  Inline,    ///< blank node written as `[ ... ]` at its only use as object
  ListHead,  ///< blank node written as `( ... )` at its only use as object
  ListCell,  ///< a later cell of a collection, consumed by its head
  /// blank reifier written as `{| ... |}` after the triple it reifies
  Annotation,
};

/// Per blank node, the graph it is used in while planning: none yet, or
/// more than one (else the graph's id).
inline constexpr std::uint32_t kUnseen = UINT32_MAX;
/// See kUnseen.
inline constexpr std::uint32_t kManyGraphs = UINT32_MAX - 1;

/// Records that blank node `b` is used in graph `g` (see kUnseen).
inline void note_graph(std::vector<std::uint32_t>& graph_of, TermId b, TermId g) {
  graph_of[b] = graph_of[b] == kUnseen || graph_of[b] == g ? g : kManyGraphs;
}

/// The order statements are written in: by graph, subject, predicate
/// (`rdf_type` first), object.
inline std::tuple<TermId, TermId, TermId, TermId> statement_key(const IdQuad& q, TermId rdf_type) {
  return {q.graph, q.subject, q.predicate == rdf_type ? 0 : q.predicate, q.object};
}

/// Everything the renderer needs, in rendering order. Term ids here are
/// ranks: id order is output order (IRIs, then literals, then blank nodes).
struct Layout {
  std::vector<TermEntry> terms;  ///< by rank; views still point into the TermTable
  /// Distinct statements sorted by graph, subject, predicate (rdf:type
  /// first), object.
  std::vector<IdQuad> quads;
  std::vector<Role> roles;  ///< per term
  /// Per blank node written inline or in a collection: index of its first
  /// statement as subject, or kNoStatement when it has none.
  std::vector<std::uint32_t> first_statement;
  TermId rdf_type = kNoTerm;  ///< kNoTerm when absent from the data
  /// The rank of rdf:first; kNoTerm when absent from the data.
  TermId rdf_first = kNoTerm;
  /// The rank of rdf:rest; kNoTerm when absent from the data.
  TermId rdf_rest = kNoTerm;
  /// The rank of rdf:nil; kNoTerm when absent from the data.
  TermId rdf_nil = kNoTerm;
  /// The rank of rdf:reifies; kNoTerm when absent from the data.
  TermId rdf_reifies = kNoTerm;
  /// Per statement: an `rdf:reifies` written as annotation syntax after
  /// the triple it reifies (`{| ... |}`, or `~ iri`), not where it sorts.
  std::vector<bool> folded;
  /// Per asserted statement that has them: its reifiers, written after it
  /// (a blank one of Role::Annotation as `{| ... |}`, an IRI as `~ iri`).
  std::unordered_map<std::uint32_t, std::vector<TermId>> annotations;
  /// Blank nodes that occur inside triple terms, by label: the triple term
  /// names them, so they are always written with their label, never inline.
  std::unordered_map<std::string_view, TermId> quoted_blanks;

  /// The `first_statement` of a blank node that is never a subject.
  static constexpr std::uint32_t kNoStatement = UINT32_MAX;

  /// One past the last statement of the subject that starts at `begin`.
  std::size_t subject_end(std::size_t begin) const {
    std::size_t end = begin + 1;
    while (end < quads.size() && quads[end].subject == quads[begin].subject &&
           quads[end].graph == quads[begin].graph) {
      ++end;
    }
    return end;
  }
};

/// Deepest nesting of `[ ]` and `( )` written; deeper blank nodes get labels,
/// which keeps rendering recursion bounded whatever the data.
inline constexpr int kMaxNesting = 32;

/// Orders the statements and decides how every blank node is written.
/// `quads` may hold duplicates and come in any order; the result depends
/// only on the set of statements (see turtle_layout.cpp for blank nodes).
Layout build_layout(const TermTable& table, std::vector<IdQuad> quads);

/// Part of build_layout(): decides which `r rdf:reifies <<( s p o )>>`
/// statements are written as annotations of the asserted `s p o` (see
/// turtle_annotations.cpp). `rank` maps the table's ids to the layout's.
void plan_annotations(const TermTable& table, const std::vector<TermId>& rank, Layout& layout);

}  // namespace quiver::io::turtle
