#include "http/client.hpp"

#include <curl/curl.h>

#include <algorithm>
#include <mutex>
#include <thread>

#include "util/ascii.hpp"

namespace quiver::http {
namespace {

// curl_global_init is not thread-safe; do it once, before any handle.
void global_init() {
  static std::once_flag once;
  std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

// Where the body goes, and how much of it may come.
struct BodySink {
  std::string* body;
  std::uint64_t max;
  bool exceeded = false;
};

std::size_t append_body(char* data, std::size_t size, std::size_t count, void* user) {
  auto* sink = static_cast<BodySink*>(user);
  if (sink->body->size() + size * count > sink->max) {
    sink->exceeded = true;
    return 0;  // libcurl stops the transfer
  }
  sink->body->append(data, size * count);
  return size * count;
}

TransportFailure classify(CURLcode code) {
  switch (code) {
    case CURLE_COULDNT_CONNECT:
      return TransportFailure::Refused;
    case CURLE_SEND_ERROR:
    case CURLE_RECV_ERROR:
    case CURLE_GOT_NOTHING:
    case CURLE_PARTIAL_FILE:
      return TransportFailure::Interrupted;
    case CURLE_OPERATION_TIMEDOUT:
      return TransportFailure::Timeout;
    default:
      return TransportFailure::Other;
  }
}

std::string media_type(const char* header) {
  if (header == nullptr) return {};
  std::string type = header;
  type = type.substr(0, type.find(';'));
  while (!type.empty() && type.back() == ' ') type.pop_back();
  return ascii_lower(type);
}

}  // namespace

struct Client::Impl {
  CURL* curl = nullptr;
  std::optional<Credentials> credentials;
  RetryPolicy retry;
  std::uint64_t retries = 0;
  Result send_once(const Request& request);
};

Client::Client(std::optional<Credentials> credentials, RetryPolicy retry)
    : impl_(std::make_unique<Impl>()) {
  global_init();
  impl_->curl = curl_easy_init();
  impl_->credentials = std::move(credentials);
  impl_->retry = std::move(retry);
}

std::uint64_t Client::retries() const { return impl_->retries; }

Result Client::send(const Request& request) {
  auto wait = impl_->retry.wait;
  for (int attempt = 0;; ++attempt) {
    Result result = impl_->send_once(request);
    std::string reason;
    // A request that may have been carried out is only sent again when
    // doing it twice does no harm.
    if (const auto* failure = std::get_if<TransportError>(&result)) {
      const bool retry = failure->kind == TransportFailure::Refused ||
                         (request.idempotent && (failure->kind == TransportFailure::Timeout ||
                                                 failure->kind == TransportFailure::Interrupted));
      if (!retry) return result;
      reason = failure->error.message;
    } else {
      const long status = std::get<Response>(result).status;
      const bool not_done = status == 408 || status == 429 || status == 503;
      if (!(not_done || (request.idempotent && transient_status(status)))) return result;
      reason = request.method + " " + request.url + ": HTTP " + std::to_string(status);
    }
    if (attempt >= impl_->retry.retries) return result;
    ++impl_->retries;
    if (impl_->retry.on_retry) {
      impl_->retry.on_retry(reason + "; retrying in " + std::to_string(wait.count()) + " ms");
    }
    std::this_thread::sleep_for(wait);
    wait = std::min(wait * 2, std::chrono::milliseconds(30000));
  }
}

Client::~Client() {
  if (impl_->curl != nullptr) curl_easy_cleanup(impl_->curl);
}

Result Client::Impl::send_once(const Request& request) {
  if (curl == nullptr)
    return TransportError{TransportFailure::Other,
                          Error(ErrorKind::Internal, "cannot start libcurl")};
  // No curl_easy_reset: it would also forget the Digest nonce, and every
  // request would then go out twice (challenge, then answer). What varies
  // between requests is set below, every time.
  Response response;
  char error_text[CURL_ERROR_SIZE] = {};
  curl_easy_setopt(curl, CURLOPT_URL, request.url.c_str());
  curl_easy_setopt(curl, CURLOPT_ERRORBUFFER, error_text);
  curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
  // Redirects are followed for reads only: a body sent to one server must
  // never travel on to wherever its answer points.
  const bool reads = request.method == "GET" || request.method == "HEAD";
  curl_easy_setopt(curl, CURLOPT_FOLLOWLOCATION, reads ? 1L : 0L);
  curl_easy_setopt(curl, CURLOPT_REDIR_PROTOCOLS_STR, "http,https");
  curl_easy_setopt(curl, CURLOPT_MAXREDIRS, 5L);
  // A 303/302 after a POST must not turn into a GET that drops the body.
  curl_easy_setopt(curl, CURLOPT_POSTREDIR, static_cast<long>(CURL_REDIR_POST_ALL));
  curl_easy_setopt(curl, CURLOPT_ACCEPT_ENCODING, "");  // gzip when offered
  curl_easy_setopt(curl, CURLOPT_CONNECTTIMEOUT_MS, 10000L);
  curl_easy_setopt(curl, CURLOPT_TIMEOUT_MS, static_cast<long>(request.timeout.count()));
  curl_easy_setopt(curl, CURLOPT_USERAGENT, "quiver/0.1");
  curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, append_body);
  BodySink sink{&response.body, request.max_response_bytes};
  curl_easy_setopt(curl, CURLOPT_WRITEDATA, &sink);
  curl_easy_setopt(curl, CURLOPT_CUSTOMREQUEST, nullptr);
  curl_easy_setopt(curl, CURLOPT_NOBODY, 0L);
  if (request.method == "GET") {
    curl_easy_setopt(curl, CURLOPT_HTTPGET, 1L);
  } else if (request.method == "HEAD") {
    curl_easy_setopt(curl, CURLOPT_NOBODY, 1L);
  } else {
    // In-memory bodies let curl resend them after a 401 challenge (Digest).
    curl_easy_setopt(curl, CURLOPT_POSTFIELDS, request.body.data());
    curl_easy_setopt(curl, CURLOPT_POSTFIELDSIZE_LARGE,
                     static_cast<curl_off_t>(request.body.size()));
    if (request.method != "POST") {
      curl_easy_setopt(curl, CURLOPT_CUSTOMREQUEST, request.method.c_str());
    }
  }
  if (!credentials) {
    curl_easy_setopt(curl, CURLOPT_HTTPAUTH, static_cast<long>(CURLAUTH_NONE));
  } else {
    const Credentials& c = *credentials;
    long scheme = CURLAUTH_BASIC | CURLAUTH_DIGEST;
    if (c.scheme == AuthScheme::Basic) scheme = CURLAUTH_BASIC;
    if (c.scheme == AuthScheme::Digest) scheme = CURLAUTH_DIGEST;
    curl_easy_setopt(curl, CURLOPT_HTTPAUTH, scheme);
    curl_easy_setopt(curl, CURLOPT_USERNAME, c.user.c_str());
    curl_easy_setopt(curl, CURLOPT_PASSWORD, c.password.c_str());
  }
  curl_slist* headers = nullptr;
  for (const auto& [name, value] : request.headers) {
    headers = curl_slist_append(headers, (name + ": " + value).c_str());
  }
  // curl would otherwise send "Expect: 100-continue" and wait for large bodies.
  headers = curl_slist_append(headers, "Expect:");
  curl_easy_setopt(curl, CURLOPT_HTTPHEADER, headers);

