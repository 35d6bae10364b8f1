// `quiver query`: load the data, parse the query (errors with a caret under
// the offending token, exit 2), run it through the engine, print the result.

#include <unistd.h>

#include <fstream>
#include <iostream>
#include <sstream>

#include "cli/commands.hpp"
#include "cli/options.hpp"
#include "engine/engine.hpp"
#include "io/output.hpp"
#include "io/reader.hpp"
#include "results/result_writer.hpp"
#include "sparql/parser.hpp"

namespace quiver::cli {
namespace {

struct QueryText {
  std::string text;
  std::string name;  // for messages
  std::string base;  // default base IRI
};

std::optional<QueryText> read_query(const po::variables_map& vm) {
  if (vm.count("query") && vm.count("text")) {
    std::cerr << "quiver query: give the query either with --query FILE or as text, not both\n";
    return std::nullopt;
  }
  if (vm.count("query")) {
    const std::string path = vm["query"].as<std::string>();
    std::stringstream ss;
    if (path == "-") {
      ss << std::cin.rdbuf();
      return QueryText{ss.str(), "<stdin>", ""};
    }
    std::ifstream in(path, std::ios::binary);
    if (!in) {
      std::cerr << path << ": error: cannot read the query file\n";
      return std::nullopt;
    }
    ss << in.rdbuf();
    return QueryText{ss.str(), path, io::file_iri(path)};
  }
  if (vm.count("text")) {
    std::string text;
    for (const auto& part : vm["text"].as<std::vector<std::string>>()) {
      if (!text.empty()) text += ' ';
      text += part;
    }
    return QueryText{text, "<query>", ""};
  }
  std::cerr << "quiver query: no query given\nTry 'quiver help query'.\n";
  return std::nullopt;
}

// `--named FILE` or `--named IRI=FILE`.
std::pair<std::string, std::string> named_graph_argument(const std::string& arg) {
  if (::access(arg.c_str(), F_OK) == 0) return {io::file_iri(arg), arg};
  const auto eq = arg.rfind('=');
  if (eq == std::string::npos) return {io::file_iri(arg), arg};
  return {arg.substr(0, eq), arg.substr(eq + 1)};
}

bool is_graph_form(sparql::QueryForm form) {
  return form == sparql::QueryForm::Construct || form == sparql::QueryForm::Describe;
}

int print_result(const engine::QueryOutcome& outcome, const sparql::Query& query,
                 const po::variables_map& vm) {
  const sparql::QueryResult& result = outcome.result;
  const std::string format_name = vm.count("format") ? vm["format"].as<std::string>() : "";
  auto out = io::Output::open("-");
  Status st;
  if (is_graph_form(result.form)) {
    io::Format format = io::Format::Turtle;
    if (!format_name.empty()) {
      auto f = io::format_from_name(format_name);
      if (!f) {
        std::cerr << "quiver query: '" << format_name
                  << "' is not a graph format (turtle, ntriples, nquads, trig, rdfxml)\n";
        return kUsage;
      }
      format = *f;
    }
    st = results::write_graph(result, format, **out, query.prefixes);
  } else {
    results::ResultFormat format =
        ::isatty(1) ? results::ResultFormat::Table : results::ResultFormat::Tsv;
    if (!format_name.empty()) {
      auto f = results::result_format_from_name(format_name);
      if (!f) {
        std::cerr << "quiver query: '" << format_name
                  << "' is not a result format (table, json, xml, csv, tsv)\n";
        return kUsage;
      }
      format = *f;
    }
    results::ResultWriteOptions options;
    options.prefixes = query.prefixes;
    st = results::write_results(result, format, **out, options);
  }
  if (st.ok()) st = (*out)->commit();
  if (!st.ok()) {
    std::cerr << "quiver query: " << st.error().message << "\n";
    return kFailed;
  }
  return kOk;
}

}  // namespace

int run_query(const std::vector<std::string>& args) {
  const CommandSpec spec = query_spec();
  po::variables_map vm;
  if (!parse_command_line(spec, args, vm)) return kUsage;
  if (vm.count("help")) {
    print_help(spec);
    return kOk;
  }
  const auto text = read_query(vm);
  if (!text) return kUsage;
  sparql::ParseOptions parse_options;
  parse_options.base_iri = vm.count("base") ? vm["base"].as<std::string>() : text->base;
  auto query = sparql::parse_query(text->text, parse_options);
  if (!query) {
    std::cerr << sparql::format_parse_error(text->text, query.error(), text->name);
    return kUsage;
  }
  if (vm.count("syntax-only")) {
    std::cerr << text->name << ": OK\n";
    return kOk;
  }

  engine::Engine engine;
  if (vm.count("data")) {
    for (const auto& path : vm["data"].as<std::vector<std::string>>()) {
      auto loaded = engine.load(path);
      if (!loaded) {
        std::cerr << loaded.error().to_string() << "\n";
        return kFailed;
      }
    }
  }
  if (vm.count("named")) {
    for (const auto& arg : vm["named"].as<std::vector<std::string>>()) {
      const auto [iri, path] = named_graph_argument(arg);
      auto loaded = engine.load_named(iri, path);
      if (!loaded) {
        std::cerr << loaded.error().to_string() << "\n";
        return kFailed;
      }
    }
  }
  engine::QueryOptions options;
  options.explain = vm.count("explain") > 0;
  if (vm.count("timeout")) {
    const double seconds = vm["timeout"].as<double>();
    if (!(seconds > 0)) {
      std::cerr << "quiver query: --timeout wants a positive number of seconds\n";
      return kUsage;
    }
    options.timeout = std::chrono::milliseconds(static_cast<std::int64_t>(seconds * 1000));
  }
  auto outcome = engine.run(*query, options);
  if (!outcome) {
    std::cerr << "quiver query: " << outcome.error().message << "\n";
    return kFailed;
  }
  if (options.explain) std::cerr << outcome->explain;
  return print_result(*outcome, *query, vm);
}

}  // namespace quiver::cli
