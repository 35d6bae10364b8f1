#include "remote/push.hpp"

#include <condition_variable>
#include <exception>
#include <iostream>
#include <iterator>
#include <mutex>
#include <sstream>
#include <thread>
#include <unordered_set>

#include "http/form.hpp"
#include "io/reader.hpp"
#include "remote/endpoint.hpp"
#include "terms/iri.hpp"
#include "terms/term_reader.hpp"
#include "terms/term_writer.hpp"
#include "terms/triple_term.hpp"

namespace quiver::remote {
namespace {

using Clock = std::chrono::steady_clock;

// A literal whose N-Triples form would change meaning inside a SPARQL
// request: SPARQL decodes \u escapes before parsing, so a backslash
// followed by u or U in the text, or a control character (written \u00XX),
// cannot be sent safely.
bool sparql_safe_literal(std::string_view lexical) {
  for (std::size_t i = 0; i < lexical.size(); ++i) {
    const auto c = static_cast<unsigned char>(lexical[i]);
    if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') return false;
    if (c == '\\' && i + 1 < lexical.size() && (lexical[i + 1] == 'u' || lexical[i + 1] == 'U')) {
      return false;
    }
  }
  return true;
}

// The first pass: syntax, which graphs the data names, what SPARQL Update
// could not carry, and blank nodes shared between graphs.
class SurveySink final : public io::QuadSink {
 public:
  explicit SurveySink(Rdf12Handling rdf12) : rdf12_(rdf12) {}

  Status on_quad(const QuadRef& quad) override {
    if (rdf12_ != Rdf12Handling::Send) {
      if (Status st = check_rdf12(quad); !st) return st;
    }
    if (quad.graph.kind == TermKind::Blank) blank_graph = true;
    if (quad.graph.kind == TermKind::Iri) graphs.insert(std::string(quad.graph.value));
    if (quad.graph.is_none()) default_graph = true;
    for (const TermRef& term : {quad.subject, quad.predicate, quad.object, quad.graph}) {
      survey_term(term, quad.graph);
    }
    return {};
  }
  std::unordered_set<std::string> graphs;
  bool default_graph = false;
  bool blank_graph = false;
  std::string update_problem;
  std::string shared_blank;  // a blank node used in two graphs, if any

 private:
  Status check_rdf12(const QuadRef& quad) const {
    const Rdf12Feature feature = rdf12_feature(quad);
    if (feature == Rdf12Feature::None) return {};
    if (rdf12_ == Rdf12Handling::Refuse) {
      return Error(ErrorKind::Invalid,
                   "RDF 1.2 data (" + std::string(describe(feature)) +
                       "), which a store that reads only RDF 1.1 would refuse or misread: pass "
                       "--rdf12 if the store reads RDF 1.2 (Oxigraph, Jena 5, Quiver), or "
                       "--unstar to send each triple term as its RDF 1.1 reification");
    }
    if (feature == Rdf12Feature::BaseDirection) {
      return Error(ErrorKind::Invalid, "RDF 1.2 data (" + std::string(describe(feature)) +
                                           ") has no RDF 1.1 form, --unstar included; pass "
                                           "--rdf12 if the store reads RDF 1.2");
    }
    return {};
  }

  // Notes what SPARQL Update could not carry and where blank nodes are,
  // inside triple terms too.
  void survey_term(const TermRef& term, const TermRef& graph) {
    // Escaping is no way out: some stores decode \u escapes before parsing.
    if (term.kind == TermKind::Iri && update_problem.empty() && !is_plain_iriref(term.value)) {
      update_problem =
          "the IRI <" + std::string(term.value) + "> cannot be written in a SPARQL request";
    }
    if (term.kind == TermKind::Literal && update_problem.empty() &&
        !sparql_safe_literal(term.value)) {
      update_problem =
          "a literal holds a control character or the text \\u, which SPARQL "
          "would decode before parsing";
    }
    if (term.kind == TermKind::Blank) note_blank(term.value, graph);
    if (term.kind == TermKind::Triple) {
      if (const std::optional<Triple> parts = triple_term_parts(term.value)) {
        for (const Term* part : {&parts->subject, &parts->predicate, &parts->object}) {
          survey_term(part->ref(), graph);
        }
      }
    }
  }

