#pragma once
/// @file
/// The W3C tests Quiver is known to fail, each with the reason. A listed
/// test that fails is reported XFAIL and not counted; one that passes is
/// reported XPASS and counted as a failure, so the list cannot go stale.

#include <string_view>
#include <vector>

namespace quiver::w3c {

/// A test expected to fail: `suite/test name` as the runner prints it.
struct KnownFailure {
  std::string_view test;
  std::string_view reason;
};

/// Known failures of the RDF 1.1 suites (runner `w3c_rdf`).
const std::vector<KnownFailure>& rdf_known_failures();

}  // namespace quiver::w3c
