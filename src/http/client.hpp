#pragma once
/// @file
/// A blocking HTTP client over libcurl, for SPARQL endpoints and Graph
/// Stores: one request at a time, connections kept alive between them.

#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <variant>
#include <vector>

#include "util/expected.hpp"

namespace quiver::http {

/// Which authentication scheme to offer the server.
enum class AuthScheme {
  Any,    ///< whatever the server asks for (Basic or Digest)
  Basic,  ///< Basic only (the password travels in clear text)
  Digest  ///< Digest only
};

/// A user name and password for a server that asks for one.
struct Credentials {
  std::string user;                     ///< user name
  std::string password;                 ///< password
  AuthScheme scheme = AuthScheme::Any;  ///< which scheme to allow
};

/// One request.
struct Request {
  std::string method = "GET";  ///< GET, POST, PUT, DELETE, HEAD
  std::string url;             ///< absolute http(s) URL
  /// Extra header lines, as name and value.
  std::vector<std::pair<std::string, std::string>> headers;
  std::string body;  ///< sent when not empty, or always for POST and PUT
  /// The whole exchange must end within this.
  std::chrono::milliseconds timeout{std::chrono::minutes(10)};
  /// Doing it twice does no harm, so it may be retried after a timeout or
  /// a lost connection, when it may already have been carried out.
  bool idempotent = true;
  /// An answer larger than this stops the transfer with a Limit error: a
  /// server can send for ever, memory cannot hold it.
  std::uint64_t max_response_bytes = std::uint64_t{1} << 30;
};

/// What the server answered.
struct Response {
  long status = 0;           ///< HTTP status code
  std::string content_type;  ///< media type without parameters, lower case
  std::string body;          ///< the whole body
  /// The body's first line (or its text in an HTML page) for messages,
  /// cut to a few hundred bytes.
  std::string summary() const;
};

/// Why a request got no answer: these are worth a retry.
enum class TransportFailure {
  None,         ///< the request got an answer
  Refused,      ///< nobody listens at the address: nothing was sent
  Interrupted,  ///< the connection broke after the request went out
  Timeout,      ///< no answer within the timeout
  Other         ///< DNS, TLS, a malformed URL, ...
};

/// A request that got no HTTP answer: what happened, and its kind.
struct TransportError {
  TransportFailure kind = TransportFailure::Other;  ///< for retry decisions
  Error error;                                      ///< the message
};

/// A response, or why there is none.
using Result = std::variant<Response, TransportError>;

/// When to send a request again: after a refused connection or HTTP 408,
/// 429, 503 (not carried out); for idempotent requests also after a timeout,
/// a broken connection, HTTP 502 or 504. Waits double, up to 30 s.
struct RetryPolicy {
  int retries = 0;                      ///< extra attempts; 0 never retries
  std::chrono::milliseconds wait{500};  ///< before the first retry; doubled after
  /// Told the reason before each retry (for a progress display).
  std::function<void(const std::string&)> on_retry;
};

/// A connection (pool) to one or more servers. Not thread-safe: one per
/// thread.
class Client {
 public:
  /// A client; `credentials` are offered to every server that asks.
  explicit Client(std::optional<Credentials> credentials = {}, RetryPolicy retry = {});
  /// Closes the connections.
  ~Client();
  /// Not copyable: it owns a libcurl handle.
  Client(const Client&) = delete;
  /// Not copyable: it owns a libcurl handle.
  Client& operator=(const Client&) = delete;

  /// Sends `request` and waits for the whole answer, retrying as the
  /// policy says; the last attempt's outcome is returned.
  Result send(const Request& request);
  /// How many retries all requests so far needed.
  std::uint64_t retries() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

/// True for the statuses that say "try again later": 408, 429, 502, 503, 504.
bool transient_status(long status);

}  // namespace quiver::http
