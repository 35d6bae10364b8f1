#include "shacl/shacl.hpp"

#include "shacl/data_graph.hpp"
#include "shacl/report.hpp"
#include "shacl/shapes.hpp"

namespace quiver::shacl {

Expected<Outcome> validate_datasets(const Dataset& shapes, const Dataset& data,
                                    const Options& options) {
  const TermId graph = options.union_default_graph ? kAnyNamedGraph : kDefaultGraph;
  DataGraph shapes_graph(shapes, graph);
  DataGraph data_graph(data, graph);
  auto read = read_shapes(shapes_graph, data_graph);
  if (!read) return read.error();
  ValidationOptions validation;
  validation.cancel = options.cancel;
  if (options.engine != nullptr) {
    SparqlSettings settings = options.sparql;
    settings.union_default_graph = options.union_default_graph;
    validation.sparql = engine_sparql_runner(*options.engine, *read, data_graph, settings);
  }
  auto results = validate(*read, data_graph, validation);
  if (!results) return results.error();
  Outcome outcome;
  outcome.conforms = results->empty();
  outcome.report = report_quads(*read, data_graph, *results, &shapes == &data);
  outcome.results = std::move(*results);
  return outcome;
}

}  // namespace quiver::shacl
