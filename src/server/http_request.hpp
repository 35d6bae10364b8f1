#pragma once
/// @file
/// Reading HTTP/1.1 requests (RFC 9112) out of the bytes a connection has
/// received so far: the head, how the body is framed, and chunked bodies
/// decoded as they arrive. Pure functions over buffers, no sockets, so the
/// server's event loop (http_server.cpp) never blocks on a slow client and
/// every limit is checked before memory is spent on it.

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace quiver::server {

/// A request's status line and header fields.
struct RequestHead {
  std::string method;     ///< e.g. GET, as sent (methods are case-sensitive)
  std::string target;     ///< the request target, as sent
  int minor_version = 1;  ///< HTTP/1.0 or HTTP/1.1
  /// Field names in lower case, values without surrounding white space, in order.
  std::vector<std::pair<std::string, std::string>> fields;
  /// Bytes the head took in the buffer, the empty line included.
  std::size_t size = 0;

  /// The values of field `name` (lower case), joined by ", " as RFC 9110
  /// allows for list fields; empty when absent.
  std::string field(std::string_view name) const;
  /// How many times field `name` (lower case) was sent.
  std::size_t count(std::string_view name) const;
  /// True when the connection stays open after the response: HTTP/1.1
  /// unless `Connection: close`, HTTP/1.0 only with `Connection: keep-alive`.
  bool keep_alive() const;
};

/// An error status and its message, for a request that cannot be served.
struct RequestError {
  int status = 400;     ///< 400, 413, 431, 501 or 505
  std::string message;  ///< one line, for the response body
};

/// What parse_head() found.
struct HeadParse {
  /// The outcome.
  enum class Status {
    Incomplete,  ///< the head has not all arrived
    Complete,    ///< `head` is set
    Bad,         ///< `error` is set; the connection must be closed
  };
  Status status = Status::Incomplete;  ///< the outcome
  RequestHead head;                    ///< Complete: the head
  RequestError error;                  ///< Bad: why
};

/// Reads the head at the start of `buffer`. A head longer than
/// `max_head_bytes` (or with more than 100 fields) is Bad with 431 as soon
/// as that is known, whether or not its end has arrived.
HeadParse parse_head(std::string_view buffer, std::size_t max_head_bytes);

/// How a request's body is delimited.
struct BodyFraming {
  /// The framing.
  enum class Kind {
    None,     ///< no body
    Length,   ///< `length` bytes (Content-Length)
    Chunked,  ///< Transfer-Encoding: chunked
  };
  Kind kind = Kind::None;    ///< the framing
  std::uint64_t length = 0;  ///< Length: the body's size
};

/// What body_framing() found.
struct FramingParse {
  bool ok = true;       ///< false: answer `error` and close
  BodyFraming framing;  ///< ok: the framing
  RequestError error;   ///< not ok: why
};

/// The framing of `head`'s body, or the error to answer: Content-Length
/// beside Transfer-Encoding, or two that disagree, is 400 (a proxy could
/// read another request boundary than this server: request smuggling); a
/// transfer coding other than chunked is 501.
FramingParse body_framing(const RequestHead& head);

/// Decodes a chunked body incrementally, as its bytes arrive: each feed()
/// takes the bytes received and not yet consumed, decodes what it can, and
/// says how many it consumed (the caller drops those), so neither the
/// encoded text nor the time spent grows with the number of calls.
class ChunkedBody {
 public:
  /// The outcome of a feed.
  enum class Status {
    Incomplete,  ///< more bytes are needed
    Done,        ///< the last chunk and trailer have arrived
    Bad,         ///< malformed framing
    TooLarge,    ///< the decoded body would pass the limit
  };
  /// Decodes from `received` into `body`, at most `limit` bytes in all.
  Status feed(std::string_view received, std::string& body, std::size_t limit);
  /// Bytes of `received` the last feed() consumed; once Done, what follows
  /// them is the next request.
  std::size_t consumed() const { return consumed_; }

 private:
  std::size_t consumed_ = 0;
  std::uint64_t remaining_ = 0;  // of the chunk being read
  bool in_data_ = false;         // between a size line and the data's CRLF
  bool in_trailer_ = false;      // after the last chunk
};

/// The path of a request target, percent-decoded (origin form
/// `/path?query`, absolute form `http://host/path?query`, or `*`), and its
/// query string, still encoded. False for a target with a NUL or a bad
/// escape in its path.
bool split_target(std::string_view target, std::string& path, std::string_view& query);

/// The reason phrase of a status code (`Not Found`), or "Unknown".
std::string_view reason_phrase(int status);

}  // namespace quiver::server
