#include "shacl/shacl.hpp"

#include "shacl/data_graph.hpp"
#include "shacl/messages.hpp"
#include "shacl/report.hpp"
#include "shacl/shapes.hpp"
#include "shacl/vocabulary.hpp"

namespace quiver::shacl {

Expected<Outcome> validate_datasets(const Dataset& shapes, const Dataset& data,
                                    const Options& options) {
  DataGraph shapes_graph(shapes, options.union_default_graph ? kAnyTerm : kDefaultGraph);
  DataGraph data_graph(data, options.union_default_graph ? kAnyNamedGraph : kDefaultGraph);
  auto read = read_shapes(shapes_graph, data_graph);
  if (!read) return read.error();
  ValidationOptions validation;
  validation.cancel = options.cancel;
  if (options.timeout) validation.deadline = std::chrono::steady_clock::now() + *options.timeout;
  if (options.engine != nullptr) {
    SparqlSettings settings = options.sparql;
    settings.union_default_graph = options.union_default_graph;
    settings.deadline = validation.deadline;
    validation.sparql = engine_sparql_runner(*options.engine, *read, data_graph, settings);
  }
  auto results = validate(*read, data_graph, validation);
  if (!results) return results.error();
  for (ValidationResult& r : *results) {
    if (r.messages.empty() && r.constraint != nullptr) {
      r.messages.push_back(
          default_message(*read, *r.constraint, data_graph, r.value.value_or(kAnyTerm)));
    }
  }
  Outcome outcome;
  outcome.conforms = results->empty();
  outcome.report = report_quads(*read, data_graph, *results, &shapes == &data);
  for (const ValidationResult& r : *results) {
    const Shape& shape = read->shapes[r.shape];
    const SparqlConstraint* sparql = r.sparql ? &read->sparql[*r.sparql] : nullptr;
    ResultTerms& t = outcome.results.emplace_back();
    t.focus = Term(data_graph.term(r.focus));
    if (r.value) t.value = Term(data_graph.term(*r.value));
    t.path = r.path;
    t.shape = shape.node;
    t.component = sparql != nullptr && !sparql->component.is_none()
                      ? sparql->component
                      : Term::iri(component_iri(r.component));
    t.severity = shape.severity;
    t.messages = r.messages;
  }
  return outcome;
}

bool uses_shapes_graph(const Dataset& shapes) {
  for (std::string_view form : {"select", "ask"}) {
    const TermId p = shapes.find_id(TermRef{TermKind::Iri, sh(form), {}, {}});
    if (p == kAnyTerm) continue;
    auto cursor = shapes.match({kAnyTerm, p, kAnyTerm, kAnyTerm});
    QuadIds batch[64];
    while (const std::size_t n = cursor->next(batch, std::size(batch))) {
      for (std::size_t i = 0; i < n; ++i) {
        if (shapes.term(batch[i].object).value.find("shapesGraph") != std::string_view::npos) {
          return true;
        }
      }
    }
  }
  return false;
}

}  // namespace quiver::shacl
