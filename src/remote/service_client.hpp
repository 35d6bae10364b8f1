#pragma once
/// @file
/// SERVICE over HTTP: the ServiceClient the command line (and a server
/// started with --allow-service) gives the evaluator.

#include "solutions/service_client.hpp"

namespace quiver::remote {

/// Runs SERVICE queries at http(s) SPARQL endpoints with the endpoint
/// client of endpoint.hpp (one connection per request, so that queries on
/// several threads can share it). Other IRIs are refused.
class HttpServiceClient final : public ServiceClient {
 public:
  Expected<QueryResult> select(const std::string& endpoint, const std::string& query,
                               std::chrono::steady_clock::time_point deadline) const override;
};

}  // namespace quiver::remote
