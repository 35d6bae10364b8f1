// The SPARQL 1.1 Graph Store HTTP Protocol at /store: GET always; PUT,
// POST and DELETE with --writable. A body is parsed in full before the
// store is touched, so a syntax error (400) changes nothing.

#include <algorithm>

#include "io/output.hpp"
#include "io/reader.hpp"
#include "results/result_writer.hpp"
#include "server/negotiate.hpp"
#include "server/service.hpp"
#include "terms/iri.hpp"
#include "terms/term_reader.hpp"

namespace quiver::server {
namespace {

struct QuadCollector final : io::QuadSink {
  Status on_quad(const QuadRef& quad) override {
    triples.push_back(Triple{Term(quad.subject), Term(quad.predicate), Term(quad.object)});
    return {};
  }
  std::vector<Triple> triples;
};

// The graph a request names: nullopt for the default graph; an error reply
// when it names none or both.
std::variant<std::optional<std::string>, Reply> target_graph(const Call& call) {
  const auto graphs = param_values(call, "graph");
  const bool default_graph = std::any_of(call.params.begin(), call.params.end(),
                                         [](const auto& p) { return p.first == "default"; });
  if (default_graph == !graphs.empty() || graphs.size() > 1) {
    return text_reply(400, "name one graph: ?default or ?graph=IRI");
  }
  if (default_graph) return std::optional<std::string>();
  // A graph name is an absolute IRI: `../../etc/passwd` is not one.
  if (!has_scheme(graphs.front()) || !is_plain_iriref(graphs.front())) {
    return text_reply(400, "?graph=" + graphs.front() + " is not an absolute IRI");
  }
  return std::optional<std::string>(graphs.front());
}

std::string graph_label(const std::optional<std::string>& graph) {
  return graph ? "<" + *graph + ">" : "the default graph";
}

}  // namespace

Reply Service::graph_store(const Call& call) {
  auto target = target_graph(call);
  if (auto* reply = std::get_if<Reply>(&target)) return std::move(*reply);
  const auto& graph = std::get<std::optional<std::string>>(target);
  if (call.method == "GET" || call.method == "HEAD") return graph_store_read(call, graph);
  if (call.method == "PUT" || call.method == "POST" || call.method == "DELETE") {
    if (!options_.writable) {
      Reply reply = text_reply(405, "this store is read-only (start quiver serve with --writable)");
      reply.headers.emplace_back("Allow", "GET, HEAD");
      return reply;
    }
    return graph_store_write(call, graph);
  }
  Reply reply = text_reply(405, "the Graph Store answers GET, HEAD, PUT, POST and DELETE");
  reply.headers.emplace_back("Allow", "GET, HEAD, PUT, POST, DELETE");
  return reply;
}

Reply Service::graph_store_read(const Call& call, const std::optional<std::string>& graph) {
  static const std::vector<std::string> offers{"text/turtle",         "application/n-triples",
                                               "application/rdf+xml", "text/plain",
                                               "application/n-quads", "application/trig"};
  const auto type = negotiate(call.accept, offers);
  if (!type) return text_reply(406, "cannot answer in '" + call.accept + "'");

  // A read costs what a query does (issue 16: GETs ran beside
  // --max-concurrent queries, unbounded).
  const QuerySlot slot(running_, options_.max_concurrent);
  if (auto refused = refuse_without(slot)) return std::move(*refused);
  const std::shared_ptr<const Dataset> snapshot = engine_.store().snapshot();
  const Dataset& store = *snapshot;
  TermId graph_id = kDefaultGraph;
  if (graph) {
    graph_id = store.find_id(Term::iri(*graph).ref());
    if (graph_id == kAnyTerm || !store.has_graph(graph_id)) {
      return text_reply(404, "no graph <" + *graph + "> in this store");
    }
  }
  const std::uint64_t size = store.count(QuadIds{kAnyTerm, kAnyTerm, kAnyTerm, graph_id});
  if (size > options_.max_rows) {
    return text_reply(500, graph_label(graph) + " has " + std::to_string(size) +
                               " triples, more than this server's limit of " +
                               std::to_string(options_.max_rows) + " (--max-rows)");
  }
  QueryResult result;
  result.form = QueryForm::Construct;
  result.triples.reserve(size);
  auto cursor = store.match(QuadIds{kAnyTerm, kAnyTerm, kAnyTerm, graph_id});
  QuadIds batch[256];
  while (const std::size_t n = cursor->next(batch, 256)) {
    for (std::size_t i = 0; i < n; ++i) {
      result.triples.push_back(Triple{Term(store.term(batch[i].subject)),
                                      Term(store.term(batch[i].predicate)),
                                      Term(store.term(batch[i].object))});
    }
  }
  Reply reply;
  reply.headers.emplace_back("Vary", "Accept");
  auto out = io::Output::to_string(&reply.body);
  Status st = results::write_graph(
      result, io::format_from_media_type(*type).value_or(io::Format::Turtle), *out);
  if (st.ok()) st = out->commit();
  if (!st.ok()) return text_reply(500, "cannot write the graph: " + st.error().message);
  reply.content_type = *type + "; charset=utf-8";
  if (call.method == "HEAD") reply.body.clear();
  return reply;
}

Reply Service::graph_store_write(const Call& call, const std::optional<std::string>& graph) {
  std::vector<Triple> triples;
  if (call.method != "DELETE") {
    // text/plain is what a web page can POST without the browser asking
    // first (no CORS preflight): never take it as data.
    const std::string type = media_type(call.content_type);
    const auto format = type == "text/plain" ? std::nullopt : io::format_from_media_type(type);
    if (!format || !io::format_is_readable(*format)) {
      return text_reply(415,
                        "send the graph as text/turtle, application/n-triples or "
                        "application/rdf+xml (Content-Type was '" +
                            call.content_type + "')");
    }
    QuadCollector sink;
    io::ReadOptions read_options;
    read_options.format = *format;
    if (graph) read_options.base_iri = *graph;
    // Each request's blank nodes are new nodes, never ones already stored.
    static std::atomic<std::uint64_t> uploads{0};
    read_options.blank_prefix = "u" + std::to_string(++uploads) + "_";
    const io::ReadResult read = io::read_string(call.body, "<request body>", read_options, sink);
    if (!read.ok()) return text_reply(400, read.errors.front().to_string());
    triples = std::move(sink.triples);
  }

  // One transaction per request: readers see the graph before or after it.
  auto transaction = engine_.store().begin();
  if (!transaction) return text_reply(503, transaction.error().message);
  Transaction& store = **transaction;
  TermId graph_id = kDefaultGraph;
  bool exists = true;
  if (graph) {
    const Term iri = Term::iri(*graph);
    graph_id = store.find_id(iri.ref());
    exists = graph_id != kAnyTerm && store.has_graph(graph_id);
    if (call.method != "DELETE" && graph_id == kAnyTerm) {
      auto id = store.intern(iri.ref());
      if (!id) return text_reply(500, id.error().message);
      graph_id = *id;
    }
  }
  Status st;
  if (call.method == "DELETE") {
    if (!exists) return text_reply(404, "no graph <" + *graph + "> in this store");
    st = store.drop_graph(graph_id);
  } else {
    if (call.method == "PUT" && exists) st = store.clear_graph(graph_id);
    // A PUT of an empty graph still makes the graph.
    if (st.ok() && graph) st = store.create_graph(graph_id);
    for (const Triple& t : triples) {
      if (!st.ok()) break;
      st = store.insert(QuadRef{t.subject.ref(), t.predicate.ref(), t.object.ref(),
                                graph ? Term::iri(*graph).ref() : TermRef{}});
    }
  }
  if (st.ok()) st = store.commit();
  if (!st.ok()) return text_reply(500, "the store refused the change: " + st.error().message);
  if (call.method == "DELETE") return Reply{204, {}, {}, {}};
  return Reply{exists ? 204 : 201, {}, {}, {}};
}

}  // namespace quiver::server
