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
#include "io/sink.hpp"
#include "sparql/algebra.hpp"
#include "sparql/update.hpp"
#include "util/expected.hpp"

namespace quiver::engine {

/// How to run one query.
struct QueryOptions {
  /// Stop the query with an error after this long (counted while it streams).
  std::optional<std::chrono::milliseconds> timeout;
  /// When set and it turns true, the query stops with "query cancelled".
  const std::atomic<bool>* cancel = nullptr;
  /// Without FROM / FROM NAMED, the default graph is the union (merge) of
  /// the named graphs, as Jena TDB's and Oxigraph's option makes it.
  bool union_default_graph = false;
  /// Runs SERVICE patterns; null refuses them (SERVICE SILENT yields its seed).
  const ServiceClient* service = nullptr;
  /// False runs the query as written, without the optimizer's passes and
  /// with the planner's naive plan (optimizer::PassContext::naive): the
  /// reference that differential tests hold the optimized engine to.
  bool optimize = true;
};

/// Fills `transaction`'s `graph` from the document at `iri` (SPARQL
/// Update's LOAD of an IRI that is not a local file), returning the number
/// of statements read, as store::load_file does.
using DocumentLoader = std::function<Expected<std::uint64_t>(Transaction& transaction,
                                                             const std::string& iri, TermId graph)>;

/// How to run one update request.
struct UpdateOptions {
  /// Stop the request (nothing applied) after this long.
  std::optional<std::chrono::milliseconds> timeout;
  /// When set and it turns true, the request stops (nothing applied).
  const std::atomic<bool>* cancel = nullptr;
  /// A WHERE without USING or WITH reads the union of the named graphs as
  /// its default graph. (Templates still write to the real default graph.)
  bool union_default_graph = false;
  /// Runs SERVICE patterns in WHEREs; null refuses them.
  const ServiceClient* service = nullptr;
  /// LOAD may read `file:` IRIs (the command line; never a server).
  bool load_files = false;
  /// LOAD of any other IRI: fills `transaction`'s `graph` from the document
  /// at `iri` (as store::load_file would). Unset: such a LOAD is refused.
  DocumentLoader load;
  /// When set, each operation is described here as it runs: its keyword
  /// and place, and for DELETE/INSERT the WHERE's plan with the rows each
  /// operator produced (what `quiver update --explain` prints).
  std::string* explain = nullptr;
};

/// What an update request did.
struct UpdateSummary {
  std::uint64_t inserted = 0;  ///< quads added (ones already there not counted)
  std::uint64_t removed = 0;   ///< quads removed
  /// What was skipped as the spec says, each said once: "a literal in
  /// subject position was not inserted", ...
  std::vector<std::string> notes;
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
  /// Runs an update request as one transaction: every operation in order,
  /// each seeing the ones before; if one fails (and is not SILENT) nothing
  /// is applied, and the error says which operation (its line:col) and
  /// why. Queries meanwhile see the state before or after, never between.
  Expected<UpdateSummary> update(const sparql::Update& update, const UpdateOptions& options = {});

  /// Writes every quad of a snapshot of the store to `sink` (default graph
  /// first, then the named graphs), stopping at the sink's first error.
  Status dump(io::QuadSink& sink) const;

  /// The store.
  Store& store() { return *store_; }

 private:
  Expected<std::uint64_t> load_into(std::optional<std::string> graph_iri, const std::string& path,
                                    std::optional<io::Format> format, const std::string& base_iri);

  std::unique_ptr<Store> store_;
  std::uint64_t loaded_files_ = 0;
  // Fresh blank nodes of updates are labelled b<n>_..., n counting the
  // operations that made some: never the label of a loaded node (f<n>_...).
  std::atomic<std::uint64_t> blank_scopes_ = 0;
};

/// The file behind a `file://` IRI, if it is one (and names no NUL byte).
std::optional<std::string> file_iri_path(const std::string& iri);

}  // namespace quiver::engine
