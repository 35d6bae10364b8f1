// `quiver validate`: a lax read of each file that discards the statements,
// so every error is reported, not just the first.

#include <iostream>

#include "cli/commands.hpp"
#include "cli/options.hpp"
#include "io/reader.hpp"

namespace quiver::cli {
namespace {

class CountingSink final : public io::QuadSink {
 public:
  void on_quad(const QuadRef&) override {}
};

}  // namespace

int run_validate(const std::vector<std::string>& args) {
  const CommandSpec spec = validate_spec();
  po::variables_map vm;
  if (!parse_command_line(spec, args, vm)) return kUsage;
  if (vm.count("help")) {
    print_help(spec);
    return kOk;
  }
  if (!vm.count("input")) {
    std::cerr << "quiver validate: no file given\nTry 'quiver help validate'.\n";
    return kUsage;
  }
  int status = kOk;
  for (const auto& input : vm["input"].as<std::vector<std::string>>()) {
    std::optional<io::Format> format;
    if (vm.count("from")) {
      format = parse_format_option("validate", vm["from"].as<std::string>());
    } else {
      format = input == "-" ? io::Format::Turtle : io::format_from_path(input);
      if (!format) {
        std::cerr << "quiver validate: cannot tell the syntax of '" << input
                  << "' from its name; use --from\n";
      }
    }
    if (!format) return kUsage;
    io::ReadOptions options;
    options.format = *format;
    options.lax = true;
    if (vm.count("base")) options.base_iri = vm["base"].as<std::string>();
    options.on_error = [](const Error& e) { std::cerr << e.to_string() << "\n"; };
    CountingSink sink;
    const io::ReadResult result = io::read_file(input, options, sink);
    const std::string name = input == "-" ? "<stdin>" : input;
    if (result.ok()) {
      std::cout << name << ": OK, " << result.quads
                << (format_has_graphs(*format) ? " quads" : " triples") << "\n";
    } else {
      std::cout << name << ": " << result.errors.size() << " error"
                << (result.errors.size() == 1 ? "" : "s") << ", " << result.quads
                << " statements read\n";
      status = kFailed;
    }
  }
  return status;
}

}  // namespace quiver::cli
