#include "engine/engine.hpp"

#include <algorithm>
#include <array>

#include "eval/evaluator.hpp"
#include "io/reader.hpp"
#include "optimizer/optimizer.hpp"
#include "optimizer/planner.hpp"
#include "store/memory_store.hpp"
#include "store/store_loader.hpp"
#include "util/ascii.hpp"

namespace quiver::engine {
namespace {

Expected<io::Format> pick_format(const std::string& path, std::optional<io::Format> format) {
  if (format) return *format;
  if (auto f = io::format_from_path(path)) return *f;
  return Error{SourceLocation{path, 0, 0},
               "cannot tell the syntax from the file name (use .ttl, .trig, .nt, .nq or .rdf)"};
}

// The store's ids of the named graphs `iris`; a missing one is an error.
Expected<std::vector<TermId>> graph_ids(const Dataset& data, const std::vector<std::string>& iris) {
  std::vector<TermId> ids;
  for (const auto& iri : iris) {
    const TermId id = data.find_id(Term::iri(iri).ref());
    if (id == kAnyTerm || !data.has_graph(id)) {
      return Error{ErrorKind::NotFound, "no graph <" + iri + "> in the data"};
    }
    ids.push_back(id);
  }
  return ids;
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
      const char c =
          static_cast<char>(hex_digit_value(rest[i + 1]) * 16 + hex_digit_value(rest[i + 2]));
      // %00 would cut the path where the operating system reads it.
      if (c == '\0') return std::nullopt;
      path += c;
      i += 2;
    } else {
      path += rest[i];
    }
  }
  return path;
}

Engine::Engine() : store_(std::make_unique<store::MemoryStore>()) {}

Engine::Engine(std::unique_ptr<Store> store) : store_(std::move(store)) {}

Engine::~Engine() = default;

Expected<std::uint64_t> Engine::load(const std::string& path, std::optional<io::Format> format,
                                     const std::string& base_iri) {
  return load_into(std::nullopt, path, format, base_iri);
}

Expected<std::uint64_t> Engine::load_named(const std::string& graph_iri, const std::string& path,
                                           std::optional<io::Format> format,
                                           const std::string& base_iri) {
  return load_into(graph_iri, path, format, base_iri);
}

Expected<std::uint64_t> Engine::load_into(std::optional<std::string> graph_iri,
                                          const std::string& path, std::optional<io::Format> format,
                                          const std::string& base_iri) {
  auto f = pick_format(path, format);
  if (!f) return f.error();
  io::ReadOptions options;
  options.format = *f;
  options.base_iri = base_iri;
  // Blank nodes of different files are different nodes.
  options.blank_prefix = store_->blank_namespace() + "f" + std::to_string(++loaded_files_) + "_";
  return store::load_file(*store_, path, options, graph_iri);
}

Status Engine::load_query_graphs(const sparql::Query& query, const GraphFileResolver& resolve) {
  const auto snapshot = store_->snapshot();
  for (const auto* list : {&query.from, &query.from_named}) {
    for (const auto& iri : *list) {
      const TermId id = snapshot->find_id(Term::iri(iri).ref());
      if (id != kAnyTerm && snapshot->has_graph(id)) continue;
      std::optional<std::string> path = resolve ? resolve(iri) : file_iri_path(iri);
      if (!path) {
        return Error{ErrorKind::NotFound,
                     "no graph <" + iri + "> in the data, and it is not a local file"};
      }
      if (auto loaded = load_named(iri, *path, std::nullopt, iri); !loaded) return loaded.error();
    }
  }
  return {};
}

Expected<std::unique_ptr<Answer>> Engine::query(const sparql::Query& parsed,
                                                const QueryOptions& options) {
  std::shared_ptr<const Dataset> snapshot = store_->snapshot();
  eval::QueryDataset dataset;
  dataset.data = snapshot.get();
  if (!parsed.from.empty() || !parsed.from_named.empty()) {
    auto defaults = graph_ids(*snapshot, parsed.from);
    if (!defaults) return defaults.error();
    auto named = graph_ids(*snapshot, parsed.from_named);
    if (!named) return named.error();
    dataset.default_graphs = std::move(*defaults);
    // Only FROM NAMED: the default graph is empty.
    if (dataset.default_graphs.empty()) dataset.default_graphs.push_back(kNoGraph);
    dataset.named_graphs = std::move(*named);
  } else if (options.union_default_graph) {
    dataset.default_graphs = {kAnyNamedGraph};
  }

  optimizer::PassContext context{snapshot.get(), dataset.default_graphs};
  context.naive = !options.optimize;
  std::vector<optimizer::PassTiming> timings;
  sparql::Query query = options.optimize ? optimizer::optimize(parsed, context, &timings) : parsed;
  const auto start = std::chrono::steady_clock::now();
  plan::Plan plan = optimizer::make_plan(std::move(query), context);
  timings.push_back({"plan", std::chrono::duration_cast<std::chrono::microseconds>(
                                 std::chrono::steady_clock::now() - start)});

  eval::EvalOptions eval_options;
  if (options.timeout) eval_options.deadline = std::chrono::steady_clock::now() + *options.timeout;
  eval_options.cancel = options.cancel;
  eval_options.service = options.service;
  return Answer::start(std::move(snapshot), std::move(dataset), std::move(plan), eval_options,
                       std::move(timings));
}

Status Engine::dump(io::QuadSink& sink) const {
  const std::shared_ptr<const Dataset> snapshot = store_->snapshot();
  QuadIds all;
  all.graph = kAnyTerm;
  const auto cursor = snapshot->match(all);
  std::array<QuadIds, 256> batch;
  while (const std::size_t n = cursor->next(batch.data(), batch.size())) {
    for (std::size_t i = 0; i < n; ++i) {
      const QuadIds& q = batch[i];
      const QuadRef quad{snapshot->term(q.subject), snapshot->term(q.predicate),
                         snapshot->term(q.object),
                         q.graph == kDefaultGraph ? TermRef{} : snapshot->term(q.graph)};
      if (Status st = sink.on_quad(quad); !st) return st;
    }
  }
  return {};
}

}  // namespace quiver::engine
