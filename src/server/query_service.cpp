// The SPARQL 1.1 Protocol's query operation: find the query in the
// request, parse it (400 with the parser's line:col message), negotiate the
// result format (406), run it under the concurrency and time limits (503)
// and the size limit (500), write the answer.

#include <algorithm>
#include <cstdio>

#include "io/output.hpp"
#include "results/result_format.hpp"
#include "results/result_writer.hpp"
#include "server/negotiate.hpp"
#include "server/service.hpp"
#include "sparql/parser.hpp"
#include "util/ascii.hpp"

namespace quiver::server {
namespace {

// A stream that ends with a Limit error once more than `max` rows (or
// triples) have been read from it.
class RowLimit final : public ResultStream {
 public:
  RowLimit(ResultStream& inner, std::uint64_t max, const char* what)
      : inner_(inner), max_(max), what_(what) {}
  QueryForm form() const override { return inner_.form(); }
  const std::vector<std::string>& variables() const override { return inner_.variables(); }
  bool ordered() const override { return inner_.ordered(); }
  bool boolean() override { return inner_.boolean(); }
  bool next(SolutionView& row) override { return counted(inner_.next(row)); }
  bool next(TripleView& triple) override { return counted(inner_.next(triple)); }
  const std::optional<Error>& error() const override { return error_ ? error_ : inner_.error(); }

 private:
  bool counted(bool more) {
    if (!more || error_) return false;
    if (++count_ <= max_) return true;
    error_ =
        Error(ErrorKind::Limit, std::string("the result has more than ") + std::to_string(max_) +
                                    " " + what_ + ", this server's limit (--max-rows)");
    return false;
  }

