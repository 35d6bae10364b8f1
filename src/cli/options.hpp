#pragma once
// Boost.Program_options glue shared by the commands: parsing with errors
// reported the same way everywhere, and the help of each command.

#include <boost/program_options.hpp>
#include <optional>
#include <string>
#include <vector>

#include "io/format.hpp"

namespace quiver::cli {

namespace po = boost::program_options;

/// A command's synopsis, description and options, for `--help` and the parser.
struct CommandSpec {
  std::string name;
  std::string synopsis;
  std::string summary;
  po::options_description options;
  po::positional_options_description positional;
  /// Example command lines, one per line, shown after the options.
  std::string examples;
};

CommandSpec convert_spec();
CommandSpec validate_spec();
CommandSpec query_spec();

/// Parses `args` against `spec` into `vm`. On a usage error prints
/// `quiver NAME: message` and returns false.
bool parse_command_line(const CommandSpec& spec, const std::vector<std::string>& args,
                        po::variables_map& vm);
/// Prints the synopsis and options of `spec` to stdout.
void print_help(const CommandSpec& spec);

/// The format named by `--from`/`--to`, or the error already printed.
std::optional<io::Format> parse_format_option(const std::string& command, const std::string& name);

}  // namespace quiver::cli
