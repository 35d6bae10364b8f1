#pragma once
/// @file
/// The HTTP/1.1 side of `quiver serve`: one event loop reads requests from
/// every connection without blocking, under limits (head size, a deadline
/// for each request to arrive, body size and a budget for all bodies at
/// once, a connection cap), and hands each whole request to a pool of
/// worker threads that run the Service. A slow or hostile client holds a
/// connection slot at most, never a worker; pipelined requests are answered
/// in order.

#include <chrono>
#include <memory>
#include <string>

#include "server/service.hpp"
#include "util/expected.hpp"

namespace quiver::server {

/// Socket-level settings.
struct HttpOptions {
  std::string bind = "127.0.0.1";             ///< address to listen on
  int port = 7878;                            ///< 0: any free port
  int threads = 8;                            ///< worker threads (requests answered at once)
  std::size_t max_request_bytes = 64u << 20;  ///< larger bodies get 413
  /// Open connections; past it the oldest without a request under way is
  /// closed to make room, or the new one is answered 503.
  int max_connections = 128;
  /// A request's head must arrive within this of its first byte, and its
  /// body keep arriving (no pause this long); past it: 408 and close. Also
  /// how long an idle keep-alive connection and an unread response wait.
  std::chrono::milliseconds client_timeout{std::chrono::seconds(10)};
};

/// An HTTP server in front of a Service.
class HttpServer {
 public:
  /// A server for `service`, which must outlive it.
  HttpServer(Service& service, HttpOptions options);
  /// Stops it if it still runs.
  ~HttpServer();
  /// Not copyable: it owns a socket.
  HttpServer(const HttpServer&) = delete;
  /// Not copyable: it owns a socket.
  HttpServer& operator=(const HttpServer&) = delete;

  /// Binds the socket; returns the port (the chosen one when asked for 0).
  Expected<int> bind();
  /// Serves until stop(); call after bind(). False when listening failed
  /// rather than being stopped.
  bool run();
  /// Makes run() return, or return at once if it has not started yet;
  /// safe from another thread.
  void stop();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace quiver::server
