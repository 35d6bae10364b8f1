// `quiver convert`: readers into one writer, output committed only when
// every input was read (or, with --lax, read as far as possible).

#include <iostream>
#include <memory>

#include "cli/commands.hpp"
#include "cli/database_writer.hpp"
#include "cli/options.hpp"
#include "cli/progress.hpp"
#include "io/output.hpp"
#include "io/reader.hpp"
#include "io/writer.hpp"
#include "terms/iri.hpp"
#include "terms/term_reader.hpp"
#include "terms/term_writer.hpp"

namespace quiver::cli {
namespace {

// The syntax of one input: --from, else its extension; stdin defaults to
// Turtle, which also reads N-Triples.
std::optional<io::Format> input_format(const po::variables_map& vm, const std::string& input,
                                       const std::string& command) {
  if (vm.count("from")) return parse_format_option(command, vm["from"].as<std::string>());
  if (input == "-") return io::Format::Turtle;
  auto format = io::format_from_path(input);
  if (!format) {
    std::cerr << "quiver " << command << ": cannot tell the syntax of '" << input
              << "' from its name; use --from\n";
  }
  return format;
}

std::optional<io::Format> output_format(const po::variables_map& vm) {
  if (vm.count("to")) return parse_format_option("convert", vm["to"].as<std::string>());
  if (vm.count("output")) {
    if (auto f = io::format_from_path(vm["output"].as<std::string>())) return f;
  }
  return io::Format::NTriples;
}

bool parse_prefixes(const po::variables_map& vm, io::WriteOptions& options) {
  if (!vm.count("prefix")) return true;
  for (const auto& spec : vm["prefix"].as<std::vector<std::string>>()) {
    const auto eq = spec.find('=');
    if (eq == std::string::npos) {
      std::cerr << "quiver convert: --prefix wants NAME=IRI, got '" << spec << "'\n";
      return false;
    }
    const std::string name = spec.substr(0, eq);
    const std::string iri = spec.substr(eq + 1);
    // A name the writers could not use was dropped silently.
    if (!is_pn_prefix(name) || !is_plain_iriref(iri) || !has_scheme(iri)) {
      std::cerr << "quiver convert: --prefix " << spec
                << ": wants a prefix name (a letter, then letters, digits, _, - or .) and an "
                   "absolute IRI\n";
      return false;
    }
    options.prefixes.emplace_back(name, iri);
  }
  return true;
}

// `--graph`: passes on the quads of one graph, as default-graph triples.
class GraphFilter final : public io::QuadSink {
 public:
  GraphFilter(io::QuadSink& next, std::string graph) : next_(next), graph_(std::move(graph)) {}
  void on_prefix(std::string_view name, std::string_view iri) override {
    next_.on_prefix(name, iri);
  }
  Status on_quad(const QuadRef& quad) override {
    const bool keep = graph_ == "default"
                          ? quad.graph.is_none()
                          : quad.graph.kind == TermKind::Iri && quad.graph.value == graph_;
    if (!keep) return {};
    QuadRef triple = quad;
    triple.graph = TermRef{};
    return next_.on_quad(triple);
  }

 private:
  io::QuadSink& next_;
  std::string graph_;
};

}  // namespace

int run_convert(const std::vector<std::string>& args) {
  const CommandSpec spec = convert_spec();
  po::variables_map vm;
  if (const auto done = parse_command_line(spec, args, vm)) return *done;
  std::vector<std::string> inputs{"-"};
  if (vm.count("input")) inputs = vm["input"].as<std::vector<std::string>>();
  const bool lax = vm.count("lax") > 0;

  io::WriteOptions write_options;
  const auto to = output_format(vm);
  if (!to || !parse_prefixes(vm, write_options)) return kUsage;
  write_options.format = *to;
  if (vm.count("dot-style")) {
    auto styles = io::read_dot_styles(vm["dot-style"].as<std::string>());
    if (!styles) {
      std::cerr << styles.error().to_string() << "\n";
      return kUsage;
    }
    write_options.dot_styles = std::move(*styles);
  }
  const std::string out_path = vm.count("output") ? vm["output"].as<std::string>() : "-";
  if (vm.count("db")) {
    if (vm.count("input")) return usage_error(spec, "give input files or --db DIR, not both");
    if (vm.count("from") || vm.count("base") || vm.count("lax")) {
      return usage_error(spec, "--from, --base and --lax read files, not --db");
    }
    std::optional<std::string> graph;
    if (vm.count("graph")) graph = vm["graph"].as<std::string>();
    return write_database("convert", vm["db"].as<std::string>(), graph, write_options, out_path);
  }
  std::vector<io::Format> formats;
  for (const auto& input : inputs) {
    const auto from = input_format(vm, input, "convert");
    if (!from) return kUsage;
    formats.push_back(*from);
  }

  auto out = io::Output::open(out_path);
  if (!out) {
    std::cerr << out.error().to_string() << "\n";
    return kFailed;
  }
  auto writer = io::make_writer(write_options, **out);
  std::unique_ptr<io::QuadSink> filter;
  io::QuadSink* sink = writer.get();
  if (vm.count("graph")) {
    filter = std::make_unique<GraphFilter>(*writer, vm["graph"].as<std::string>());
    sink = filter.get();
  }
  std::uint64_t skipped = 0;
  {
    ProgressSink progress(*sink);
    for (std::size_t i = 0; i < inputs.size(); ++i) {
      io::ReadOptions read_options;
      read_options.format = formats[i];
      read_options.lax = lax;
      if (vm.count("base")) read_options.base_iri = vm["base"].as<std::string>();
      if (inputs.size() > 1) read_options.blank_prefix = "f" + std::to_string(i + 1) + "_";
      read_options.on_error = [](const Error& e) { std::cerr << e.to_string() << "\n"; };
      const io::ReadResult result = io::read_file(inputs[i], read_options, progress);
      skipped += result.skipped;
      // In lax mode only syntax errors are skipped; a missing file still fails.
      if (!result.ok() && (!lax || result.error_count > result.skipped)) return kFailed;
    }
  }
  if (const Status st = writer->finish(); !st.ok()) {
    std::cerr << "quiver convert: " << st.error().message << "\n";
    return kFailed;
  }
  if (const Status st = (*out)->commit(); !st.ok()) {
    std::cerr << st.error().to_string() << "\n";
    return kFailed;
  }
  if (skipped > 0) {
    std::cerr << "quiver convert: skipped " << skipped << " bad statement"
              << (skipped == 1 ? "" : "s") << "\n";
  }
  return kOk;
}

}  // namespace quiver::cli
