// `quiver update`: load the data, parse the request (errors with a caret,
// exit 2), apply it as one transaction, write the resulting dataset
// (atomically with -o); or send the request to a remote endpoint.

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
#include "cli/web_loader.hpp"
#include "engine/engine.hpp"
#include "io/output.hpp"
#include "io/writer.hpp"
#include "remote/endpoint.hpp"
#include "remote/service_client.hpp"
#include "sparql/parser.hpp"
#include "sparql/update.hpp"

namespace quiver::cli {
namespace {

std::vector<std::string> strings(const po::variables_map& vm, const char* name) {
  return vm.count(name) ? vm[name].as<std::vector<std::string>>() : std::vector<std::string>{};
}

// The output syntax: --format, else the --output name's, else N-Quads.
std::optional<io::Format> output_format(const po::variables_map& vm) {
  std::optional<io::Format> format = io::Format::NQuads;
  if (vm.count("format")) {
    format = io::format_from_name(vm["format"].as<std::string>());
  } else if (vm.count("output")) {
    if (auto f = io::format_from_path(vm["output"].as<std::string>())) format = f;
  }
  if (!format || !(*format == io::Format::NQuads || *format == io::Format::TriG ||
                   *format == io::Format::Turtle || *format == io::Format::NTriples)) {
    std::cerr << "quiver update: --format is nquads, trig, turtle or ntriples\n";
    return std::nullopt;
  }
  return format;
}

// --endpoint: the request goes as it is (the server may speak a dialect);
// when it refuses a request Quiver cannot parse either, both say why.
int run_remote(const po::variables_map& vm, const RequestText& text,
               const std::optional<std::chrono::milliseconds>& timeout,
               const std::string& local_error) {
  if (vm.count("data") || vm.count("named") || vm.count("output") || vm.count("format") ||
      vm.count("explain") || vm.count("time") || vm.count("union-default-graph")) {
    std::cerr << "quiver update: --endpoint runs the update remotely; --data, --named, "
                 "--output, --format, --explain, --time and --union-default-graph do not apply\n";
    return kUsage;
  }
  const CredentialsOption credentials = credentials_option("update", vm);
  if (!credentials.valid) return kUsage;
  remote::EndpointOptions options;
  if (timeout) options.timeout = *timeout;
  options.default_graphs = strings(vm, "using-graph-uri");
  options.named_graphs = strings(vm, "using-named-graph-uri");
  http::Client client(credentials.credentials);
  const Status done =
      remote::update_endpoint(client, vm["endpoint"].as<std::string>(), text.text, options);
  if (!done) {
    std::cerr << "quiver update: " << done.error().to_string() << "\n";
    if (!local_error.empty()) std::cerr << "Quiver's own parser says:\n" << local_error;
    return kFailed;
  }
  return kOk;
}

}  // namespace

int run_update(const std::vector<std::string>& args) {
  const CommandSpec spec = update_spec();
  po::variables_map vm;
  if (const auto done = parse_command_line(spec, args, vm)) return *done;
  const auto read = read_request_text(spec, vm, "update");
  if (const int* code = std::get_if<int>(&read)) return *code;
  const RequestText& text = std::get<RequestText>(read);
  const auto timeout = timeout_option(spec, vm);
  if (const int* code = std::get_if<int>(&timeout)) return *code;
  if (vm.count("max-memory")) {
    if (const auto why = limit_memory(vm["max-memory"].as<ByteSize>().value)) {
      std::cerr << "quiver update: " << *why << "\n";
      return kUsage;
    }
  }
  sparql::ParseOptions parse_options;
  parse_options.base_iri = vm.count("base") ? vm["base"].as<std::string>() : text.base;
  using Clock = std::chrono::steady_clock;
  const Clock::time_point parsing = Clock::now();
  const auto update = sparql::parse_update(text.text, parse_options);
  const Clock::duration parse_time = Clock::now() - parsing;
  const std::string parse_error =
      update ? "" : sparql::format_parse_error(text.text, update.error(), text.name);
  if (vm.count("endpoint") && !vm.count("syntax-only")) {
    return run_remote(vm, text, std::get<0>(timeout), parse_error);
  }
  if (vm.count("using-graph-uri") || vm.count("using-named-graph-uri") || vm.count("user")) {
    std::cerr << "quiver update: --using-graph-uri, --using-named-graph-uri and --user go with "
                 "--endpoint\n";
    return kUsage;
  }
  if (!update) {
    std::cerr << parse_error;
    return kUsage;
  }
  if (vm.count("syntax-only")) {
    std::cerr << text.name << ": OK\n";
    return kOk;
  }
  const auto format = output_format(vm);
  if (!format) return kUsage;

  const Clock::time_point started = Clock::now();
  bool usage = false;
  const auto opened = open_engine("update", vm, true, usage);
  if (!opened) return usage ? kUsage : kFailed;
  engine::Engine& engine = *opened;
  const Clock::time_point loaded = Clock::now();
  engine::UpdateOptions options;
  options.timeout = std::get<0>(timeout);
  // The command line may LOAD local files, as it may read --data.
  options.load_files = true;
  options.union_default_graph = vm.count("union-default-graph") > 0;
  const remote::HttpServiceClient service;
  options.service = &service;
  options.load = web_loader(options.timeout.value_or(std::chrono::minutes(10)));
  std::string explained;
  if (vm.count("explain")) options.explain = &explained;
  const auto done = engine.update(*update, options);
  std::cerr << explained;
  if (!done) {
    // The message names the operation; a file's error (LOAD) also its place.
    const Error& error = done.error();
    std::cerr << "quiver update: " << (error.where.file.empty() ? error.message : error.to_string())
              << "\n";
    return kFailed;
  }
  for (const std::string& note : done->notes) std::cerr << "quiver update: note: " << note << "\n";
  const Clock::time_point updated = Clock::now();
  if (vm.count("db") && !vm.count("output")) {
    // The request is committed to the database; nothing to write out.
    std::cerr << "quiver update: " << done->inserted << " inserted, " << done->removed
              << " removed\n";
    return kOk;
  }

  if (!io::format_has_graphs(*format)) {
    QuadIds named;
    named.graph = kAnyNamedGraph;
    if (engine.store().snapshot()->count(named) > 0) {
      std::cerr << "quiver update: the resulting dataset has named graphs, which "
                << io::format_name(*format) << " cannot hold: use --format trig or nquads\n";
      return kFailed;
    }
  }
  auto out = io::Output::open(vm.count("output") ? vm["output"].as<std::string>() : "-");
  if (!out) {
    std::cerr << "quiver update: " << out.error().to_string() << "\n";
    return kFailed;
  }
  io::WriteOptions write_options;
  write_options.format = *format;
  write_options.prefixes = update->prefixes;
  auto writer = io::make_writer(write_options, **out);
  Status st = engine.dump(*writer);
  if (st) st = writer->finish();
  if (st) st = (*out)->commit();
  if (!st) {
    std::cerr << "quiver update: " << st.error().to_string() << "\n";
    return kFailed;
  }
  // The phases apart, so the update's own cost can be compared with a peer's.
  if (vm.count("time")) {
    const auto seconds = [](Clock::duration d) { return std::chrono::duration<double>(d).count(); };
    std::fprintf(stderr,
                 "time: parse %.6f s, load %.6f s, update %.6f s (%llu inserted, %llu removed), "
                 "write %.6f s\n",
                 seconds(parse_time), seconds(loaded - started), seconds(updated - loaded),
                 static_cast<unsigned long long>(done->inserted),
                 static_cast<unsigned long long>(done->removed), seconds(Clock::now() - updated));
  }
  return kOk;
}

}  // namespace quiver::cli
