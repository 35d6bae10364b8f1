#include "server/http_request.hpp"

#include <array>

#include "util/ascii.hpp"

namespace quiver::server {
namespace {

constexpr std::size_t kMaxFields = 100;
// A chunk-size line (size and extensions) longer than this is not one.
constexpr std::size_t kMaxChunkLine = 4096;

// RFC 9110 tchar: what a method or a field name is made of.
constexpr std::array<bool, 256> kTchar = [] {
  std::array<bool, 256> t{};
  for (int c = '0'; c <= '9'; ++c) t[c] = true;
  for (int c = 'a'; c <= 'z'; ++c) t[c] = true;
  for (int c = 'A'; c <= 'Z'; ++c) t[c] = true;
  for (const char c : std::string_view("!#$%&'*+-.^_`|~")) t[static_cast<unsigned char>(c)] = true;
  return t;
}();

bool is_token(std::string_view s) {
  if (s.empty()) return false;
  for (const char c : s) {
    if (!kTchar[static_cast<unsigned char>(c)]) return false;
  }
  return true;
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

// The line at `pos` (without its LF and a CR before it); `next` is past the LF.
std::string_view line_at(std::string_view buffer, std::size_t pos, std::size_t end,
                         std::size_t& next) {
  std::size_t nl = buffer.find('\n', pos);
  if (nl == std::string_view::npos || nl > end) nl = end;
  next = nl + 1;
  std::string_view line = buffer.substr(pos, nl - pos);
  if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
  return line;
}

HeadParse bad(int status, std::string message) {
  HeadParse out;
  out.status = HeadParse::Status::Bad;
  out.error = {status, std::move(message)};
  return out;
}

bool parse_request_line(std::string_view line, RequestHead& head, RequestError& error) {
  const std::size_t sp1 = line.find(' ');
  const std::size_t sp2 = sp1 == std::string_view::npos ? sp1 : line.find(' ', sp1 + 1);
  if (sp2 == std::string_view::npos || line.find(' ', sp2 + 1) != std::string_view::npos) {
    error = {400, "malformed request line"};
    return false;
  }
  const std::string_view method = line.substr(0, sp1);
  const std::string_view target = line.substr(sp1 + 1, sp2 - sp1 - 1);
  const std::string_view version = line.substr(sp2 + 1);
  if (!is_token(method) || target.empty()) {
    error = {400, "malformed request line"};
    return false;
  }
  for (const char c : target) {
    if (static_cast<unsigned char>(c) <= 0x20 || c == 0x7F) {
      error = {400, "malformed request target"};
      return false;
    }
  }
  if (version == "HTTP/1.1") {
    head.minor_version = 1;
  } else if (version == "HTTP/1.0") {
    head.minor_version = 0;
  } else if (version.starts_with("HTTP/")) {
    error = {505, "only HTTP/1.0 and HTTP/1.1 are served"};
    return false;
  } else {
    error = {400, "malformed request line"};
    return false;
  }
  head.method = method;
  head.target = target;
  return true;
}

bool parse_digits(std::string_view s, std::uint64_t& value) {
  if (s.empty() || s.size() > 18) return false;
  value = 0;
  for (const char c : s) {
    if (!is_digit(c)) return false;
    value = value * 10 + static_cast<std::uint64_t>(c - '0');
  }
  return true;
}

}  // namespace

std::string RequestHead::field(std::string_view name) const {
  std::string out;
  for (const auto& [n, v] : fields) {
    if (n != name) continue;
    if (!out.empty()) out += ", ";
    out += v;
  }
  return out;
}

std::size_t RequestHead::count(std::string_view name) const {
  std::size_t n = 0;
  for (const auto& field : fields) n += field.first == name ? 1 : 0;
  return n;
}

bool RequestHead::keep_alive() const {
  const std::string options = ascii_lower(field("connection"));
  bool close = false, keep = false;
  for (std::size_t pos = 0; pos <= options.size();) {
    std::size_t comma = options.find(',', pos);
    if (comma == std::string::npos) comma = options.size();
    const std::string_view option = trim(std::string_view(options).substr(pos, comma - pos));
    close = close || option == "close";
    keep = keep || option == "keep-alive";
    pos = comma + 1;
  }
  if (close) return false;
  return minor_version >= 1 || keep;
}

HeadParse parse_head(std::string_view buffer, std::size_t max_head_bytes) {
  // RFC 9112 2.2: empty lines before the request line are ignored.
  std::size_t start = 0;
  while (start < buffer.size() && (buffer[start] == '\r' || buffer[start] == '\n')) ++start;
  // The head ends at an empty line (CRLF CRLF, or bare LFs, which RFC 9112
  // lets a server accept).
  std::size_t end = std::string_view::npos;
  for (std::size_t nl = buffer.find('\n', start); nl != std::string_view::npos;
       nl = buffer.find('\n', nl + 1)) {
    if (nl + 1 < buffer.size() && buffer[nl + 1] == '\n') {
      end = nl + 2;
      break;
    }
    if (nl + 2 < buffer.size() && buffer[nl + 1] == '\r' && buffer[nl + 2] == '\n') {
      end = nl + 3;
      break;
    }
    if (nl > max_head_bytes) break;
  }
  // Empty lines before the head count against its limit too.
  if (end == std::string_view::npos) {
    if (buffer.size() > max_head_bytes) {
      return bad(431,
                 "the request head is larger than " + std::to_string(max_head_bytes) + " bytes");
    }
    return {};
  }
  if (end > max_head_bytes) {
    return bad(431, "the request head is larger than " + std::to_string(max_head_bytes) + " bytes");
  }
  HeadParse out;
  RequestHead& head = out.head;
  std::size_t next = 0;
  RequestError error;
  if (!parse_request_line(line_at(buffer, start, end, next), head, error)) {
    return bad(error.status, std::move(error.message));
  }
  for (std::size_t pos = next; pos < end;) {
    const std::string_view line = line_at(buffer, pos, end, next);
    pos = next;
    if (line.empty()) break;
    // Obsolete line folding (RFC 9112 5.2): refused, as a proxy may unfold
    // it differently.
    if (line.front() == ' ' || line.front() == '\t') return bad(400, "folded header line");
    const std::size_t colon = line.find(':');
    if (colon == std::string_view::npos || !is_token(line.substr(0, colon))) {
      return bad(400, "malformed header line");
    }
    const std::string_view value = trim(line.substr(colon + 1));
    for (const char c : value) {
      const auto b = static_cast<unsigned char>(c);
      if ((b < 0x20 && c != '\t') || b == 0x7F) return bad(400, "control character in a header");
    }
    if (head.fields.size() == kMaxFields) {
      return bad(431, "more than " + std::to_string(kMaxFields) + " header fields");
    }
    head.fields.emplace_back(ascii_lower(line.substr(0, colon)), std::string(value));
  }
  // RFC 9112 3.2: exactly one Host in HTTP/1.1.
  const std::size_t hosts = head.count("host");
  if (hosts > 1 || (hosts == 0 && head.minor_version == 1)) {
    return bad(400, "an HTTP/1.1 request needs exactly one Host header");
  }
  head.size = end;
  out.status = HeadParse::Status::Complete;
  return out;
}

FramingParse body_framing(const RequestHead& head) {
  FramingParse out;
  const std::size_t lengths = head.count("content-length");
  if (head.count("transfer-encoding") > 0) {
    if (lengths > 0) {
      out.ok = false;
      out.error = {400, "conflicting Content-Length / Transfer-Encoding headers"};
      return out;
    }
    if (!equal_ignore_case(head.field("transfer-encoding"), "chunked")) {
      out.ok = false;
      out.error = {501, "only the chunked transfer coding is supported"};
      return out;
    }
    out.framing.kind = BodyFraming::Kind::Chunked;
    return out;
  }
  if (lengths == 0) return out;
  std::uint64_t length = 0;
  bool first = true;
  for (const auto& [name, value] : head.fields) {
    if (name != "content-length") continue;
    std::uint64_t v = 0;
    if (!parse_digits(value, v) || (!first && v != length)) {
      out.ok = false;
      out.error = {400, first ? "malformed Content-Length"
                              : "conflicting Content-Length / Transfer-Encoding headers"};
      return out;
    }
    length = v;
    first = false;
  }
  out.framing = {BodyFraming::Kind::Length, length};
  return out;
}

ChunkedBody::Status ChunkedBody::feed(std::string_view received, std::string& body,
                                      std::size_t limit) {
  consumed_ = 0;
  for (;;) {
    if (in_data_) {
      const std::size_t available = received.size() - consumed_;
      const std::size_t take =
          static_cast<std::size_t>(std::min<std::uint64_t>(remaining_, available));
      body.append(received.substr(consumed_, take));
      consumed_ += take;
      remaining_ -= take;
      if (remaining_ > 0) return Status::Incomplete;
      // The CRLF after the data, refused at its first wrong byte.
      const std::string_view crlf = received.substr(consumed_, 2);
      if (!std::string_view("\r\n").starts_with(crlf)) return Status::Bad;
      if (crlf.size() < 2) return Status::Incomplete;
      consumed_ += 2;
      in_data_ = false;
      continue;
    }
    const std::size_t nl = received.find('\n', consumed_);
    if (nl == std::string_view::npos) {
      return received.size() - consumed_ > kMaxChunkLine ? Status::Bad : Status::Incomplete;
    }
    if (nl - consumed_ > kMaxChunkLine) return Status::Bad;
    std::string_view line = received.substr(consumed_, nl - consumed_);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    consumed_ = nl + 1;
    if (in_trailer_) {
      if (line.empty()) return Status::Done;
      continue;  // a trailer field: read and dropped
    }
    // chunk-size [ chunk-ext ]
    const std::size_t ext = line.find(';');
    const std::string_view size = trim(line.substr(0, ext));
    if (size.empty() || size.size() > 15) return Status::Bad;
    std::uint64_t n = 0;
    for (const char c : size) {
      const int digit = hex_digit_value(c);
      if (digit < 0) return Status::Bad;
      n = n * 16 + static_cast<std::uint64_t>(digit);
    }
    if (n == 0) {
      in_trailer_ = true;
      continue;
    }
    if (n > limit - std::min<std::size_t>(limit, body.size())) return Status::TooLarge;
    remaining_ = n;
    in_data_ = true;
  }
}

bool split_target(std::string_view target, std::string& path, std::string_view& query) {
  std::string_view rest = target;
  if (rest == "*") {
    path = "*";
    query = {};
    return true;
  }
  // Absolute form (what a proxy sends): the scheme and authority go.
  if (!rest.starts_with('/')) {
    const std::size_t scheme = rest.find("://");
    if (scheme == std::string_view::npos) return false;
    rest.remove_prefix(scheme + 3);
    const std::size_t path_start = rest.find_first_of("/?");
    rest = path_start == std::string_view::npos ? std::string_view() : rest.substr(path_start);
  }
  const std::size_t mark = rest.find('?');
  query = mark == std::string_view::npos ? std::string_view() : rest.substr(mark + 1);
  const std::string_view raw = rest.substr(0, mark);
  path.clear();
  if (raw.empty()) path = "/";
  for (std::size_t i = 0; i < raw.size(); ++i) {
    if (raw[i] != '%') {
      path += raw[i];
      continue;
    }
    const int hi = i + 2 < raw.size() ? hex_digit_value(raw[i + 1]) : -1;
    const int lo = hi >= 0 ? hex_digit_value(raw[i + 2]) : -1;
    if (lo < 0) return false;
    const char c = static_cast<char>(hi * 16 + lo);
    if (c == '\0') return false;
    path += c;
    i += 2;
  }
  return true;
}

std::string_view reason_phrase(int status) {
  switch (status) {
    case 100:
      return "Continue";
    case 200:
      return "OK";
    case 201:
      return "Created";
    case 204:
      return "No Content";
    case 400:
      return "Bad Request";
    case 403:
      return "Forbidden";
    case 404:
      return "Not Found";
    case 405:
      return "Method Not Allowed";
    case 406:
      return "Not Acceptable";
    case 408:
      return "Request Timeout";
    case 411:
      return "Length Required";
    case 413:
      return "Content Too Large";
    case 415:
      return "Unsupported Media Type";
    case 431:
      return "Request Header Fields Too Large";
    case 500:
      return "Internal Server Error";
    case 501:
      return "Not Implemented";
    case 503:
      return "Service Unavailable";
    case 505:
      return "HTTP Version Not Supported";
    default:
      return "Unknown";
  }
}

}  // namespace quiver::server
