#pragma once
/// @file
/// How the evaluator reaches the endpoints a query's SERVICE names: the
/// command line through HTTP (remote/), the W3C runner through local
/// engines, a server only when allowed. Nothing here knows of HTTP.

#include <chrono>
#include <string>

#include "solutions/query_result.hpp"
#include "util/expected.hpp"

namespace quiver {

/// Runs SELECT queries at remote endpoints. Implementations are used from
/// several threads at once.
class ServiceClient {
 public:
  /// Virtual: owned through this interface.
  virtual ~ServiceClient() = default;
  /// The answer of the SELECT `query` at `endpoint`, before `deadline`.
  virtual Expected<QueryResult> select(const std::string& endpoint, const std::string& query,
                                       std::chrono::steady_clock::time_point deadline) const = 0;
};

}  // namespace quiver
