#include "remote/push.hpp"

#include <condition_variable>
#include <iostream>
#include <mutex>
#include <thread>
#include <iterator>
#include <sstream>
#include <unordered_set>

#include "http/form.hpp"
#include "io/reader.hpp"
#include "remote/endpoint.hpp"

namespace quiver::remote {
namespace {

using Clock = std::chrono::steady_clock;

// The first pass: syntax, and which graphs the data names.
class SurveySink final : public io::QuadSink {
 public:
  void on_quad(const QuadRef& quad) override {
    if (quad.graph.kind == TermKind::Blank) blank_graph = true;
    if (quad.graph.kind == TermKind::Iri) graphs.insert(std::string(quad.graph.value));
    if (quad.graph.is_none()) default_graph = true;
  }
  std::unordered_set<std::string> graphs;
  bool default_graph = false;
  bool blank_graph = false;
};

// An input, read from its file or from stdin kept in memory (stdin can be
// read only once, and it is read twice).
struct Source {
  PushInput input;
  io::Format format = io::Format::Turtle;
  std::string text;  // stdin only
  std::string blank_prefix;

  io::ReadResult read(io::QuadSink& sink) const {
    io::ReadOptions options;
    options.format = format;
    options.blank_prefix = blank_prefix;
    if (input.path == "-") return io::read_string(text, "<stdin>", options, sink);
    return io::read_file(input.path, options, sink);
  }
};

Expected<std::vector<Source>> open_sources(const std::vector<PushInput>& inputs) {
  std::vector<Source> sources;
  for (const PushInput& input : inputs) {
    Source source{input, io::Format::Turtle, {}, "f" + std::to_string(sources.size() + 1) + "_"};
    if (input.format) {
      source.format = *input.format;
    } else if (auto f = io::format_from_path(input.path)) {
      source.format = *f;
    } else if (input.path != "-") {
      return Error(SourceLocation{input.path, 0, 0},
                   "cannot tell the syntax from the file name (use --from)");
    }
    if (!io::format_is_readable(source.format)) {
      return Error(SourceLocation{input.path, 0, 0}, "cannot read this format");
    }
    if (input.path == "-") {
      source.text.assign(std::istreambuf_iterator<char>(std::cin), {});
    }
    sources.push_back(std::move(source));
  }
  return sources;
}

std::string sparql_graph_open(const std::string& graph) {
  return graph.empty() ? std::string() : "GRAPH <" + graph + "> { ";
}

std::string sparql_graph_close(const std::string& graph) { return graph.empty() ? "" : " }"; }

std::string count_query_for(const std::string& graph) {
  if (graph.empty()) return "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }";
  return "SELECT (COUNT(*) AS ?n) WHERE { GRAPH <" + graph + "> { ?s ?p ?o } }";
}

std::string graph_label(const std::string& graph) {
  return graph.empty() ? "the default graph" : "<" + graph + ">";
}

class Pusher {
 public:
  explicit Pusher(const PushOptions& options)
      : options_(options),
        client_(options.credentials,
                http::RetryPolicy{options.retries, options.retry_wait, options.on_notice}) {}

  // Sends one request (the client retries transient failures); the
  // response is a 2xx.
  Expected<http::Response> send(http::Request request, const std::string& what) {
    request.timeout = options_.timeout;
    http::Result result = client_.send(request);
    if (auto* failure = std::get_if<http::TransportError>(&result)) {
      return Error(what + " failed: " + failure->error.message);
    }
    http::Response& response = std::get<http::Response>(result);
    if (response.status >= 200 && response.status < 300) return std::move(response);
    return refusal(what + " refused", response);
  }

  // An error for a non-2xx answer, with a hint for authentication.
  Error refusal(const std::string& what, const http::Response& response) const {
    Error error = http_error(what, response);
    if (response.status == 401 || response.status == 403) {
      error.message += options_.credentials
                           ? " (the server did not accept --user/--password)"
                           : " (the server wants credentials: --user and --password)";
    }
    return error;
  }

