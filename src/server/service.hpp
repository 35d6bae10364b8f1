#pragma once
/// @file
/// The SPARQL 1.1 Protocol and Graph Store HTTP Protocol over an Engine,
/// independent of any HTTP library: a Call in, a Reply out. The HTTP
/// server (http_server.hpp) only moves bytes between sockets and this.

#include <atomic>
#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "engine/engine.hpp"

namespace quiver::server {

/// One HTTP request, as the service needs it.
struct Call {
  std::string method;  ///< GET, POST, PUT, DELETE, HEAD, ...
  std::string path;    ///< without the query string
  /// URL query parameters, then (for a form POST) the form's fields, decoded.
  std::vector<std::pair<std::string, std::string>> params;
  std::string accept;        ///< the Accept header, as sent
  std::string content_type;  ///< the Content-Type header, as sent
  std::string body;          ///< the request body
  std::string host;          ///< the Host header, as sent (empty when absent)
  std::string origin;        ///< the Origin header, as sent (empty when absent)
};

/// The answer to a Call.
struct Reply {
  int status = 200;          ///< HTTP status
  std::string content_type;  ///< with charset where it applies
  std::string body;          ///< the whole body
  /// Extra headers (Allow, Retry-After, Vary, ...).
  std::vector<std::pair<std::string, std::string>> headers;
};

/// Limits and switches.
struct ServiceOptions {
  std::chrono::milliseconds timeout{std::chrono::seconds(30)};  ///< per query
  std::uint64_t max_rows = 1000000;  ///< result rows (or triples) before a 500
  int max_concurrent = 4;            ///< queries at once before a 503
  bool writable = false;             ///< SPARQL Update and Graph Store PUT / POST / DELETE
  /// LOAD of an IRI in an update (--allow-load): fills a transaction's graph
  /// from the document at the IRI. Unset: LOAD is refused (403), so that a
  /// public endpoint is no one's proxy. Local files are never loaded.
  engine::DocumentLoader load;
  /// Queries without FROM (and WHEREs without USING or WITH) read the union
  /// of the named graphs as their default graph.
  bool union_default_graph = false;
  /// False runs queries unoptimized (--no-optimize; engine::QueryOptions).
  bool optimize = true;
  /// Runs SERVICE patterns (--allow-service); null refuses them, so that a
  /// public endpoint is no one's proxy.
  const ServiceClient* service = nullptr;
  /// Names (no port; `[::1]` with brackets) a request's Host header may
  /// give, and a write's Origin must give; empty accepts any. A server on
  /// loopback lists its own names, so that a web page whose DNS name is
  /// re-pointed at 127.0.0.1 (DNS rebinding) cannot reach it.
  std::vector<std::string> allowed_hosts;
};

/// The host of a Host header or of an Origin's authority, lower case,
/// without the port (`[::1]` keeps its brackets).
std::string host_name(std::string_view host);

/// One of the server's `max` reading slots (queries and Graph Store reads),
/// held for the object's life, or none when all are taken.
class QuerySlot {
 public:
  /// Takes a slot if fewer than `max` are taken.
  QuerySlot(std::atomic<int>& running, int max) : running_(running) {
    taken_ = running_.fetch_add(1) < max;
    if (!taken_) running_.fetch_sub(1);
  }
  ~QuerySlot() {
    if (taken_) running_.fetch_sub(1);
  }
  /// Not copyable: it holds a slot.
  QuerySlot(const QuerySlot&) = delete;
  /// Not copyable: it holds a slot.
  QuerySlot& operator=(const QuerySlot&) = delete;
  /// True when the slot was free and is now held.
  bool taken() const { return taken_; }

 private:
  std::atomic<int>& running_;
  bool taken_ = false;
};

/// Routes: `/` (query page), `/sparql` and `/query` (SPARQL Protocol),
/// `/store` (Graph Store Protocol). Thread-safe: each query reads a
/// snapshot of the store, each write is one transaction; neither waits for
/// the other, and writes commit one at a time.
class Service {
 public:
  /// Serves `engine`'s store, which must stay alive and be used only
  /// through this service from now on.
  Service(engine::Engine& engine, ServiceOptions options);

  /// Answers one request.
  Reply handle(const Call& call);
  /// Stops the queries that run now and refuses new ones (503), so that a
  /// shutdown does not wait for a long query's timeout.
  void shut_down() { stopping_.store(true); }

 private:
  Reply query(const Call& call);
  Reply run_query(const Call& call, const std::string& text);
  Reply update(const Call& call);
  Reply graph_store(const Call& call);
  Reply graph_store_read(const Call& call, const std::optional<std::string>& graph);
  Reply graph_store_write(const Call& call, const std::optional<std::string>& graph);
  /// The 403 to answer to a Host or Origin this server does not go by.
  std::optional<Reply> refuse_foreign(const Call& call) const;
  /// The 503 to answer when `slot` is not held or the server is stopping.
  std::optional<Reply> refuse_without(const QuerySlot& slot) const;

  engine::Engine& engine_;
  ServiceOptions options_;
  std::atomic<int> running_{0};
  std::atomic<bool> stopping_{false};
};

/// A text/plain reply.
Reply text_reply(int status, std::string text);

/// The media type of a Content-Type header: lower case (media types are
/// case-insensitive), without parameters or spaces. Every check of a
/// request's type goes through it: a check that `TEXT/PLAIN` slips past is
/// a check that does not hold.
std::string media_type(std::string_view content_type);

/// The values of parameter `name` in `call`, in order.
std::vector<std::string> param_values(const Call& call, const std::string& name);

}  // namespace quiver::server
