#include "engine/engine.hpp"

#include <algorithm>

#include "engine/explain.hpp"
#include "eval/evaluator.hpp"
#include "io/reader.hpp"
#include "store/store_loader.hpp"
#include "util/ascii.hpp"

namespace quiver::engine {
namespace {

// A reserved id (below kFirstTermId) that names no graph.
constexpr TermId kEmptyGraph = 3;

Expected<io::Format> pick_format(const std::string& path, std::optional<io::Format> format) {
  if (format) return *format;
  if (auto f = io::format_from_path(path)) return *f;
  return Error{SourceLocation{path, 0, 0},
               "cannot tell the syntax from the file name (use .ttl, .trig, .nt, .nq or .rdf)"};
}

}  // namespace

std::optional<std::string> file_iri_path(const std::string& iri) {
  if (!iri.starts_with("file://")) return std::nullopt;
  std::string rest = iri.substr(7);
  if (!rest.starts_with("/")) return std::nullopt;  // file://host/... is not local
  std::string path;
  for (std::size_t i = 0; i < rest.size(); ++i) {
    if (rest[i] == '%' && i + 2 < rest.size() && hex_digit_value(rest[i + 1]) >= 0 &&
        hex_digit_value(rest[i + 2]) >= 0) {
      path += static_cast<char>(hex_digit_value(rest[i + 1]) * 16 + hex_digit_value(rest[i + 2]));
      i += 2;
    } else {
      path += rest[i];
    }
  }
  return path;
}

Expected<std::uint64_t> Engine::load(const std::string& path, std::optional<io::Format> format,
                                     const std::string& base_iri) {
  return load_into(kDefaultGraph, path, format, base_iri);
}

Expected<std::uint64_t> Engine::load_named(const std::string& graph_iri, const std::string& path,
                                           std::optional<io::Format> format,
                                           const std::string& base_iri) {
  return load_into(store_.intern(Term::iri(graph_iri).ref()), path, format, base_iri);
}

Expected<std::uint64_t> Engine::load_into(TermId graph, const std::string& path,
                                          std::optional<io::Format> format,
                                          const std::string& base_iri) {
  auto f = pick_format(path, format);
  if (!f) return f.error();
  io::ReadOptions options;
  options.format = *f;
  options.base_iri = base_iri;
  // Blank nodes of different files are different nodes.
  options.blank_prefix = "f" + std::to_string(++loaded_files_) + "_";
  return store::load_file(store_, path, options, graph);
}

Expected<std::vector<TermId>> Engine::graphs_for(const std::vector<std::string>& iris,
                                                 const QueryOptions& options) {
  std::vector<TermId> ids;
  const std::vector<TermId> existing = store_.graph_names();
  for (const auto& iri : iris) {
    const TermId id = store_.find_id(Term::iri(iri).ref());
    if (id != kAnyTerm && std::find(existing.begin(), existing.end(), id) != existing.end()) {
      ids.push_back(id);
      continue;
    }
    std::optional<std::string> path =
        options.graph_file ? options.graph_file(iri) : file_iri_path(iri);
    if (!path) {
      return Error{SourceLocation{},
                   "no graph <" + iri + "> in the data, and it is not a local file"};
    }
    auto loaded = load_named(iri, *path, std::nullopt, iri);
    if (!loaded) return loaded.error();
    ids.push_back(store_.find_id(Term::iri(iri).ref()));
  }
  return ids;
}

Expected<QueryOutcome> Engine::run(const sparql::Query& parsed, const QueryOptions& options) {
  eval::QueryDataset dataset;
  dataset.data = &store_;
  if (!parsed.from.empty() || !parsed.from_named.empty()) {
    auto defaults = graphs_for(parsed.from, options);
    if (!defaults) return defaults.error();
    auto named = graphs_for(parsed.from_named, options);
    if (!named) return named.error();
    dataset.default_graphs = std::move(*defaults);
    // Only FROM NAMED: the default graph is empty, a reserved id no quad has.
    if (dataset.default_graphs.empty()) dataset.default_graphs.push_back(kEmptyGraph);
    dataset.named_graphs = std::move(*named);
  }
  store_.freeze();

  optimizer::PassContext context{&store_};
  std::vector<optimizer::PassTiming> timings;
  const sparql::Query query = optimizer::optimize(parsed, context, &timings);

  eval::EvalOptions eval_options;
  if (options.timeout) eval_options.deadline = std::chrono::steady_clock::now() + *options.timeout;
  eval_options.cancel = options.cancel;
  std::unordered_map<const sparql::Op*, std::uint64_t> actual;
  if (options.explain) eval_options.actual_rows = &actual;
  auto result = eval::evaluate(query, dataset, eval_options);
  if (!result) return result.error();
  QueryOutcome outcome{std::move(*result), {}};
  if (options.explain) outcome.explain = explain_plan(query, context, actual, timings);
  return outcome;
}

}  // namespace quiver::engine