  Status send_batch(Batch&& batch) {
    if (!started_) {
      start_ = Clock::now();
      started_ = true;
    }
    http::Request request;
    request.method = "POST";
    if (options_.protocol == PushProtocol::GraphStore) {
      request.url = graph_store_url(options_.endpoint, batch.graph);
      if (batch.first && options_.replace) request.method = "PUT";
      // N-Triples is Turtle, and every Graph Store takes Turtle. The
      // directive first matters: Virtuoso 7.2 sniffs the body and rejects
      // one whose first line is a literal over 64 KB as "unsupported type"
      // unless a Turtle directive comes before it.
      request.headers.emplace_back("Content-Type", "text/turtle");
      request.body = "@prefix rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> .\n";
      request.body += batch.ntriples;
    } else {
      request.url = options_.endpoint;
      request.headers.emplace_back("Content-Type", "application/sparql-update");
      std::string update;
      if (batch.first && options_.replace) {
        update = batch.graph.empty() ? "CLEAR SILENT DEFAULT ;\n"
                                     : "DROP SILENT GRAPH <" + batch.graph + "> ;\n";
      }
      // INSERT DATA may not hold blank nodes in some stores (Virtuoso);
      // INSERT { } WHERE { } makes one fresh node per label, as wanted.
      update += batch.blank_nodes ? "INSERT { " : "INSERT DATA { ";
      update += sparql_graph_open(batch.graph);
      update += batch.ntriples;
      update += sparql_graph_close(batch.graph);
      update += batch.blank_nodes ? " } WHERE { }\n" : " }\n";
      request.body = std::move(update);
    }
    const std::uint64_t bytes = request.body.size();
    std::string what = request.method + " of " + std::to_string(batch.triples) + " triples to " +
                       graph_label(batch.graph);
    auto response = send(std::move(request), what);
    if (!response) {
      Error error = response.error();
      error.message += "; " + std::to_string(progress_.triples) +
                       " triples had been accepted before this request";
      return error;
    }
    progress_.triples += batch.triples;
    progress_.bytes += bytes;
    progress_.requests += 1;
    progress_.seconds = std::chrono::duration<double>(Clock::now() - start_).count();
    if (options_.on_progress) options_.on_progress(progress_);
    return {};
  }

  // The number of triples `graph` holds now.
  Expected<std::uint64_t> count(const std::string& graph) {
    std::string query_endpoint = options_.query_endpoint;
    if (query_endpoint.empty() && options_.protocol == PushProtocol::Update) {
      query_endpoint = options_.endpoint;
    }
    if (!query_endpoint.empty()) {
      auto n = count_query(client_, query_endpoint, count_query_for(graph));
      if (!n && n.error().message.find("HTTP 401") != std::string::npos) {
        Error error = n.error();
        error.message += options_.credentials
                             ? " (the server did not accept --user/--password)"
                             : " (the server wants credentials: --user and --password)";
        return error;
      }
      return n;
    }
    http::Request request;
    request.url = graph_store_url(options_.endpoint, graph);
    request.headers.emplace_back("Accept", "application/n-triples, text/turtle;q=0.9");
    request.timeout = options_.timeout;
    http::Result result = client_.send(request);
    if (auto* failure = std::get_if<http::TransportError>(&result)) return failure->error;
    const http::Response& response = std::get<http::Response>(result);
    if (response.status == 404) return std::uint64_t{0};
    if (response.status < 200 || response.status >= 300) {
      return refusal("GET " + request.url, response);
    }
    auto triples = parse_graph(response.body, response.content_type, request.url);
    if (!triples) return triples.error();
    std::unordered_set<std::string> distinct;
    for (const Triple& t : *triples) {
      distinct.insert(t.subject.to_ntriples() + t.predicate.to_ntriples() +
                      t.object.to_ntriples());
    }
    return static_cast<std::uint64_t>(distinct.size());
  }

  const PushProgress& progress() const { return progress_; }
  std::uint64_t retries() const { return client_.retries(); }

 private:
  const PushOptions& options_;
  http::Client client_;
  PushProgress progress_;
  Clock::time_point start_;
  bool started_ = false;
};

// Sends batches on a thread of its own, so that reading and formatting the
// next batch overlaps with the server taking the current one. One batch
// waits while one is in flight; after a failure, submit() returns it.
class PipelinedSender {
 public:
  explicit PipelinedSender(Pusher& pusher) : pusher_(pusher), worker_([this] { work(); }) {}
  ~PipelinedSender() { finish(); }

  Status submit(Batch&& batch) {
    std::unique_lock lock(mutex_);
    changed_.wait(lock, [this] { return !waiting_ || !failure_.ok(); });
    if (!failure_.ok()) return failure_;
    waiting_ = std::move(batch);
    changed_.notify_all();
    return {};
  }

  // Waits for every batch to be sent; the first failure, if any.
  Status finish() {
    {
      std::lock_guard lock(mutex_);
      done_ = true;
      changed_.notify_all();
    }
    if (worker_.joinable()) worker_.join();
    return failure_;
  }

 private:
  void work() {
    for (;;) {
      Batch batch;
      {
        std::unique_lock lock(mutex_);
        changed_.wait(lock, [this] { return waiting_.has_value() || done_; });
        if (!waiting_) return;
        batch = std::move(*waiting_);
        waiting_.reset();
        changed_.notify_all();
      }
      Status st = pusher_.send_batch(std::move(batch));
      if (!st.ok()) {
        std::lock_guard lock(mutex_);
        failure_ = st;
        changed_.notify_all();
        return;
      }
    }
  }

