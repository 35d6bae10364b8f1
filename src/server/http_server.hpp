#pragma once
/// @file
/// The HTTP side of `quiver serve`, over cpp-httplib: accepts connections
/// on a thread pool and hands each request to a Service.

#include <memory>
#include <string>

#include "server/service.hpp"
#include "util/expected.hpp"

namespace quiver::server {

/// Socket-level settings.
struct HttpOptions {
  std::string bind = "127.0.0.1";             ///< address to listen on
  int port = 7878;                            ///< 0: any free port
  int threads = 8;                            ///< connection threads
  std::size_t max_request_bytes = 64u << 20;  ///< larger bodies get 413
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
