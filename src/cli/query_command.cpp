// `quiver query`: load the data, parse the query (errors with a caret under
// the offending token, exit 2), run it through the engine, print the result.

#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <iostream>
#include <variant>

#include "cli/commands.hpp"
#include "cli/credentials.hpp"
#include "cli/data_options.hpp"
#include "cli/memory_limit.hpp"
#include "cli/options.hpp"
#include "cli/request_text.hpp"
#include "engine/engine.hpp"
#include "io/output.hpp"
#include "io/reader.hpp"
#include "remote/endpoint.hpp"
#include "remote/service_client.hpp"
#include "results/result_writer.hpp"
#include "sparql/parser.hpp"

namespace quiver::cli {
namespace {

// How the result is written: a graph syntax for CONSTRUCT / DESCRIBE, a
// result format for SELECT / ASK.
struct OutputFormat {
  io::Format graph = io::Format::Turtle;
  results::ResultFormat results = results::ResultFormat::Tsv;
};

// The --format for the query's form, checked before any data is read;
// nullopt (after a message) when it does not fit the form.
std::optional<OutputFormat> output_format(QueryForm form, const po::variables_map& vm) {
  const std::string name = vm.count("format") ? vm["format"].as<std::string>() : "";
  OutputFormat format;
  if (is_graph_form(form)) {
    if (!name.empty()) {
      auto f = io::format_from_name(name);
      if (!f) {
        std::cerr << "quiver query: '" << name
                  << "' is not a graph format (turtle, ntriples, nquads, trig, rdfxml, dot)\n";
        return std::nullopt;
      }
      format.graph = *f;
    }
    return format;
  }
  format.results = ::isatty(1) ? results::ResultFormat::Table : results::ResultFormat::Tsv;
  if (!name.empty()) {
    auto f = results::result_format_from_name(name);
    if (!f) {
      std::cerr << "quiver query: '" << name
                << "' is not a result format (table, json, xml, csv, tsv)\n";
      return std::nullopt;
    }
    format.results = *f;
  }
  return format;
}

int print_result(ResultStream& result, const sparql::Query& query, const OutputFormat& format) {
  auto out = io::Output::open("-");
  Status st;
  if (is_graph_form(result.form())) {
    st = results::write_graph(result, format.graph, **out, query.prefixes);
  } else {
    results::ResultWriteOptions options;
    options.prefixes = query.prefixes;
    st = results::write_results(result, format.results, **out, options);
  }
  if (st.ok()) st = (*out)->commit();
  if (!st.ok()) {
    std::cerr << "quiver query: " << st.error().message << "\n";
    return kFailed;
  }
  return kOk;
}

std::vector<std::string> strings(const po::variables_map& vm, const char* name) {
  return vm.count(name) ? vm[name].as<std::vector<std::string>>() : std::vector<std::string>{};
}

// --endpoint: the query runs remotely, its answer is printed like a local
// one. A query Quiver cannot parse (`local_error`) is sent as it is: the
// server may speak a dialect (Virtuoso's bif:, DEFINE); if it refuses too,
// both messages are shown.
int run_remote(const po::variables_map& vm, const RequestText& text, const sparql::Query* query,
               const std::string& local_error, const engine::QueryOptions& local) {
  if (vm.count("data") || vm.count("named") || vm.count("db") || vm.count("explain") ||
      vm.count("time") || vm.count("union-default-graph") || vm.count("no-optimize")) {
    std::cerr << "quiver query: --endpoint runs the query remotely; --data, --named, --db, "
                 "--explain, --time, --union-default-graph and --no-optimize do not apply\n";
    return kUsage;
  }
  const CredentialsOption credentials = credentials_option("query", vm);
  if (!credentials.valid) return kUsage;
  remote::EndpointOptions options;
  if (local.timeout) options.timeout = *local.timeout;
  options.default_graphs = strings(vm, "default-graph-uri");
  options.named_graphs = strings(vm, "named-graph-uri");
  http::Client client(credentials.credentials);
  std::optional<QueryForm> form;
  if (query) form = query->form;
  auto result =
      remote::query_endpoint(client, vm["endpoint"].as<std::string>(), text.text, form, options);
  if (!result) {
    std::cerr << "quiver query: " << result.error().to_string() << "\n";
    if (!local_error.empty()) std::cerr << "Quiver's own parser says:\n" << local_error;
    return kFailed;
  }
  if (!local_error.empty()) {
    std::cerr << "quiver query: note: not SPARQL 1.1 to Quiver's parser, but the endpoint "
                 "answered it\n";
  }
  const auto format = output_format(result->form, vm);
  if (!format) return kUsage;
  sparql::Query empty;
  return print_result(*stream_of(*result), query ? *query : empty, *format);
}

}  // namespace

int run_query(const std::vector<std::string>& args) {
  const CommandSpec spec = query_spec();
  po::variables_map vm;
  if (const auto done = parse_command_line(spec, args, vm)) return *done;
  const auto read = read_request_text(spec, vm, "query");
  if (const int* code = std::get_if<int>(&read)) return *code;
  const RequestText* text = &std::get<RequestText>(read);
  sparql::ParseOptions parse_options;
  parse_options.base_iri = vm.count("base") ? vm["base"].as<std::string>() : text->base;
  engine::QueryOptions options;
  const bool explain = vm.count("explain") > 0;
  const auto timeout = timeout_option(spec, vm);
  if (const int* code = std::get_if<int>(&timeout)) return *code;
  options.timeout = std::get<0>(timeout);
  options.union_default_graph = vm.count("union-default-graph") > 0;
  options.optimize = vm.count("no-optimize") == 0;
  const remote::HttpServiceClient service;
  options.service = &service;

  if (vm.count("max-memory")) {
    if (const auto why = limit_memory(vm["max-memory"].as<ByteSize>().value)) {
      std::cerr << "quiver query: " << *why << "\n";
      return kUsage;
    }
  }

  auto query = sparql::parse_query(text->text, parse_options);
  if (!query && vm.count("endpoint") && !vm.count("syntax-only")) {
    return run_remote(vm, *text, nullptr,
                      sparql::format_parse_error(text->text, query.error(), text->name), options);
  }
  if (!query) {
    std::cerr << sparql::format_parse_error(text->text, query.error(), text->name);
    return kUsage;
  }
  if (vm.count("syntax-only")) {
    std::cerr << text->name << ": OK\n";
    return kOk;
  }
  const auto format = output_format(query->form, vm);
  if (!format) return kUsage;

  if (vm.count("endpoint")) return run_remote(vm, *text, &*query, "", options);
  if (vm.count("default-graph-uri") || vm.count("named-graph-uri") || vm.count("user")) {
    std::cerr << "quiver query: --default-graph-uri, --named-graph-uri and --user go with "
                 "--endpoint\n";
    return kUsage;
  }

  using Clock = std::chrono::steady_clock;
  const Clock::time_point started = Clock::now();
  bool usage = false;
  const auto opened = open_engine("query", vm, false, usage);
  if (!opened) return usage ? kUsage : kFailed;
  engine::Engine& engine = *opened;
  // On the command line, FROM <file:...> names a file to read first; the
  // query itself only ever reads the store.
  const Status loaded = engine.load_query_graphs(*query);
  const Clock::time_point queried = Clock::now();
  auto answer = loaded ? engine.query(*query, options)
                       : Expected<std::unique_ptr<engine::Answer>>(loaded.error());
  if (!answer) {
    // A FROM graph's file that fails to load is named in the error.
    const Error& error = answer.error();
    std::cerr << "quiver query: " << (error.where.file.empty() ? error.message : error.to_string())
              << "\n";
    return kFailed;
  }
  const int status = print_result(**answer, *query, *format);
  // As arq --time: the load apart, so the query's own cost can be compared.
  if (vm.count("time")) {
    const auto seconds = [](Clock::duration d) { return std::chrono::duration<double>(d).count(); };
    std::fprintf(stderr, "time: load %.6f s, query %.6f s (plan, run and write)\n",
                 seconds(queried - started), seconds(Clock::now() - queried));
  }
  // The plan with the rows each operator produced: known once the answer is out.
  if (explain) std::cerr << (*answer)->explain();
  return status;
}

}  // namespace quiver::cli
