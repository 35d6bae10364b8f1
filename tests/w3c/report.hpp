#pragma once
/// @file
/// Tallies W3C test outcomes and prints them the same way for every runner:
/// `FAIL <suite> <name>: <reason>` per failure, `<suite>: N passed, N failed`
/// per suite, then `N known failures` and, last, `N passed, N failed`.

#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "known_failures.hpp"

namespace quiver::w3c {

/// The outcome of one test: nothing when it passed, else why it failed.
using Failure = std::optional<std::string>;

class Report {
 public:
  explicit Report(const std::vector<KnownFailure>& known);

  /// Also print a `PASS` line for each passing test.
  void set_verbose(bool verbose) { verbose_ = verbose; }
  /// Records test `name` of `suite`, checking it against the known failures.
  /// A multi-line reason is printed below the FAIL line as it is.
  void record(std::string_view suite, std::string_view name, const Failure& failure);
  /// Prints `<suite>: N passed, N failed`.
  void print_suite(std::string_view suite) const;
  /// Counts every known failure that matched no test as a failure; call it
  /// only when every test ran (no filter).
  void check_known_failures_used();
  /// Prints `N known failures` and `N passed, N failed`; returns the process
  /// exit code, 0 exactly when nothing failed.
  int finish() const;

 private:
  struct Tally {
    std::size_t passed = 0;
    std::size_t failed = 0;
    std::size_t known = 0;
  };
  void print_failure(std::string_view tag, std::string_view suite, std::string_view name,
                     std::string_view reason) const;

  std::map<std::string, std::string_view, std::less<>> known_;  // key -> reason
  std::map<std::string, bool, std::less<>> known_seen_;
  std::map<std::string, Tally, std::less<>> suites_;
  Tally total_;
  bool verbose_ = false;
};

}  // namespace quiver::w3c
