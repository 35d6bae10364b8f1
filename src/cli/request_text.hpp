#pragma once
// What `query` and `update` share: the request's text (from a file, stdin
// or the command line) and --timeout.

#include <chrono>
#include <optional>
#include <string>
#include <variant>

#include "cli/options.hpp"

namespace quiver::cli {

/// A query or update as given.
struct RequestText {
  std::string text;  ///< the request itself
  std::string name;  ///< for messages: the file, `<stdin>`, or `<query>` / `<update>`
  std::string base;  ///< the default base IRI: the file's file:// IRI, else empty
};

/// The request from `--<option> FILE` (`-` for stdin) or from the words
/// of the positional `text`; else the exit code after a message: a usage
/// mistake (2) or a file that cannot be read (1).
std::variant<RequestText, int> read_request_text(const CommandSpec& spec,
                                                 const po::variables_map& vm,
                                                 const std::string& option);

/// --timeout SECONDS: nullopt when absent (or beyond a few years); the
/// exit code 2 after a message when it is not a positive number.
std::variant<std::optional<std::chrono::milliseconds>, int> timeout_option(
    const CommandSpec& spec, const po::variables_map& vm);

}  // namespace quiver::cli
