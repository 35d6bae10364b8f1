// `quiver validate`: a lax read of each file, so every syntax error is
// reported, not just the first. Without --ontology the statements are
// discarded; with it they are kept, and the data files are then checked
// against the ontology files (src/validate).

#include <iostream>

#include "cli/commands.hpp"
#include "cli/options.hpp"
#include "cli/shacl_validate.hpp"
#include "io/reader.hpp"
#include "validate/validator.hpp"

namespace quiver::cli {
namespace {

class CountingSink final : public io::QuadSink {
 public:
  Status on_quad(const QuadRef&) override { return {}; }
};

/// The read options for `input`, or nothing after printing why not.
std::optional<io::ReadOptions> read_options(const po::variables_map& vm, const std::string& input,
                                            bool use_from) {
  std::optional<io::Format> format;
  if (use_from && vm.count("from")) {
    format = parse_format_option("validate", vm["from"].as<std::string>());
  } else {
    format = input == "-" ? io::Format::Turtle : io::format_from_path(input);
    if (!format) {
      std::cerr << "quiver validate: cannot tell the syntax of '" << input
                << "' from its name; use --from\n";
    }
  }
  if (!format) return std::nullopt;
  io::ReadOptions options;
  options.format = *format;
  options.lax = true;
  if (vm.count("base")) options.base_iri = vm["base"].as<std::string>();
  options.on_error = [](const Error& e) { std::cerr << e.to_string() << "\n"; };
  return options;
}

/// Prints the one-line syntax verdict of a file; true when it had no error.
bool print_read_result(const std::string& input, const io::ReadOptions& options,
                       const io::ReadResult& result) {
  const std::string name = input == "-" ? "<stdin>" : input;
  if (result.ok()) {
    std::cout << name << ": OK, " << result.quads
              << (format_has_graphs(options.format) ? " quads" : " triples") << "\n";
    return true;
  }
  std::cout << name << ": " << result.error_count << " error"
            << (result.error_count == 1 ? "" : "s") << ", " << result.quads << " statements read\n";
  return false;
}

/// Reads the ontology and data files into `corpus`, printing each file's
/// syntax verdict; returns whether all were free of syntax errors, or
/// nothing on a usage error.
std::optional<bool> read_all(const po::variables_map& vm, validate::Corpus& corpus) {
  bool clean = true;
  for (const auto& [key, role] : {std::pair{"ontology", validate::Role::Ontology},
                                  std::pair{"input", validate::Role::Data}}) {
    for (const auto& input : vm[key].as<std::vector<std::string>>()) {
      const auto options = read_options(vm, input, role == validate::Role::Data);
      if (!options) return std::nullopt;
      const io::ReadResult result = corpus.add_file(input, role, *options);
      clean = print_read_result(input, *options, result) && clean;
    }
  }
  return clean;
}

int run_ontology_checks(const po::variables_map& vm) {
  validate::Corpus corpus;
  const std::optional<bool> clean = read_all(vm, corpus);
  if (!clean) return kUsage;
  if (!*clean) {
    // Checking what a lax read kept would report statements it skipped as
    // missing (untyped resources, absent claimants): fix the syntax first.
    std::cout << "ontology check: not run, the files have syntax errors\n";
    return kFailed;
  }
  const std::vector<Error> problems = validate::check_against_ontology(corpus);
  for (const Error& problem : problems) std::cerr << problem.to_string() << "\n";
  const std::size_t data_files = vm["input"].as<std::vector<std::string>>().size();
  if (problems.empty()) {
    std::cout << "ontology check: OK, " << data_files << " data file"
              << (data_files == 1 ? " conforms" : "s conform") << " to the ontology\n";
    return kOk;
  }
  std::cout << "ontology check: " << problems.size() << " problem"
            << (problems.size() == 1 ? "" : "s") << "\n";
  return kFailed;
}

}  // namespace

int run_validate(const std::vector<std::string>& args) {
  const CommandSpec spec = validate_spec();
  po::variables_map vm;
  if (const auto done = parse_command_line(spec, args, vm)) return *done;
  if (vm.count("shapes")) return run_shacl_validate(vm);
  for (const char* only_with_shapes :
       {"data", "db", "report-format", "output", "fail-on", "union-default-graph", "timeout"}) {
    if (vm.count(only_with_shapes)) {
      return usage_error(spec, "--" + std::string(only_with_shapes) + " goes with --shapes");
    }
  }
  if (!vm.count("input")) return usage_error(spec, "no file given");
  if (vm.count("ontology")) return run_ontology_checks(vm);
  int status = kOk;
  for (const auto& input : vm["input"].as<std::vector<std::string>>()) {
    const auto options = read_options(vm, input, true);
    if (!options) return kUsage;
    CountingSink sink;
    const io::ReadResult result = io::read_file(input, *options, sink);
    if (!print_read_result(input, *options, result)) status = kFailed;
  }
  return status;
}

}  // namespace quiver::cli