  ResultStream& inner_;
  std::uint64_t max_;
  const char* what_;
  std::uint64_t count_ = 0;
  std::optional<Error> error_;
};

const std::vector<std::string>& result_offers() {
  static const std::vector<std::string> offers{"application/sparql-results+json",
                                               "application/sparql-results+xml",
                                               "text/csv",
                                               "text/tab-separated-values",
                                               "application/json",
                                               "application/xml",
                                               "text/xml"};
  return offers;
}

const std::vector<std::string>& graph_offers() {
  static const std::vector<std::string> offers{"text/turtle",         "application/n-triples",
                                               "application/n-quads", "application/trig",
                                               "application/rdf+xml", "text/plain",
                                               "application/xml",     "text/xml"};
  return offers;
}

results::ResultFormat result_format_for(const std::string& type) {
  if (type == "application/sparql-results+xml" || type == "application/xml" || type == "text/xml")
    return results::ResultFormat::Xml;
  if (type == "text/csv") return results::ResultFormat::Csv;
  if (type == "text/tab-separated-values") return results::ResultFormat::Tsv;
  return results::ResultFormat::Json;
}

// `?format=` / `?output=` let a browser form (or SPARQLWrapper, which sends
// them besides Accept) pick what an Accept header would. A value that names
// nothing this query can be answered in is ignored, and Accept decides.
std::optional<std::string> format_override(const Call& call, bool graph) {
  for (const char* name : {"format", "output"}) {
    for (const std::string& raw : param_values(call, name)) {
      const std::string value = ascii_lower(raw);
      const auto& offers = graph ? graph_offers() : result_offers();
      if (std::find(offers.begin(), offers.end(), value) != offers.end()) return value;
      if (graph) {
        if (value == "xml" || value == "rdf+xml" || value == "rdf") return "application/rdf+xml";
        if (value == "n3" || value == "turtle" || value == "ttl") return "text/turtle";
        if (auto g = io::format_from_name(value); g && io::format_is_readable(*g)) {
          return std::string(io::media_type(*g));
        }
      } else if (auto r = results::result_format_from_name(value);
                 r && *r != results::ResultFormat::Table) {
        return std::string(results::result_media_type(*r));
      }
    }
  }
  return std::nullopt;
}

}  // namespace

Reply Service::query(const Call& call) {
  if (call.method == "HEAD") {
    Call get = call;
    get.method = "GET";
    Reply reply = query(get);
    reply.body.clear();
    return reply;
  }
  if (call.method != "GET" && call.method != "POST") {
    Reply reply = text_reply(405, "the SPARQL endpoint answers GET, HEAD and POST");
    reply.headers.emplace_back("Allow", "GET, HEAD, POST");
    return reply;
  }
  if (!param_values(call, "update").empty() ||
      media_type(call.content_type) == "application/sparql-update") {
    return update(call);
  }
  std::vector<std::string> queries = param_values(call, "query");
  if (call.method == "POST" && media_type(call.content_type) == "application/sparql-query") {
    if (!queries.empty()) {
      return text_reply(400, "a query in the body and a query parameter: give one");
    }
    queries.push_back(call.body);
  } else if (call.method == "POST" &&
             media_type(call.content_type) != "application/x-www-form-urlencoded") {
    return text_reply(415,
                      "POST a query as application/x-www-form-urlencoded (query=...) or "
                      "as application/sparql-query");
  }
  if (queries.empty()) {
    return text_reply(400,
                      "no query: give ?query=... (GET), a query= form field or an "
                      "application/sparql-query body (POST)");
  }
  if (queries.size() > 1) return text_reply(400, "more than one query parameter");
  return run_query(call, queries.front());
}

Reply Service::run_query(const Call& call, const std::string& text) {
  auto parsed = sparql::parse_query(text);
  if (!parsed) return text_reply(400, sparql::format_parse_error(text, parsed.error(), "<query>"));
  sparql::Query& query = *parsed;

  const bool graph = is_graph_form(query.form);
  const auto override_type = format_override(call, graph);
  const auto type = negotiate(override_type ? *override_type : call.accept,
                              graph ? graph_offers() : result_offers());
  if (!type) {
    std::string offered;
    for (const auto& o : graph ? graph_offers() : result_offers()) offered += " " + o;
    return text_reply(406, "cannot answer in '" + (override_type ? *override_type : call.accept) +
                               "'; this query can be answered in:" + offered);
  }

  // The protocol's dataset replaces the query's FROM / FROM NAMED.
  const auto defaults = param_values(call, "default-graph-uri");
  const auto named = param_values(call, "named-graph-uri");
  if (!defaults.empty() || !named.empty()) {
    query.from = defaults;
    query.from_named = named;
  }

  const QuerySlot slot(running_, options_.max_concurrent);
  if (auto refused = refuse_without(slot)) return std::move(*refused);
  engine::QueryOptions run_options;
  run_options.timeout = options_.timeout;
  run_options.cancel = &stopping_;
  run_options.union_default_graph = options_.union_default_graph;
  run_options.service = options_.service;
  run_options.optimize = options_.optimize;
  // The query reads a snapshot: writes commit meanwhile without waiting,
  // and the server never reads local files for a FROM a client names.
  auto answer = engine_.query(query, run_options);
  auto failed = [&](const Error& error) {
    if (error.kind == ErrorKind::Timeout) {
      char seconds[32];
      std::snprintf(seconds, sizeof seconds, "%g",
                    static_cast<double>(options_.timeout.count()) / 1000);
      return text_reply(
          503, std::string("query timed out after ") + seconds + " s (the server's --timeout)");
    }
    if (error.kind == ErrorKind::Cancelled) return text_reply(503, "the server is shutting down");
    if (error.kind == ErrorKind::Limit) return text_reply(500, error.message);
    // SERVICE without --allow-service, or to an endpoint no server may reach.
    if (error.kind == ErrorKind::Unsupported) return text_reply(403, error.message);
    return text_reply(500, "query failed: " + error.to_string());
  };
  if (!answer) {
    // A FROM naming a graph that is not here is the client's mistake.
    if (answer.error().kind == ErrorKind::NotFound) return text_reply(400, answer.error().message);
    return failed(answer.error());
  }
  // The answer streams into the body; past --max-rows the stream stops
  // with a Limit error and the client gets a 500 instead of the body.
  RowLimit limited(**answer, options_.max_rows, graph ? "triples" : "rows");

  Reply reply;
  reply.headers.emplace_back("Vary", "Accept");
  auto out = io::Output::to_string(&reply.body);
  Status st;
  if (graph) {
    const auto format = io::format_from_media_type(*type);
    st = results::write_graph(limited, format.value_or(io::Format::Turtle), *out, query.prefixes);
  } else {
    results::ResultWriteOptions write_options;
    write_options.prefixes = query.prefixes;
    st = results::write_results(limited, result_format_for(*type), *out, write_options);
  }
  if (st.ok()) st = out->commit();
  if (limited.error()) return failed(*limited.error());
  if (!st.ok()) return text_reply(500, "cannot write the result: " + st.error().message);
  reply.content_type = *type;
  if (type->starts_with("text/") || type->find("json") != std::string::npos ||
      type->find("xml") != std::string::npos || type->starts_with("application/n-") ||
      *type == "application/trig") {
    reply.content_type += "; charset=utf-8";
  }
  return reply;
}

}  // namespace quiver::server
