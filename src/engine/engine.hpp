#pragma once
/// @file
/// The query pipeline in one place: load data into a store, parse, optimize,
/// evaluate. The CLI (and later the server) drive it; it owns the store.

#include <atomic>
#include <chrono>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "io/format.hpp"
#include "optimizer/optimizer.hpp"
#include "sparql/algebra.hpp"
#include "sparql/query_result.hpp"
#include "store/memory_store.hpp"
#include "util/expected.hpp"

namespace quiver::engine {

/// How to run one query.
struct QueryOptions {
  /// Stop the query with an error after this long.
  std::optional<std::chrono::milliseconds> timeout;
  /// Collect the plan with estimated and actual row counts.
  bool explain = false;
  /// When set and it turns true, the query stops with "query cancelled".
  const std::atomic<bool>* cancel = nullptr;
  /// Maps a FROM / FROM NAMED IRI to a local file to load when no graph of
  /// that name is in the store. The default maps `file://` IRIs to their
  /// path. Return nullopt when the IRI cannot be loaded.
  std::function<std::optional<std::string>(const std::string& iri)> graph_file;
};

/// A query's answer, and its plan when asked.
struct QueryOutcome {
  /// The answer, in the form the query asked for.
  sparql::QueryResult result;
  std::string explain;  ///< empty unless QueryOptions::explain
};

/// A store with the files loaded into it, and query execution over it:
/// optimization against the store's statistics, then evaluation.
class Engine {
 public:
  /// An engine with an empty store.
  Engine() = default;
  /// Not copyable: the store can be large.
  Engine(const Engine&) = delete;
  /// Not copyable: the store can be large.
  Engine& operator=(const Engine&) = delete;

  /// Loads a file (format from `format`, else from its extension) into the
  /// default graph; quads of TriG / N-Quads keep their named graphs.
  Expected<std::uint64_t> load(const std::string& path, std::optional<io::Format> format = {},
                               const std::string& base_iri = {});
  /// Loads a file into the named graph `graph_iri`.
  Expected<std::uint64_t> load_named(const std::string& graph_iri, const std::string& path,
                                     std::optional<io::Format> format = {},
                                     const std::string& base_iri = {});
  /// Parses, optimizes and evaluates `query`.
  Expected<QueryOutcome> run(const sparql::Query& query, const QueryOptions& options = {});

  /// The store, for loading from other sources or inspecting it directly.
  store::MemoryStore& store() { return store_; }

 private:
  Expected<std::uint64_t> load_into(TermId graph, const std::string& path,
                                    std::optional<io::Format> format, const std::string& base_iri);
  Expected<std::vector<TermId>> graphs_for(const std::vector<std::string>& iris,
                                           const QueryOptions& options);

  store::MemoryStore store_;
  std::uint64_t loaded_files_ = 0;
};

/// The file behind a `file://` IRI, if it is one.
std::optional<std::string> file_iri_path(const std::string& iri);

}  // namespace quiver::engine