  Pusher& pusher_;
  std::mutex mutex_;
  std::condition_variable changed_;
  std::optional<Batch> waiting_;
  bool done_ = false;
  Status failure_;
  std::thread worker_;
};

// Why the store does not back what was sent to this graph, or "".
std::string check_counts(const GraphPushReport& g, bool replace) {
  const std::uint64_t after = *g.after;
  std::ostringstream why;
  if (replace && after != g.distinct) {
    why << "sent " << g.distinct << " distinct triples to replace " << graph_label(g.graph)
        << ", but it now holds " << after;
  } else if (!replace && after < g.distinct) {
    why << "sent " << g.distinct << " distinct triples to " << graph_label(g.graph)
        << ", but it holds only " << after;
  } else if (!replace && g.before && after > *g.before + g.distinct) {
    why << graph_label(g.graph) << " held " << *g.before << " and was sent " << g.distinct
        << " distinct triples, but now holds " << after;
  }
  std::string text = why.str();
  if (!text.empty() && after < g.distinct) {
    text += " (the store dropped triples, or merged values it takes as equal, e.g. 007 and 7)";
  }
  return text;
}

}  // namespace

bool PushReport::backed() const {
  if (!verified) return false;
  for (const auto& g : graphs) {
    if (!g.problem.empty()) return false;
  }
  return true;
}

std::string graph_store_url(const std::string& endpoint, const std::string& graph) {
  if (graph.empty()) return endpoint + (endpoint.find('?') == std::string::npos ? "?" : "&") + "default";
  return http::with_query_parameter(endpoint, "graph", graph);
}

Expected<PushReport> push(const std::vector<PushInput>& inputs, const PushOptions& options) {
  auto sources = open_sources(inputs);
  if (!sources) return sources.error();

  // Pass 1: nothing is sent unless every input parses.
  SurveySink survey;
  for (const Source& source : *sources) {
    io::ReadResult read = source.read(survey);
    if (!read.ok()) return read.errors.front();
  }
  if (options.target == GraphTarget::KeepGraphs && survey.blank_graph) {
    return Error("the data has graphs named by blank nodes, which a store cannot address; "
                 "use --graph IRI or --default-graph");
  }

  Pusher pusher(options);
  // Merging: the counts before, so that the count after can be checked.
  std::vector<std::string> targets;
  if (options.target == GraphTarget::OneGraph) {
    targets.push_back(options.graph);
  } else if (options.target == GraphTarget::DefaultGraph) {
    targets.push_back("");
  } else {
    if (survey.default_graph) targets.push_back("");
    targets.insert(targets.end(), survey.graphs.begin(), survey.graphs.end());
  }
  std::unordered_map<std::string, std::uint64_t> before;
  if (options.verify && !options.replace) {
    for (const auto& graph : targets) {
      auto n = pusher.count(graph);
      if (!n) {
        Error error = n.error();
        error.message = "cannot count " + graph_label(graph) + " before the push: " + error.message;
        return error;
      }
      before[graph] = *n;
    }
  }

  // Pass 2: send.
  std::size_t chunk = options.chunk;
  if (chunk == 0) chunk = options.protocol == PushProtocol::GraphStore ? 100000 : 1000;
  PipelinedSender sender(pusher);
  BatchSink batches(options.target, options.graph, chunk,
                    [&sender](Batch&& batch) { return sender.submit(std::move(batch)); });
  for (const Source& source : *sources) {
    io::ReadResult read = source.read(batches);
    if (!read.ok()) return read.errors.front();  // the file changed since pass 1
  }
  if (Status st = batches.finish(); !st.ok()) return st.error();
  if (Status st = sender.finish(); !st.ok()) return st.error();

  PushReport report;
  report.totals = pusher.progress();
  report.retries = pusher.retries();
  for (const GraphTally& tally : batches.tallies()) {
    GraphPushReport g;
    g.graph = tally.graph;
    g.sent = tally.sent;
    g.distinct = tally.distinct;
    if (auto it = before.find(tally.graph); it != before.end()) g.before = it->second;
    report.graphs.push_back(std::move(g));
  }
  if (!options.verify) return report;
  for (GraphPushReport& g : report.graphs) {
    auto n = pusher.count(g.graph);
    if (!n) {
      g.problem = "cannot count " + graph_label(g.graph) + " after the push: " + n.error().message;
      continue;
    }
    g.after = *n;
    g.problem = check_counts(g, options.replace);
  }
  report.verified = true;
  return report;
}

}  // namespace quiver::remote
