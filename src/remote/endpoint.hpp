#pragma once
/// @file
/// A remote SPARQL 1.1 Protocol endpoint as a query engine: send the query,
/// read whatever result format the server picked.

#include <chrono>
#include <optional>
#include <string>
#include <vector>

#include "http/client.hpp"
#include "io/format.hpp"
#include "solutions/query_result.hpp"
#include "sparql/algebra.hpp"
#include "util/expected.hpp"

namespace quiver::remote {

/// How to ask the endpoint.
struct EndpointOptions {
  /// The whole request must end within this.
  std::chrono::milliseconds timeout{std::chrono::minutes(10)};
  /// `default-graph-uri` parameters (the protocol's FROM).
  std::vector<std::string> default_graphs;
  /// `named-graph-uri` parameters (the protocol's FROM NAMED).
  std::vector<std::string> named_graphs;
};

/// Queries longer than this (URL-encoded) go as a form POST, not a GET:
/// servers refuse long URLs (Virtuoso at about 10 KB, some proxies at 8).
inline constexpr std::size_t kMaxGetQueryBytes = 2000;

/// Runs `query` (whose form is `form`) at `endpoint`, asking for JSON or
/// XML results (SELECT, ASK) or N-Triples / Turtle / RDF/XML (CONSTRUCT,
/// DESCRIBE), and parses the answer by its Content-Type. Without a form
/// (a query in the server's own dialect, which Quiver does not parse) it
/// accepts both kinds and the answer's type decides. A refusal comes back
/// as an error with the status and the server's own message.
Expected<QueryResult> query_endpoint(http::Client& client, const std::string& endpoint,
                                     const std::string& query, std::optional<QueryForm> form,
                                     const EndpointOptions& options = {});

/// Sends the SPARQL Update request `update` to `endpoint` (a POST with
/// `application/sparql-update`; `using-graph-uri` / `using-named-graph-uri`
/// from `options`' graphs, in the URL). Any 2xx is success; a refusal comes
/// back as an error with the status and the server's own message.
Status update_endpoint(http::Client& client, const std::string& endpoint, const std::string& update,
                       const EndpointOptions& options);

/// An RDF document fetched from the web.
struct Document {
  std::string body;   ///< its bytes
  io::Format format;  ///< its syntax, from the Content-Type (else the IRI's extension)
};

/// GETs the RDF document at `iri` (http or https only), asking for the
/// syntaxes Quiver reads (SPARQL Update's LOAD). An answer that is not 2xx,
/// or not RDF, is an error.
Expected<Document> fetch_document(http::Client& client, const std::string& iri,
                                  std::chrono::milliseconds timeout);

/// Runs a `SELECT (COUNT(*) AS ?n)` at `endpoint` and returns the number.
Expected<std::uint64_t> count_query(http::Client& client, const std::string& endpoint,
                                    const std::string& query, const EndpointOptions& options = {});

/// `what: HTTP status: the server's message`, for a refused request.
Error http_error(const std::string& what, const http::Response& response);

/// Parses an RDF document into triples (graph names dropped).
Expected<std::vector<Triple>> parse_graph(const std::string& text, const std::string& media_type,
                                          const std::string& name);

}  // namespace quiver::remote
