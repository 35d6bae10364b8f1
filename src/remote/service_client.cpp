#include "remote/service_client.hpp"

#include <algorithm>

#include "http/client.hpp"
#include "remote/endpoint.hpp"

namespace quiver::remote {

Expected<QueryResult> HttpServiceClient::select(
    const std::string& endpoint, const std::string& query,
    std::chrono::steady_clock::time_point deadline) const {
  if (!endpoint.starts_with("http://") && !endpoint.starts_with("https://")) {
    return Error(ErrorKind::Unsupported, "only http and https endpoints are queried");
  }
  using namespace std::chrono;
  EndpointOptions options;
  if (deadline != steady_clock::time_point::max()) {
    const auto left = duration_cast<milliseconds>(deadline - steady_clock::now());
    if (left.count() <= 0) return Error(ErrorKind::Timeout, "the query timed out");
    options.timeout = std::min(options.timeout, left);
  }
  http::Client client;
  auto answer = query_endpoint(client, endpoint, query, QueryForm::Select, options);
  // An endpoint that is too slow is a failed SERVICE (SILENT hides it),
  // unless the query's own time is up.
  if (!answer && answer.error().kind == ErrorKind::Timeout && steady_clock::now() < deadline) {
    Error error = answer.error();
    error.kind = ErrorKind::Io;
    return error;
  }
  return answer;
}

}  // namespace quiver::remote
