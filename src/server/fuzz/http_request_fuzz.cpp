// Fuzz target: the HTTP/1.1 request reader of `quiver serve` (head, body
// framing, chunked bodies), fed as a network delivers it: in pieces. The
// first byte sets the piece size; the rest is what the client sent. A head
// read in pieces must be the head read whole, and a chunked body decoded
// piece by piece must be the body decoded at once, with the same outcome.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "server/http_request.hpp"

namespace {

using quiver::server::ChunkedBody;
using quiver::server::HeadParse;

constexpr std::size_t kMaxHead = 4096;
constexpr std::size_t kLimit = 1 << 16;

// Decodes `encoded` delivered `step` bytes at a time.
ChunkedBody::Status decode(std::string_view encoded, std::size_t step, std::string& body,
                           std::size_t& used) {
  ChunkedBody decoder;
  std::string pending;
  ChunkedBody::Status status = ChunkedBody::Status::Incomplete;
  used = 0;
  for (std::size_t at = 0; at < encoded.size() && status == ChunkedBody::Status::Incomplete;) {
    const std::size_t n = std::min(step, encoded.size() - at);
    pending.append(encoded.substr(at, n));
    at += n;
    status = decoder.feed(pending, body, kLimit);
    if (decoder.consumed() > pending.size()) std::abort();
    pending.erase(0, decoder.consumed());
    used = at - pending.size();
  }
  return status;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  const std::size_t step = 1 + data[0] % 64;
  const std::string_view sent(reinterpret_cast<const char*>(data + 1), size - 1);

  const HeadParse whole = quiver::server::parse_head(sent, kMaxHead);
  // In pieces: the first answer that is not Incomplete must be the whole one's.
  HeadParse piecewise;
  std::size_t n = 0;
  do {
    n = std::min(n + step, sent.size());
    piecewise = quiver::server::parse_head(sent.substr(0, n), kMaxHead);
  } while (piecewise.status == HeadParse::Status::Incomplete && n < sent.size());
  if (piecewise.status != whole.status || piecewise.error.status != whole.error.status) {
    std::abort();
  }
  if (whole.status != HeadParse::Status::Complete) return 0;
  if (whole.head.size > sent.size() || piecewise.head.size != whole.head.size ||
      piecewise.head.fields != whole.head.fields) {
    std::abort();
  }
  std::string path;
  std::string_view query;
  quiver::server::split_target(whole.head.target, path, query);
  const auto framing = quiver::server::body_framing(whole.head);
  if (!framing.ok || framing.framing.kind != quiver::server::BodyFraming::Kind::Chunked) return 0;

  const std::string_view encoded = sent.substr(whole.head.size);
  std::string at_once, in_pieces;
  std::size_t used_at_once = 0, used_in_pieces = 0;
  const auto a = decode(encoded, encoded.size() + 1, at_once, used_at_once);
  const auto b = decode(encoded, step, in_pieces, used_in_pieces);
  if (a != b) std::abort();
  if (a == ChunkedBody::Status::Done && (at_once != in_pieces || used_at_once != used_in_pieces)) {
    std::abort();
  }
  if (at_once.size() > kLimit) std::abort();
  return 0;
}