  const CURLcode code = curl_easy_perform(curl);
  curl_slist_free_all(headers);
  if (sink.exceeded) {
    return TransportError{
        TransportFailure::Other,
        Error(ErrorKind::Limit, request.method + " " + request.url +
                                    ": the answer is larger than " +
                                    std::to_string(request.max_response_bytes) + " bytes")};
  }
  if (code != CURLE_OK) {
    std::string message = error_text[0] != '\0' ? error_text : curl_easy_strerror(code);
    return TransportError{
        classify(code), Error(ErrorKind::Io, request.method + " " + request.url + ": " + message)};
  }
  curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &response.status);
  const char* type = nullptr;
  curl_easy_getinfo(curl, CURLINFO_CONTENT_TYPE, &type);
  response.content_type = media_type(type);
  return response;
}

std::string Response::summary() const {
  std::string text = body;
  if (content_type == "text/html" || text.find("<html") != std::string::npos ||
      text.find("<HTML") != std::string::npos) {
    // Keep the words, not the markup.
    std::string plain;
    bool in_tag = false;
    for (const char c : text) {
      if (c == '<') {
        in_tag = true;
        plain += ' ';
      } else if (c == '>') {
        in_tag = false;
      } else if (!in_tag) {
        plain += c;
      }
    }
    text = plain;
  }
  std::string out;
  bool space = false;
  for (const char c : text) {
    if (c == '\n' || c == '\r' || c == '\t' || c == ' ') {
      space = !out.empty();
      continue;
    }
    if (space) out += ' ';
    space = false;
    out += c;
    if (out.size() >= 400) {
      out += "...";
      break;
    }
  }
  return out;
}

bool transient_status(long status) {
  return status == 408 || status == 429 || status == 502 || status == 503 || status == 504;
}

}  // namespace quiver::http
