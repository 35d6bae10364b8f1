#include "remote/endpoint.hpp"

#include <algorithm>
#include <charconv>

#include "http/form.hpp"
#include "io/reader.hpp"
#include "results/result_reader.hpp"
#include "util/ascii.hpp"

namespace quiver::remote {
namespace {

class TripleCollector final : public io::QuadSink {
 public:
  explicit TripleCollector(std::vector<Triple>& out) : out_(out) {}
  Status on_quad(const QuadRef& quad) override {
    out_.push_back(Triple{Term(quad.subject), Term(quad.predicate), Term(quad.object)});
    return {};
  }

 private:
  std::vector<Triple>& out_;
};

std::optional<results::ResultFormat> result_format_of(const std::string& type) {
  using results::ResultFormat;
  if (type == "application/sparql-results+json" || type == "application/json")
    return ResultFormat::Json;
  if (type == "application/sparql-results+xml" || type == "application/xml" || type == "text/xml")
    return ResultFormat::Xml;
  if (type == "text/csv") return ResultFormat::Csv;
  if (type == "text/tab-separated-values") return ResultFormat::Tsv;
  return std::nullopt;
}

}  // namespace

Error http_error(const std::string& what, const http::Response& response) {
  std::string message = what + ": HTTP " + std::to_string(response.status);
  const std::string detail = response.summary();
  if (!detail.empty()) message += ": " + detail;
  Error error(response.status == 401 ? ErrorKind::Auth : ErrorKind::Http, message);
  error.http_status = static_cast<int>(response.status);
  return error;
}

Expected<std::vector<Triple>> parse_graph(const std::string& text, const std::string& media_type,
                                          const std::string& name) {
  const auto format = io::format_from_media_type(media_type);
  if (!format || !io::format_is_readable(*format)) {
    return Error(name + ": the server sent '" + media_type + "', which is not an RDF syntax");
  }
  std::vector<Triple> triples;
  TripleCollector sink(triples);
  io::ReadOptions options;
  options.format = *format;
  const io::ReadResult read = io::read_string(text, name, options, sink);
  if (!read.ok()) return read.errors.front();
  return triples;
}

Expected<Document> fetch_document(http::Client& client, const std::string& iri,
                                  std::chrono::milliseconds timeout) {
  if (!iri.starts_with("http://") && !iri.starts_with("https://")) {
    return Error(ErrorKind::Unsupported, "<" + iri + ">: only http and https IRIs are fetched");
  }
  http::Request request;
  request.url = iri;
  request.timeout = timeout;
  request.headers.emplace_back(
      "Accept",
      "text/turtle, application/n-triples, application/n-quads, application/trig, "
      "application/rdf+xml;q=0.9, text/plain;q=0.1");
  http::Result sent = client.send(request);
  if (auto* failure = std::get_if<http::TransportError>(&sent)) return failure->error;
  http::Response& response = std::get<http::Response>(sent);
  if (response.status < 200 || response.status >= 300) return http_error(iri, response);
  auto format = io::format_from_media_type(response.content_type);
  if (!format || !io::format_is_readable(*format)) format = io::format_from_path(iri);
  if (!format || !io::format_is_readable(*format)) {
    return Error(ErrorKind::Unsupported, iri + ": the server sent '" + response.content_type +
                                             "', which is not an RDF syntax");
  }
  return Document{std::move(response.body), *format};
}

Status update_endpoint(http::Client& client, const std::string& endpoint, const std::string& update,
                       const EndpointOptions& options) {
  std::vector<std::pair<std::string, std::string>> fields;
  for (const auto& g : options.default_graphs) fields.emplace_back("using-graph-uri", g);
  for (const auto& g : options.named_graphs) fields.emplace_back("using-named-graph-uri", g);
  http::Request request;
  request.method = "POST";
  request.timeout = options.timeout;
  request.url = endpoint;
  if (!fields.empty()) {
    request.url +=
        (endpoint.find('?') == std::string::npos ? "?" : "&") + http::form_encode(fields);
  }
  request.headers.emplace_back("Content-Type", "application/sparql-update");
  request.body = update;
  // An update done twice may not be the same as once (INSERT of blank nodes).
  request.idempotent = false;
  http::Result sent = client.send(request);
  if (auto* failure = std::get_if<http::TransportError>(&sent)) return failure->error;
  const http::Response& response = std::get<http::Response>(sent);
  if (response.status < 200 || response.status >= 300) return http_error(endpoint, response);
  return {};
}

Expected<QueryResult> query_endpoint(http::Client& client, const std::string& endpoint,
                                     const std::string& query, std::optional<QueryForm> form,
                                     const EndpointOptions& options) {
  std::vector<std::pair<std::string, std::string>> fields{{"query", query}};
  for (const auto& g : options.default_graphs) fields.emplace_back("default-graph-uri", g);
  for (const auto& g : options.named_graphs) fields.emplace_back("named-graph-uri", g);
  const std::string encoded = http::form_encode(fields);

  http::Request request;
  request.timeout = options.timeout;
  if (encoded.size() <= kMaxGetQueryBytes) {
    request.url = endpoint + (endpoint.find('?') == std::string::npos ? "?" : "&") + encoded;
  } else {
    // A form, not application/sparql-query: Virtuoso 7.2 hangs on the latter.
    request.method = "POST";
    request.url = endpoint;
    request.body = encoded;
    request.headers.emplace_back("Content-Type", "application/x-www-form-urlencoded");
  }
  static constexpr const char* kGraphTypes =
      "application/n-triples, text/turtle;q=0.9, application/rdf+xml;q=0.5, text/plain;q=0.1";
  static constexpr const char* kResultTypes =
      "application/sparql-results+json, application/sparql-results+xml;q=0.9, "
      "text/tab-separated-values;q=0.5, text/csv;q=0.1";
  std::string accept = !form || !is_graph_form(*form) ? kResultTypes : kGraphTypes;
  if (!form) accept += std::string(", ") + kGraphTypes;
  request.headers.emplace_back("Accept", accept);
  http::Result sent = client.send(request);
  if (auto* failure = std::get_if<http::TransportError>(&sent)) return failure->error;
  const http::Response& response = std::get<http::Response>(sent);
  if (response.status < 200 || response.status >= 300) {
    return http_error(endpoint, response);
  }
  const auto format = result_format_of(response.content_type);
  if ((form && is_graph_form(*form)) || (!form && !format)) {
    auto triples = parse_graph(response.body, response.content_type, endpoint);
    if (!triples) return triples.error();
    QueryResult result;
    result.form = form.value_or(QueryForm::Construct);
    result.triples = std::move(*triples);
    return result;
  }
  if (!format) {
    return Error(endpoint + ": the server answered with '" + response.content_type +
                 "', not a SPARQL result format");
  }
  auto result = results::read_results(response.body, *format);
  if (!result) {
    Error error = result.error();
    error.message = "the results from " + endpoint + " do not parse: " + error.message;
    return error;
  }
  // An ASK answered as a one-cell SELECT (Virtuoso without CaseMode 2)
  // is not an ASK answer; say so instead of guessing.
  if (form && *form == QueryForm::Ask && result->form != QueryForm::Ask) {
    return Error(endpoint + ": answered an ASK query with a table, not a boolean");
  }
  if (form && *form == QueryForm::Select && result->form != QueryForm::Select) {
    return Error(endpoint + ": answered a SELECT query with a boolean");
  }
  return std::move(*result);
}

Expected<std::uint64_t> count_query(http::Client& client, const std::string& endpoint,
                                    const std::string& query, const EndpointOptions& options) {
  auto result = query_endpoint(client, endpoint, query, QueryForm::Select, options);
  if (!result) return result.error();
  if (result->solutions.size() != 1 || result->solutions[0].empty() || !result->solutions[0][0] ||
      !result->solutions[0][0]->is_literal()) {
    return Error(endpoint + ": the count query did not answer one number");
  }
  const std::string& text = result->solutions[0][0]->value();
  std::uint64_t n = 0;
  // Some stores answer counts as decimals ("12.0").
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), n);
  const bool decimal_zeros =
      end != text.data() + text.size() && *end == '.' &&
      std::all_of(end + 1, text.data() + text.size(), [](char c) { return c == '0'; });
  if (ec != std::errc() || (end != text.data() + text.size() && !decimal_zeros)) {
    return Error(endpoint + ": the count query answered '" + text + "', not a number");
  }
  return n;
}

}  // namespace quiver::remote
