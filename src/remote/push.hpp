#pragma once
/// @file
/// `quiver push`: upload RDF files to a triplestore over the SPARQL 1.1
/// Graph Store HTTP Protocol (or SPARQL 1.1 Update), in batches, with
/// retries, then check by counting that the store holds what was sent.

#include <chrono>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "http/client.hpp"
#include "io/format.hpp"
#include "remote/push_batches.hpp"
#include "remote/unstar.hpp"
#include "util/expected.hpp"

namespace quiver::remote {

/// How the triples travel.
enum class PushProtocol {
  GraphStore,  ///< PUT / POST of N-Triples to `endpoint?graph=IRI` (or `?default`)
  Update       ///< `INSERT DATA` requests to a SPARQL Update endpoint
};

/// One input file.
struct PushInput {
  std::string path;                  ///< a file, or `-` for stdin
  std::optional<io::Format> format;  ///< else from the file name
};

/// Progress so far, for a progress line.
struct PushProgress {
  std::uint64_t triples = 0;   ///< triples accepted by the server
  std::uint64_t bytes = 0;     ///< request bytes accepted by the server
  std::uint64_t requests = 0;  ///< requests that succeeded
  double seconds = 0;          ///< since the first request
};

/// Everything `push` needs to know.
struct PushOptions {
  std::string endpoint;                              ///< Graph Store URL, or the Update endpoint
  PushProtocol protocol = PushProtocol::GraphStore;  ///< how the quads are sent
  GraphTarget target = GraphTarget::KeepGraphs;      ///< which graphs they go to
  std::string graph;                                 ///< with GraphTarget::OneGraph
  bool replace = false;                              ///< replace the target graphs' content
  /// Triples per request; 0 picks 100,000 (Graph Store) or 1,000 (Update,
  /// Virtuoso's limit for one INSERT DATA).
  std::size_t chunk = 0;
  int retries = 3;  ///< extra attempts per request on transient failures
  /// First wait before a retry; doubled each time.
  std::chrono::milliseconds retry_wait{500};
  std::chrono::milliseconds timeout{std::chrono::minutes(10)};  ///< per request
  std::optional<http::Credentials> credentials;  ///< user and password, if the store asks
  /// Where to count the triples afterwards. Empty: the Update endpoint
  /// itself, or for the Graph Store a GET of each graph.
  std::string query_endpoint;
  bool verify = true;  ///< count afterwards
  /// Triple terms and base directions: refused unless the store reads
  /// RDF 1.2 (Send) or they are to be sent as RDF 1.1 reification (Unstar).
  Rdf12Handling rdf12 = Rdf12Handling::Refuse;
  std::function<void(const PushProgress&)> on_progress;  ///< after each request
  std::function<void(const std::string&)> on_notice;     ///< retries, warnings
};

/// What happened to one target graph.
struct GraphPushReport {
  std::string graph;                    ///< IRI; empty for the default graph
  std::uint64_t sent = 0;               ///< triples sent, duplicates included
  std::uint64_t distinct = 0;           ///< distinct triples sent
  std::optional<std::uint64_t> before;  ///< count before (when merging)
  std::optional<std::uint64_t> after;   ///< count after (when verified)
  /// Empty when the store backs the push; else why not.
  std::string problem;
};

/// The outcome of a push whose requests all succeeded.
struct PushReport {
  std::vector<GraphPushReport> graphs;  ///< one per target graph
  PushProgress totals;                  ///< requests, bytes, time
  std::uint64_t retries = 0;            ///< retried requests
  bool verified = false;                ///< counts were checked
  /// RDF 1.1 reifications sent for triple terms (--unstar).
  std::uint64_t unstarred = 0;
  /// True when verified and every graph holds what was sent.
  bool backed() const;
};

/// Reads every input once to check it (a syntax error sends nothing), then
/// again to send it. A failed request (after retries) is an error whose
/// message says how much had been stored before it.
Expected<PushReport> push(const std::vector<PushInput>& inputs, const PushOptions& options);

/// `endpoint?graph=IRI`, or `endpoint?default` for an empty IRI.
std::string graph_store_url(const std::string& endpoint, const std::string& graph);

}  // namespace quiver::remote
