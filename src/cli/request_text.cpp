#include "cli/request_text.hpp"

#include <fstream>
#include <iostream>
#include <sstream>
#include <vector>

#include "cli/commands.hpp"
#include "io/reader.hpp"

namespace quiver::cli {

std::variant<RequestText, int> read_request_text(const CommandSpec& spec,
                                                 const po::variables_map& vm,
                                                 const std::string& option) {
  if (vm.count(option) && vm.count("text")) {
    std::cerr << "quiver " << spec.name << ": give the " << spec.name << " either with --" << option
              << " FILE or as text, not both\n";
    return kUsage;
  }
  if (vm.count(option)) {
    const std::string path = vm[option].as<std::string>();
    std::stringstream ss;
    if (path == "-") {
      ss << std::cin.rdbuf();
      return RequestText{ss.str(), "<stdin>", ""};
    }
    std::ifstream in(path, std::ios::binary);
    if (!in) {
      std::cerr << path << ": error: cannot read the " << spec.name << " file\n";
      return kFailed;
    }
    ss << in.rdbuf();
    return RequestText{ss.str(), path, io::file_iri(path)};
  }
  if (vm.count("text")) {
    std::string text;
    for (const auto& part : vm["text"].as<std::vector<std::string>>()) {
      if (!text.empty()) text += ' ';
      text += part;
    }
    return RequestText{text, "<" + spec.name + ">", ""};
  }
  return usage_error(spec, "no " + spec.name + " given");
}

std::variant<std::optional<std::chrono::milliseconds>, int> timeout_option(
    const CommandSpec& spec, const po::variables_map& vm) {
  if (!vm.count("timeout")) return std::nullopt;
  const double seconds = vm["timeout"].as<double>();
  if (!(seconds > 0)) {
    std::cerr << "quiver " << spec.name << ": --timeout wants a positive number of seconds\n";
    return kUsage;
  }
  // Beyond a few years is no limit (and would overflow the clock).
  if (seconds >= 1e8) return std::nullopt;
  return std::chrono::milliseconds(static_cast<std::int64_t>(seconds * 1000));
}

}  // namespace quiver::cli
