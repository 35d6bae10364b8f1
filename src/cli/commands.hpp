#pragma once
// The subcommands of `quiver`. Each takes its own arguments (after the
// command name) and returns the process exit code.

#include <string>
#include <vector>

namespace quiver::cli {

/// Exit codes shared by every command.
enum ExitCode : int { kOk = 0, kFailed = 1, kUsage = 2 };

int run_convert(const std::vector<std::string>& args);
int run_validate(const std::vector<std::string>& args);
int run_query(const std::vector<std::string>& args);
int run_update(const std::vector<std::string>& args);
int run_push(const std::vector<std::string>& args);
int run_serve(const std::vector<std::string>& args);
int run_load(const std::vector<std::string>& args);
int run_dump(const std::vector<std::string>& args);
int run_db(const std::vector<std::string>& args);

/// Prints the help of `command` to stdout; false if there is no such command.
bool print_command_help(const std::string& command);

}  // namespace quiver::cli