  void note_blank(std::string_view label, const TermRef& graph) {
    if (!shared_blank.empty()) return;
    const std::string where = graph.is_none() ? std::string() : std::string(graph.value);
    auto [it, inserted] = blank_graphs_.try_emplace(std::string(label), where);
    if (!inserted && it->second != where) shared_blank = std::string(label);
  }
  std::unordered_map<std::string, std::string> blank_graphs_;
  Rdf12Handling rdf12_;
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
    if (response.status == 401 || response.status == 403) error.message += auth_hint();
    return error;
  }

  std::string auth_hint() const {
    return options_.credentials ? " (the server did not accept --user/--password)"
                                : " (the server wants credentials: --user and --password)";
  }

  std::string count_endpoint() const {
    if (!options_.query_endpoint.empty()) return options_.query_endpoint;
    return options_.protocol == PushProtocol::Update ? options_.endpoint : std::string();
  }

  static const std::string& line_of(const Triple& t, std::string& line) {
    line.clear();
    append_nquads_line(line,
                       QuadRef{t.subject.ref(), t.predicate.ref(), t.object.ref(), TermRef{}});
    return line;
  }

  // The whole graph: a Graph Store GET, or a CONSTRUCT at the query endpoint.
  Expected<std::vector<Triple>> fetch(const std::string& graph) {
    if (options_.protocol == PushProtocol::Update) {
      const std::string where =
          graph.empty() ? "{ ?s ?p ?o }" : "{ GRAPH <" + graph + "> { ?s ?p ?o } }";
      auto result = query_endpoint(client_, count_endpoint(),
                                   "CONSTRUCT { ?s ?p ?o } WHERE " + where, QueryForm::Construct);
      if (!result) return result.error();
      return std::move(result->triples);
    }
    http::Request request;
    request.url = graph_store_url(options_.endpoint, graph);
    request.headers.emplace_back("Accept", "application/n-triples, text/turtle;q=0.9");
    request.timeout = options_.timeout;
    http::Result result = client_.send(request);
    if (auto* failure = std::get_if<http::TransportError>(&result)) return failure->error;
    const http::Response& response = std::get<http::Response>(result);
    if (response.status == 404) return std::vector<Triple>{};
    if (response.status < 200 || response.status >= 300) {
      return refusal("GET " + request.url, response);
    }
    return parse_graph(response.body, response.content_type, request.url);
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
    // Blank nodes sent twice are new nodes twice; a replacing PUT (or
    // DROP + INSERT) is the one blank-node request that can be repeated.
    request.idempotent = !batch.blank_nodes || (batch.first && options_.replace);
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

  // The number of triples `graph` holds now: a COUNT(*) query, except for
  // the default graph of a Graph Store (many stores' SPARQL default graph is
  // the union of all graphs), which is fetched and counted.
  Expected<std::uint64_t> count(const std::string& graph) {
    const std::string query_endpoint = count_endpoint();
    if (!query_endpoint.empty() &&
        !(graph.empty() && options_.protocol == PushProtocol::GraphStore)) {
      auto n = count_query(client_, query_endpoint, count_query_for(graph));
      if (!n && n.error().kind == ErrorKind::Auth) {
        Error error = n.error();
        error.message += auth_hint();
        return error;
      }
      return n;
    }
    auto triples = fetch(graph);
    if (!triples) return triples.error();
    std::unordered_set<std::string> distinct;
    std::string line;
    for (const Triple& t : *triples) distinct.insert(line_of(t, line));
    return static_cast<std::uint64_t>(distinct.size());
  }

  // How many of the triples whose line hashes are `sent` (no blank nodes)
  // `graph` lacks: for merges, where counts cannot tell "already there"
  // from "dropped".
  Expected<std::uint64_t> missing(const std::string& graph,
                                  const std::unordered_set<std::size_t>& sent) {
    auto triples = fetch(graph);
    if (!triples) return triples.error();
    std::unordered_set<std::size_t> held;
    std::string line;
    for (const Triple& t : *triples) held.insert(std::hash<std::string>{}(line_of(t, line)));
    std::uint64_t lacking = 0;
    for (const std::size_t h : sent) lacking += held.count(h) == 0 ? 1 : 0;
    return lacking;
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
      Status st;
      try {
        st = pusher_.send_batch(std::move(batch));
      } catch (const std::exception& e) {
        st = Error(std::string("cannot send a batch: ") + e.what());
      }
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
  } else if (!replace && g.before && after < *g.before) {
    why << graph_label(g.graph) << " held " << *g.before << " triples before the push and " << after
        << " after it";
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
  if (graph.empty())
    return endpoint + (endpoint.find('?') == std::string::npos ? "?" : "&") + "default";
  return http::with_query_parameter(endpoint, "graph", graph);
}

Expected<PushReport> push(const std::vector<PushInput>& inputs, const PushOptions& options) {
  // The target graph goes into SPARQL requests and URLs as it is: only an
  // absolute IRI with nothing IRIREF excludes may (a `>` would end the IRI
  // and let the rest of the option run as a request of its own).
  if (options.target == GraphTarget::OneGraph &&
      (!is_plain_iriref(options.graph) || !has_scheme(options.graph))) {
    return Error(ErrorKind::Invalid, "--graph <" + options.graph + "> is not an absolute IRI");
  }
  auto sources = open_sources(inputs);
  if (!sources) return sources.error();

  // Pass 1: nothing is sent unless every input parses.
  SurveySink survey(options.rdf12);
  for (const Source& source : *sources) {
    io::ReadResult read = source.read(survey);
    if (!read.ok()) return read.errors.front();
  }
  if (options.target == GraphTarget::KeepGraphs && survey.blank_graph) {
    return Error(
        "the data has graphs named by blank nodes, which a store cannot address; "
        "use --graph IRI or --default-graph");
  }

  if (options.protocol == PushProtocol::Update && !survey.update_problem.empty()) {
    return Error(survey.update_problem +
                 "; push it with the Graph Store Protocol (--protocol gsp)");
  }
  if (options.target == GraphTarget::KeepGraphs && !survey.shared_blank.empty() &&
      options.on_notice) {
    options.on_notice("warning: blank node _:" + survey.shared_blank +
                      " is used in two graphs; each graph is its own request, so the store "
                      "will hold two nodes");
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
  // Blank labels from files start with "f" (open_sources); "u" is free.
  UnstarSink unstar(batches, "u");
  io::QuadSink& sink =
      options.rdf12 == Rdf12Handling::Unstar ? static_cast<io::QuadSink&>(unstar) : batches;
  for (const Source& source : *sources) {
    io::ReadResult read = source.read(sink);
    if (!read.ok()) {
      // A batch the server refused stops the read; its error is the one to tell.
      if (Status st = batches.finish(); !st.ok()) return st.error();
      return read.errors.front();  // the file changed since pass 1
    }
  }
  if (Status st = batches.finish(); !st.ok()) return st.error();
  if (Status st = sender.finish(); !st.ok()) return st.error();

  PushReport report;
  report.totals = pusher.progress();
  report.retries = pusher.retries();
  report.unstarred = unstar.reifications();
  std::vector<GraphTally> tallies = batches.take_tallies();
  for (const GraphTally& tally : tallies) {
    GraphPushReport g;
    g.graph = tally.graph;
    g.sent = tally.sent;
    g.distinct = tally.distinct;
    if (auto it = before.find(tally.graph); it != before.end()) g.before = it->second;
    report.graphs.push_back(std::move(g));
  }
  if (!options.verify) return report;
  for (std::size_t i = 0; i < report.graphs.size(); ++i) {
    GraphPushReport& g = report.graphs[i];
    auto n = pusher.count(g.graph);
    if (!n) {
      g.problem = "cannot count " + graph_label(g.graph) + " after the push: " + n.error().message;
      continue;
    }
    g.after = *n;
    g.problem = check_counts(g, options.replace);
    // A merge whose count grew by less than was sent is backed only if the
    // rest was already there: look for each sent triple.
    if (g.problem.empty() && !options.replace && g.before && *g.after - *g.before < g.distinct) {
      auto lacking = pusher.missing(g.graph, tallies[i].plain);
      if (!lacking) {
        g.problem =
            "the count of " + graph_label(g.graph) + " grew by " +
            std::to_string(*g.after - *g.before) + " for " + std::to_string(g.distinct) +
            " distinct triples sent, and reading it back failed: " + lacking.error().message;
      } else if (*lacking > 0) {
        g.problem = std::to_string(*lacking) + " of the triples sent are not in " +
                    graph_label(g.graph) +
                    " as sent (dropped, or rewritten by the store, e.g. 007 to 7)";
      }
    }
  }
  report.verified = true;
  return report;
}

}  // namespace quiver::remote
