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
  bool writable = false;             ///< Graph Store PUT / POST / DELETE
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
  Reply graph_store(const Call& call);
  Reply graph_store_read(const Call& call, const std::optional<std::string>& graph);
  Reply graph_store_write(const Call& call, const std::optional<std::string>& graph);

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
