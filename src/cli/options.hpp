#pragma once
// Boost.Program_options glue shared by the commands: parsing with errors
// reported the same way everywhere, and the help of each command.

#include <boost/program_options.hpp>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "io/format.hpp"

namespace quiver::cli {

namespace po = boost::program_options;

/// A whole number of zero or more as an option value: `-1` is refused, not
/// wrapped around to the largest number (which turned a limit into none).
struct Count {
  /// The number.
  std::uint64_t value = 0;
};

/// Boost.Program_options' parser for Count: digits only.
void validate(boost::any& v, const std::vector<std::string>& values, Count*, int);

/// A size in bytes as an option value: digits with an optional binary
/// suffix, K, M, G or T (`512M`, `2G`; `KiB`, `MB` and the like read the same).
struct ByteSize {
  /// The size in bytes.
  std::uint64_t value = 0;
};

/// Boost.Program_options' parser for ByteSize.
void validate(boost::any& v, const std::vector<std::string>& values, ByteSize*, int);

/// A command's synopsis, description and options, for `--help` and the parser.
struct CommandSpec {
  /// The command's name, as typed after `quiver`.
  std::string name;
  /// The usage line shown after `Usage:` in `--help`.
  std::string synopsis;
  /// One or more sentences describing what the command does, shown in `--help`.
  std::string summary;
  /// The command's options, parsed and listed in `--help`.
  po::options_description options;
  /// Which arguments are taken positionally (e.g. the input files).
  po::positional_options_description positional;
  /// Example command lines, one per line, shown after the options.
  std::string examples;
};

/// The spec of `quiver convert`: options, usage line and examples.
CommandSpec convert_spec();
/// The spec of `quiver validate`: options, usage line and examples.
CommandSpec validate_spec();
/// The spec of `quiver query`: options, usage line and examples.
CommandSpec update_spec();
CommandSpec query_spec();
/// The spec of `quiver push`: options, usage line and examples.
CommandSpec push_spec();
/// The spec of `quiver serve`: options, usage line and examples.
CommandSpec serve_spec();
/// The spec of `quiver load`: options, usage line and examples.
CommandSpec load_spec();
/// The spec of `quiver dump`: options, usage line and examples.
CommandSpec dump_spec();
/// The spec of `quiver db`: options, usage line and examples.
CommandSpec db_spec();

/// Parses `args` against `spec` into `vm`: nullopt when the command goes
/// on, else its exit code, having printed the help (`--help`, 0) or the
/// usage error (2).
std::optional<int> parse_command_line(const CommandSpec& spec, const std::vector<std::string>& args,
                                      po::variables_map& vm);
/// Prints `quiver NAME: message` and where to find help; returns the usage
/// exit code (2).
int usage_error(const CommandSpec& spec, const std::string& message);
/// Prints the synopsis and options of `spec` to stdout.
void print_help(const CommandSpec& spec);

/// The format named by `--from`/`--to`, or the error already printed.
std::optional<io::Format> parse_format_option(const std::string& command, const std::string& name);

}  // namespace quiver::cli
