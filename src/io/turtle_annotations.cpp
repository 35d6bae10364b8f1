// Which reifiers the Turtle/TriG writer folds into annotation syntax. A
// statement `r rdf:reifies <<( s p o )>>` whose triple is asserted in the
// same graph, by a subject written at the top level, is written after it:
//   - a blank `r` as `s p o {| r's other statements |}`, when nothing else
//     names it (no other use as object, none inside a triple term, one
//     graph, one rdf:reifies, at least one other statement): reading the
//     block back mints a fresh blank node with exactly those statements;
//   - an IRI `r` as `s p o ~ r`, its other statements written as usual.
// Anything else keeps `r rdf:reifies <<( ... )>>`, which is always right.
// Only statements of top-level subjects carry annotations, and an annotated
// reifier is never such a subject, so blocks do not nest.

#include <algorithm>
#include <optional>

#include "io/turtle_layout.hpp"
#include "terms/triple_term.hpp"

namespace quiver::io::turtle {
namespace {

// Blank nodes that `{| |}` can stand for, judged on the whole dataset.
std::vector<std::uint8_t> foldable_blanks(const Layout& l) {
  const std::size_t n = l.terms.size();
  std::vector<std::uint32_t> graph_of(n, kUnseen);
  std::vector<std::uint8_t> reifies(n, 0);
  std::vector<std::uint8_t> others(n, 0);
  std::vector<std::uint8_t> named(n, 0);  // as object, graph name or inside a triple term
  const auto is_blank = [&](TermId id) { return l.terms[id].kind == TermKind::Blank; };
  for (const IdQuad& q : l.quads) {
    if (is_blank(q.subject)) {
      note_graph(graph_of, q.subject, q.graph);
      if (q.predicate == l.rdf_reifies && l.terms[q.object].kind == TermKind::Triple) {
        if (reifies[q.subject] < 2) ++reifies[q.subject];
      } else {
        others[q.subject] = 1;
      }
    }
    if (is_blank(q.object)) named[q.object] = 1;
    if (is_blank(q.graph)) named[q.graph] = 1;
  }
  for (const auto& [label, b] : l.quoted_blanks) named[b] = 1;
  std::vector<std::uint8_t> foldable(n, 0);
  for (TermId b = 1; b < n; ++b) {
    foldable[b] = is_blank(b) && reifies[b] == 1 && others[b] && !named[b] &&
                  graph_of[b] != kManyGraphs && l.roles[b] == Role::Plain;
  }
  return foldable;
}

}  // namespace

void plan_annotations(const TermTable& table, const std::vector<TermId>& rank, Layout& l) {
  l.folded.assign(l.quads.size(), false);
  if (l.rdf_reifies == kNoTerm) return;
  const std::vector<std::uint8_t> foldable = foldable_blanks(l);
  const auto ranked = [&](const Term& term) -> std::optional<TermId> {
    const TermId id = table.find(term.ref());
    if (id == kNoTerm) return std::nullopt;
    return rank[id];
  };
  const auto key = [&](const IdQuad& q) { return statement_key(q, l.rdf_type); };
  struct Fold {
    std::uint32_t reifies;   // the `r rdf:reifies <<( s p o )>>` statement
    std::uint32_t asserted;  // the `s p o` statement
  };
  std::vector<Fold> folds;
  std::vector<bool> reifies_folded(l.quads.size(), false);
  for (std::uint32_t k = 0; k < l.quads.size(); ++k) {
    const IdQuad& q = l.quads[k];
    if (q.predicate != l.rdf_reifies) continue;
    const TermEntry& object = l.terms[q.object];
    const TermKind reifier = l.terms[q.subject].kind;
    if (object.kind != TermKind::Triple) continue;
    if (reifier != TermKind::Iri && !(reifier == TermKind::Blank && foldable[q.subject])) continue;
    const std::optional<Triple> parts = triple_term_parts(object.value);
    if (!parts) continue;
    const auto s = ranked(parts->subject);
    const auto p = ranked(parts->predicate);
    const auto o = ranked(parts->object);
    if (!s || !p || !o || l.roles[*s] != Role::Plain || foldable[*s]) continue;
    const IdQuad asserted{q.graph, *s, *p, *o};
    const auto at =
        std::lower_bound(l.quads.begin(), l.quads.end(), asserted,
                         [&](const IdQuad& a, const IdQuad& b) { return key(a) < key(b); });
    if (at == l.quads.end() || key(*at) != key(asserted)) continue;
    folds.push_back({k, static_cast<std::uint32_t>(at - l.quads.begin())});
    reifies_folded[k] = true;
  }
  // A statement that is itself folded is written as `~ r` or inside a
  // block, where it cannot carry an annotation: its reifiers stay as they are.
  for (const Fold& fold : folds) {
    if (reifies_folded[fold.asserted]) continue;
    const TermId reifier = l.quads[fold.reifies].subject;
    l.folded[fold.reifies] = true;
    l.annotations[fold.asserted].push_back(reifier);
    if (l.terms[reifier].kind == TermKind::Blank) l.roles[reifier] = Role::Annotation;
  }
}

}  // namespace quiver::io::turtle
