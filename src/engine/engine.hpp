#pragma once
/// @file
/// The query pipeline in one place: a store behind the Store interface,
/// loads into it, and queries (parse, plan, evaluate) over snapshots of it.
/// The CLI and the server drive it.

#include <atomic>
#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "dataset/store.hpp"
#include "engine/answer.hpp"
#include "io/format.hpp"
#include "sparql/algebra.hpp"
#include "util/expected.hpp"

namespace quiver::engine {

/// How to run one query.
struct QueryOptions {
  /// Stop the query with an error after this long (counted while it streams).
  std::optional<std::chrono::milliseconds> timeout;
  /// When set and it turns true, the query stops with "query cancelled".
  const std::atomic<bool>* cancel = nullptr;
};

/// Maps a FROM / FROM NAMED IRI to a local file to load, or nullopt.
using GraphFileResolver = std::function<std::optional<std::string>(const std::string& iri)>;

/// A store and query execution over it: planning against the store's
/// statistics, then evaluation of exactly that plan. Queries never write;
/// loads and updates go through transactions.
class Engine {
 public:
  /// An engine over a new, empty in-memory store.
  Engine();
  /// An engine over `store`.
  explicit Engine(std::unique_ptr<Store> store);
  /// Not copyable: the store can be large.
  Engine(const Engine&) = delete;
  /// Not copyable: the store can be large.
  Engine& operator=(const Engine&) = delete;
  ~Engine();

  /// Loads a file (format from `format`, else from its extension) into the
  /// default graph; quads of TriG / N-Quads keep their named graphs. One
  /// transaction: on error nothing is loaded.
  Expected<std::uint64_t> load(const std::string& path, std::optional<io::Format> format = {},
                               const std::string& base_iri = {});
  /// Loads a file into the named graph `graph_iri`.
  Expected<std::uint64_t> load_named(const std::string& graph_iri, const std::string& path,
                                     std::optional<io::Format> format = {},
                                     const std::string& base_iri = {});
  /// Loads, as named graphs, the FROM / FROM NAMED graphs of `query` that
  /// the store does not have, from the files `resolve` names (by default
  /// `file://` IRIs). What a command-line user asks for; a server never
  /// calls it.
  Status load_query_graphs(const sparql::Query& query, const GraphFileResolver& resolve = {});

  /// Plans `query` over a snapshot of the store and starts it: the answer
  /// streams as it is read. FROM / FROM NAMED name graphs of the store; one
  /// it does not have is an error.
  Expected<std::unique_ptr<Answer>> query(const sparql::Query& query,
                                          const QueryOptions& options = {});
  /// SPARQL Update: not yet supported (an Unsupported error).
  Status update(std::string_view update_text);

  /// The store.
  Store& store() { return *store_; }

 private:
  Expected<std::uint64_t> load_into(std::optional<std::string> graph_iri, const std::string& path,
                                    std::optional<io::Format> format, const std::string& base_iri);

  std::unique_ptr<Store> store_;
  std::uint64_t loaded_files_ = 0;
};

/// The file behind a `file://` IRI, if it is one (and names no NUL byte).
std::optional<std::string> file_iri_path(const std::string& iri);

}  // namespace quiver::engine
