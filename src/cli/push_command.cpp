// `quiver push`: parse the options, run remote::push, print progress and
// the per-graph report; exit 0 only when the store backs the push.

#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <iostream>
#include <optional>
#include <utility>

#include "cli/commands.hpp"
#include "cli/credentials.hpp"
#include "cli/options.hpp"
#include "remote/push.hpp"

namespace quiver::cli {
namespace {

std::string graph_name(const std::string& graph) {
  return graph.empty() ? "default graph" : "<" + graph + ">";
}

class ProgressLine {
 public:
  explicit ProgressLine(bool quiet) : quiet_(quiet), tty_(::isatty(2) != 0) {}
  ~ProgressLine() { end(); }
  void update(const remote::PushProgress& p) {
    if (quiet_) return;
    // A terminal line is cheap to rewrite; a log gets a line every 5 s.
    const auto now = std::chrono::steady_clock::now();
    if (printed_ &&
        now - last_ < (tty_ ? std::chrono::milliseconds(100) : std::chrono::seconds(5))) {
      held_ = p;
      return;
    }
    printed_ = true;
    last_ = now;
    held_.reset();
    print(p);
  }
  // After the push: the last figures if they were held back, so that the
  // line does not end on the first request's.
  void finish() {
    // A copy: print must not read figures that reset() just ended.
    if (const auto held = std::exchange(held_, std::nullopt)) print(*held);
    end();
  }
  void notice(const std::string& text) {
    end();
    std::cerr << "quiver push: " << text << "\n";
  }
  void end() {
    if (open_) std::cerr << "\n";
    open_ = false;
  }

 private:
  void print(const remote::PushProgress& p) {
    char line[160];
    const double rate = p.seconds > 0 ? static_cast<double>(p.triples) / p.seconds : 0;
    std::snprintf(line, sizeof line,
                  "quiver push: %llu triple%s sent in %llu request%s, %.1f MB, %.0f triples/s",
                  static_cast<unsigned long long>(p.triples), p.triples == 1 ? "" : "s",
                  static_cast<unsigned long long>(p.requests), p.requests == 1 ? "" : "s",
                  static_cast<double>(p.bytes) / 1e6, rate);
    // On a terminal one line is rewritten; in a log each step is a line.
    std::cerr << (tty_ ? "\r" : "") << line << (tty_ ? "" : "\n") << std::flush;
    open_ = tty_;
  }

  bool quiet_;
  bool tty_;
  bool open_ = false;
  bool printed_ = false;
  std::chrono::steady_clock::time_point last_;
  std::optional<remote::PushProgress> held_;  // figures not printed yet
};

}  // namespace

int run_push(const std::vector<std::string>& args) {
  const CommandSpec spec = push_spec();
  po::variables_map vm;
  if (const auto done = parse_command_line(spec, args, vm)) return *done;
  const auto usage = [&spec](const std::string& message) { return usage_error(spec, message); };
  if (!vm.count("input")) return usage("no input files");
  if (!vm.count("endpoint")) return usage("--endpoint URL is required");
  if (vm.count("graph") && vm.count("default-graph")) {
    return usage("give --graph IRI or --default-graph, not both");
  }
  remote::PushOptions options;
  options.endpoint = vm["endpoint"].as<std::string>();
  const std::string protocol = vm["protocol"].as<std::string>();
  if (protocol == "update") {
    options.protocol = remote::PushProtocol::Update;
  } else if (protocol != "gsp") {
    return usage("--protocol is gsp or update, not '" + protocol + "'");
  }
  if (vm.count("graph")) {
    options.target = remote::GraphTarget::OneGraph;
    options.graph = vm["graph"].as<std::string>();
    if (options.graph.empty()) return usage("--graph wants an IRI");
  } else if (vm.count("default-graph")) {
    options.target = remote::GraphTarget::DefaultGraph;
  }
  options.replace = vm.count("replace") > 0;
  if (vm.count("chunk")) {
    options.chunk = vm["chunk"].as<Count>().value;
    if (options.chunk == 0) return usage("--chunk wants a positive number of triples");
  }
  options.retries = vm["retries"].as<int>();
  if (options.retries < 0) return usage("--retries wants 0 or more");
  const double timeout = vm["timeout"].as<double>();
  if (!(timeout > 0)) return usage("--timeout wants a positive number of seconds");
  options.timeout =
      std::chrono::milliseconds(static_cast<std::int64_t>(std::min(timeout, 1e8) * 1000));
  if (vm.count("query-endpoint")) options.query_endpoint = vm["query-endpoint"].as<std::string>();
  options.verify = vm.count("no-verify") == 0;
  if (vm.count("rdf12") && vm.count("unstar")) return usage("give --rdf12 or --unstar, not both");
  if (vm.count("rdf12")) options.rdf12 = remote::Rdf12Handling::Send;
  if (vm.count("unstar")) options.rdf12 = remote::Rdf12Handling::Unstar;
  const CredentialsOption credentials = credentials_option("push", vm);
  if (!credentials.valid) return kUsage;
  options.credentials = credentials.credentials;

  std::optional<io::Format> format;
  if (vm.count("from")) {
    format = parse_format_option("push", vm["from"].as<std::string>());
    if (!format) return kUsage;
  }
  std::vector<remote::PushInput> inputs;
  for (const auto& path : vm["input"].as<std::vector<std::string>>()) {
    inputs.push_back({path, format});
  }

  ProgressLine progress(vm.count("quiet") > 0);
  options.on_progress = [&progress](const remote::PushProgress& p) { progress.update(p); };
  options.on_notice = [&progress](const std::string& text) { progress.notice(text); };
  auto report = remote::push(inputs, options);
  progress.finish();
  if (!report) {
    std::cerr << "quiver push: " << report.error().to_string() << "\n";
    return kFailed;
  }
  if (report->unstarred > 0) {
    std::cerr << "quiver push: " << report->unstarred
              << " triple term(s) sent as RDF 1.1 reifications (--unstar)\n";
  }
  if (report->retries > 0) {
    std::cerr << "quiver push: " << report->retries << " request(s) retried\n";
  }
  for (const auto& g : report->graphs) {
    std::cout << graph_name(g.graph) << ": sent " << g.sent
              << (g.sent == 1 ? " triple" : " triples");
    if (g.distinct != g.sent) std::cout << " (" << g.distinct << " distinct)";
    if (g.after) {
      std::cout << ", graph now holds " << *g.after;
      if (g.before) std::cout << " (held " << *g.before << " before)";
    } else if (!options.verify) {
      std::cout << " (not verified: --no-verify)";
    }
    std::cout << "\n";
  }
  std::cout << std::flush;
  bool backed = !options.verify || report->backed();
  for (const auto& g : report->graphs) {
    if (!g.problem.empty()) std::cerr << "quiver push: error: " << g.problem << "\n";
  }
  if (report->graphs.empty())
    std::cerr << "quiver push: the input holds no triples; nothing sent\n";
  return backed ? kOk : kFailed;
}

}  // namespace quiver::cli
