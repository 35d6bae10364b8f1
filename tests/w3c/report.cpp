#include "report.hpp"

#include <cstdio>

namespace quiver::w3c {

Report::Report(const std::vector<KnownFailure>& known) {
  for (const KnownFailure& k : known) known_.emplace(std::string(k.test), k.reason);
}

void Report::print_failure(std::string_view tag, std::string_view suite, std::string_view name,
                           std::string_view reason) const {
  std::string text(reason);
  while (!text.empty() && text.back() == '\n') text.pop_back();
  std::printf("%.*s %.*s %.*s: %s\n", static_cast<int>(tag.size()), tag.data(),
              static_cast<int>(suite.size()), suite.data(), static_cast<int>(name.size()),
              name.data(), text.c_str());
}

void Report::record(std::string_view suite, std::string_view name, const Failure& failure) {
  Tally& tally = suites_[std::string(suite)];
  const std::string key = std::string(suite) + "/" + std::string(name);
  const auto known = known_.find(key);
  if (known != known_.end()) {
    known_seen_[key] = true;
    if (failure) {
      print_failure("XFAIL", suite, name, known->second);
      ++tally.known;
      ++total_.known;
    } else {
      print_failure("XPASS", suite, name, "listed as a known failure but passes; remove it");
      ++tally.failed;
      ++total_.failed;
    }
    return;
  }
  if (failure) {
    print_failure("FAIL", suite, name, *failure);
    ++tally.failed;
    ++total_.failed;
  } else {
    if (verbose_) {
      std::printf("PASS %.*s %.*s\n", static_cast<int>(suite.size()), suite.data(),
                  static_cast<int>(name.size()), name.data());
    }
    ++tally.passed;
    ++total_.passed;
  }
}

void Report::print_suite(std::string_view suite) const {
  const auto it = suites_.find(suite);
  const Tally tally = it == suites_.end() ? Tally{} : it->second;
  std::printf("%.*s: %zu passed, %zu failed\n", static_cast<int>(suite.size()), suite.data(),
              tally.passed, tally.failed);
}

void Report::check_known_failures_used() {
  for (const auto& [key, reason] : known_) {
    if (known_seen_.contains(key)) continue;
    std::printf("FAIL known-failures %s: listed but no such test ran; remove it\n", key.c_str());
    ++total_.failed;
  }
}

int Report::finish() const {
  std::printf("%zu known failures\n", total_.known);
  std::printf("%zu passed, %zu failed\n", total_.passed, total_.failed);
  std::fflush(stdout);
  return total_.failed == 0 ? 0 : 1;
}

}  // namespace quiver::w3c
