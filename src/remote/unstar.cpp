#include "remote/unstar.hpp"

#include <utility>

#include "terms/triple_term.hpp"

namespace quiver::remote {
namespace {

constexpr std::string_view kStatement = "http://www.w3.org/1999/02/22-rdf-syntax-ns#Statement";
constexpr std::string_view kSubject = "http://www.w3.org/1999/02/22-rdf-syntax-ns#subject";
constexpr std::string_view kPredicate = "http://www.w3.org/1999/02/22-rdf-syntax-ns#predicate";
constexpr std::string_view kObject = "http://www.w3.org/1999/02/22-rdf-syntax-ns#object";

TermRef iri(std::string_view value) { return TermRef{TermKind::Iri, value, {}, {}}; }

// True when `term`, or a term inside it, is a literal with a base direction.
bool has_direction(const TermRef& term) {
  if (term.kind == TermKind::Literal) return !base_direction(term.language).empty();
  if (term.kind != TermKind::Triple) return false;
  const std::optional<Triple> parts = triple_term_parts(term.value);
  return parts && (has_direction(parts->subject.ref()) || has_direction(parts->object.ref()));
}

}  // namespace

Rdf12Feature rdf12_feature(const QuadRef& quad) {
  bool triple = false;
  for (const TermRef& term : {quad.subject, quad.object, quad.graph}) {
    if (has_direction(term)) return Rdf12Feature::BaseDirection;
    triple = triple || term.kind == TermKind::Triple;
  }
  return triple ? Rdf12Feature::TripleTerm : Rdf12Feature::None;
}

std::string_view describe(Rdf12Feature feature) {
  switch (feature) {
    case Rdf12Feature::None:
      break;
    case Rdf12Feature::TripleTerm:
      return "a triple term";
    case Rdf12Feature::BaseDirection:
      return "a literal with a base direction";
  }
  return {};
}

UnstarSink::UnstarSink(io::QuadSink& next, std::string label_prefix)
    : next_(next), label_prefix_(std::move(label_prefix)) {}

Status UnstarSink::on_quad(const QuadRef& quad) {
  if (quad.object.kind != TermKind::Triple) return next_.on_quad(quad);
  if (quad.predicate.value == vocab::kRdfReifies) {
    return describe(quad.subject, quad.object.value, quad.graph);
  }
  Term node;
  if (Status st = stand_in(quad.object, quad.graph, node); !st) return st;
  return next_.on_quad(QuadRef{quad.subject, quad.predicate, node.ref(), quad.graph});
}

// The term that stands for `term` in RDF 1.1: itself, or for a triple term
// its blank node, described the first time the graph uses it.
Status UnstarSink::stand_in(const TermRef& term, const TermRef& graph, Term& out) {
  if (term.kind != TermKind::Triple) {
    out = Term(term);
    return {};
  }
  std::string key(graph.value);
  key += '\n';
  key += term.value;
  auto [it, inserted] = labels_.try_emplace(std::move(key));
  if (!inserted) {
    out = Term::blank(it->second);
    return {};
  }
  it->second = label_prefix_ + std::to_string(++labels_minted_);
  out = Term::blank(it->second);
  return describe(out.ref(), term.value, graph);
}

Status UnstarSink::describe(const TermRef& statement, std::string_view triple_term,
                            const TermRef& graph) {
  const std::optional<Triple> parts = triple_term_parts(triple_term);
  if (!parts) return Error("a damaged triple term value: " + std::string(triple_term));
  Term subject;
  Term object;
  if (Status st = stand_in(parts->subject.ref(), graph, subject); !st) return st;
  if (Status st = stand_in(parts->object.ref(), graph, object); !st) return st;
  const QuadRef quads[] = {
      {statement, iri(vocab::kRdfType), iri(kStatement), graph},
      {statement, iri(kSubject), subject.ref(), graph},
      {statement, iri(kPredicate), parts->predicate.ref(), graph},
      {statement, iri(kObject), object.ref(), graph},
  };
  for (const QuadRef& quad : quads) {
    if (Status st = next_.on_quad(quad); !st) return st;
  }
  ++reifications_;
  return {};
}

}  // namespace quiver::remote
